import { DEFAULT_ACCOUNTS, startSandbox, type Sandbox } from '../../../sandbox';
import { unitalkPost } from './helpers';

const KEY = DEFAULT_ACCOUNTS.unitalk.apiKey;

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.reset());

const control = async (method: string, path: string, body?: unknown) => {
	const res = await fetch(`${sb.url}/__sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as any };
};

describe('sandbox basics', () => {
	it('listens on 127.0.0.1 with the documented base URLs and default accounts', () => {
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.baseUrls).toEqual({
			nxteleCallbot: `${sb.url}/nxbot`,
			nxcloud: `${sb.url}/nxcloud`,
			unitalk: `${sb.url}/unitalk/api`,
			twin24: `${sb.url}/twin24`,
			twin24Iam: `${sb.url}/twin24/iam/api/v1`,
		});
		expect(DEFAULT_ACCOUNTS).toEqual({
			nxteleCallbot: { uuid: 'sandbox-uuid', secretKey: 'sandbox-callbot-secret' },
			nxcloud: { accessKey: 'sandbox-access-key', accessSecret: 'sandbox-access-secret' },
			unitalk: { apiKey: 'sandbox-unitalk-key' },
			twin24: {
				email: 'sandbox@twin24.test',
				password: 'sandbox-twin24-password',
				companyId: 1001,
			},
		});
	});

	it('records method, path, query, lower-cased headers and the raw body', async () => {
		const raw = '{ "action" :"GET_LIST" }';
		await fetch(`${sb.baseUrls.unitalk}/autodial/action?x=1&x=2`, {
			method: 'POST',
			headers: { Authorization: KEY, 'X-Custom-Header': 'Yes', 'Content-Type': 'application/json' },
			body: raw,
		});
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0]).toMatchObject({
			seq: 1,
			provider: 'unitalk',
			method: 'POST',
			path: '/autodial/action',
			query: { x: ['1', '2'] },
			rawBody: raw,
			outcome: 'accepted',
			responseStatus: 200,
		});
		expect(sb.requests[0].headers['x-custom-header']).toBe('Yes');
		expect(sb.requests[0].headers['authorization']).toBe(KEY);
	});

	it('a path outside every provider prefix is a 404 recorded as `control`', async () => {
		const res = await fetch(`${sb.url}/elsewhere`, { method: 'POST', body: 'x' });
		expect(res.status).toBe(404);
		expect(sb.requests[0]).toMatchObject({
			provider: 'control',
			path: '/elsewhere',
			outcome: 'rejected',
			responseStatus: 404,
		});
	});
});

describe('control API over HTTP', () => {
	it('health', async () => {
		const r = await control('GET', '/health');
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			status: 'ok',
			url: sb.url,
			baseUrls: sb.baseUrls,
			accounts: DEFAULT_ACCOUNTS,
		});
	});

	it('requests (filtered), DELETE requests; control calls are not recorded', async () => {
		await unitalkPost(sb.baseUrls.unitalk, '/autodial/action', { action: 'GET_LIST' }, KEY);
		await fetch(`${sb.baseUrls.nxteleCallbot}/callcentre/api/v3/ping`, {
			method: 'POST',
			body: '{}',
		});
		await control('GET', '/health');
		const all = await control('GET', '/requests');
		expect(all.json.map((r: { provider: string }) => r.provider)).toEqual([
			'unitalk',
			'nxteleCallbot',
		]);
		const only = await control('GET', '/requests?provider=nxteleCallbot');
		expect(only.json).toHaveLength(1);
		expect(only.json[0].outcome).toBe('rejected');
		expect((await control('GET', '/requests?provider=bogus')).status).toBe(400);
		expect((await control('DELETE', '/requests')).status).toBe(200);
		expect((await control('GET', '/requests')).json).toEqual([]);
		expect(sb.requests).toHaveLength(0);
	});

	it('POST faults (validated), GET faults, then the fault applies', async () => {
		expect((await control('POST', '/faults', { kind: 'http500' })).status).toBe(400);
		expect((await control('POST', '/faults', { kind: 'nope', count: 1 })).status).toBe(400);
		expect((await control('POST', '/faults', 'not json')).status).toBe(400);
		const ok = await control('POST', '/faults', [
			{
				provider: 'unitalk',
				path: '/autodial/action',
				kind: 'http429',
				count: 1,
				retryAfterSeconds: 2,
			},
			{ provider: 'unitalk', kind: 'busy', count: 1 },
		]);
		expect(ok.status).toBe(201);
		expect((await control('GET', '/faults')).json).toHaveLength(2);
		const first = await unitalkPost(
			sb.baseUrls.unitalk,
			'/autodial/action',
			{ action: 'GET_LIST' },
			KEY,
		);
		expect(first.status).toBe(429);
		expect(first.headers.get('retry-after')).toBe('2');
		const second = await unitalkPost(
			sb.baseUrls.unitalk,
			'/autodial/action',
			{ action: 'GET_LIST' },
			KEY,
		);
		expect(second.json.message).toBe('Handler is busy, try again later');
		expect((await control('GET', '/faults')).json).toEqual([]);
	});

	it('violations and reset (state re-seeded, violations cleared)', async () => {
		const sb2 = await startSandbox({ unitalk: { limits: { perSecond: 2 } } });
		try {
			for (let i = 0; i < 3; i++)
				await unitalkPost(
					sb2.baseUrls.unitalk,
					'/autodial/action',
					{ action: 'PAUSE', id: 12345 },
					KEY,
				);
			const v = await (await fetch(`${sb2.url}/__sandbox/violations?provider=unitalk`)).json();
			expect(v).toEqual([
				expect.objectContaining({ kind: 'rate-15-per-second', countInWindow: 3 }),
			]);
			expect(sb2.providers.unitalk.state.autodialers.get(12345)!.status).toBe('PAUSED');
			const state = await (await fetch(`${sb2.url}/__sandbox/state?provider=unitalk`)).json();
			expect(state.unitalk.autodialers).toHaveLength(2);
			await fetch(`${sb2.url}/__sandbox/reset`, { method: 'POST' });
			expect(sb2.violations).toEqual([]);
			expect(sb2.requests).toEqual([]);
			expect(sb2.providers.unitalk.state.autodialers.get(12345)!.status).toBe('IN_PROGRESS');
		} finally {
			await sb2.close();
		}
	});
});
