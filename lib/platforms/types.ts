import type { HttpClient } from '../http/http-client';
import type { RateLimiter } from '../http/rate-limiter';
import type { RetryDeps, RetryPolicy } from '../http/retry';
import type { MetricSnapshot, Platform } from '../model';
import type { DayRange } from '../time/date-range';

/** What every adapter gets injected: no globals, so it runs the same in n8n, tests and benchmarks. */
export interface PlatformContext {
	http: HttpClient;
	now?: () => Date;
	retryPolicy?: RetryPolicy;
	retryDeps?: RetryDeps;
	limiter?: RateLimiter;
	/** Progress and warnings; never receives secrets. */
	log?: (message: string) => void;
	/** Per-request timeout in ms. */
	timeoutMs?: number;
}

export interface MetricsQuery {
	/** Inclusive calendar days in `timezone`. */
	range: DayRange;
	/** IANA zone the days are read in (WeChat's own days are Asia/Shanghai). */
	timezone: string;
}

/** The small interface every platform adapter exports; capabilities a platform lacks are absent. */
export interface MetricsAdapter {
	readonly platform: Platform;
	readonly accountId: string;
	/**
	 * The IANA zone the platform cuts its daily data in, where it has one of its own (WeChat datacube, Weibo,
	 * Douyin and Bilibili report per Beijing day, so their days are read in China time whatever `query.timezone`
	 * says). Absent where the platform only reports counters and timestamps (Mastodon, Bluesky, X, YouTube): a
	 * "day" there is the caller's.
	 */
	readonly dayZone?: string;
	collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]>;
	collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]>;
}

/** Sums numeric values into a record (helper for per-source breakdowns). */
export function addTo(record: Record<string, number>, key: string, value: number): void {
	record[key] = (record[key] ?? 0) + value;
}
