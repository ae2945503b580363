import type { IDataObject } from 'n8n-workflow';

/** One thing a poll found: its platform-unique id (the dedup key) and the item to emit. */
export interface FoundItem {
	id: string;
	json: IDataObject;
}

/** What a platform's reader gives the poll: the call itself, and what the error path must scrub. */
export interface PollRead {
	/** Credential secrets registered for scrubbing from any error text. */
	secrets: Array<string | undefined>;
	/** How long emitted ids are remembered: longer than the watched window, so an old item is never re-emitted. */
	retentionDays: number;
	read(): Promise<FoundItem[]>;
}
