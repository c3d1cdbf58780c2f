/**
 * Twin24 → Task (Create, Get, Get Many, Start, Pause, Stop for Good) against the sandbox: what the node
 * sends (every field of twin24-create-autocall-task.txt, the "required if" rules, the CPS formula,
 * call windows in seconds), what it outputs, and bad input refused before anything is sent.
 */
import {
	body,
	byId,
	createTask,
	REMINDER_BOT,
	SURVEY_BOT,
	taskParams,
	twin24Context,
} from './helpers';

jest.setTimeout(60_000);

const ctx = twin24Context();
const state = () => ctx.sandbox.providers.twin24.state;
const creates = () => ctx.requests('/telephony/autoCall').filter((r) => r.method === 'POST');

describe('Twin24 → Task → Create', () => {
	it('sends a manual task with the CPS of "3 calls per second" and outputs the task ID', async () => {
		const result = await ctx.run('task', taskParams());
		expect(result.error()).toBeUndefined();
		const [out] = result.output('Subject');
		expect(out.json).toMatchObject({
			cps: 1.03,
			callIntensity: '3 calls per second',
			startType: 'manual',
		});
		expect(state().tasks.get(out.json.taskId as string)?.status).toBe('BLANK');
		expect(body(creates()[0])).toEqual({
			name: 'Spring promo',
			defaultExec: 'robot',
			defaultExecData: SURVEY_BOT,
			startType: 'manual',
			startMoment: '',
			cps: 1.03,
			secondExec: 'end',
			secondExecData: '',
			cidType: 'default',
			additionalOptions: {
				fullListMethod: 'reject',
				fullListTime: 0,
				recordCall: true,
				recTrimLeft: 0,
				useTr: false,
			},
			redialStrategyOptions: {
				redialStrategyEn: false,
				candidateLimit: { redial: false, count: 0 },
				numberLimit: { redial: false, count: 0 },
				busy: { redial: false },
				noAnswer: { redial: false },
				answerMash: { redial: false },
				congestion: { redial: false },
				answerNoList: { redial: false },
			},
		});
	});

	it('sends every documented field: start time, transfer, caller ID, window, detection, redial, webhooks', async () => {
		const result = await ctx.run(
			'task',
			taskParams({
				startType: 'time',
				startAt: '2099-06-02T10:00:00',
				intensityMode: 'oneCallEvery',
				secondsBetweenCalls: 60,
				transferAction: 'ch',
				transferChannelId: '48a77bd7-8762-4e0f-a277-4ef77e36c41b',
				callerIdType: 'gornum',
				callerIdEntity: '9a67dee5-398e-4570-9426-fbb3f067b270',
				webhooks: {
					webhook: [
						{
							url: 'https://n8n.example.com/webhook/abc/twin24?secret=s3',
							events: ['CALL_ENDED', 'CANDIDATE_CHANGED'],
							partialResults: false,
							delay: 4,
						},
					],
				},
				additionalFields: {
					callStrategy: 'PARALLEL',
					checkPhone: true,
					taskComment: 'API test call task',
					sendReportAfterFinish: true,
					lifetime: 600,
					scheduleId: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
					phoneNormalization: 'RU',
					normalizationErrorAction: 'SET_NORMALIZATION_ERROR_FLAG',
				},
				callOptions: {
					fullListTime: 30,
					recordCall: true,
					recTrimLeft: 2,
					useTr: true,
					callWindowFrom: '09:00',
					callWindowTo: '24:00',
					detectRobot: true,
					detectRobotMode: 'block',
					detectRobotGreeting: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
					providerId: '11111111-2222-3333-4444-555555555555',
				},
				redial: {
					busyCount: 2,
					busyTime: 600,
					noAnswerCount: 1,
					noAnswerTime: 3600,
					candidateLimit: 5,
				},
			}),
		);
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toMatchObject({
			cps: 0.4,
			callIntensity: 'one call every 60 seconds',
			startMoment: '2099-06-02 10:00',
		});
		const sent = body(creates()[0]);
		expect(sent).toMatchObject({
			startType: 'time',
			startMoment: '2099-06-02 10:00',
			cps: 0.4,
			secondExec: 'ch',
			secondExecData: '48a77bd7-8762-4e0f-a277-4ef77e36c41b',
			cidType: 'gornum',
			cidData: '9a67dee5-398e-4570-9426-fbb3f067b270',
			callStrategy: 'PARALLEL',
			checkPhone: true,
			taskComment: 'API test call task',
			sendReportAfterFinish: true,
			lifetime: 600,
			scheduleId: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
			phoneNormalization: 'RU',
			normalizationErrorAction: 'SET_NORMALIZATION_ERROR_FLAG',
			additionalOptions: {
				fullListMethod: 'reject',
				fullListTime: 30,
				recordCall: true,
				recTrimLeft: 2,
				useTr: true,
				allowCallTimeFrom: 32_400,
				allowCallTimeTo: 86_399,
				detectRobot: true,
				detectRobotMode: 'block',
				detectRobotGreeting: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
				providerId: '11111111-2222-3333-4444-555555555555',
			},
			redialStrategyOptions: {
				redialStrategyEn: true,
				candidateLimit: { redial: true, count: 5 },
				numberLimit: { redial: false, count: 0 },
				busy: { redial: true, time: 600, count: 2 },
				noAnswer: { redial: true, time: 3600, count: 1 },
				answerMash: { redial: false },
			},
		});
		expect(sent.webhookUrls).toEqual([
			{
				url: 'https://n8n.example.com/webhook/abc/twin24?secret=s3',
				partialResults: false,
				delay: 4,
				events: {
					CALL_ENDED: { name: 'CALL_ENDED', value: true },
					CANDIDATE_CHANGED: { name: 'CANDIDATE_CHANGED', value: true },
					CALL_REDIRECTED: { name: 'CALL_REDIRECTED', value: false },
					RECALL_SCHEDULED: { name: 'RECALL_SCHEDULED', value: false },
					EFFICIENCY_REACHED: { name: 'EFFICIENCY_REACHED', value: false },
					AUTOCALL_STATUS_CHANGED: { name: 'AUTOCALL_STATUS_CHANGED', value: false },
				},
			},
		]);
		expect(creates()[0].responseStatus).toBe(200);
	});

	it.each([
		[
			'a CPS outside the formula',
			{ intensityMode: 'rawCps', cps: 1 },
			'Item 1: "CPS" must follow the Twin24 formula',
		],
		[
			'100 calls per second',
			{ callsPerSecond: 100 },
			'Item 1: "Calls per Second" must be a whole number from 1 to 99',
		],
		[
			'a start time in the past',
			{ startType: 'time', startAt: '2020-01-01T10:00:00' },
			'Item 1: "Start At" (2020-01-01 10:00) is in the past',
		],
		[
			'transfer to a channel without its ID',
			{ transferAction: 'ch', transferChannelId: '={{ $json.channel }}' },
			'Item 1: "Transfer Channel ID" is required',
		],
		[
			'one caller number without its ID',
			{ callerIdType: 'pool', callerIdEntity: '={{ $json.pool }}' },
			'Item 1: "Caller ID Number or Pool ID" is required',
		],
		[
			'local time without a window',
			{ callOptions: { useTr: true } },
			'Item 1: "Call Window From" is required when Respect Callee\'s Local Time is on',
		],
		[
			'a window that ends before it starts',
			{ callOptions: { callWindowFrom: '21:00', callWindowTo: '09:00' } },
			'Item 1: "Call Window To" (09:00) must be later than the start (21:00)',
		],
		[
			'blocking detection without its greeting',
			{ callOptions: { detectRobot: true, detectRobotMode: 'block' } },
			'Item 1: "Detection Greeting Audio ID" is required',
		],
		[
			'a redial count without its delay',
			{ redial: { busyCount: 2 } },
			'Item 1: "Busy: Delay (Seconds)" is required when Busy: Redials is set',
		],
		[
			'a normalization error action without normalization',
			{ additionalFields: { normalizationErrorAction: 'IGNORE_NORMALIZATION_ERROR' } },
			'Item 1: "On Normalization Error" needs Phone Normalization to be on',
		],
		[
			'a webhook that is not a URL',
			{ webhooks: { webhook: [{ url: 'my-n8n/webhook' }] } },
			'Item 1: "Webhooks 1 > URL" must be an http(s) address',
		],
	])('refuses %s before sending', async (_what, extra, message) => {
		const result = await ctx.run('task', taskParams(extra));
		expect(result.error()?.message).toContain(message);
		expect(creates()).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item is reported and the good ones are created', async () => {
		const result = await ctx.run(
			'task',
			taskParams({ name: '={{ $json.name }}', callsPerSecond: '={{ $json.cps }}' }),
			[
				{ name: 'A', cps: 2 },
				{ name: 'B', cps: 0 },
				{ name: 'C', cps: 5 },
			],
			{ onError: 'continueRegularOutput' },
		);
		const out = result.output('Subject');
		expect(out.map((o) => o.json.cps ?? o.json.error)).toEqual([
			1.02,
			'Item 2: "Calls per Second" must be a whole number from 1 to 99, got 0',
			1.05,
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(creates().map((r) => body(r).name)).toEqual(['A', 'C']);
	});

	it('Twin24 refusing the task (unknown bot) gives its message and details', async () => {
		const result = await ctx.run(
			'task',
			taskParams({ bot: byId('00000000-0000-0000-0000-000000000000') }),
		);
		const error = result.error();
		expect(error?.message).toBe('Twin24 Create Task: Validation failed');
		expect(error?.description).toContain('Bot script not found');
	});

	it('a lost answer is not sent again (a second task could be made)', async () => {
		ctx.sandbox.injectFault({
			provider: 'twin24',
			path: '/cis/api/v1/telephony/autoCall',
			kind: 'reset-after',
			count: 1,
		});
		const result = await ctx.run('task', taskParams());
		expect(result.error()?.message).toBe('Twin24 Create Task: the outcome is unknown');
		expect(creates()).toHaveLength(1);
		expect(state().tasks.size).toBe(1);
	});
});

describe('Twin24 → Task → Get, Get Many', () => {
	it('Get outputs the task with its status and counters', async () => {
		const taskId = await createTask(ctx);
		const result = await ctx.run('task', { operation: 'get', task: byId(taskId) });
		expect(result.output('Subject')[0].json).toMatchObject({
			id: taskId,
			name: 'Spring promo',
			status: 'BLANK',
			candidateCount: 0,
		});
	});

	it('Get of an unknown task says so', async () => {
		const result = await ctx.run('task', {
			operation: 'get',
			task: byId('00000000-0000-0000-0000-000000000001'),
		});
		expect(result.error()?.message).toBe(
			'Twin24 Get Task: AutoCall not found (HTTP 404: not found)',
		);
	});

	it('Get Many pages with offset and limit until a short page (Return All), filters by status and name', async () => {
		for (let i = 0; i < 5; i++) await createTask(ctx, { name: `Promo ${i}` });
		await createTask(ctx, { name: 'Other', bot: byId(REMINDER_BOT) });
		const all = await ctx.run('task', {
			operation: 'getMany',
			returnAll: true,
			filters: { keyword: 'promo', status: ['BLANK'] },
		});
		expect(
			all
				.output('Subject')
				.map((o) => o.json.name)
				.sort(),
		).toEqual(['Promo 0', 'Promo 1', 'Promo 2', 'Promo 3', 'Promo 4']);
		const list = ctx.requests('autoCall/list');
		expect(list[0].query).toMatchObject({
			keyword: 'promo',
			status: 'BLANK',
			offset: '0',
			limit: '1000',
		});

		const two = await ctx.run('task', { operation: 'getMany', returnAll: false, limit: 2 });
		expect(two.output('Subject')).toHaveLength(2);
		expect(ctx.requests('autoCall/list').slice(-1)[0].query).toMatchObject({
			limit: '2',
			offset: '0',
		});
	});

	it('Get Many sends From / To as ISO instants', async () => {
		await ctx.run('task', {
			operation: 'getMany',
			returnAll: true,
			filters: { from: '2026-06-01T00:00:00Z', to: '2026-06-30T00:00:00Z' },
		});
		expect(ctx.requests('autoCall/list')[0].query).toMatchObject({
			from: '2026-06-01T00:00:00.000Z',
			to: '2026-06-30T00:00:00.000Z',
		});
	});
});

describe('Twin24 → Task → Start, Pause, Stop for Good', () => {
	it('moves a task through PROCESS, PAUSED, PROCESS and HALTED', async () => {
		const taskId = await createTask(ctx);
		await ctx.run('candidate', {
			operation: 'addToTask',
			task: byId(taskId),
			phone: '79001112233',
		});
		const status = () => state().tasks.get(taskId)?.status;
		const step = async (operation: string) => {
			const r = await ctx.run('task', { operation, task: byId(taskId) });
			expect(r.error()).toBeUndefined();
			return r.output('Subject')[0].json;
		};
		expect(await step('start')).toMatchObject({ taskId, requested: 'PROCESS' });
		expect(status()).toBe('PROCESS');
		await step('pause');
		expect(status()).toBe('PAUSED');
		await step('start');
		expect(status()).toBe('PROCESS');
		await step('stop');
		expect(status()).toBe('HALTED');
		expect(
			ctx
				.requests()
				.map((r) => r.path.split('/').pop())
				.filter((p) => ['play', 'pause', 'halted'].includes(p!)),
		).toEqual(['play', 'pause', 'play', 'halted']);
	});

	it('Start is refused for an AI agent unless the flow builder allowed it', async () => {
		const taskId = await createTask(ctx);
		const asTool = { type: 'n8n-nodes-dialers.twin24Tool' };
		const refused = await ctx.run('task', { operation: 'start', task: byId(taskId) }, [{}], asTool);
		expect(refused.error()?.message).toBe(
			'Twin24 Start Task places real phone calls and is not allowed for AI agents',
		);
		expect(ctx.requests().filter((r) => r.path.endsWith('/play'))).toHaveLength(0);
		const allowed = await ctx.run(
			'task',
			{ operation: 'start', task: byId(taskId), allowAgentUse: true },
			[{}],
			asTool,
		);
		expect(allowed.error()?.message ?? '').not.toContain('AI agents');
		expect(ctx.requests().filter((r) => r.path.endsWith('/play'))).toHaveLength(1);
	});
});
