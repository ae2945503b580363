import type { RiskCategory } from '../model';

export type AlertLanguage = 'zh' | 'en';
export type ActionKey = RiskCategory | 'negative_spike' | 'reply_overdue';

/**
 * Suggested actions, after the emergency plans of the source documents (seeds 000 §9.2, 001 §5.2,
 * 002 §6): an emergency group with clear duties, the flow collect → analyse → decide → act → feed back,
 * 舆论引导 / 危机公关 / 法律维权, user-complaint handling norms, data-leak response (back up, harden,
 * report to users and authorities), removing violating content with a public apology, and a risk
 * event log (风险事件库) of every incident and its handling.
 */
const ACTIONS: Readonly<Record<ActionKey, Readonly<Record<AlertLanguage, readonly string[]>>>> = {
	negative_spike: {
		zh: ['启动舆情应急预案，通知应急小组并明确分工', '收集并核实信息：来源、传播范围、关键账号与主要诉求', '统一回应口径，必要时发布说明或致歉（舆论引导、危机公关）', '持续监测舆情走势，按 收集→分析→决策→执行→反馈 闭环处置'],
		en: ['Start the public-opinion emergency plan; alert the emergency group and assign duties', 'Collect and verify: sources, spread, key accounts and main demands', 'Agree one response line; publish a statement or apology if needed (opinion guidance, crisis PR)', 'Keep monitoring and close the loop: collect → analyse → decide → act → feed back'],
	},
	complaint: {
		zh: ['按用户投诉处理规范及时回复，并私信跟进', '记录诉求并转交相关部门处理，向用户反馈进度', '问题解决后进行用户关系修复'],
		en: ['Reply promptly under the complaint-handling norms and follow up by DM', 'Log the issue, hand it to the owning team and keep the user informed', 'Repair the relationship once it is resolved'],
	},
	refund_dispute: {
		zh: ['核实订单与售后记录，按售后规则处理退款或换货', '给出明确的处理时限并私信跟进'],
		en: ['Check the order and after-sales record; handle the refund or exchange under the policy', 'Give the customer a clear deadline and follow up by DM'],
	},
	safety_quality: {
		zh: ['立即核查涉事批次与问题，必要时暂停销售或下架', '联系用户了解情况并保留证据，准备公开说明', '通知质量与法务负责人'],
		en: ['Check the batch and the problem at once; pause sales or delist if needed', 'Contact the user, keep the evidence and prepare a public statement', 'Notify the quality and legal owners'],
	},
	legal_threat: {
		zh: ['转法务评估，保全证据（截图、链接、时间）', '不在评论区争论，由指定对接人私下沟通（法律维权）'],
		en: ['Escalate to legal and preserve evidence (screenshots, links, times)', 'Do not argue in public; a named contact handles it privately'],
	},
	media_exposure: {
		zh: ['通知公关负责人，执行媒体沟通策略，指定唯一对接人', '准备事实说明材料，评估向监管部门或平台报告'],
		en: ['Alert the PR owner, follow the media-communication plan with a single spokesperson', 'Prepare a fact sheet; assess reporting to the regulator or platform'],
	},
	rumor: {
		zh: ['核实事实，准备辟谣说明与证据', '通过官方账号发布澄清，做好舆论引导'],
		en: ['Verify the facts and prepare a rebuttal with evidence', 'Publish a clarification from the official account'],
	},
	boycott: {
		zh: ['评估诉求与传播范围，确定回应口径', '必要时启动危机公关，由负责人统一回应'],
		en: ['Assess the demands and the spread; agree a response line', 'Start crisis PR if needed, with one owner answering'],
	},
	privacy_leak: {
		zh: ['立即启动信息安全事件应急响应：核实、数据备份与安全加固', '及时向用户和相关部门报告'],
		en: ['Start the information-security incident response: verify, back up data, harden', 'Report to affected users and the authorities in time'],
	},
	discrimination: {
		zh: ['核查相关内容与言论，违规内容立即删除并公开道歉', '复核内容审核流程'],
		en: ['Review the content; remove what violates policy and apologise publicly', 'Review the content-approval process'],
	},
	sensitive_term: {
		zh: ['隐藏或删除含敏感词的内容，按内容审核制度复核', '记录命中词与处理结果'],
		en: ['Hide or remove the content with the sensitive term; re-review under the approval rules', 'Record the term and the handling'],
	},
	reply_overdue: {
		zh: ['立即回复该评论或私信，并记录响应时长', '检查客服排班与响应时限设置'],
		en: ['Reply to the comment or DM now and record the response time', 'Check the support rota and the response-time limits'],
	},
};

/** Actions for an alert type plus the categories seen in its evidence, de-duplicated, in order. */
export function suggestedActions(keys: readonly ActionKey[], language: AlertLanguage = 'zh'): string[] {
	return [...new Set(keys.flatMap((k) => ACTIONS[k]?.[language] ?? []))];
}
