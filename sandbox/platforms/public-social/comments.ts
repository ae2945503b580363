/**
 * Seeded comments (replies, mentions) on the posts of a `SocialModel`, shared by the sandbox platforms that serve
 * comments (Weibo comments/show, YouTube commentThreads, Mastodon context, Bluesky getPostThread, X mentions,
 * Bilibili x/v2/reply, Douyin item/comment/list).
 *
 * A post's k-th comment (k = 1, 2, …) is written the moment its `comments` counter reaches k: the counter is
 * final · (1 − e^(−ageHours/30)) floored, so comment k is at ageHours = −30 · ln(1 − k/final). The listed comments
 * therefore agree with the counter at every clock, never change once written, and new ones appear as time passes.
 * Tests add comments with `insert` (the platforms expose it as `POST /__sandbox/<platform>/comments`); those count
 * in the counter too.
 */
import { Prng, hashString } from '../../prng';
import { postKey, type SocialModel, type SocialPost } from './model';

export interface SocialCommenter {
	/** A stable numeric-looking id; platforms format their own from it. */
	id: string;
	handle: string;
	name: string;
	followers: number;
}

export interface SocialComment {
	post: SocialPost;
	/** 1-based position among the post's comments (inserted ones continue after the seeded ones). */
	k: number;
	createdAtMs: number;
	text: string;
	author: SocialCommenter;
	likes: number;
	replies: number;
	/** A stable 32-bit hash platforms derive ids from. */
	hash: number;
	inserted: boolean;
}

/** Bilingual, some unhappy: the risk nodes downstream need both. */
const COMMENT_TEXTS = [
	'好喝！明天还来 ☕',
	'排队一个小时，体验太差了',
	'Love the new cold brew!',
	'Delivery was late again, not happy 😡',
	'价格又涨了，不值',
	'求出燕麦拿铁！',
	'Where is the Shanghai store?',
	'店员态度很好，点赞👍',
	'Great video, thanks for sharing',
	'杯子漏了，衣服全湿了，客服也不回',
	'Is this available in Singapore?',
	'包装很好看，已分享给朋友',
	'This is the worst update ever, please roll it back',
	'学到了，感谢分享',
	'老板什么时候来杭州开店',
	'Refund still not processed after 2 weeks',
];

const COMMENTERS: ReadonlyArray<Omit<SocialCommenter, 'id' | 'followers'>> = [
	{ handle: 'xiaolin_cafe', name: '小林爱咖啡' },
	{ handle: 'ajie2024', name: '咖啡控阿杰' },
	{ handle: 'emma_w', name: 'Emma W.' },
	{ handle: 'coffee_lover_88', name: 'coffee lover' },
	{ handle: 'beijing_rain', name: '北京的雨' },
	{ handle: 'tomchen', name: 'Tom Chen' },
	{ handle: 'mia_reads', name: 'Mia 读书' },
	{ handle: 'hz_foodie', name: '杭州吃货' },
	{ handle: 'devnull_kai', name: 'Kai' },
	{ handle: 'sunny_day', name: '晴天' },
];

export class SocialComments {
	private readonly extra = new Map<string, SocialComment[]>();

	constructor(
		private readonly seed: number,
		private readonly model: SocialModel,
	) {}

	/** Commenter i of the pool, with a per-platform id and follower count. */
	commenter(i: number): SocialCommenter {
		const base = COMMENTERS[i % COMMENTERS.length];
		const h = hashString(`${this.seed}|${this.model.platform}|commenter|${i}`);
		return { ...base, id: String(100_000_000 + (h % 900_000_000)), followers: h % 5_000 };
	}

	/** Every comment on the post written at or before `nowMs`, oldest first. */
	of(post: SocialPost, nowMs: number = this.model.nowMs()): SocialComment[] {
		const out: SocialComment[] = [];
		const final = post.final.comments;
		for (let k = 1; k < final; k++) {
			const at = post.createdAtMs + -30 * Math.log(1 - k / final) * 3_600_000;
			if (at > nowMs) break;
			out.push(this.seeded(post, k, Math.floor(at)));
		}
		for (const c of this.extra.get(postKey(post)) ?? []) if (c.createdAtMs <= nowMs) out.push(c);
		return out;
	}

	private seeded(post: SocialPost, k: number, createdAtMs: number): SocialComment {
		const hash = hashString(`${this.seed}|${this.model.platform}|${postKey(post)}|comment|${k}`);
		const rng = new Prng(hash);
		return {
			post,
			k,
			// Whole seconds: most platforms report seconds.
			createdAtMs: Math.floor(createdAtMs / 1000) * 1000,
			text: COMMENT_TEXTS[hash % COMMENT_TEXTS.length],
			author: this.commenter(rng.int(0, COMMENTERS.length * 3)),
			likes: rng.int(0, 40),
			replies: rng.int(0, 3),
			hash,
			inserted: false,
		};
	}

	/** Adds a comment written now (tests). */
	insert(post: SocialPost, text: string, authorIndex = 0): SocialComment {
		const list = this.extra.get(postKey(post)) ?? [];
		const k = Math.max(0, post.final.comments - 1) + list.length + 1;
		const nowMs = Math.floor(this.model.nowMs() / 1000) * 1000;
		const comment: SocialComment = {
			post,
			k,
			createdAtMs: nowMs,
			text,
			author: this.commenter(authorIndex),
			likes: 0,
			replies: 0,
			hash: hashString(`${this.seed}|${this.model.platform}|${postKey(post)}|inserted|${k}`),
			inserted: true,
		};
		list.push(comment);
		this.extra.set(postKey(post), list);
		this.model.countInsertedComment(post);
		return comment;
	}
}

/** The body of `POST /__sandbox/<platform>/comments` or `/posts`: a JSON object, or undefined. */
export function controlBody(rawBody: string): Record<string, unknown> | undefined {
	try {
		const v: unknown = JSON.parse(rawBody || '{}');
		return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
