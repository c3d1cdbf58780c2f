import { DEFAULT_ACCOUNTS, startSandbox, type Sandbox } from '../../../sandbox';
import { callbotPost, callbotSignature, conventionPost, unitalkPost } from './helpers';

const KEY = DEFAULT_ACCOUNTS.unitalk.apiKey;
const CB = DEFAULT_ACCOUNTS.nxteleCallbot;
const NX = DEFAULT_ACCOUNTS.nxcloud;
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const AUTODIAL = '/autodial/action';

let sb: Sandbox;
let nowMs = T0;
const nowS = () => Math.floor(nowMs / 1000);

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

const status12345 = () => sb.providers.unitalk.state.autodialers.get(12345)!.status;
const pause = (init: { signal?: AbortSignal } = {}) =>
	unitalkPost(sb.baseUrls.unitalk, AUTODIAL, { action: 'PAUSE', id: 12345 }, KEY, init);
const getList = () => unitalkPost(sb.baseUrls.unitalk, AUTODIAL, { action: 'GET_LIST' }, KEY);
const createTask = (userTaskID: string) =>
	callbotPost(
		sb.baseUrls.nxteleCallbot,
		'createTask',
		JSON.stringify({ productID: 'callbot', userTaskID, sceneID: 's' }),
		CB,
		nowS(),
	);
const ping = () => callbotPost(sb.baseUrls.nxteleCallbot, 'ping', '{"data":"x"}', CB, nowS());

describe('replacing faults: http500 / http503 / http429', () => {
	it('http500 answers 500 without acting, for exactly `count` requests', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http500', count: 2 });
		expect((await pause()).status).toBe(500);
		expect((await pause()).status).toBe(500);
		expect(status12345()).toBe('IN_PROGRESS');
		expect((await pause()).status).toBe(200);
		expect(status12345()).toBe('PAUSED');
		expect(sb.requests.map((r) => [r.outcome, r.fault, r.acted, r.responseStatus])).toEqual([
			['fault', 'http500', false, 500],
			['fault', 'http500', false, 500],
			['accepted', undefined, true, 200],
		]);
	});

	it('http503 for one Callbot path leaves other paths alone', async () => {
		sb.injectFault({
			provider: 'nxteleCallbot',
			path: '/callcentre/api/v3/createTask',
			kind: 'http503',
			count: 1,
		});
		expect((await ping()).json.code).toBe(0);
		expect((await createTask('t1')).status).toBe(503);
		expect(sb.providers.nxteleCallbot.state.tasks.size).toBe(0);
		expect((await createTask('t1')).json.retCode).toBe(0);
	});

	it('http429 sets Retry-After', async () => {
		sb.injectFault({ provider: 'nxcloud', kind: 'http429', count: 1, retryAfterSeconds: 7 });
		const r = await conventionPost(sb.baseUrls.nxcloud, '/api/voiceSms/getVoiceCdr', NX, nowMs, {
			body: '{}',
		});
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('7');
	});

	it('a fault without provider/path hits the next request of any provider', async () => {
		sb.injectFault({ kind: 'http500', count: 1 });
		expect((await ping()).status).toBe(500);
		expect((await getList()).status).toBe(200);
	});
});

describe('connection resets', () => {
	it('reset-before: the socket dies and the state does NOT change', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'reset-before', count: 1 });
		await expect(pause()).rejects.toThrow();
		expect(status12345()).toBe('IN_PROGRESS');
		expect(sb.requests[0]).toMatchObject({
			outcome: 'fault',
			fault: 'reset-before',
			acted: false,
			responseStatus: 0,
		});
	});

	it('reset-after: the provider acts, then the socket dies without an answer', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'reset-after', count: 1 });
		await expect(pause()).rejects.toThrow();
		expect(status12345()).toBe('PAUSED');
		expect(sb.requests[0]).toMatchObject({
			outcome: 'fault',
			fault: 'reset-after',
			acted: true,
			providerOutcome: 'accepted',
			responseStatus: 0,
		});
	});

	it('Callbot createTask: reset-before creates nothing; reset-after creates the task and the retry is refused as a duplicate', async () => {
		sb.injectFault({
			provider: 'nxteleCallbot',
			path: '/callcentre/api/v3/createTask',
			kind: 'reset-before',
			count: 1,
		});
		await expect(createTask('ut-r')).rejects.toThrow();
		expect(sb.providers.nxteleCallbot.state.tasks.has('ut-r')).toBe(false);

		sb.injectFault({
			provider: 'nxteleCallbot',
			path: '/callcentre/api/v3/createTask',
			kind: 'reset-after',
			count: 1,
		});
		await expect(createTask('ut-r')).rejects.toThrow();
		const task = sb.providers.nxteleCallbot.state.tasks.get('ut-r');
		expect(task).toBeDefined();
		const retry = await createTask('ut-r');
		expect(retry.json).toMatchObject({ retCode: 4, taskID: task!.taskID });
		expect(sb.providers.nxteleCallbot.state.tasks.size).toBe(1);
	});
});

describe('busy: the provider\'s own "not now"', () => {
	it('Callbot: retCode 7 "System Busy", signed, nothing done', async () => {
		sb.injectFault({
			provider: 'nxteleCallbot',
			path: '/callcentre/api/v3/createTask',
			kind: 'busy',
			count: 1,
		});
		const r = await callbotPost(
			sb.baseUrls.nxteleCallbot,
			'createTask',
			JSON.stringify({ productID: 'callbot', userTaskID: 'b1', sceneID: 's' }),
			CB,
			nowS(),
			{
				requestID: 'busy-req',
			},
		);
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ retCode: 7, retMsg: 'System Busy' });
		expect(r.headers.get('sign')).toBe(
			callbotSignature({
				secretKey: CB.secretKey,
				body: r.text,
				createTs: r.headers.get('createts')!,
				requestID: 'busy-req',
				uuid: CB.uuid,
			}),
		);
		expect(sb.providers.nxteleCallbot.state.tasks.size).toBe(0);
		expect(sb.requests[0]).toMatchObject({ outcome: 'fault', fault: 'busy', acted: false });
	});

	it('Callbot ping: code 7 in the ping envelope', async () => {
		sb.injectFault({ provider: 'nxteleCallbot', kind: 'busy', count: 1 });
		const r = await ping();
		expect(r.json).toMatchObject({ code: 7, msg: 'System Busy' });
	});

	it('Unitalk: "Handler is busy, try again later", state unchanged', async () => {
		sb.injectFault({ provider: 'unitalk', kind: 'busy', count: 1 });
		const r = await pause();
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ status: 'Error', message: 'Handler is busy, try again later' });
		expect(status12345()).toBe('IN_PROGRESS');
	});

	it('NXCloud: HTTP 429 (no busy code documented) with Retry-After', async () => {
		sb.injectFault({ provider: 'nxcloud', kind: 'busy', count: 1, retryAfterSeconds: 3 });
		const r = await conventionPost(sb.baseUrls.nxcloud, '/api/voiceSms/getVoiceCdr', NX, nowMs, {
			body: '{}',
		});
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('3');
	});

	it('NXCloud verification code: its documented code 28 "TPS limit reached", nothing sent', async () => {
		sb.injectFault({ provider: 'nxcloud', kind: 'busy', count: 1 });
		const form = 'phone=8613242926514&country_code=86&show_phone=085944247&content=1-2-3&lang=en';
		const r = await conventionPost(sb.baseUrls.nxcloud, '/api/voiceSms/versend', NX, nowMs, {
			body: form,
			contentType: 'application/x-www-form-urlencoded',
			action: 'versend',
		});
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ code: '28', message: 'TPS limit reached' });
		expect(sb.providers.nxcloud.state.messages).toHaveLength(0);
	});

	it('busy needs an authenticated caller: a bad key still gets the auth error', async () => {
		sb.injectFault({ provider: 'unitalk', kind: 'busy', count: 1 });
		const r = await unitalkPost(sb.baseUrls.unitalk, AUTODIAL, { action: 'GET_LIST' }, 'wrong');
		expect(r.status).toBe(401);
	});
});

describe('slow', () => {
	it('acts at once and answers after delayMs: a client that gives up early still changed the state', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'slow', delayMs: 600, count: 1 });
		await expect(pause({ signal: AbortSignal.timeout(100) })).rejects.toThrow();
		expect(status12345()).toBe('PAUSED');
	});

	it('a patient client gets the normal answer, no earlier than delayMs', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'slow', delayMs: 300, count: 1 });
		const started = Date.now();
		const r = await getList();
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(r.status).toBe(200);
		expect(r.json.tasks).toHaveLength(2);
		expect(sb.requests[0]).toMatchObject({
			outcome: 'fault',
			fault: 'slow',
			acted: true,
			responseStatus: 200,
		});
		expect(sb.requests[0].reason).toMatch(/slow: answered after 300 ms/);
	});
});

describe('faults after acting: http500-after / timeout', () => {
	it('http500-after: the provider acts, then 500 is answered instead of its answer', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http500-after', count: 1 });
		expect((await pause()).status).toBe(500);
		expect(status12345()).toBe('PAUSED');
		expect(sb.requests[0]).toMatchObject({
			outcome: 'fault',
			fault: 'http500-after',
			acted: true,
			providerOutcome: 'accepted',
			responseStatus: 500,
		});
	});

	it('http500-after on a request the provider refuses: nothing acted', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http500-after', count: 1 });
		const r = await unitalkPost(sb.baseUrls.unitalk, AUTODIAL, { action: 'PAUSE', id: 999 }, KEY);
		expect(r.status).toBe(500);
		expect(sb.requests[0]).toMatchObject({ acted: false, providerOutcome: 'rejected' });
	});

	it('timeout: the provider acts and never answers; the client gives up', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'timeout', count: 1 });
		await expect(pause({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
		expect(status12345()).toBe('PAUSED');
		expect(sb.requests[0]).toMatchObject({
			outcome: 'fault',
			fault: 'timeout',
			acted: true,
			responseStatus: 0,
		});
		// The next request is answered normally.
		expect((await getList()).status).toBe(200);
	});
});

describe('skip: faults in the middle of a run', () => {
	it('lets `skip` matching requests through, then applies to `count` requests', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http500', count: 1, skip: 2 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await getList()).status);
		expect(statuses).toEqual([200, 200, 500, 200]);
	});

	it('a request that another fault takes still counts as let through', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http500', count: 1 });
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http429', count: 1, skip: 1 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await getList()).status);
		expect(statuses).toEqual([500, 429, 200]);
	});

	it('requests to other paths do not count', async () => {
		sb.injectFault({ provider: 'unitalk', path: AUTODIAL, kind: 'http500', count: 1, skip: 1 });
		await unitalkPost(
			sb.baseUrls.unitalk,
			'/lists',
			{ list: 'BLOCKED_PHONES', operation: 'GET' },
			KEY,
		);
		expect((await getList()).status).toBe(200);
		expect((await getList()).status).toBe(500);
	});
});
