/**
 * Twin24 → Call Result (Get Many, Get Sessions, Depersonalize) and Bot (Get Many, Get Settings)
 * against the sandbox, with calls the sandbox places (simulateAllCalls).
 */
import { body, byId, createTask, REMINDER_BOT, SURVEY_BOT, twin24Context } from './helpers';

jest.setTimeout(60_000);

const ctx = twin24Context();
const twin24 = () => ctx.sandbox.providers.twin24;

/** A running task whose `n` candidates the sandbox has called (answered, no answer, busy in turn). */
async function calledTask(n: number): Promise<string> {
	const taskId = await createTask(ctx);
	await ctx.run(
		'candidate',
		{
			operation: 'addToTask',
			task: byId(taskId),
			phone: '={{ $json.phone }}',
			options: { forceStart: true },
		},
		Array.from({ length: n }, (_, i) => ({ phone: `7900${String(i).padStart(7, '0')}` })),
	);
	await twin24().simulateAllCalls({ webhooks: false });
	return taskId;
}

describe('Twin24 → Call Result → Get Many', () => {
	it('returns the calls of a task with the chosen fields, filtered by status', async () => {
		const taskId = await calledTask(6);
		const result = await ctx.run('callResult', {
			operation: 'getMany',
			returnAll: true,
			fields: 'id,phone,status,taskId',
			filters: { taskId, status: 'ANSWERED' },
		});
		expect(result.error()).toBeUndefined();
		const rows = result.output('Subject').map((o) => o.json);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(Object.keys(row).sort()).toEqual(['id', 'phone', 'status', 'taskId']);
			expect(row).toMatchObject({ status: 'ANSWERED', taskId });
		}
		const answered = [...twin24().state.calls.values()].filter((c) => c.status === 'ANSWERED');
		expect(rows).toHaveLength(answered.length);
		expect(ctx.requests('search/calls')[0].query).toMatchObject({
			fields: 'id,phone,status,taskId',
			taskId,
			status: 'ANSWERED',
			offset: '0',
			limit: '1000',
		});
	});

	it('Limit pages no further than needed; Other Filters and the period are sent', async () => {
		await calledTask(5);
		const result = await ctx.run('callResult', {
			operation: 'getMany',
			returnAll: false,
			limit: 2,
			fields: 'id,status',
			from: '2020-01-01T00:00:00Z',
			to: '2099-01-01T00:00:00Z',
			otherFilters: { filter: [{ field: 'botId', value: SURVEY_BOT }] },
		});
		expect(result.output('Subject')).toHaveLength(2);
		const [request] = ctx.requests('search/calls');
		expect(request.query).toMatchObject({
			limit: '2',
			botId: SURVEY_BOT,
			from: '2020-01-01T00:00:00.000Z',
			to: '2099-01-01T00:00:00.000Z',
		});
	});

	it('Return All over a period with more than 50,000 records says to split the period', async () => {
		await ctx.sandbox.close();
		// A sandbox that caps the period at 3 records stands in for 50,000 (same rule, smaller numbers).
		ctx.sandbox = await (
			await import('../../../sandbox')
		).startSandbox({ twin24: { analyticsPeriodCap: 3 } });
		await calledTask(4);
		const result = await ctx.run('callResult', {
			operation: 'getMany',
			returnAll: true,
			fields: 'id',
		});
		expect(result.error()?.message).toBe(
			'Item 1: "From" / "To": the period holds 4 records, Twin24 returned 3 (it gives at most 50,000 per period); split it into shorter periods',
		);
		// Within the cap, a Limit is served whole.
		const limited = await ctx.run('callResult', {
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			fields: 'id',
		});
		expect(limited.output('Subject')).toHaveLength(3);
	});

	it('refuses a malformed field list and a reversed period before sending', async () => {
		const bad = await ctx.run('callResult', {
			operation: 'getMany',
			returnAll: true,
			fields: 'id, phone number',
		});
		expect(bad.error()?.message).toBe(
			'Item 1: "Fields" has "phone number", which is not a field name; use names such as id,phone,status',
		);
		const reversed = await ctx.run('callResult', {
			operation: 'getMany',
			returnAll: true,
			from: '2026-02-01T00:00:00Z',
			to: '2026-01-01T00:00:00Z',
		});
		expect(reversed.error()?.message).toBe(
			'Item 1: "To" is before From; the period must end after it starts',
		);
		expect(ctx.requests('search/calls')).toHaveLength(0);
	});
});

describe('Twin24 → Call Result → Get Sessions', () => {
	it('returns the dialog of a call with its transcript and parsed results', async () => {
		await calledTask(3);
		const call = [...twin24().state.calls.values()].find((c) => c.status === 'ANSWERED')!;
		const result = await ctx.run('callResult', {
			operation: 'getSessions',
			returnAll: true,
			filters: { id: call.id },
		});
		const rows = result.output('Subject').map((o) => o.json);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: call.id,
			currentStatusName: 'ANSWERED',
			messagesAsString: expect.stringContaining('BOT:'),
		});
		expect(rows[0].resultsParsed).toEqual(JSON.parse(rows[0].resultsString as string));
	});
});

describe('Twin24 → Call Result → Depersonalize', () => {
	it('erases a call, keeping the recording by default', async () => {
		await calledTask(1);
		const call = [...twin24().state.calls.values()][0];
		const result = await ctx.run('callResult', { operation: 'depersonalize', callId: call.id });
		expect(result.output('Subject')[0].json).toEqual({
			callId: call.id,
			depersonalized: true,
			recordingKept: true,
		});
		expect(body(ctx.requests('calls/depersonalization')[0])).toEqual({ skipDeleteRecord: true });
		expect(twin24().state.calls.get(call.id)?.depersonalized).toBe(true);
	});

	it('drops the recording when Keep Recording is off', async () => {
		await calledTask(1);
		const call = [...twin24().state.calls.values()][0];
		await ctx.run('callResult', {
			operation: 'depersonalize',
			callId: call.id,
			keepRecording: false,
		});
		expect(body(ctx.requests('calls/depersonalization')[0])).toEqual({});
	});

	it('an unknown call is Twin24\'s "not found"', async () => {
		const result = await ctx.run('callResult', {
			operation: 'depersonalize',
			callId: 'no-such-call',
		});
		expect(result.error()?.message).toBe(
			'Twin24 Depersonalize Call: Call not found (HTTP 404: not found)',
		);
	});
});

describe('Twin24 → Bot', () => {
	it('Get Many lists the bot scripts (Return All and Limit)', async () => {
		const all = await ctx.run('bot', { operation: 'getMany', returnAll: true });
		expect(all.output('Subject').map((o) => o.json.id)).toEqual(
			expect.arrayContaining([SURVEY_BOT, REMINDER_BOT]),
		);
		const one = await ctx.run('bot', { operation: 'getMany', returnAll: false, limit: 1 });
		expect(one.output('Subject')).toHaveLength(1);
		expect(ctx.requests('bots/list').slice(-1)[0].query).toMatchObject({ limit: '1', offset: '0' });
	});

	it("Get Settings returns the script's settings", async () => {
		const result = await ctx.run('bot', { operation: 'getSettings', bot: byId(SURVEY_BOT) });
		expect(result.output('Subject')[0].json).toMatchObject({
			botId: SURVEY_BOT,
			name: 'Sandbox survey bot',
		});
	});
});
