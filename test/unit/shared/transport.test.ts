/** The pure helpers of shared/transport.ts (the request loop itself runs in the integration tests). */
import {
	backoff,
	DEFAULT_RETRY,
	errorCode,
	retryAfterMs,
	serialiseBody,
} from '../../../nodes/shared/transport';
import type { RetryPolicy } from '../../../nodes/shared/transport';

afterEach(() => jest.restoreAllMocks());

describe('retryAfterMs', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);

	it('whole seconds', () => {
		expect(retryAfterMs({ 'retry-after': '120' }, now)).toBe(120_000);
		expect(retryAfterMs({ 'retry-after': 7 }, now)).toBe(7_000);
		expect(retryAfterMs({ 'retry-after': '0' }, now)).toBe(0);
	});

	it('decimal seconds are rounded to the millisecond', () => {
		expect(retryAfterMs({ 'retry-after': '1.5' }, now)).toBe(1_500);
		expect(retryAfterMs({ 'retry-after': '0.0004' }, now)).toBe(0);
		expect(retryAfterMs({ 'retry-after': '2.0006' }, now)).toBe(2_001);
	});

	it('surrounding spaces are ignored', () => {
		expect(retryAfterMs({ 'retry-after': ' 3 ' }, now)).toBe(3_000);
	});

	it('the header name in either case', () => {
		expect(retryAfterMs({ 'Retry-After': '4' }, now)).toBe(4_000);
	});

	it('an HTTP date in the future is the time until then', () => {
		const in90s = new Date(now + 90_000).toUTCString();
		expect(in90s).toMatch(/GMT$/);
		expect(retryAfterMs({ 'retry-after': in90s }, now)).toBe(90_000);
	});

	it('an HTTP date in the past means now (0)', () => {
		const past = new Date(now - 60_000).toUTCString();
		expect(retryAfterMs({ 'retry-after': past }, now)).toBe(0);
	});

	it.each([
		['missing', {}],
		['no headers', undefined],
		['empty', { 'retry-after': '' }],
		['null', { 'retry-after': null }],
		['words', { 'retry-after': 'soon' }],
		['units', { 'retry-after': '5s' }],
		['negative', { 'retry-after': '-5' }],
		['two numbers', { 'retry-after': '1 2' }],
		['hex', { 'retry-after': '0x10' }],
	])('garbage (%s) gives undefined', (_name, headers) => {
		expect(retryAfterMs(headers as Record<string, unknown> | undefined, now)).toBeUndefined();
	});
});

describe('backoff', () => {
	const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };
	const withRandom = (r: number) => jest.spyOn(Math, 'random').mockReturnValue(r);

	it('the default policy is the documented one', () => {
		expect(DEFAULT_RETRY).toEqual({ maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 });
	});

	it('lowest jitter is half the exponential step, doubling per attempt', () => {
		withRandom(0);
		expect([1, 2, 3, 4, 5].map((a) => backoff(policy, a))).toEqual([500, 1000, 2000, 4000, 8000]);
	});

	it('highest jitter approaches the full exponential step', () => {
		withRandom(0.999_999);
		expect([1, 2, 3, 4, 5].map((a) => backoff(policy, a))).toEqual([
			1000, 2000, 4000, 8000, 16_000,
		]);
	});

	it('grows with the attempt number until the cap, never shrinks', () => {
		withRandom(0.5);
		const delays = Array.from({ length: 12 }, (_, i) => backoff(policy, i + 1));
		for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
		expect(delays[1]).toBeGreaterThan(delays[0]);
		expect(delays[4]).toBeGreaterThan(delays[3]);
	});

	it('is capped at maxDelayMs however many attempts', () => {
		for (const r of [0, 0.5, 0.999_999]) {
			withRandom(r);
			expect(backoff(policy, 5)).toBeLessThanOrEqual(16_000);
			// From attempt 6 on, 1000 * 2^5 = 32,000 is over the cap: the step stays at 30,000.
			for (const attempt of [6, 7, 10, 50, 1000, 5000]) {
				const d = backoff(policy, attempt);
				expect(d).toBeLessThanOrEqual(policy.maxDelayMs);
				expect(d).toBeGreaterThanOrEqual(policy.maxDelayMs / 2);
			}
		}
	});

	it('is never shorter than what the provider asked for, even above the cap', () => {
		withRandom(0.999_999);
		expect(backoff(policy, 1, 45_000)).toBe(45_000);
		expect(backoff(policy, 10, 31_000)).toBe(31_000);
	});

	it('a short request from the provider does not shorten the backoff', () => {
		withRandom(0);
		expect(backoff(policy, 3, 100)).toBe(2000);
		expect(backoff(policy, 3, 0)).toBe(2000);
	});

	it('with the real random source every delay is inside its jitter range, and they vary', () => {
		const seen = new Set<number>();
		for (let i = 0; i < 200; i++) {
			const d = backoff(policy, 2);
			expect(d).toBeGreaterThanOrEqual(1000);
			expect(d).toBeLessThanOrEqual(2000);
			seen.add(d);
		}
		expect(seen.size).toBeGreaterThan(1);
	});
});

describe('serialiseBody', () => {
	it('no body, no content type', () => {
		expect(serialiseBody(undefined)).toEqual({});
	});

	it('JSON: the exact compact string, UTF-8 text kept as is', () => {
		const out = serialiseBody({
			json: { taskName: 'Весна 牛小信', ids: [1, 2], nested: { ok: true, none: null } },
		});
		expect(out.contentType).toBe('application/json');
		expect(out.body).toBe(
			'{"taskName":"Весна 牛小信","ids":[1,2],"nested":{"ok":true,"none":null}}',
		);
	});

	it('JSON: key order is kept (signatures depend on it)', () => {
		expect(serialiseBody({ json: { b: 1, a: 2 } }).body).toBe('{"b":1,"a":2}');
	});

	it('JSON: an array and an empty object', () => {
		expect(serialiseBody({ json: [] }).body).toBe('[]');
		expect(serialiseBody({ json: {} }).body).toBe('{}');
	});

	it('form: URL-encoded, undefined values left out, others as text', () => {
		const out = serialiseBody({
			form: { phone: '+38 050', count: 3, active: true, skip: undefined, odd: 'a&b=c/д' },
		});
		expect(out.contentType).toBe('application/x-www-form-urlencoded');
		expect(out.body).toBe('phone=%2B38+050&count=3&active=true&odd=a%26b%3Dc%2F%D0%B4');
		expect(Object.fromEntries(new URLSearchParams(out.body as string))).toEqual({
			phone: '+38 050',
			count: '3',
			active: 'true',
			odd: 'a&b=c/д',
		});
	});

	it('form: empty', () => {
		expect(serialiseBody({ form: {} })).toEqual({
			body: '',
			contentType: 'application/x-www-form-urlencoded',
		});
	});

	describe('multipart', () => {
		const audio = Buffer.from([0x52, 0x49, 0x46, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);

		function encode() {
			const out = serialiseBody({
				multipart: [
					{ name: 'bizType', value: '7' },
					{ name: 'file', value: audio, filename: 'greeting "v2".wav', contentType: 'audio/wav' },
					{ name: 'raw', value: Buffer.from('abc'), filename: 'x.bin' },
					{ name: 'meta', value: '{"a":"牛"}', contentType: 'application/json' },
				],
			});
			const match = /^multipart\/form-data; boundary=(.+)$/.exec(out.contentType ?? '');
			if (!match) throw new Error(`unexpected content type ${out.contentType}`);
			return { body: out.body as Buffer, boundary: match[1] };
		}

		it('has the exact RFC 7578 structure: one part per field, file parts with filename and type', () => {
			const { body, boundary } = encode();
			expect(Buffer.isBuffer(body)).toBe(true);
			const expected = Buffer.concat([
				Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="bizType"\r\n\r\n7\r\n`),
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="greeting %22v2%22.wav"\r\n` +
						'Content-Type: audio/wav\r\n\r\n',
				),
				audio,
				Buffer.from('\r\n'),
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="raw"; filename="x.bin"\r\n` +
						'Content-Type: application/octet-stream\r\n\r\nabc\r\n',
				),
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n`,
				),
				Buffer.from('{"a":"牛"}', 'utf8'),
				Buffer.from(`\r\n--${boundary}--\r\n`),
			]);
			expect(body.equals(expected)).toBe(true);
		});

		it('keeps binary file bytes intact', () => {
			const { body } = encode();
			expect(body.indexOf(audio)).toBeGreaterThan(0);
		});

		it('a fresh, unguessable boundary per body that does not occur in the content', () => {
			const a = encode();
			const b = encode();
			expect(a.boundary).toMatch(/^----n8nDialers[0-9a-f]{24}$/);
			expect(a.boundary).not.toBe(b.boundary);
			// The boundary appears only as delimiters: 4 parts + the closing one.
			const text = a.body.toString('latin1');
			expect(text.split(`--${a.boundary}`).length - 1).toBe(5);
		});

		it('line breaks in a field or file name cannot add headers', () => {
			const out = serialiseBody({
				multipart: [{ name: 'f', value: 'x', filename: 'a\r\nContent-Type: text/html\r\n.wav' }],
			});
			const text = (out.body as Buffer).toString('utf8');
			const headerLines = text.split('\r\n\r\n')[0].split('\r\n');
			expect(headerLines).toHaveLength(3);
			expect(headerLines[1]).toBe(
				'Content-Disposition: form-data; name="f"; filename="a%0D%0AContent-Type: text/html%0D%0A.wav"',
			);
			expect(headerLines[2]).toBe('Content-Type: application/octet-stream');
		});

		it('no parts: only the closing delimiter', () => {
			const out = serialiseBody({ multipart: [] });
			const boundary = (out.contentType as string).split('boundary=')[1];
			expect((out.body as Buffer).toString()).toBe(`--${boundary}--\r\n`);
		});
	});
});

describe('errorCode', () => {
	it('a code on the error itself', () => {
		expect(
			errorCode(
				Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
			),
		).toBe('ECONNREFUSED');
		expect(errorCode({ code: 'EAI_AGAIN' })).toBe('EAI_AGAIN');
	});

	it('walks the cause chain', () => {
		const root = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere'), { code: 'ENOTFOUND' });
		const wrapped = new Error('request failed', { cause: new Error('axios', { cause: root }) });
		expect(errorCode(wrapped)).toBe('ENOTFOUND');
	});

	it('skips codes that are not network error codes on the way down', () => {
		const chain = { code: 500, cause: { code: 'econnreset', cause: { code: 'ECONNRESET' } } };
		expect(errorCode(chain)).toBe('ECONNRESET');
	});

	it('library codes such as ERR_NETWORK are not network errors: the errno below them wins', () => {
		const axiosLike = { code: 'ERR_NETWORK', cause: { code: 'ECONNREFUSED' } };
		expect(errorCode(axiosLike)).toBe('ECONNREFUSED');
		expect(errorCode({ code: 'ERR_BAD_RESPONSE' })).toBeUndefined();
	});

	it('the first network code wins when there are several', () => {
		expect(errorCode({ code: 'ETIMEDOUT', cause: { code: 'ECONNREFUSED' } })).toBe('ETIMEDOUT');
	});

	it('stops after six levels (a code deeper than that is not found)', () => {
		const nest = (depth: number) => {
			let e: Record<string, unknown> = { code: 'EHOSTUNREACH' };
			for (let i = 0; i < depth; i++) e = { cause: e };
			return e;
		};
		expect(errorCode(nest(5))).toBe('EHOSTUNREACH');
		expect(errorCode(nest(6))).toBeUndefined();
	});

	it('does not loop forever on a cyclic cause chain', () => {
		const a: Record<string, unknown> = { message: 'a' };
		a.cause = a;
		expect(errorCode(a)).toBeUndefined();
	});

	it.each([undefined, null, 'ECONNREFUSED', 42, new Error('no code')])(
		'nothing to find in %p',
		(value) => {
			expect(errorCode(value)).toBeUndefined();
		},
	);
});
