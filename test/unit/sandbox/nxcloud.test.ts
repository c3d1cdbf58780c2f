import { startSandbox, type Sandbox } from '../../../sandbox';
import { conventionPost, conventionSignature } from './helpers';

// research/nxcloud.md §3.4 (from the docs, re-computed by the researcher).
const V = {
	accessKey: 'fme2na3kdi3ki',
	accessSecret: 'abciiiko2k3',
	ts: 1655710885431,
	bizType: '1',
	action: 'send',
	vectors: [
		{ body: '{"name":"牛小信","id":10001}', sign: '87c3560d3331ae23f1021e2025722354' },
		{ body: '{"id":10001,"name":"牛小信"}', sign: '7750759da06333f20d0640be09355e34' },
		{ body: '{"id": 10001, "name": "牛小信"}', sign: 'd0c24a9886c629330d7f3f2056c65bc2' },
	],
	noBodySign: '884afe159e39b6c88a0d6102ca97d704',
};
const creds = { accessKey: V.accessKey, accessSecret: V.accessSecret };
const RECORD_QUERY = '/api/voiceSms/getVoiceCdr';
const FILE_LIST = '/api/voiceSms/getUserFileUrl';
const UPLOAD = '/v1/voice/uploadFile';

let sb: Sandbox;
let nowMs = V.ts;

beforeAll(async () => {
	sb = await startSandbox({ clock: () => nowMs, accounts: { nxcloud: creds } });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	nowMs = V.ts;
	sb.reset();
});

const last = () => sb.requests[sb.requests.length - 1];

describe('NXCloud API call convention signature', () => {
	it('test-side formula reproduces the documented vectors', () => {
		for (const v of V.vectors) {
			expect(
				conventionSignature({
					accessKey: V.accessKey,
					action: V.action,
					bizType: V.bizType,
					ts: String(V.ts),
					body: v.body,
					accessSecret: V.accessSecret,
				}),
			).toBe(v.sign);
		}
		expect(
			conventionSignature({
				accessKey: V.accessKey,
				action: V.action,
				bizType: V.bizType,
				ts: String(V.ts),
				accessSecret: V.accessSecret,
			}),
		).toBe(V.noBodySign);
	});

	it.each(V.vectors)(
		'accepts the documented sign $sign for body $body (auth passes, endpoint then validates)',
		async (v) => {
			nowMs += 1500; // keep the record-query rate rule out of the way
			const r = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
				body: v.body,
				bizType: V.bizType,
				action: V.action,
				sign: v.sign,
			});
			expect(r.status).toBe(200);
			// Not a convention error (1001-1005): the endpoint's own parameter failure.
			expect(r.json).toEqual({ code: '0', info: expect.stringMatching(/voiceType/) });
			expect(last().reason).not.toMatch(/sign mismatch/);
			expect(last().rawBody).toBe(v.body);
		},
	);

	it('accepts a body-less request signed without the body part (884afe...)', async () => {
		const r = await conventionPost(
			sb.baseUrls.nxcloud,
			`${RECORD_QUERY}?voiceType=0`,
			creds,
			V.ts,
			{
				bizType: V.bizType,
				action: V.action,
				sign: V.noBodySign,
			},
		);
		expect(r.json.code).toBe('0'); // start_time missing: endpoint-level, so auth passed
		expect(r.json.info).toMatch(/start_time/);
	});

	it('rejects one changed body byte (1003), missing header (1001), stale ts (1004), unknown accessKey (1005)', async () => {
		const v = V.vectors[0];
		const tampered = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: v.body.replace('10001', '10002'),
			bizType: V.bizType,
			action: V.action,
			sign: v.sign,
		});
		expect(tampered.json).toMatchObject({ code: 1003, message: 'Invalid signature' });
		expect(typeof tampered.json.traceId).toBe('string');
		expect(last().outcome).toBe('rejected');

		const missing = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: v.body,
			omit: ['bizType'],
		});
		expect(missing.json.code).toBe(1001);
		expect(last().reason).toMatch(/bizType/);

		nowMs = V.ts + 60_001;
		const stale = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: v.body,
			bizType: V.bizType,
			action: V.action,
			sign: v.sign,
		});
		expect(stale.json.code).toBe(1004);
		nowMs = V.ts + 60_000;
		const edge = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: v.body,
			bizType: V.bizType,
			action: V.action,
			sign: v.sign,
		});
		expect(edge.json.code).toBe('0');

		const stranger = await conventionPost(
			sb.baseUrls.nxcloud,
			RECORD_QUERY,
			{ accessKey: 'nobody', accessSecret: 'x' },
			V.ts,
			{ body: v.body },
		);
		expect(stranger.json.code).toBe(1005);
	});

	it('rejects seconds in ts (1004) and an upper-case hex sign (1003)', async () => {
		const secs = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: '{}',
			ts: String(Math.floor(V.ts / 1000)),
		});
		expect(secs.json.code).toBe(1004);
		const v = V.vectors[0];
		const upper = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: v.body,
			bizType: V.bizType,
			action: V.action,
			sign: v.sign.toUpperCase(),
		});
		expect(upper.json.code).toBe(1003);
	});

	it('accepts algorithm: sha256 (SHA-256 over the same string)', async () => {
		const v = V.vectors[0];
		const r = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, V.ts, {
			body: v.body,
			bizType: V.bizType,
			action: V.action,
			algorithm: 'sha256',
		});
		expect(r.json.code).toBe('0');
		nowMs += 2000;
		const md5SignWithShaHeader = await conventionPost(
			sb.baseUrls.nxcloud,
			RECORD_QUERY,
			creds,
			V.ts + 2000,
			{
				body: v.body,
				bizType: V.bizType,
				action: V.action,
				algorithm: 'sha256',
				sign: conventionSignature({
					accessKey: V.accessKey,
					action: V.action,
					bizType: V.bizType,
					ts: String(V.ts + 2000),
					body: v.body,
					accessSecret: V.accessSecret,
				}),
			},
		);
		expect(md5SignWithShaHeader.json.code).toBe(1003);
	});
});

describe('NXCloud voice endpoints', () => {
	const query = (extra: Record<string, unknown> = {}) =>
		JSON.stringify({
			voiceType: 0,
			start_time: '2022-06-20 00:00:00',
			end_time: '2022-06-20 12:00:00',
			page: 1,
			page_size: 20,
			...extra,
		});

	it('voice record query returns the documented empty result', async () => {
		const r = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, {
			body: query(),
		});
		expect(r.json).toEqual({ code: '1', info: { total: 0, page: 1, pageSize: 20, rows: [] } });
		expect(last().outcome).toBe('accepted');
	});

	it('voice record query as a form post (body not signed)', async () => {
		const form = new URLSearchParams({
			voiceType: '1',
			start_time: '2022-06-20 00:00:00',
			end_time: '2022-06-20 01:00:00',
			page: '2',
			page_size: '5',
		}).toString();
		const r = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, {
			body: form,
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(r.json).toEqual({ code: '1', info: { total: 0, page: 2, pageSize: 5, rows: [] } });
	});

	it('voice record query rules: span <= 24 h, last 7 days', async () => {
		const span = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, {
			body: query({ end_time: '2022-06-21 00:00:01' }),
		});
		expect(span.json.code).toBe('0');
		nowMs += 1500;
		const old = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, {
			body: query({ start_time: '2022-06-01 00:00:00', end_time: '2022-06-01 01:00:00' }),
		});
		expect(old.json.info).toMatch(/7 days/);
	});

	it('records a violation when the voice record query is called twice within a second', async () => {
		expect(
			(await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, { body: query() }))
				.json.code,
		).toBe('1');
		nowMs += 999;
		const second = await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, {
			body: query(),
		});
		expect(second.status).toBe(429);
		expect(sb.violations).toEqual([
			expect.objectContaining({
				provider: 'nxcloud',
				kind: 'record-query-1-per-second',
				countInWindow: 2,
				key: V.accessKey,
			}),
		]);
		nowMs += 1001;
		expect(
			(await conventionPost(sb.baseUrls.nxcloud, RECORD_QUERY, creds, nowMs, { body: query() }))
				.json.code,
		).toBe('1');
		expect(sb.violations).toHaveLength(1);
	});

	it('upload v1: multipart, body left out of the sign, bizType 7 or 8, action upload; shows up in the file list', async () => {
		const form = new FormData();
		form.append('appkey', 'app-1');
		form.append(
			'file',
			new Blob([Buffer.from('ID3 fake mp3')], { type: 'audio/mpeg' }),
			'hello.mp3',
		);
		const up = await conventionPost(sb.baseUrls.nxcloud, UPLOAD, creds, nowMs, {
			body: form,
			bizType: '7',
			action: 'upload',
		});
		expect(up.json).toMatchObject({
			code: 0,
			message: 'Success',
			data: expect.stringMatching(/\.mp3$/),
		});
		const wrongAction = await conventionPost(sb.baseUrls.nxcloud, UPLOAD, creds, nowMs, {
			body: new FormData(),
			bizType: '8',
			action: 'send',
		});
		expect(wrongAction.json.code).toBe(1002);
		const noFile = new FormData();
		noFile.append('appkey', 'app-1');
		expect(
			(
				await conventionPost(sb.baseUrls.nxcloud, UPLOAD, creds, nowMs, {
					body: noFile,
					bizType: '8',
					action: 'upload',
				})
			).json.code,
		).toBe(9000);

		const list = await conventionPost(sb.baseUrls.nxcloud, FILE_LIST, creds, nowMs, {
			body: JSON.stringify({ page: 1, page_size: 10 }),
		});
		expect(list.json).toMatchObject({ code: 'success', info: { total: 1, page: 1, pageSize: 10 } });
		expect(list.json.info.rows[0]).toEqual({
			gmt_create: '2022-06-20 07:41:25',
			file_name: 'hello.mp3',
			url: up.json.data,
		});
		const badPaging = await conventionPost(sb.baseUrls.nxcloud, FILE_LIST, creds, nowMs, {
			body: JSON.stringify({ page: 0, page_size: 10 }),
		});
		expect(badPaging.json).toEqual({ code: 'failed', info: '请正确填写分页参数' });
	});
});
