import { Post } from '../../../lib/model';
import { ReviewDecision, ReviewError, reviewerRefusal, reviewPost, reviewProgress, ReviewWorkflow } from '../../../lib/schedule';
import { makePost } from './fixtures';

const workflow: ReviewWorkflow = {
	steps: [
		{ name: '编辑初审', approvers: ['editor1', 'editor2'], mode: 'any' },
		{ name: 'legal', approvers: ['legal1', 'legal2', 'alice'], mode: 'all' },
	],
};
let clock = 0;
const decide = (post: Post, actor: string, action: ReviewDecision['action'], extra: Partial<ReviewDecision> = {}) =>
	reviewPost(post, { actor, action, at: `2026-03-02T0${clock++ % 10}:00:00+08:00`, version: post.version, ...extra }, workflow);
const refusal = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return (e as ReviewError).code;
	}
	return 'accepted';
};
const draft = () => makePost({ id: 'p1', status: 'draft', author: 'alice', version: 3 });

describe('reviewPost', () => {
	it('walks N steps with any/all approvers to approved, recording every decision', () => {
		const submitted = decide(draft(), 'alice', 'submit', { comment: '请审核' });
		expect(submitted.post.status).toBe('in_review');
		expect(submitted.event).toMatchObject({ type: 'submitted', postId: 'p1', actor: 'alice', details: { step: 1, stepName: '编辑初审', pending: ['editor1', 'editor2'], comment: '请审核' } });

		const s1 = decide(submitted.post, 'editor2', 'approve');
		expect(s1.event).toMatchObject({ type: 'step_approved', details: { step: 1, nextStep: 2, pending: ['legal1', 'legal2'] } });
		// 'all' excludes the author from the required set (she cannot approve her own post).
		const s2a = decide(s1.post, 'legal1', 'approve');
		expect(s2a.post.status).toBe('in_review');
		expect(reviewProgress(s2a.post, workflow)).toEqual({ step: 2, stepName: 'legal', approvedBy: ['legal1'], pending: ['legal2'] });
		const done = decide(s2a.post, 'legal2', 'approve', { comment: 'ok' });
		expect(done.post.status).toBe('approved');
		expect(done.event).toMatchObject({ type: 'approved', actor: 'legal2', details: { step: 2, version: 3, comment: 'ok' } });
		expect(done.post.history.map((h) => [h.actor, h.action, h.step, h.version, h.fromStatus, h.toStatus])).toEqual([
			['alice', 'submit', undefined, 3, 'draft', 'in_review'],
			['editor2', 'approve', 1, 3, 'in_review', 'in_review'],
			['legal1', 'approve', 2, 3, 'in_review', 'in_review'],
			['legal2', 'approve', 2, 3, 'in_review', 'approved'],
		]);
		expect(done.post.history[0]).toMatchObject({ at: '2026-03-01T16:00:00.000Z', comment: '请审核' });
	});

	it('does not modify the input post', () => {
		const p = draft();
		decide(p, 'alice', 'submit');
		expect(p.status).toBe('draft');
		expect(p.history).toEqual([]);
	});

	it('refuses self-approval, outsiders, double votes and decisions out of state', () => {
		const inReview = decide(draft(), 'alice', 'submit').post;
		expect(refusal(() => decide(inReview, 'alice', 'approve'))).toBe('self_review');
		expect(refusal(() => decide(inReview, 'legal1', 'approve'))).toBe('not_an_approver');
		expect(refusal(() => decide(draft(), 'editor1', 'approve'))).toBe('invalid_transition');
		expect(refusal(() => decide(inReview, 'alice', 'submit'))).toBe('invalid_transition');
		const step2 = decide(decide(inReview, 'editor1', 'approve').post, 'legal1', 'approve').post;
		expect(refusal(() => decide(step2, 'legal1', 'approve'))).toBe('already_decided');
		expect(refusal(() => decide(step2, 'alice', 'approve'))).toBe('self_review');
	});

	it('refuses a decision on a stale version and approvals of a version edited after submission', () => {
		const inReview = decide(draft(), 'alice', 'submit').post;
		expect(refusal(() => decide(inReview, 'editor1', 'approve', { version: 2 }))).toBe('stale_version');
		expect(refusal(() => reviewPost(inReview, { actor: 'editor1', action: 'approve', at: new Date() }, workflow))).toBe('missing_version');
		const edited = { ...inReview, version: 4 };
		expect(refusal(() => decide(edited, 'editor1', 'approve'))).toBe('stale_version');
	});

	it('approvals of an earlier version do not count after resubmission', () => {
		const v3 = decide(decide(draft(), 'alice', 'submit').post, 'editor1', 'approve').post;
		const sentBack = decide(v3, 'legal1', 'request_changes', { comment: '补充出处' });
		expect(sentBack.post.status).toBe('draft');
		expect(sentBack.event).toMatchObject({ type: 'changes_requested', details: { step: 2, comment: '补充出处' } });
		const resubmitted = decide({ ...sentBack.post, version: 4 }, 'alice', 'submit').post;
		expect(reviewProgress(resubmitted, workflow)).toMatchObject({ step: 1, approvedBy: [] });
	});

	it('reject ends the review; a rejected post can be resubmitted', () => {
		const rejected = decide(decide(draft(), 'alice', 'submit').post, 'editor1', 'reject', { comment: '含绝对化用语' });
		expect(rejected.post.status).toBe('rejected');
		expect(rejected.event).toMatchObject({ type: 'rejected', actor: 'editor1', details: { step: 1 } });
		expect(decide(rejected.post, 'alice', 'submit').post.status).toBe('in_review');
	});

	it('the submitter becomes the author when none is set', () => {
		const p = decide(makePost({ id: 'p2', status: 'draft' }), 'bob', 'submit').post;
		expect(p.author).toBe('bob');
		expect(refusal(() => reviewPost(p, { actor: 'bob', action: 'approve', at: new Date(), version: 1 }, { steps: [{ name: 's', approvers: ['bob', 'x'], mode: 'any' }] }))).toBe('self_review');
	});

	it('rejects a workflow that cannot complete', () => {
		expect(refusal(() => decide(draft(), 'alice', 'submit', {}))).toBe('accepted');
		const only = { steps: [{ name: 'self', approvers: ['alice'], mode: 'all' as const }] };
		expect(refusal(() => reviewPost(draft(), { actor: 'alice', action: 'submit', at: new Date() }, only))).toBe('invalid_workflow');
		expect(refusal(() => reviewPost(draft(), { actor: 'alice', action: 'submit', at: new Date() }, { steps: [] }))).toBe('invalid_workflow');
	});
});

describe('reviewerRefusal (checked before approval links are sent)', () => {
	it('accepts a pending approver of the current step and refuses anyone reviewPost would refuse, naming the step', () => {
		const submitted = decide(draft(), 'alice', 'submit').post;
		expect(reviewerRefusal(submitted, workflow, 'editor2')).toBeUndefined();
		const outsider = reviewerRefusal(submitted, workflow, 'legal1');
		expect(outsider?.code).toBe('not_an_approver');
		expect(outsider?.message).toBe('legal1 is not an approver of step 1 "编辑初审" (its approvers: editor1, editor2)');
		// The verdict agrees with what a click would get.
		expect(refusal(() => decide(submitted, 'legal1', 'approve'))).toBe('not_an_approver');

		const atLegal = decide(decide(submitted, 'editor1', 'approve').post, 'legal1', 'approve').post;
		expect(reviewerRefusal(atLegal, workflow, 'legal2')).toBeUndefined();
		expect(reviewerRefusal(atLegal, workflow, 'legal1')?.message).toBe('legal1 already approved step 2 "legal" (still pending: legal2)');
		expect(reviewerRefusal(atLegal, workflow, 'alice')?.code).toBe('self_review');
		expect(reviewerRefusal(atLegal, workflow, 'editor1')?.code).toBe('not_an_approver');
	});

	it('refuses when the post is not awaiting a decision or changed after submission', () => {
		expect(reviewerRefusal(draft(), workflow, 'editor1')?.code).toBe('invalid_transition');
		const submitted = decide(draft(), 'alice', 'submit').post;
		expect(reviewerRefusal({ ...submitted, version: 4 }, workflow, 'editor1')?.code).toBe('stale_version');
	});
});
