import type { WeightTable } from './table';

/**
 * Additions to and corrections of AFINN for brand comments and customer service, written for this
 * project. AFINN scores "like", "help" and "please" positive, which misreads "looks like",
 * "need help" and "please fix"; those are neutralised and the pronoun phrases scored instead.
 */
export const EN_WORDS: WeightTable = {
	'3': 'i_like i_really_like we_like really_like i_do_like love_it loved_it love_this highly_recommend recommend_it must_buy worth_it worth_every_penny best_ever on_point masterful compelling riveting',
	'2': 'recommend recommended helpful friendly quick fast speedy reliable responsive courteous professional comfortable comfy affordable works_great works_perfectly resolved fixed sorted appreciate appreciated smooth on_time engaging witty touching insightful refreshing inventive memorable vivid heartfelt poignant thoughtful well_made well_done well_crafted well_acted well_written beautifully_made must_see',
	'1': 'lol lmao rofl okay decent fine',
	'0': 'friend friends like likes help please pretty kind_of thank_god dead_on tho refund refunds rebook rebooked customer_service hold hours number gate seat bag bags flight flights',
	'-1': 'late waiting wait_time meh bland mediocre average why how_come what\'s_the_deal what_is_the_deal what\'s_up_with keeps_telling kept_telling shallow uneven hollow flat predictable',
	'-2': 'delayed delay delays cancelled canceled cancellation cancellations overbooked misconnect missed waited on_hold unhelpful rude slow expensive pricey overcharged charged_twice unacceptable not_like not_worth no_one nobody_cares ignored ghosted leaking leaks broke broken faulty defective damaged missing glitch glitchy buggy laggy crashes crashed crashing unresponsive flimsy cheaply_made unusable disappointing not_working stopped_working doesnt_work tedious lackluster lacklustre hackneyed cliched clumsy pretentious implausible stale forgettable overlong tiresome monotonous messy muddled soulless lifeless amateurish derivative formulaic trite contrived banal unconvincing overblown overrated underwhelming unwatchable lacks lacking lack_of shoddy hung_up hang_up hanging_up no_help no_answer no_response no_reply no_word not_heard_back never_heard_back no_update no_updates no_info no_information no_explanation no_compensation let_down letting_me_down let_me_down ran_out run_around runaround stuck wasted unable not_able not_scary not_funny falls_flat fell_flat misses_the_mark',
	'-3': 'still_waiting worst_service terrible_service horrible_service never_again never_buying_again stranded lost_my lost_luggage nightmare disgusting awful joke a_joke useless waste_of_money waste_of_time rip_off ripped_off scam fraud garbage trash junk caught_fire exploded food_poisoning allergic_reaction never_fly never_flying worst_experience worst_airline worst_customer',
};

/**
 * How reviews and critics praise and pan (films, books, products), written for this project from general
 * English usage. Words that are neutral in a shop or service context are left out ("thin", "cold",
 * "routine", "recycled", "cardboard", "affecting", "tight").
 */
export const EN_REVIEW_WORDS: WeightTable = {
	'3': 'spellbinding crowd-pleaser crowd-pleasing thought-provoking well_worth must-see tour_de_force masterfully laugh-out-loud side-splitting sidesplitting uproarious life-affirming showstopper knockout',
	'2': 'absorbing captivating enthralling mesmerising luminous rousing stirring nuanced perceptive astute lyrical poetic endearing resonant evocative taut suspenseful marvellous unpretentious unforced unflinching nimble finely superbly skillfully deftly hilariously strikingly movingly wittily touchingly stunningly feel-good soulful riotous hilarity well-acted well-observed well-paced sure-handed',
	'1.5': 'moving genuine authentic sturdy',
	'1': 'subtle layered textured understated wry droll atmospheric provocative potent',
	'-1': 'juvenile sour pedestrian workmanlike generic amateur overly_long hit-and-miss',
	'-2': 'mundane hampered limp sham grotesque lethargically listless leaden inert tepid meandering ponderous heavy-handed self-indulgent schmaltzy mawkish saccharine cloying preachy shrill strident witless humourless brainless choppy convoluted far-fetched laughable dopey cheesy corny hokey cartoonish one-note one-dimensional paper-thin wooden stilted drab wearisome interminable long-winded rehashed warmed-over by-the-numbers paint-by-numbers cookie-cutter run-of-the-mill clichéd cliché cliches cliche misfires misguided misstep misjudged botched fumbles flounders sophomoric puerile crass vulgar tasteless gratuitous exploitative manipulative portentous self-important grating insufferable off-putting repugnant unsatisfying unfulfilling unrewarding aimless purposeless perfunctory half-hearted phoned-in undistinguished unremarkable uninteresting unengaging unexciting unmemorable humdrum sloppily clumsily rambling shapeless pointlessly sadistic repulsively off-kilter undercut undercuts overdone overacted overacting hammy histrionic melodramatic falls_short fell_short fall_short comes_up_short came_up_short short_on overstays_its_welcome wears_out_its_welcome runs_out_of_steam ran_out_of_steam falls_apart fell_apart goes_nowhere went_nowhere leaves_a_lot_to_be_desired leaves_much_to_be_desired nothing_special why_bother half-baked yawn snooze snoozer letdown let-down tediously ineptly lazily blandly tiresomely stultifying soporific snoozefest snooze-fest yawner borefest inane senseless ham-fisted ham-handed draggy overwritten overplotted underwritten underdeveloped glib facile simplistic maudlin treacly syrupy smarmy grueling lumbering clunky creaky flat-footed anemic anaemic bloodless airless mirthless laughless risible cringeworthy cringe-worthy cringe-inducing groan-inducing eye-rolling unintelligible nonsensical vacuous empty-headed subpar sub-par substandard low-rent bargain-basement straight-to-video direct-to-video ill-conceived ill-advised wrongheaded misbegotten ill-judged poorly_made badly_made badly_written poorly_written poorly_acted badly_acted shopworn threadbare done_to_death seen_it_all_before sleep-inducing yawn-inducing preposterous tacky tawdry sleazy misogynistic',
	'-1.5': 'just_another little_more_than nothing_more_than shrug so-so at_best nothing_new not_much_of should_have ought_to too_little so_little very_little needlessly overstuffed overcooked patchy spotty superficial by-the-book overfamiliar over-familiar more_of_the_same old_hat disposable throwaway wafer-thin absurd lurid miscalculation',
	'-3': 'dreck drek drivel tripe twaddle claptrap schlock what_a_waste mind-numbing mind-numbingly train_wreck trainwreck asinine brain-dead mean-spirited abysmal execrable wretched second-rate third-rate',
};

/**
 * What customers say to a brand about service, delivery and travel, written for this project: how they
 * complain (where is my order, still no reply, put on hold) and how they thank (you rock, above and beyond,
 * can't wait). "can't" reaches the scorer as "ca not" ("n't" is spelled "not").
 */
export const EN_SERVICE_WORDS: WeightTable = {
	'3': 'could_not_be_better could_not_have_been_better could_not_be_more_helpful could_not_have_been_more_helpful could_not_have_asked_for_better could_not_have_asked_for_a_better could_not_have_asked_for_more could_not_ask_for_a_better could_not_be_happier could_not_be_more_pleased could_not_be_more_happy could_not_ask_for_more could_not_ask_for_better would_highly_recommend would_definitely_recommend would_totally_recommend ca_not_wait can_not_wait cannot_wait cant_wait above_and_beyond made_my_day nailed_it five_stars',
	'2': 'fly_with_you_again fly_again buy_again order_again will_be_back be_back_again ca_not_complain can_not_complain cannot_complain ca_not_go_wrong can_not_go_wrong cannot_go_wrong ca_not_beat can_not_beat cannot_beat would_recommend would_buy_again would_fly_again would_stay_again would_watch_again would_order_again no_complaints shout_out shoutout hats_off thumbs_up way_to_go keep_it_up worth_watching worth_seeing rock_star rockstar hassle-free hassle_free effortless attentive accommodating prompt knowledgeable upgraded',
	'1.5': 'no_worries',
	'1': 'no_problem not_a_problem no_issues upgrade',
	'-1': 'would_be_nice would_be_great_if would_be_good_if would_be_helpful_if would_be_nice_if would_appreciate fee fees excuses excuse diverted bumped on_the_tarmac how_long when_will any_update any_updates anyone_there is_anyone',
	'-1.5': 'could_be_better could_use_some_work come_on what\'s_going_on what_is_going_on whats_going_on hold_music would_rather i\'d_rather we\'d_rather if_only i_wish we_wish',
	'-2': 'where_is_my where\'s_my wheres_my where_are_my where_are_our where_is_our how_much_longer still_no still_nothing still_sitting still_stuck still_on_hold still_delayed still_not never_received never_got never_arrived never_showed never_came put_on_hold busy_signal hidden_fees extra_charge lost_bag lost_bags lost_baggage mishandled cramped smelly filthy inoperable no_one_answers nobody_answers broken_promise broken_promises hidden_fee unreachable unanswered no-show stay_away one_star 2/10 what_were_they_thinking',
	'-3': 'could_not_be_worse could_not_have_been_worse could_not_get_any_worse ca_not_get_any_worse can_not_get_any_worse cannot_get_any_worse false_advertising bait_and_switch avoid_at_all_costs zero_stars 0/10 1/10',
};
