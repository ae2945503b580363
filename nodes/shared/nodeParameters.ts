import type { ICredentialDataDecryptedObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * A node's parameters and credentials, read the same way whether the node runs per input item
 * (IExecuteFunctions and an item index) or polls (IPollFunctions, no item). The shared node glue (transport
 * context, platform credentials, adapters) takes this instead of either n8n context, so it is written once.
 */
export interface NodeParameters {
	/** The n8n context, for its HTTP helper and logger. */
	readonly host: IExecuteFunctions | IPollFunctions;
	/** A parameter's value; `fallback` where it has none. */
	value<T>(name: string, fallback?: T): T;
	/** A text parameter, trimmed; '' where it has none. */
	text(name: string): string;
	/** A credential the node requires (n8n throws when it is missing). */
	credentials(type: string): Promise<ICredentialDataDecryptedObject>;
	/** A public-read platform's credential is optional: without one ({}) the platform's public host is used. */
	optionalCredentials(type: string): Promise<Record<string, unknown>>;
}

/** The parameters of one input item of an action node. */
export function itemParameters(ctx: IExecuteFunctions, itemIndex: number): NodeParameters {
	return reader(
		ctx,
		(name, fallback) => (fallback === undefined ? ctx.getNodeParameter(name, itemIndex) : ctx.getNodeParameter(name, itemIndex, fallback)),
		(type) => ctx.getCredentials(type, itemIndex),
	);
}

/** The parameters of a polling trigger. */
export function pollParameters(ctx: IPollFunctions): NodeParameters {
	return reader(
		ctx,
		(name, fallback) => (fallback === undefined ? ctx.getNodeParameter(name) : ctx.getNodeParameter(name, fallback)),
		(type) => ctx.getCredentials(type),
	);
}

function reader(
	host: IExecuteFunctions | IPollFunctions,
	get: (name: string, fallback: unknown) => unknown,
	credentials: (type: string) => Promise<ICredentialDataDecryptedObject>,
): NodeParameters {
	return {
		host,
		value: <T>(name: string, fallback?: T) => get(name, fallback) as T,
		text: (name) => String(get(name, '') ?? '').trim(),
		credentials,
		async optionalCredentials(type) {
			try {
				return ((await credentials(type)) ?? {}) as Record<string, unknown>;
			} catch {
				return {};
			}
		},
	};
}
