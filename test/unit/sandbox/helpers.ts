/**
 * Test-side clients for the sandbox. The signatures are computed here from the documented formulas
 * (research/nxcloud.md §1.2, §3.3), independently of the sandbox's own implementation.
 */
import { createHash } from 'node:crypto';

export function md5Upper(s: string): string {
	return createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();
}

/** upper(hex(hash(secretKey&body=<body>&createTs=..&requestID=..&uuid=..))) */
export function callbotSignature(
	p: { secretKey: string; body: string; createTs: string; requestID: string; uuid: string },
	algorithm: 'MD5' | 'SHA256' = 'MD5',
): string {
	const authRaw = `${p.secretKey}&body=${p.body}&createTs=${p.createTs}&requestID=${p.requestID}&uuid=${p.uuid}`;
	return createHash(algorithm === 'SHA256' ? 'sha256' : 'md5')
		.update(authRaw, 'utf8')
		.digest('hex')
		.toUpperCase();
}

/** lower(hex(md5|sha256(accessKey=..&action=..&bizType=..&ts=..[&body=..]&accessSecret=..))) */
export function conventionSignature(
	p: {
		accessKey: string;
		action: string;
		bizType: string;
		ts: string;
		body?: string;
		accessSecret: string;
	},
	algorithm: 'md5' | 'sha256' = 'md5',
): string {
	let raw = `accessKey=${p.accessKey}&action=${p.action}&bizType=${p.bizType}&ts=${p.ts}`;
	if (p.body) raw += `&body=${p.body}`;
	raw += `&accessSecret=${p.accessSecret}`;
	return createHash(algorithm).update(raw, 'utf8').digest('hex');
}

export interface CallbotCreds {
	uuid: string;
	secretKey: string;
}

export interface CallbotCallOptions {
	requestID?: string;
	createTs?: string;
	algorithm?: 'MD5' | 'SHA256';
	/** Send an `algorithm` header (default: only for SHA256). */
	algorithmHeader?: string | null;
	/** Text that is signed (default: the body). */
	signedBody?: string;
	/** Override the sign header (null: leave it out). */
	sign?: string | null;
	/** Override the uuid header. */
	uuid?: string;
	headerCase?: 'doc' | 'lower' | 'python';
	extraHeaders?: Record<string, string>;
}

export async function callbotPost(
	baseUrl: string,
	endpoint: string,
	body: string,
	creds: CallbotCreds,
	nowSeconds: number,
	o: CallbotCallOptions = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
	const requestID = o.requestID ?? 'req-' + Math.random().toString(16).slice(2);
	const createTs = o.createTs ?? String(nowSeconds);
	const algorithm = o.algorithm ?? 'MD5';
	const uuid = o.uuid ?? creds.uuid;
	const sign =
		o.sign === undefined
			? callbotSignature(
					{ secretKey: creds.secretKey, body: o.signedBody ?? body, createTs, requestID, uuid },
					algorithm,
				)
			: o.sign;
	const names =
		o.headerCase === 'lower'
			? { rid: 'requestid', ts: 'createts' }
			: o.headerCase === 'python'
				? { rid: 'requestId', ts: 'createTs' }
				: { rid: 'requestID', ts: 'createTs' };
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		[names.rid]: requestID,
		uuid,
		[names.ts]: createTs,
		...(sign === null ? {} : { sign }),
		...o.extraHeaders,
	};
	const algHeader =
		o.algorithmHeader === undefined
			? algorithm === 'SHA256'
				? 'SHA256'
				: undefined
			: o.algorithmHeader;
	if (algHeader) headers.algorithm = algHeader;
	const res = await fetch(`${baseUrl}/callcentre/api/v3/${endpoint}`, {
		method: 'POST',
		headers,
		body,
	});
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export interface ConventionCreds {
	accessKey: string;
	accessSecret: string;
}

export async function conventionPost(
	baseUrl: string,
	path: string,
	creds: ConventionCreds,
	tsMs: number,
	o: {
		body?: string | FormData;
		contentType?: string;
		bizType?: string;
		action?: string;
		algorithm?: 'md5' | 'sha256';
		sign?: string | null;
		signedBody?: string;
		omit?: string[];
		ts?: string;
	} = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
	const ts = o.ts ?? String(tsMs);
	const bizType = o.bizType ?? '7';
	const action = o.action ?? 'query';
	const bodyText = typeof o.body === 'string' ? o.body : undefined;
	const isJson = bodyText !== undefined && (o.contentType ?? 'application/json').includes('json');
	const sign =
		o.sign === undefined
			? conventionSignature(
					{
						accessKey: creds.accessKey,
						action,
						bizType,
						ts,
						body: o.signedBody ?? (isJson ? bodyText : undefined),
						accessSecret: creds.accessSecret,
					},
					o.algorithm,
				)
			: o.sign;
	const headers: Record<string, string> = { accessKey: creds.accessKey, ts, bizType, action };
	if (sign !== null) headers.sign = sign;
	if (o.algorithm) headers.algorithm = o.algorithm;
	if (bodyText !== undefined) headers['Content-Type'] = o.contentType ?? 'application/json';
	for (const k of o.omit ?? []) delete headers[k];
	const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: o.body });
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export async function unitalkPost(
	baseUrl: string,
	path: string,
	body: unknown,
	authorization: string | undefined,
	init: { signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (authorization !== undefined) headers.Authorization = authorization;
	const res = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
		signal: init.signal,
	});
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}
