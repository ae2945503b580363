import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { InputError, isPlatformError, redact } from '../../lib/errors';

/**
 * Translates core errors into n8n errors exactly once, naming the item, and scrubbing secrets.
 * PlatformError keeps the platform's own code and message.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number, secrets: Array<string | undefined> = []): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isPlatformError(error)) {
		const message = redact(error.describe(), secrets);
		return new NodeApiError(node, { code: error.code, message: redact(error.message, secrets) } as JsonObject, {
			message,
			description: `Item ${itemIndex}: ${error.retryable ? 'the platform kept failing after retries' : 'the platform rejected the request'} (code ${error.code}).`,
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			itemIndex,
		});
	}
	if (error instanceof InputError) {
		return new NodeOperationError(node, redact(error.message, secrets), {
			itemIndex,
			description: error.field ? `Item ${itemIndex}, field "${error.field}"` : `Item ${itemIndex}`,
		});
	}
	const message = redact(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(node, message, { itemIndex, description: `Item ${itemIndex}` });
}

/** The JSON of an error item for Continue On Fail: what failed, where, and the platform's code. */
export function errorItemJson(error: unknown, itemIndex: number, secrets: Array<string | undefined> = []): JsonObject {
	if (isPlatformError(error)) {
		return { error: redact(error.describe(), secrets), platform: error.platform, code: error.code, operation: error.operation ?? null, itemIndex };
	}
	if (error instanceof InputError) return { error: redact(error.message, secrets), field: error.field ?? null, itemIndex };
	return { error: redact(error instanceof Error ? error.message : String(error), secrets), itemIndex };
}
