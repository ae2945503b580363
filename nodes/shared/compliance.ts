import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { parsePlatformRuleOverrides, type ComplianceOptions, type MessageLanguage } from '../../lib/compliance';
import { InputError } from '../../lib/errors';
import { jsonParameter, listParameter } from './posts';

/** The compliance parameters, shared by Content Calendar (Check Compliance) and Social Publish (pre-publish check). */
export function complianceProperties(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Banned Terms',
			name: 'bannedTerms',
			type: 'string',
			typeOptions: { rows: 3 },
			displayOptions,
			default: '',
			description: 'Your own banned list, one per line or comma-separated. Every hit is an error. Use "term => suggestion" to give the fix.',
		},
		{
			displayName: 'Sensitive Terms',
			name: 'sensitiveTerms',
			type: 'string',
			typeOptions: { rows: 3 },
			displayOptions,
			default: '',
			description: 'Terms a reviewer must look at (warnings), one per line or comma-separated',
		},
		{
			displayName: 'Allowed Terms',
			name: 'allowTerms',
			type: 'string',
			displayOptions,
			default: '',
			description: 'Compounds that are never findings, e.g. 最近, 第一次 (already built in) or your brand name',
		},
		{
			displayName: 'Check Advertising Law Terms',
			name: 'advertisingLaw',
			type: 'boolean',
			displayOptions,
			default: true,
			description: 'Whether to flag absolute terms banned by PRC Advertising Law article 9 (最, 第一, 顶级, 国家级, 极品, 100% and more)',
		},
		{
			displayName: 'Fail on Warnings',
			name: 'failOnWarning',
			type: 'boolean',
			displayOptions,
			default: false,
			description: 'Whether sensitive terms, non-HTTPS or shortened links also fail the check',
		},
		{
			displayName: 'Message Language',
			name: 'language',
			type: 'options',
			displayOptions,
			options: [
				{ name: '中文 / English', value: 'both' },
				{ name: '中文', value: 'zh' },
				{ name: 'English', value: 'en' },
			],
			default: 'both',
		},
		{
			displayName: 'Platform Limits (JSON)',
			name: 'platformRules',
			type: 'json',
			displayOptions,
			default: '{}',
			description:
				'Merged over the built-in rules per platform: a field you give limits for gets exactly those, the rest stay built in, e.g. {"mastodon": {"limits": [{"field": "body", "max": 1000}], "media": {"max": 8}}}. Built-in limits cover WeChat OA, Weibo, X, Mastodon, Bluesky, Telegram and more.',
		},
	];
}

function terms(ctx: IExecuteFunctions, name: string, itemIndex: number) {
	return listParameter(ctx, name, itemIndex).map((entry) => {
		const [term, suggestion] = entry.split(/\s*=>\s*/);
		return suggestion ? { term, suggestion } : term;
	});
}

export function readComplianceOptions(ctx: IExecuteFunctions, itemIndex: number): ComplianceOptions {
	return {
		bannedTerms: terms(ctx, 'bannedTerms', itemIndex),
		sensitiveTerms: terms(ctx, 'sensitiveTerms', itemIndex),
		allowTerms: listParameter(ctx, 'allowTerms', itemIndex),
		advertisingLaw: ctx.getNodeParameter('advertisingLaw', itemIndex, true) as boolean,
		failOnWarning: ctx.getNodeParameter('failOnWarning', itemIndex, false) as boolean,
		language: ctx.getNodeParameter('language', itemIndex, 'both') as MessageLanguage,
		platformRules: platformRuleOverrides(ctx, itemIndex),
	};
}

/** Platform Limits (JSON), checked here so a wrong shape stops (or, under Continue On Fail, fails) only its item, named. */
function platformRuleOverrides(ctx: IExecuteFunctions, itemIndex: number) {
	try {
		return parsePlatformRuleOverrides(jsonParameter<unknown>(ctx, 'platformRules', itemIndex, {}, 'Platform Limits (JSON)'));
	} catch (error) {
		if (error instanceof InputError) throw new InputError(`Item ${itemIndex}: ${error.message}`, 'platformRules');
		throw error;
	}
}
