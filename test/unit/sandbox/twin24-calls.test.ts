/**
 * Twin24 sandbox over real HTTP: simulated calls and the task webhooks (order, payloads, callbackData,
 * subscriptions, redials), the inbound-call webhook, analytics (calls, sessions, the per-period cap),
 * depersonalisation, bots, faults and the recorded request rate.
 */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { allEvents, call, login, minimalTask, Receiver } from './twin24-helpers';

// Hundreds of real HTTP deliveries on a shared, busy machine.
jest.setTimeout(60_000);

let sb: Sandbox;
let rx: Receiver;
let nowMs = Date.UTC(2026, 5, 1, 9, 0, 0);
let token: string;
const cis = () => `${sb.baseUrls.twin24}/cis/api/v1`;
const analyse = () => `${sb.baseUrls.twin24}/analyse/api/v1/search/cis`;

beforeAll(async () => {
	sb = await startSandbox({ clock: () => nowMs, twin24: { analyticsPeriodCap: 5 } });
	rx = await new Receiver().start();
});
afterAll(async () => {
	await rx.close();
	await sb.close();
});
beforeEach(async () => {
	nowMs = Date.UTC(2026, 5, 1, 9, 0, 0);
	sb.reset();
	rx.bodies.length = 0;
	rx.status = 200;
	token = await login(sb);
});

async function startedTask(
	candidates: Array<Record<string, unknown>>,
	task: Record<string, unknown> = {},
): Promise<{ id: string; candidateIds: string[] }> {
	const c = await call(`${cis()}/telephony/autoCall`, {
		token,
		body: minimalTask({ webhookUrls: [allEvents(rx.url)], ...task }),
	});
	expect(c.status).toBe(200);
	const id = c.json.id.identity as string;
	const a = await call(`${cis()}/telephony/autoCallCandidate/batch`, {
		token,
		body: { forceStart: true, batch: candidates.map((x) => ({ autoCallId: id, ...x })) },
	});
	expect(a.status).toBe(200);
	await sb.providers.twin24.flush();
	return { id, candidateIds: a.json.map((x: any) => x.autoCallCandidateId.identity) };
}

const control = (command: string, body: unknown = {}) =>
	call(`${sb.url}/__sandbox/twin24/${command}`, { body });

describe('simulated calls and task webhooks', () => {
	it('an answered effective call: EFFICIENCY_REACHED, CALL_ENDED, CANDIDATE_CHANGED, then FINISHED; callbackData untouched', async () => {
		const callbackData = { crmId: 'Ä-555', nested: { list: [1, '2', null], empty: {} }, n: 1.5 };
		const { id } = await startedTask([
			{ phone: ['79001112233'], callbackData, variables: { Name: 'Ivan' } },
		]);
		expect(rx.events()).toEqual(['AUTOCALL_STATUS_CHANGED', 'AUTOCALL_STATUS_CHANGED']);
		expect(rx.bodies.map((b) => b.json.status)).toEqual(['READY', 'PROCESS']);
		rx.bodies.length = 0;
		const r = await control('simulateCalls', { outcomes: [{ status: 'ANSWERED', duration: 30 }] });
		expect(r.status).toBe(200);
		expect(r.json.calls).toHaveLength(1);
		expect(rx.events()).toEqual([
			'EFFICIENCY_REACHED',
			'CALL_ENDED',
			'CANDIDATE_CHANGED',
			'AUTOCALL_STATUS_CHANGED',
		]);
		const [eff, ended, changed, finished] = rx.bodies.map((b) => b.json);
		const callId = r.json.calls[0].id;
		expect(eff).toEqual({ event: 'EFFICIENCY_REACHED', id: callId, taskId: id, callbackData });
		expect(ended).toEqual({
			event: 'CALL_ENDED',
			type: 'OUTGOING',
			id: callId,
			taskId: id,
			botId: '228cc4fa-92f2-4709-94e3-7344a96a5903',
			status: 'ANSWERED',
			callFrom: '74992868344',
			callTo: '79001112233',
			startedAt: '2026-06-01T09:00:00+00:00',
			variables: { Name: 'Ivan' },
			result: { confirmation: 'yes' },
			callbackData,
		});
		expect(changed).toEqual({
			event: 'CANDIDATE_CHANGED',
			taskId: id,
			lastCallId: callId,
			callbackData,
		});
		expect(finished).toEqual({ event: 'AUTOCALL_STATUS_CHANGED', taskId: id, status: 'FINISHED' });
		// Byte for byte: the callbackData text inside the body is the JSON of what was sent.
		expect(rx.bodies[1].body).toContain(JSON.stringify(callbackData));
		expect(rx.bodies[1].headers.connection).toBe('close');
		expect(rx.bodies[1].headers['content-type']).toBe('application/json');
	});

	it('empty or missing callbackData arrives as []', async () => {
		await startedTask([{ phone: ['79001112233'] }, { phone: ['79001112234'], callbackData: {} }]);
		await sb.providers.twin24.simulateCalls({ outcomes: ['ANSWERED'] });
		const ended = rx.bodies.filter((b) => b.json.event === 'CALL_ENDED');
		expect(ended.map((b) => b.json.callbackData)).toEqual([[], []]);
	});

	it('a transferred call sends CALL_REDIRECTED first with the channel id', async () => {
		await startedTask([{ phone: ['79001112233'], callbackData: { a: 1 } }], {
			secondExec: 'ch',
			secondExecData: '48a77bd7-8762-4e0f-a277-4ef77e36c41b',
		});
		rx.bodies.length = 0;
		await sb.providers.twin24.simulateCalls({ outcomes: [{ status: 'ANSWERED', redirect: true }] });
		expect(rx.events().slice(0, 2)).toEqual(['CALL_REDIRECTED', 'EFFICIENCY_REACHED']);
		expect(rx.bodies[0].json).toMatchObject({
			redirectDestination: 'ch',
			redirectDestinationId: '48a77bd7-8762-4e0f-a277-4ef77e36c41b',
			redirectAdditional: null,
			redirectAnons: null,
			callbackData: { a: 1 },
		});
	});

	it('redial rules: BUSY schedules a recall after `time` s, up to `count`, then the next number', async () => {
		const task = minimalTask().redialStrategyOptions;
		const { id } = await startedTask(
			[{ phone: ['79001112233', '79001112234'], callbackData: { k: 'v' } }],
			{
				redialStrategyOptions: {
					...task,
					redialStrategyEn: true,
					busy: { redial: true, time: 60, count: 1 },
				},
			},
		);
		rx.bodies.length = 0;
		const p = sb.providers.twin24;
		await p.simulateCalls({ outcomes: ['BUSY'] });
		expect(rx.events()).toEqual(['CALL_ENDED', 'RECALL_SCHEDULED']);
		expect(rx.bodies[1].json).toMatchObject({
			event: 'RECALL_SCHEDULED',
			taskId: id,
			callTo: '79001112233',
			status: 'BUSY',
			recallAt: '2026-06-01T09:01:00+00:00',
			callbackData: { k: 'v' },
		});
		// Not due yet: nothing dialled.
		expect((await p.simulateCalls({ outcomes: ['BUSY'] })).calls).toHaveLength(0);
		nowMs += 60_000;
		rx.bodies.length = 0;
		await p.simulateCalls({ outcomes: ['BUSY'] });
		// count 1 used: no more recalls, the candidate moves on to its second number.
		expect(rx.events()).toEqual(['CALL_ENDED']);
		await p.simulateCalls({ outcomes: ['NOANSWER'] });
		expect(rx.bodies.map((b) => b.json.callTo ?? b.json.event)).toEqual([
			'79001112233',
			'79001112234',
			'CANDIDATE_CHANGED',
			'AUTOCALL_STATUS_CHANGED',
		]);
	});

	it('only subscribed events are sent; legacy string URLs get CALL_ENDED, CANDIDATE_CHANGED, CALL_REDIRECTED', async () => {
		const only = allEvents(`${rx.url}?only=ended`);
		only.events = {
			CALL_ENDED: { name: 'CALL_ENDED', value: true },
			CANDIDATE_CHANGED: { value: false },
		};
		await startedTask([{ phone: ['79001112233'] }], { webhookUrls: [only, `${rx.url}?legacy=1`] });
		rx.bodies.length = 0;
		await sb.providers.twin24.simulateAllCalls({ outcomes: ['ANSWERED'] });
		const by = (q: string) => rx.bodies.filter((b) => b.path.includes(q)).map((b) => b.json.event);
		expect(by('only=ended')).toEqual(['CALL_ENDED']);
		expect(by('legacy=1')).toEqual(['CALL_ENDED', 'CANDIDATE_CHANGED']);
	});

	it('useTr call window: candidates outside their local window wait', async () => {
		const opts = minimalTask().additionalOptions;
		await startedTask([{ phone: ['79001112233'], timezone: 0 }], {
			additionalOptions: {
				...opts,
				useTr: true,
				allowCallTimeFrom: 10 * 3600,
				allowCallTimeTo: 18 * 3600,
			},
		});
		expect((await sb.providers.twin24.simulateCalls()).calls).toHaveLength(0);
		nowMs = Date.UTC(2026, 5, 1, 10, 0, 0);
		expect((await sb.providers.twin24.simulateCalls()).calls).toHaveLength(1);
	});

	it('a paused task is not dialled; bad numbers end INVALID with checkPhone, CONGESTION without', async () => {
		const { id } = await startedTask([{ phone: ['12ab'] }], { checkPhone: true });
		await call(`${cis()}/telephony/autoCall/${id}/pause`, { token, method: 'POST' });
		expect((await sb.providers.twin24.simulateCalls()).calls).toHaveLength(0);
		await call(`${cis()}/telephony/autoCall/${id}/play`, { token, method: 'POST' });
		expect((await sb.providers.twin24.simulateCalls()).calls[0].status).toBe('INVALID');
		await startedTask([{ phone: ['12ab'] }]);
		expect((await sb.providers.twin24.simulateCalls()).calls[0].status).toBe('CONGESTION');
	});

	it('RU normalisation dials 8/10-digit forms as 7XXXXXXXXXX and IGNORE_NORMALIZATION_ERROR drops bad ones', async () => {
		const { candidateIds } = await startedTask([{ phone: ['8 (900) 111-22-33', 'abc'] }], {
			phoneNormalization: 'RU',
			normalizationErrorAction: 'IGNORE_NORMALIZATION_ERROR',
		});
		expect(sb.providers.twin24.state.candidates.get(candidateIds[0])!.phones).toEqual([
			'8 (900) 111-22-33',
		]);
		const r = await sb.providers.twin24.simulateCalls({ outcomes: ['ANSWERED'] });
		expect(r.calls[0].phone).toBe('79001112233');
	});

	it('every candidate of 120 gets its own callbackData back, in per-candidate order, over parallel deliveries', async () => {
		const candidates = Array.from({ length: 120 }, (_, i) => ({
			phone: [`7900${String(i).padStart(7, '0')}`],
			callbackData: { row: i },
		}));
		await startedTask(candidates);
		rx.bodies.length = 0;
		const r = await control('simulateAllCalls', {
			outcomes: ['ANSWERED', 'NOANSWER'],
			concurrency: 8,
		});
		expect(r.json.calls).toBe(120);
		const perRow = new Map<number, string[]>();
		for (const b of rx.bodies) {
			if (b.json.event === 'AUTOCALL_STATUS_CHANGED') continue;
			const row = b.json.callbackData.row as number;
			perRow.set(row, [...(perRow.get(row) ?? []), b.json.event]);
		}
		expect(perRow.size).toBe(120);
		for (const [row, events] of perRow)
			expect(events).toEqual(
				row % 2 === 0
					? ['EFFICIENCY_REACHED', 'CALL_ENDED', 'CANDIDATE_CHANGED']
					: ['CALL_ENDED', 'CANDIDATE_CHANGED'],
			);
		expect(rx.events().at(-1)).toBe('AUTOCALL_STATUS_CHANGED');
		const deliveries = await control('deliveries', { event: 'CANDIDATE_CHANGED' });
		expect(deliveries.json).toHaveLength(120);
	});

	it('failed deliveries are recorded and re-sent by redeliver; repeat sends one again byte for byte', async () => {
		await startedTask([{ phone: ['79001112233'] }]);
		rx.status = 500;
		await sb.providers.twin24.simulateCalls({ outcomes: ['NOANSWER'] });
		const failed = sb.providers.twin24.webhooks.deliveries.filter((d) => d.status === 500);
		expect(failed.map((d) => d.event)).toEqual([
			'CALL_ENDED',
			'CANDIDATE_CHANGED',
			'AUTOCALL_STATUS_CHANGED',
		]);
		rx.status = 200;
		rx.bodies.length = 0;
		const again = await control('redeliver');
		expect(again.json.map((d: any) => d.status)).toEqual([200, 200, 200]);
		expect(rx.bodies.map((b) => b.body)).toEqual(failed.map((d) => d.body));
		expect((await control('redeliver')).json).toEqual([]);
		const rep = await control('repeat', { seq: failed[0].seq });
		expect(rep.json).toMatchObject({ repeatOf: failed[0].seq, body: failed[0].body, status: 200 });
	});

	it('the inbound-call webhook: two hooks per call to the cabinet URL set by company settings', async () => {
		const set = await call(`${sb.baseUrls.twin24Iam}/companies/1001/settings`, {
			token,
			method: 'PATCH',
			body: { settings: { 'cis.webhooks.incomingCall': `${rx.url}?inbound=1` } },
		});
		expect(set.status).toBe(200);
		const other = await call(`${sb.baseUrls.twin24Iam}/companies/9/settings`, {
			token,
			method: 'PATCH',
			body: { settings: {} },
		});
		expect(other.status).toBe(403);
		const r = await control('inboundCall', { number: '74950000000' });
		expect(r.status).toBe(200);
		const [bot, shell] = rx.bodies.map((b) => b.json);
		expect(bot).toMatchObject({ number: '74950000000', stage: 'bot', isIncoming: true });
		expect(bot.recordPath).toBeUndefined();
		expect(shell).toMatchObject({ callId: bot.callId, stage: 'shell' });
		expect(typeof shell.recordPath).toBe('string');
		expect(rx.bodies[0].path).toBe('/hook?inbound=1');
	});
});

describe('analytics, depersonalisation, bots', () => {
	it('search/cis/calls: fields, equality filters, period, paging, and at most the period cap served', async () => {
		const { id } = await startedTask(
			Array.from({ length: 7 }, (_, i) => ({
				phone: [`7900111220${i}`],
				clientExternalId: `c${i}`,
			})),
		);
		await sb.providers.twin24.simulateCalls({ outcomes: ['ANSWERED', 'BUSY'] });
		const get = (q: string) => call(`${analyse()}/calls?${q}`, { token });
		const all = await get(`taskId=${id}&limit=1000`);
		expect(all.status).toBe(200);
		expect(all.json.count).toBe(7);
		// analyticsPeriodCap is 5 in this file: rows past it are never served.
		expect(all.json.items).toHaveLength(5);
		expect((await get('offset=5')).json.items).toEqual([]);
		const busy = await get('status=BUSY&fields=id,status,phone');
		expect(busy.json.count).toBe(3);
		expect(Object.keys(busy.json.items[0]).sort()).toEqual(['id', 'phone', 'status']);
		expect((await get('clientExternalId=c4')).json.items[0].phone).toBe('79001112204');
		expect((await get(`from=${encodeURIComponent('2026-06-01T09:00:01Z')}`)).json.count).toBe(0);
		expect((await get('limit=1001')).status).toBe(400);
	});

	it('search/cis/sessions: status, transcript and results per call', async () => {
		const { id } = await startedTask([{ phone: ['79001112233'] }]);
		const r = await sb.providers.twin24.simulateCalls({
			outcomes: [{ status: 'ANSWERED', result: { confirmation: 'no' } }],
		});
		const s = await call(
			`${analyse()}/sessions?taskId=${id}&fields=id,currentStatusName,messagesAsString,results`,
			{
				token,
			},
		);
		expect(s.json).toEqual({
			count: 1,
			items: [
				{
					id: r.calls[0].id,
					currentStatusName: 'ANSWERED',
					messagesAsString: expect.stringContaining('BOT:'),
					results: { confirmation: 'no' },
				},
			],
		});
		expect((await call(`${analyse()}/sessions?phone=79001112233`, { token })).json.count).toBe(1);
	});

	it('depersonalization: 200 with an empty body, erases phone and results; skipDeleteRecord keeps the record', async () => {
		await startedTask([{ phone: ['79001112233'] }, { phone: ['79001112234'] }], {
			additionalOptions: {
				fullListMethod: 'reject',
				fullListTime: 0,
				recordCall: true,
				recTrimLeft: 0,
			},
		});
		const { calls } = await sb.providers.twin24.simulateCalls({ outcomes: ['ANSWERED'] });
		const [a, b] = calls.map((c) => c.id as string);
		const r = await call(`${cis()}/calls/${a}/depersonalization`, { token, method: 'POST' });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
		const keep = await call(`${cis()}/calls/${b}/depersonalization`, {
			token,
			body: { skipDeleteRecord: true },
		});
		expect(keep.status).toBe(200);
		const rows = (await call(`${analyse()}/calls?fields=id,phone,recordUrl`, { token })).json.items;
		expect(rows.find((x: any) => x.id === a)).toEqual({ id: a, phone: null, recordUrl: null });
		expect(rows.find((x: any) => x.id === b).recordUrl).toMatch(/^https:/);
		expect(
			(await call(`${cis()}/calls/nope/depersonalization`, { token, method: 'POST' })).status,
		).toBe(404);
	});

	it('bots list (count, items, fields, withoutCount) and bot settings', async () => {
		const list = await call(`${sb.baseUrls.twin24}/bot/api/v1/bots?fields=id,name&limit=2`, {
			token,
		});
		expect(list.json.count).toBe(3);
		expect(list.json.items).toHaveLength(2);
		expect(Object.keys(list.json.items[0])).toEqual(['id', 'name']);
		const noCount = await call(`${sb.baseUrls.twin24}/bot/api/v1/bots?withoutCount=true`, {
			token,
		});
		expect(noCount.json.count).toBeUndefined();
		const botId = list.json.items[0].id;
		const s = await call(`${cis()}/botsSettings/${botId}`, { token });
		expect(s.json).toMatchObject({ botId, variables: ['Name', 'LastName'] });
		expect((await call(`${cis()}/botsSettings/nope`, { token })).status).toBe(404);
		expect((await call(`${cis()}/telephony/providers`, { token })).json.items).toHaveLength(2);
	});

	it('autoCall/import: multipart data + CSV file creates a task with its candidates', async () => {
		const form = new FormData();
		form.append('data', JSON.stringify(minimalTask({ name: 'imported' })));
		form.append(
			'file',
			new Blob(['phone,Name\n79001112233,Ivan\n79001112234;79001112235,Olga\n']),
			'list.csv',
		);
		const res = await fetch(`${cis()}/telephony/autoCall/import`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
			body: form,
		});
		expect(res.status).toBe(200);
		const id = ((await res.json()) as any).id.identity;
		const t = sb.providers.twin24.state.tasks.get(id)!;
		const cands = t.candidateIds.map((c) => sb.providers.twin24.state.candidates.get(c)!);
		expect(cands.map((c) => [c.phones, c.variables])).toEqual([
			[['79001112233'], { Name: 'Ivan' }],
			[['79001112234', '79001112235'], { Name: 'Olga' }],
		]);
	});
});

describe('faults and request rate', () => {
	it('5xx before acting adds nothing; reset after acting adds the candidates although no answer came', async () => {
		const c = await call(`${cis()}/telephony/autoCall`, { token, body: minimalTask() });
		const id = c.json.id.identity;
		const path = '/cis/api/v1/telephony/autoCallCandidate/batch';
		const body = { batch: [{ autoCallId: id, phone: ['79001112233'] }] };
		sb.injectFault({ provider: 'twin24', path, kind: 'http500', count: 1 });
		expect((await call(`${cis()}/telephony/autoCallCandidate/batch`, { token, body })).status).toBe(
			500,
		);
		expect(sb.providers.twin24.state.candidates.size).toBe(0);
		sb.injectFault({ provider: 'twin24', path, kind: 'reset-after', count: 1 });
		await expect(
			call(`${cis()}/telephony/autoCallCandidate/batch`, { token, body }),
		).rejects.toThrow();
		expect(sb.providers.twin24.state.candidates.size).toBe(1);
		expect(sb.requests.at(-1)).toMatchObject({
			outcome: 'fault',
			acted: true,
			operation: 'autoCallCandidate/batch',
		});
	});

	it('busy is 429 with Retry-After and does nothing; 429 and reset-before too', async () => {
		sb.injectFault({ provider: 'twin24', kind: 'busy', count: 1, retryAfterSeconds: 3 });
		const r = await fetch(`${cis()}/telephony/autoCall`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify(minimalTask()),
		});
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('3');
		expect(await r.json()).toEqual({ error: 'Too many requests', details: null });
		sb.injectFault({ provider: 'twin24', kind: 'reset-before', count: 1 });
		await expect(
			call(`${cis()}/telephony/autoCall`, { token, body: minimalTask() }),
		).rejects.toThrow();
		expect(sb.providers.twin24.state.tasks.size).toBe(0);
	});

	it('records the request rate (no limit is published, nothing is refused)', async () => {
		for (let i = 0; i < 12; i++) {
			expect((await call(`${cis()}/telephony/autoCall?limit=1`, { token })).status).toBe(200);
			if (i === 5) nowMs += 1500;
		}
		const s = (await call(`${sb.url}/__sandbox/state?provider=twin24`)).json.twin24.requestRate;
		// 13 requests including the login: 7 in the first second, 6 in the next, all within 10 s.
		expect(s).toEqual({ total: 13, maxPerSecond: 7, maxPer10Seconds: 13 });
		expect(sb.violations).toEqual([]);
	});

	it('unknown paths are 404 and unknown control commands are listed', async () => {
		expect((await call(`${cis()}/telephony/nothing`, { token })).status).toBe(404);
		const r = await control('nothing');
		expect(r.status).toBe(404);
		expect(r.json.error).toContain('simulateCalls');
	});
});
