import { InputError } from '../errors';
import type { Post, PostHistoryEntry, PostStatus } from '../model';
import { createLifecycleEvent, LifecycleEvent } from './events';
import { parseInstant } from './wall-clock';

export interface ReviewStep {
	name: string;
	approvers: string[];
	/** `any`: one approval completes the step; `all`: every approver except the author must approve. */
	mode: 'any' | 'all';
}

export interface ReviewWorkflow {
	steps: ReviewStep[];
}

export type ReviewAction = 'submit' | 'approve' | 'reject' | 'request_changes';

export interface ReviewDecision {
	actor: string;
	action: ReviewAction;
	comment?: string;
	/** ISO instant or Date of the decision. */
	at: string | Date;
	/** The post version the reviewer saw. Required for approve / reject / request_changes. */
	version?: number;
}

export type ReviewErrorCode = 'stale_version' | 'missing_version' | 'self_review' | 'not_an_approver' | 'already_decided' | 'invalid_transition' | 'invalid_workflow';

/** A refused review decision; `code` says why, so a workflow can answer the reviewer precisely. */
export class ReviewError extends InputError {
	readonly code: ReviewErrorCode;
	constructor(code: ReviewErrorCode, message: string) {
		super(message, 'decision');
		this.name = 'ReviewError';
		this.code = code;
	}
}

export interface ReviewProgress {
	/** 1-based number of the step awaiting decisions; undefined when the post is not in review. */
	step?: number;
	stepName?: string;
	/** Who approved the current step so far. */
	approvedBy: string[];
	/** Who may still decide on the current step. */
	pending: string[];
}

function validateWorkflow(workflow: ReviewWorkflow): void {
	if (!workflow.steps.length) throw new ReviewError('invalid_workflow', 'the review workflow has no steps');
	workflow.steps.forEach((s, i) => {
		if (!s.approvers.length) throw new ReviewError('invalid_workflow', `review step ${i + 1} "${s.name}" has no approvers`);
		if (s.mode !== 'any' && s.mode !== 'all') throw new ReviewError('invalid_workflow', `review step ${i + 1} mode must be "any" or "all"`);
	});
}

/** Approvers who may decide a step: everyone listed except the author (no self-approval). */
function eligible(step: ReviewStep, author: string | undefined): string[] {
	return [...new Set(step.approvers)].filter((a) => a !== author);
}

/**
 * Where a post stands in its review, read from its history alone (no hidden state): the approvals
 * recorded for the current version since its last submission, step by step.
 */
export function reviewProgress(post: Post, workflow: ReviewWorkflow): ReviewProgress {
	validateWorkflow(workflow);
	let submitted = -1;
	post.history.forEach((h, i) => {
		if (h.action === 'submit') submitted = i;
	});
	if (post.status !== 'in_review' || submitted < 0) return { approvedBy: [], pending: [] };
	const approvals = post.history.slice(submitted + 1).filter((h) => h.action === 'approve' && h.version === post.version);
	for (let i = 0; i < workflow.steps.length; i++) {
		const step = workflow.steps[i];
		const who = eligible(step, post.author);
		if (!who.length) throw new ReviewError('invalid_workflow', `review step ${i + 1} "${step.name}" has no approver other than the author`);
		const approvedBy = [...new Set(approvals.filter((h) => h.step === i + 1).map((h) => h.actor))];
		const done = step.mode === 'any' ? approvedBy.length > 0 : who.every((a) => approvedBy.includes(a));
		if (!done) return { step: i + 1, stepName: step.name, approvedBy, pending: who.filter((a) => !approvedBy.includes(a)) };
	}
	return { approvedBy: [], pending: [] };
}

function lastSubmittedVersion(post: Post): number | undefined {
	return [...post.history].reverse().find((h) => h.action === 'submit')?.version;
}

/**
 * Why `reviewer` could not decide the post's current review step now (the refusal reviewPost would give
 * them), or undefined when they can. Used before sending approval links, so a link is never sent to
 * someone whose click would only be refused.
 */
export function reviewerRefusal(post: Post, workflow: ReviewWorkflow, reviewer: string): ReviewError | undefined {
	const progress = reviewProgress(post, workflow);
	if (progress.step === undefined) return new ReviewError('invalid_transition', `post ${post.id} is ${post.status}, not awaiting a review decision: submit it first`);
	if (lastSubmittedVersion(post) !== post.version) return new ReviewError('stale_version', `version ${post.version} was changed after submission: submit it again`);
	const where = `step ${progress.step} "${progress.stepName}"`;
	if (reviewer === post.author) return new ReviewError('self_review', `${reviewer} is the author and cannot decide on their own post (${where})`);
	if (!workflow.steps[progress.step - 1].approvers.includes(reviewer)) {
		return new ReviewError('not_an_approver', `${reviewer} is not an approver of ${where} (its approvers: ${eligible(workflow.steps[progress.step - 1], post.author).join(', ')})`);
	}
	if (progress.approvedBy.includes(reviewer)) return new ReviewError('already_decided', `${reviewer} already approved ${where} (still pending: ${progress.pending.join(', ')})`);
	return undefined;
}

/**
 * Applies one review decision and returns the new post (the input is not modified) with the
 * lifecycle event to emit. draft | rejected --submit--> in_review --approve (last step)--> approved;
 * in_review --reject--> rejected; in_review --request_changes--> draft. Every decision is appended
 * to `post.history` with actor, time, version, step (1-based) and comment.
 */
export function reviewPost(post: Post, decision: ReviewDecision, workflow: ReviewWorkflow): { post: Post; event: LifecycleEvent } {
	validateWorkflow(workflow);
	const at = typeof decision.at === 'string' ? parseInstant(decision.at, 'UTC', 'decision.at').toISO()! : decision.at.toISOString();
	const { actor, action } = decision;
	if (decision.version !== undefined && decision.version !== post.version) {
		throw new ReviewError('stale_version', `decision on version ${decision.version}, but the post is at version ${post.version}: review the current version`);
	}
	const record = (toStatus: PostStatus, step: number | undefined, changes: Partial<Post> = {}): Post => {
		const entry: PostHistoryEntry = { at, actor, action, fromStatus: post.status, toStatus, version: post.version };
		if (step !== undefined) entry.step = step;
		if (decision.comment) entry.comment = decision.comment;
		return { ...post, ...changes, status: toStatus, history: [...post.history, entry] };
	};
	const details = (extra: Record<string, unknown>) => (decision.comment ? { ...extra, comment: decision.comment } : extra);

	if (action === 'submit') {
		if (post.status !== 'draft' && post.status !== 'rejected') throw new ReviewError('invalid_transition', `cannot submit a post that is ${post.status}`);
		const next = record('in_review', undefined, post.author ? {} : { author: actor });
		const first = reviewProgress(next, workflow);
		return { post: next, event: createLifecycleEvent('submitted', next, at, actor, details({ step: first.step, stepName: first.stepName, pending: first.pending })) };
	}

	if (post.status !== 'in_review') throw new ReviewError('invalid_transition', `cannot ${action} a post that is ${post.status}`);
	if (decision.version === undefined) throw new ReviewError('missing_version', `${action} must say which version was reviewed`);
	const refusal = reviewerRefusal(post, workflow, actor);
	if (refusal) throw refusal;
	const progress = reviewProgress(post, workflow);
	const step = progress.step!;

	if (action === 'reject') {
		const next = record('rejected', step);
		return { post: next, event: createLifecycleEvent('rejected', next, at, actor, details({ step, stepName: progress.stepName })) };
	}
	if (action === 'request_changes') {
		const next = record('draft', step);
		return { post: next, event: createLifecycleEvent('changes_requested', next, at, actor, details({ step, stepName: progress.stepName })) };
	}
	const pending = record('in_review', step);
	const after = reviewProgress(pending, workflow);
	if (after.step === undefined) {
		const next = { ...pending, status: 'approved' as const };
		next.history[next.history.length - 1].toStatus = 'approved';
		return { post: next, event: createLifecycleEvent('approved', next, at, actor, details({ step, stepName: progress.stepName })) };
	}
	return {
		post: pending,
		event: createLifecycleEvent('step_approved', pending, at, actor, details({ step, stepName: progress.stepName, nextStep: after.step, nextStepName: after.stepName, pending: after.pending })),
	};
}
