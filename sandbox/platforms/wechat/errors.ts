/**
 * WeChat error answers. The real API sends every error as HTTP 200 with `{errcode, errmsg}`, and
 * appends ` rid: <request id>` to errmsg (e.g. "date range error rid: 60754d49-24da5601-315fb2cd").
 */
import { randomBytes } from 'crypto';
import type { SandboxResponse } from '../../platform';

/** Error codes and messages as the real API returns them (errmsg without the rid suffix). */
export const WX_ERROR = {
	systemBusy: [-1, 'system error'],
	invalidCredential: [40001, 'invalid credential, access_token is invalid or not latest'],
	invalidGrantType: [40002, 'invalid grant_type'],
	invalidAppId: [40013, 'invalid appid'],
	invalidAppSecret: [40125, 'invalid appsecret'],
	accessTokenMissing: [41001, 'access_token missing'],
	appIdMissing: [41002, 'appid missing'],
	appSecretMissing: [41004, 'appsecret missing'],
	accessTokenExpired: [42001, 'access_token expired'],
	requireGet: [43001, 'require GET method'],
	requirePost: [43002, 'require POST method'],
	emptyPostData: [44002, 'empty post data'],
	quotaReached: [45009, 'reach max api daily quota limit'],
	dataFormatError: [47001, 'data format error'],
	dateFormatError: [61500, 'date format error'],
	dateRangeError: [61501, 'date range error'],
	// Comment (留言) management codes, from the comment API's error table.
	withoutCommentPrivilege: [88000, 'without comment privilege'],
	msgDataNotExists: [88001, 'msg_data is not exists'],
	commentCountRangeError: [88010, 'count range error. cout <= 0 or count > 50'],
} as const satisfies Record<string, readonly [number, string]>;

export type WxErrorName = keyof typeof WX_ERROR;

export function requestId(): string {
	const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
	return `${seconds}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

export function wxError(name: WxErrorName): SandboxResponse {
	const [errcode, errmsg] = WX_ERROR[name];
	return { body: { errcode, errmsg: `${errmsg} rid: ${requestId()}` } };
}
