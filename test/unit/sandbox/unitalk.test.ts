import { DEFAULT_ACCOUNTS, startSandbox, type Sandbox } from '../../../sandbox';
import { unitalkPost } from './helpers';

const KEY = DEFAULT_ACCOUNTS.unitalk.apiKey;
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);

let sb: Sandbox;
let nowMs = T0;

beforeAll(async () => {
	sb = await startSandbox({ clock: () => nowMs });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	nowMs = T0;
	sb.reset();
});

const getList = (auth: string | null = KEY) =>
	unitalkPost(sb.baseUrls.unitalk, '/autodial/action', { action: 'GET_LIST' }, auth ?? undefined);

describe('Unitalk authentication', () => {
	it('accepts the raw key and "Bearer <key>"', async () => {
		for (const auth of [KEY, `Bearer ${KEY}`, `bearer ${KEY}`]) {
			const r = await getList(auth);
			expect(r.status).toBe(200);
			expect(r.json.tasks).toHaveLength(2);
		}
		expect(sb.requests.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(sb.requests[0].operation).toBe('GET_LIST');
	});

	it('answers a missing and a wrong key the same way', async () => {
		const missing = await getList(null);
		const wrong = await getList('Bearer not-the-key');
		for (const r of [missing, wrong]) {
			expect(r.status).toBe(401);
			expect(r.json).toEqual({ status: 'Error', message: 'Unauthorized' });
		}
		expect(sb.requests.map((r) => r.reason)).toEqual([
			'Authorization header missing',
			'wrong API key',
		]);
		expect(sb.requests.every((r) => r.outcome === 'rejected' && r.acted === false)).toBe(true);
	});
});

describe('Unitalk /autodial/action', () => {
	it('GET_LIST returns the two seeded autodialers in the doc task shape', async () => {
		const r = await getList();
		expect(r.json.tasks.map((t: { id: number }) => t.id)).toEqual([12345, 12346]);
		expect(r.json.tasks[0]).toMatchObject({
			id: 12345,
			name: 'Sandbox autodialer',
			autodialerType: 'AUTODIAL',
			autodialerMode: 'FIXED',
			statistics: { totalCount: 3, statesCount: { NEW: 1, ANSWER: 1, NOANSWER: 1 } },
			taskStatusInfo: { status: 'IN_PROGRESS' },
		});
		expect(r.json.tasks[0].timeFrom).toHaveLength(7);
	});

	it('PAUSE / UNPAUSE / CANCEL follow the doc rules and error strings', async () => {
		const act = (action: string, id: number) =>
			unitalkPost(sb.baseUrls.unitalk, '/autodial/action', { action, id }, KEY);
		expect((await act('PAUSE', 12345)).json).toEqual({ status: 'Success' });
		expect(sb.providers.unitalk.state.autodialers.get(12345)!.status).toBe('PAUSED');
		expect((await act('UNPAUSE', 12345)).json).toEqual({ status: 'Success' });
		expect(sb.providers.unitalk.state.autodialers.get(12345)!.status).toBe('IN_PROGRESS');
		expect((await act('CANCEL', 12345)).json).toEqual({ status: 'Success', message: 'Cancelled' });
		expect((await act('PAUSE', 12345)).json).toEqual({
			status: 'Error',
			message: 'Task is canceled',
		});
		expect((await act('PAUSE', 999)).json).toEqual({ status: 'Error', message: 'Task not found' });
		expect((await act('NOT_AN_ACTION', 1)).json.status).toBe('Error');
	});

	it('unknown endpoint is 404', async () => {
		const r = await unitalkPost(sb.baseUrls.unitalk, '/does/not/exist', {}, KEY);
		expect(r.status).toBe(404);
	});
});

describe('Unitalk limits', () => {
	async function sequential(n: number, stepMs: number) {
		const statuses: number[] = [];
		for (let i = 0; i < n; i++) {
			statuses.push((await getList()).status);
			nowMs += stepMs;
		}
		return statuses;
	}

	it('30 requests in 10 s: no violation', async () => {
		const statuses = await sequential(30, 300); // 30 requests over 8.7 s, ~3.4/s
		expect(statuses.every((s) => s === 200)).toBe(true);
		expect(sb.violations).toEqual([]);
	});

	it('31 requests in 10 s: exactly one rate-30-per-10s violation, key temporarily blocked', async () => {
		const statuses = await sequential(31, 300); // the 31st arrives at +9.0 s
		expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
		expect(statuses[30]).toBe(429);
		expect(sb.violations).toEqual([
			{
				provider: 'unitalk',
				kind: 'rate-30-per-10s',
				at: T0 + 30 * 300,
				countInWindow: 31,
				key: KEY,
				path: '/autodial/action',
				requestSeq: 31,
			},
		]);
		const blocked = sb.requests[30];
		expect(blocked.outcome).toBe('rejected');
		expect(blocked.responseStatus).toBe(429);

		// Still blocked after the window has moved on (temporary block: 60 s by default)...
		nowMs = T0 + 30_000;
		const during = await getList();
		expect(during.status).toBe(429);
		expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(during.json.status).toBe('Error');
		// ...and served again after it.
		nowMs = T0 + 9_000 + 60_001;
		expect((await getList()).status).toBe(200);
		expect(sb.violations).toHaveLength(1);
	});

	it('the window slides: 31 requests spread over more than 10 s are fine', async () => {
		await sequential(31, 340); // first and last are 10.2 s apart
		expect(sb.violations).toEqual([]);
	});

	it('more than 100 requests in 10 s: permanent block', async () => {
		const statuses = await sequential(101, 99);
		expect(sb.violations.map((v) => v.kind)).toEqual(['rate-30-per-10s', 'rate-100-per-10s']);
		expect(statuses[100]).toBe(403);
		nowMs += 24 * 3600 * 1000;
		expect((await getList()).status).toBe(403);
	});

	it('16 requests within one second: rate-15-per-second violation, the 16th refused', async () => {
		const statuses = await sequential(16, 50);
		expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
		expect(statuses[15]).toBe(429);
		expect(sb.violations).toEqual([
			expect.objectContaining({ kind: 'rate-15-per-second', countInWindow: 16 }),
		]);
	});

	it('20 simultaneous requests are fine, the 21st is a concurrency violation', async () => {
		// Hold the answers so that the requests overlap; spread arrival times so only concurrency matters.
		let tick = 0;
		const sb2 = await startSandbox({ clock: () => T0 + (tick += 600) });
		try {
			sb2.injectFault({
				provider: 'unitalk',
				path: '/autodial/action',
				kind: 'slow',
				delayMs: 1500,
				count: 20,
			});
			const twenty = await Promise.all(
				Array.from({ length: 20 }, () =>
					unitalkPost(sb2.baseUrls.unitalk, '/autodial/action', { action: 'GET_LIST' }, KEY),
				),
			);
			expect(twenty.every((r) => r.status === 200)).toBe(true);
			expect(sb2.violations).toEqual([]);

			sb2.injectFault({
				provider: 'unitalk',
				path: '/autodial/action',
				kind: 'slow',
				delayMs: 1500,
				count: 21,
			});
			const all = await Promise.all(
				Array.from({ length: 21 }, () =>
					unitalkPost(sb2.baseUrls.unitalk, '/autodial/action', { action: 'GET_LIST' }, KEY),
				),
			);
			expect(all.filter((r) => r.status === 429)).toHaveLength(1);
			expect(sb2.violations).toEqual([
				expect.objectContaining({
					provider: 'unitalk',
					kind: 'concurrency-20',
					countInWindow: 21,
					key: KEY,
				}),
			]);
		} finally {
			await sb2.close();
		}
	});

	it('limits are per key: another key does not share the window', async () => {
		await sequential(25, 300);
		nowMs = T0;
		for (let i = 0; i < 10; i++) await getList('other-key');
		expect(sb.violations).toEqual([]);
	});
});
