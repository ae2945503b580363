import axios, { type AxiosInstance } from 'axios';
import { HttpTransportError, normaliseHeaders, type HttpClient, type HttpRequest, type HttpResponse } from './http-client';

/** HttpClient backed by axios, for use outside n8n (tests, demo, benchmarks, scripts). */
export function createAxiosHttpClient(options: { defaultTimeoutMs?: number; instance?: AxiosInstance } = {}): HttpClient {
	const instance = options.instance ?? axios.create();
	const defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
	return {
		async request(req: HttpRequest): Promise<HttpResponse> {
			try {
				const res = await instance.request<string>({
					method: req.method,
					url: req.url,
					params: req.query,
					headers: req.body !== undefined && typeof req.body === 'object' ? { 'content-type': 'application/json', ...req.headers } : req.headers,
					data: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
					timeout: req.timeoutMs ?? defaultTimeoutMs,
					responseType: 'text',
					transformResponse: (d: unknown) => d,
					validateStatus: () => true,
				});
				return { status: res.status, headers: normaliseHeaders(res.headers as Record<string, unknown>), text: typeof res.data === 'string' ? res.data : String(res.data ?? '') };
			} catch (e) {
				// Never pass the axios error on: its config holds the URL (with tokens) and the body (with secrets).
				const err = e as { code?: string; message?: string };
				const code = err.code === 'ECONNABORTED' || /timeout/i.test(err.message ?? '') ? 'ETIMEDOUT' : err.code ?? 'ENETWORK';
				throw new HttpTransportError(code, code === 'ETIMEDOUT' ? `request timed out after ${req.timeoutMs ?? defaultTimeoutMs} ms` : `network error ${code}`);
			}
		},
	};
}
