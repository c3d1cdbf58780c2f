/**
 * The `authenticate` functions of the two NXTele credentials, called directly as n8n would call them
 * before a request. Signatures are recomputed here from the documented formulas (research/nxcloud.md
 * §1.2 and §3.3), written out in full, not by calling the package's own signing code.
 */
import * as crypto from 'crypto';
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { NxteleApi } from '../../../credentials/NxteleApi.credentials';
import { NxteleCallbotApi } from '../../../credentials/NxteleCallbotApi.credentials';

// randomUUID stays the real one unless a test asks for a fixed value.
jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, randomUUID: jest.fn(actual.randomUUID) };
});

type Headers = Record<string, string>;

/** §1.2: upper(hex(MD5|SHA256(secretKey&body=..&createTs=..&requestID=..&uuid=..))) */
function expectedCallbotSign(
	secretKey: string,
	h: Headers,
	body: string,
	algorithm: string,
): string {
	const authRaw = `${secretKey}&body=${body}&createTs=${h.createTs}&requestID=${h.requestID}&uuid=${h.uuid}`;
	return createHash(algorithm === 'SHA256' ? 'sha256' : 'md5')
		.update(authRaw, 'utf8')
		.digest('hex')
		.toUpperCase();
}

/** §3.3: lower(hex(md5(accessKey=..&action=..&bizType=..&ts=..[&body=..]&accessSecret=..))) */
function expectedConventionSign(
	h: Headers,
	body: string | undefined,
	accessSecret: string,
): string {
	let raw = `accessKey=${h.accessKey}&action=${h.action}&bizType=${h.bizType}&ts=${h.ts}`;
	if (body) raw += `&body=${body}`;
	raw += `&accessSecret=${accessSecret}`;
	return createHash('md5').update(raw, 'utf8').digest('hex');
}

afterEach(() => jest.restoreAllMocks());

describe('NxteleCallbotApi.authenticate', () => {
	const credential = new NxteleCallbotApi();
	const creds: ICredentialDataDecryptedObject = {
		uuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
		secretKey: 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr',
		algorithm: 'MD5',
		baseUrl: 'http://127.0.0.1:1',
	};
	const request = (
		body: unknown,
		headers: Headers = { Accept: 'application/json' },
	): IHttpRequestOptions => ({
		method: 'POST',
		url: 'http://127.0.0.1:1/callcentre/api/v3/ping',
		qs: { keep: 'me' },
		headers,
		body: body as IHttpRequestOptions['body'],
	});

	it('sets requestID, uuid, createTs, sign and algorithm headers that verify against the body sent', async () => {
		const out = await credential.authenticate(creds, request('{"data":"hello"}'));
		const h = out.headers as Headers;
		expect(h.uuid).toBe(creds.uuid);
		expect(h.algorithm).toBe('MD5');
		expect(h.requestID).toMatch(/^[0-9a-f]{32}$/);
		expect(h.createTs).toMatch(/^\d{10}$/);
		expect(h.sign).toMatch(/^[0-9A-F]{32}$/);
		expect(h.sign).toBe(expectedCallbotSign(String(creds.secretKey), h, out.body as string, 'MD5'));
		expect(out.body).toBe('{"data":"hello"}');
	});

	it('reproduces the documented §1.8 vectors when the clock and requestID are those of the example', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1_726_000_000_999);
		const uuid4 = '01234567-89ab-cdef-0123-456789abcdef';
		(crypto.randomUUID as jest.Mock).mockReturnValueOnce(uuid4).mockReturnValueOnce(uuid4);
		const md5 = await credential.authenticate(creds, request('{"data":"hello"}'));
		const sha = await credential.authenticate(
			{ ...creds, algorithm: 'SHA256' },
			request('{"data":"hello"}'),
		);
		const h = md5.headers as Headers;
		// createTs is whole seconds, rounded down; requestID is the uuid without dashes.
		expect(h.createTs).toBe('1726000000');
		expect(h.requestID).toBe('0123456789abcdef0123456789abcdef');
		expect(h.sign).toBe('7BF119787757410FBA5910137AFBED7F');
		expect((sha.headers as Headers).sign).toBe(
			'2824A97A3092F611902485D393216F1A3F9C13EA5FAE090E0A0FFBC20F2E051A',
		);
	});

	it('turns an object body into the exact JSON string it signs, and sends that string', async () => {
		const body = { customerId: '1234', appKey: 'xxxxxx', status: 1, name: '牛小信' };
		const out = await credential.authenticate(creds, request(body));
		expect(typeof out.body).toBe('string');
		expect(out.body).toBe('{"customerId":"1234","appKey":"xxxxxx","status":1,"name":"牛小信"}');
		expect(out.json).toBe(false);
		const h = out.headers as Headers;
		expect(h.sign).toBe(expectedCallbotSign(String(creds.secretKey), h, out.body as string, 'MD5'));
		expect(h['Content-Type']).toBe('application/json');
	});

	it('keeps a string body byte for byte (Python spacing is not re-serialised)', async () => {
		const body = '{"customerId": "1234", "appKey": "xxxxxx", "status": 1}';
		const out = await credential.authenticate(creds, request(body));
		expect(out.body).toBe(body);
		const h = out.headers as Headers;
		expect(h.sign).toBe(expectedCallbotSign(String(creds.secretKey), h, body, 'MD5'));
	});

	it('reads a Buffer body as UTF-8 and signs that text', async () => {
		const text = '{"name":"牛小信"}';
		const out = await credential.authenticate(creds, request(Buffer.from(text, 'utf8')));
		expect(out.body).toBe(text);
		const h = out.headers as Headers;
		expect(h.sign).toBe(expectedCallbotSign(String(creds.secretKey), h, text, 'MD5'));
	});

	it('signs an empty body when there is none', async () => {
		const out = await credential.authenticate(creds, request(undefined));
		expect(out.body).toBe('');
		const h = out.headers as Headers;
		expect(h.sign).toBe(expectedCallbotSign(String(creds.secretKey), h, '', 'MD5'));
	});

	it('uses SHA256 when the credential says so, and says so in the algorithm header', async () => {
		const out = await credential.authenticate(
			{ ...creds, algorithm: 'SHA256' },
			request({ data: 'hello' }),
		);
		const h = out.headers as Headers;
		expect(h.algorithm).toBe('SHA256');
		expect(h.sign).toMatch(/^[0-9A-F]{64}$/);
		expect(h.sign).toBe(
			expectedCallbotSign(String(creds.secretKey), h, '{"data":"hello"}', 'SHA256'),
		);
	});

	it('falls back to MD5 when the credential has no algorithm', async () => {
		const { algorithm: _unused, ...noAlgorithm } = creds;
		const out = await credential.authenticate(noAlgorithm, request({ data: 'hello' }));
		const h = out.headers as Headers;
		expect(h.algorithm).toBe('MD5');
		expect(h.sign).toBe(expectedCallbotSign(String(creds.secretKey), h, '{"data":"hello"}', 'MD5'));
	});

	it('gives every call a fresh requestID (so a retry is a new, valid request)', async () => {
		const ids = new Set<string>();
		for (let i = 0; i < 50; i++) {
			const out = await credential.authenticate(creds, request({ data: 'hello' }));
			ids.add((out.headers as Headers).requestID);
		}
		expect(ids.size).toBe(50);
	});

	it('takes createTs from the current clock, in seconds', async () => {
		const before = Math.floor(Date.now() / 1000);
		const out = await credential.authenticate(creds, request({ data: 'hello' }));
		const after = Math.floor(Date.now() / 1000);
		const ts = Number((out.headers as Headers).createTs);
		expect(ts).toBeGreaterThanOrEqual(before);
		expect(ts).toBeLessThanOrEqual(after);
	});

	it('keeps the other request options and headers, and does not change the options it was given', async () => {
		const headers = { Accept: 'application/json', 'X-Trace': 'abc' };
		const input = request({ data: 'hello' }, headers);
		const out = await credential.authenticate(creds, input);
		expect(out.url).toBe(input.url);
		expect(out.method).toBe('POST');
		expect(out.qs).toEqual({ keep: 'me' });
		expect((out.headers as Headers)['X-Trace']).toBe('abc');
		expect((out.headers as Headers).Accept).toBe('application/json');
		expect(input.headers).toEqual({ Accept: 'application/json', 'X-Trace': 'abc' });
		expect(input.body).toEqual({ data: 'hello' });
	});

	it('a wrong secret does not verify (the check in these tests can fail)', async () => {
		const out = await credential.authenticate(creds, request({ data: 'hello' }));
		const h = out.headers as Headers;
		expect(h.sign).not.toBe(expectedCallbotSign('another-secret', h, out.body as string, 'MD5'));
		expect(h.sign).not.toBe(
			expectedCallbotSign(String(creds.secretKey), h, '{"data": "hello"}', 'MD5'),
		);
	});
});

describe('NxteleApi.authenticate (NXCloud API call convention)', () => {
	const credential = new NxteleApi();
	const creds: ICredentialDataDecryptedObject = {
		accessKey: 'fme2na3kdi3ki',
		accessSecret: 'abciiiko2k3',
		baseUrl: 'http://127.0.0.1:1',
	};
	const request = (body: unknown, headers: Headers): IHttpRequestOptions => ({
		method: 'POST',
		url: 'http://127.0.0.1:1/v1/voice/send',
		headers,
		body: body as IHttpRequestOptions['body'],
	});

	it('reproduces the documented §3.4 vector when the clock reads the documented ts', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1655710885431);
		const body = '{"name":"牛小信","id":10001}';
		const out = await credential.authenticate(
			creds,
			request(body, { bizType: '1', action: 'send' }),
		);
		const h = out.headers as Headers;
		expect(h.ts).toBe('1655710885431');
		expect(h.accessKey).toBe('fme2na3kdi3ki');
		expect(h.sign).toBe('87c3560d3331ae23f1021e2025722354');
		expect(out.body).toBe(body);
		expect(out.json).toBe(false);
	});

	it('serialises an object body once and signs exactly that string', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1655710885431);
		const out = await credential.authenticate(
			creds,
			request({ id: 10001, name: '牛小信' }, { bizType: '1', action: 'send' }),
		);
		expect(out.body).toBe('{"id":10001,"name":"牛小信"}');
		expect((out.headers as Headers).sign).toBe('7750759da06333f20d0640be09355e34');
	});

	it('signs headers and body with the documented formula at the real time', async () => {
		const out = await credential.authenticate(
			creds,
			request('{"a":[1,2]}', { bizType: '7', action: 'upload' }),
		);
		const h = out.headers as Headers;
		expect(h.sign).toMatch(/^[0-9a-f]{32}$/);
		expect(h.sign).toBe(expectedConventionSign(h, '{"a":[1,2]}', String(creds.accessSecret)));
		// The body must be part of the signature.
		expect(h.sign).not.toBe(expectedConventionSign(h, undefined, String(creds.accessSecret)));
	});

	it('keeps the bizType and action the caller set, and signs them', async () => {
		const out = await credential.authenticate(creds, request('{}', { bizType: '8', action: 'cc' }));
		const h = out.headers as Headers;
		expect(h.bizType).toBe('8');
		expect(h.action).toBe('cc');
		expect(h.sign).toBe(expectedConventionSign(h, '{}', String(creds.accessSecret)));
		expect(h.sign).not.toBe(
			expectedConventionSign({ ...h, bizType: '7' }, '{}', String(creds.accessSecret)),
		);
	});

	it('finds bizType and action whatever their case', async () => {
		const out = await credential.authenticate(
			creds,
			request('{"x":1}', { biztype: '5', ACTION: 'queryAXB' }),
		);
		const h = out.headers as Headers;
		expect(h.bizType).toBe('5');
		expect(h.action).toBe('queryAXB');
		expect(h.sign).toBe(
			expectedConventionSign(
				{ ...h, bizType: '5', action: 'queryAXB' },
				'{"x":1}',
				String(creds.accessSecret),
			),
		);
	});

	it('leaves a form body out of the signature (the convention signs JSON bodies) and sends it unchanged', async () => {
		const form = 'phone=8613242926514&lang=en';
		const out = await credential.authenticate(
			creds,
			request(form, {
				'Content-Type': 'application/x-www-form-urlencoded',
				bizType: '7',
				action: 'notsend',
			}),
		);
		const h = out.headers as Headers;
		expect(out.body).toBe(form);
		expect(h.sign).toBe(expectedConventionSign(h, undefined, String(creds.accessSecret)));
	});

	it('leaves the body out of the signature for multipart and does not touch the body', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1655710885431);
		const multipartBody = Buffer.from(
			'--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--b--\r\n',
		);
		const contentType = 'multipart/form-data; boundary=b';
		const out = await credential.authenticate(
			creds,
			request(multipartBody, { 'Content-Type': contentType, bizType: '1', action: 'send' }),
		);
		const h = out.headers as Headers;
		// §3.4: the no-body vector is the multipart signature.
		expect(h.sign).toBe('884afe159e39b6c88a0d6102ca97d704');
		expect(out.body).toBe(multipartBody);
		expect(h['Content-Type']).toBe(contentType);
		expect(out.json).toBeUndefined();
	});

	it('recognises a lower-case content-type header as multipart too', async () => {
		const out = await credential.authenticate(
			creds,
			request(Buffer.from('x'), {
				'content-type': 'multipart/form-data; boundary=z',
				bizType: '7',
				action: 'upload',
			}),
		);
		const h = out.headers as Headers;
		expect(h.sign).toBe(expectedConventionSign(h, undefined, String(creds.accessSecret)));
		expect(h['Content-Type']).toBe('multipart/form-data; boundary=z');
	});

	it('signs without a body when there is none, and sends an empty body', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(1655710885431);
		const out = await credential.authenticate(
			creds,
			request(undefined, { bizType: '1', action: 'send' }),
		);
		expect((out.headers as Headers).sign).toBe('884afe159e39b6c88a0d6102ca97d704');
		expect(out.body).toBe('');
		expect((out.headers as Headers)['Content-Type']).toBe('application/json');
	});

	it('puts ts in milliseconds from the current clock', async () => {
		const before = Date.now();
		const out = await credential.authenticate(
			creds,
			request('{"a":1}', { bizType: '1', action: 'send' }),
		);
		const after = Date.now();
		const ts = (out.headers as Headers).ts;
		expect(ts).toMatch(/^\d{13}$/);
		expect(Number(ts)).toBeGreaterThanOrEqual(before);
		expect(Number(ts)).toBeLessThanOrEqual(after);
	});

	it('does not change the headers object it was given', async () => {
		const headers = { bizType: '1', action: 'send' };
		await credential.authenticate(creds, request('{"a":1}', headers));
		expect(headers).toEqual({ bizType: '1', action: 'send' });
	});
});
