import type { WeightTable } from './table';

/**
 * Additions to and corrections of AFINN for brand comments and customer service, written for this
 * project. AFINN scores "like", "help" and "please" positive, which misreads "looks like",
 * "need help" and "please fix"; those are neutralised and the pronoun phrases scored instead.
 */
export const EN_WORDS: WeightTable = {
	'3': 'i_like i_really_like we_like really_like i_do_like love_it loved_it love_this highly_recommend recommend_it must_buy worth_it worth_every_penny best_ever on_point',
	'2': 'recommend recommended helpful friendly quick fast speedy reliable responsive courteous professional comfortable comfy affordable works_great works_perfectly resolved fixed sorted appreciate appreciated smooth on_time',
	'1': 'lol lmao rofl okay decent fine',
	'0': 'like likes help please pretty kind_of thank_god dead_on tho refund refunds rebook rebooked customer_service hold hours number gate seat bag bags flight flights',
	'-1': 'late waiting wait_time meh bland mediocre average',
	'-2': 'delayed delay delays cancelled canceled cancellation cancellations overbooked misconnect missed waited on_hold unhelpful rude slow expensive pricey overcharged charged_twice unacceptable not_like not_worth no_one nobody_cares ignored ghosted leaking leaks broke broken faulty defective damaged missing glitch glitchy buggy laggy crashes crashed crashing unresponsive flimsy cheaply_made unusable disappointing not_working stopped_working doesnt_work',
	'-3': 'still_waiting worst_service terrible_service horrible_service never_again never_buying_again stranded lost_my lost_luggage nightmare disgusting awful joke a_joke useless waste_of_money waste_of_time rip_off ripped_off scam fraud garbage trash junk caught_fire exploded food_poisoning allergic_reaction',
};
