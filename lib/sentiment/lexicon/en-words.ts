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
