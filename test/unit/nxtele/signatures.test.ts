/**
 * The two NXTele / NXCloud signature schemes against the vectors in research/nxcloud.md:
 * §1.8 (Callbot v3, computed with Python hashlib) and §3.4 (NXCloud API call convention, from the docs).
 */
import { createHash } from 'node:crypto';

import { callbotSignature, conventionSignature } from '../../../nodes/Nxtele/signatures';

describe('callbotSignature (research/nxcloud.md §1.8)', () => {
	const secretKey = 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr';
	const fixed = {
		uuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
		requestID: '0123456789abcdef0123456789abcdef',
		createTs: '1726000000',
	};

	const vectors = [
		{
			name: '(a) python json.dumps spacing',
			body: '{"customerId": "1234", "appKey": "xxxxxx", "status": 1}',
			MD5: '12D97B3724C213061EA6CE1D88AE0073',
			SHA256: '61CD9C6373B84601EFCD7E9688BECEDEE65B18850B8955D013F8F8EDC71690BD',
		},
		{
			name: '(b) compact ping body',
			body: '{"data":"hello"}',
			MD5: '7BF119787757410FBA5910137AFBED7F',
			SHA256: '2824A97A3092F611902485D393216F1A3F9C13EA5FAE090E0A0FFBC20F2E051A',
		},
	];

	for (const v of vectors) {
		it(`MD5 ${v.name}`, () => {
			expect(callbotSignature(secretKey, { ...fixed, body: v.body }, 'MD5')).toBe(v.MD5);
		});
		it(`SHA256 ${v.name}`, () => {
			expect(callbotSignature(secretKey, { ...fixed, body: v.body }, 'SHA256')).toBe(v.SHA256);
		});
	}

	it('defaults to MD5 when no algorithm is given', () => {
		expect(callbotSignature(secretKey, { ...fixed, body: '{"data":"hello"}' })).toBe(
			'7BF119787757410FBA5910137AFBED7F',
		);
	});

	it('is upper-case hex of the right length', () => {
		const md5 = callbotSignature(secretKey, { ...fixed, body: '' }, 'MD5');
		const sha = callbotSignature(secretKey, { ...fixed, body: '' }, 'SHA256');
		expect(md5).toMatch(/^[0-9A-F]{32}$/);
		expect(sha).toMatch(/^[0-9A-F]{64}$/);
	});

	it('signs the body byte for byte: whitespace and key order change the signature', () => {
		const compact = callbotSignature(secretKey, { ...fixed, body: '{"data":"hello"}' });
		const spaced = callbotSignature(secretKey, { ...fixed, body: '{"data": "hello"}' });
		const newline = callbotSignature(secretKey, { ...fixed, body: '{"data":"hello"}\n' });
		expect(new Set([compact, spaced, newline]).size).toBe(3);
	});

	it('covers every field: changing any one changes the signature', () => {
		const base = { ...fixed, body: '{"data":"hello"}' };
		const reference = callbotSignature(secretKey, base);
		expect(callbotSignature(`${secretKey}x`, base)).not.toBe(reference);
		expect(callbotSignature(secretKey, { ...base, createTs: '1726000001' })).not.toBe(reference);
		expect(
			callbotSignature(secretKey, { ...base, requestID: `${fixed.requestID.slice(0, -1)}0` }),
		).not.toBe(reference);
		expect(callbotSignature(secretKey, { ...base, uuid: fixed.uuid.toLowerCase() })).not.toBe(
			reference,
		);
	});

	it('hashes non-ASCII bodies as UTF-8', () => {
		const body = '{"name":"牛小信"}';
		const expected = createHash('md5')
			.update(
				Buffer.from(
					`${secretKey}&body=${body}&createTs=${fixed.createTs}&requestID=${fixed.requestID}&uuid=${fixed.uuid}`,
					'utf8',
				),
			)
			.digest('hex')
			.toUpperCase();
		expect(callbotSignature(secretKey, { ...fixed, body })).toBe(expected);
	});
});

describe('conventionSignature (research/nxcloud.md §3.4)', () => {
	const headers = { accessKey: 'fme2na3kdi3ki', ts: '1655710885431', bizType: '1', action: 'send' };
	const accessSecret = 'abciiiko2k3';

	it.each([
		['Java / C# body', '{"name":"牛小信","id":10001}', '87c3560d3331ae23f1021e2025722354'],
		['PHP / Go body', '{"id":10001,"name":"牛小信"}', '7750759da06333f20d0640be09355e34'],
		[
			'Python body with spaces',
			'{"id": 10001, "name": "牛小信"}',
			'd0c24a9886c629330d7f3f2056c65bc2',
		],
	])('%s', (_name, body, expected) => {
		expect(conventionSignature(headers, body, accessSecret)).toBe(expected);
	});

	it('no body (multipart or empty) gives the documented no-body vector', () => {
		expect(conventionSignature(headers, undefined, accessSecret)).toBe(
			'884afe159e39b6c88a0d6102ca97d704',
		);
	});

	it('an empty string body is treated as no body', () => {
		expect(conventionSignature(headers, '', accessSecret)).toBe('884afe159e39b6c88a0d6102ca97d704');
	});

	it('the header order in the object does not matter (sorted by name)', () => {
		const reordered = {
			ts: headers.ts,
			action: headers.action,
			bizType: headers.bizType,
			accessKey: headers.accessKey,
		};
		expect(conventionSignature(reordered, '{"name":"牛小信","id":10001}', accessSecret)).toBe(
			'87c3560d3331ae23f1021e2025722354',
		);
	});

	it('is lower-case hex; md5 by default, sha256 on request', () => {
		const md5 = conventionSignature(headers, '{"a":1}', accessSecret);
		const sha = conventionSignature(headers, '{"a":1}', accessSecret, 'sha256');
		expect(md5).toMatch(/^[0-9a-f]{32}$/);
		expect(sha).toMatch(/^[0-9a-f]{64}$/);
		const raw = `accessKey=${headers.accessKey}&action=${headers.action}&bizType=${headers.bizType}&ts=${headers.ts}&body={"a":1}&accessSecret=${accessSecret}`;
		expect(sha).toBe(createHash('sha256').update(raw, 'utf8').digest('hex'));
	});

	it('every header and the secret are covered', () => {
		const body = '{"id":10001,"name":"牛小信"}';
		const reference = '7750759da06333f20d0640be09355e34';
		expect(conventionSignature({ ...headers, accessKey: 'other' }, body, accessSecret)).not.toBe(
			reference,
		);
		expect(conventionSignature({ ...headers, ts: '1655710885432' }, body, accessSecret)).not.toBe(
			reference,
		);
		expect(conventionSignature({ ...headers, bizType: '7' }, body, accessSecret)).not.toBe(
			reference,
		);
		expect(conventionSignature({ ...headers, action: 'upload' }, body, accessSecret)).not.toBe(
			reference,
		);
		expect(conventionSignature(headers, body, `${accessSecret}x`)).not.toBe(reference);
	});
});
