import type { IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { HttpTransportError, normaliseHeaders, type HttpClient, type HttpRequest, type HttpResponse } from '../../lib/http/http-client';

type HelperHost = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/**
 * The core's HttpClient port backed by n8n's own request helper, so proxies and n8n's HTTP settings apply.
 * HTTP status codes come back as responses (the core interprets them); network failures become
 * HttpTransportError carrying only a code, because n8n's error objects hold the request (URL with tokens, body
 * with secrets).
 */
export function createN8nHttpClient(host: HelperHost): HttpClient {
	return {
		async request(req: HttpRequest): Promise<HttpResponse> {
			const options: IHttpRequestOptions = {
				method: req.method as IHttpRequestMethods,
				url: req.url,
				qs: req.query as IHttpRequestOptions['qs'],
				headers: req.body !== undefined && typeof req.body === 'object' ? { 'Content-Type': 'application/json', ...req.headers } : req.headers,
				body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
				json: false,
				encoding: 'text',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: req.timeoutMs ?? 30_000,
			};
			try {
				const res = (await host.helpers.httpRequest(options)) as { body: unknown; headers: Record<string, unknown>; statusCode: number };
				const text = typeof res.body === 'string' ? res.body : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : JSON.stringify(res.body ?? '');
				return { status: res.statusCode, headers: normaliseHeaders(res.headers), text };
			} catch (e) {
				const err = e as { code?: string; message?: string; cause?: { code?: string } };
				const raw = err.code ?? err.cause?.code;
				const code = raw === 'ECONNABORTED' || /timeout/i.test(err.message ?? '') ? 'ETIMEDOUT' : raw ?? 'ENETWORK';
				throw new HttpTransportError(code, code === 'ETIMEDOUT' ? `request timed out after ${options.timeout} ms` : `network error ${code}`);
			}
		},
	};
}
