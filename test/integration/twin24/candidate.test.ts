/**
 * Twin24 → Candidate (Add to Task, Call From Template, Single Call, Cancel) against the sandbox: items
 * combined into requests, every candidate field, each item's own answer, bad input refused before
 * sending, and nothing sent twice after a lost answer.
 */
import { DEFAULT_TEMPLATE_ID, SECOND_TEMPLATE_ID } from '../../../sandbox/twin24/state';
import { body, byId, createTask, REMINDER_BOT, twin24Context } from './helpers';

jest.setTimeout(60_000);

const ctx = twin24Context();
const state = () => ctx.sandbox.providers.twin24.state;
const candidatesOf = (taskId: string) =>
	state()
		.tasks.get(taskId)!
		.candidateIds.map((id) => state().candidates.get(id)!);

const leads = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		phone: `+7 (900) ${String(1000000 + i)}`,
		id: `L${i}`,
		name: `Lead ${i}`,
	}));

const addParams = (taskId: string, extra: Record<string, unknown> = {}) => ({
	operation: 'addToTask',
	task: byId(taskId),
	phone: '={{ $json.phone }}',
	candidate: {
		callbackData: '={{ { "leadId": $json.id } }}',
		clientExternalId: '={{ $json.id }}',
		variables: { variable: [{ name: 'Name', value: '={{ $json.name }}' }] },
	},
	...extra,
});

describe('Twin24 → Candidate → Add to Task', () => {
	it('combines 2,500 items into 3 requests of at most 1,000, each candidate with its own fields', async () => {
		const taskId = await createTask(ctx);
		const result = await ctx.run('candidate', addParams(taskId), leads(2500));
		expect(result.error()).toBeUndefined();
		const requests = ctx.requests('/autoCallCandidate/batch');
		expect(requests.map((r) => body(r).batch.length)).toEqual([1000, 1000, 500]);
		expect(body(requests[0]).batch[0]).toEqual({
			autoCallId: taskId,
			phone: ['79001000000'],
			variables: { Name: 'Lead 0' },
			callbackData: { leadId: 'L0' },
			clientExternalId: 'L0',
		});
		expect(body(requests[0]).forceStart).toBeUndefined();
		const out = result.output('Subject');
		expect(out).toHaveLength(2500);
		expect(out[2499]).toEqual({
			json: {
				taskId,
				status: 'added',
				candidateId: candidatesOf(taskId)[2499].id,
				phone: ['79001002499'],
				clientExternalId: 'L2499',
				callbackData: { leadId: 'L2499' },
			},
			pairedItem: { item: 2499 },
		});
		expect(candidatesOf(taskId)).toHaveLength(2500);
	});

	it('Candidates Per Request and Start the Task After Adding are sent as set', async () => {
		const taskId = await createTask(ctx);
		await ctx.run(
			'candidate',
			addParams(taskId, { options: { batchSize: 2, forceStart: true } }),
			leads(5),
		);
		const requests = ctx.requests('/autoCallCandidate/batch');
		expect(requests.map((r) => [body(r).batch.length, body(r).forceStart])).toEqual([
			[2, true],
			[2, true],
			[1, true],
		]);
		expect(state().tasks.get(taskId)?.status).toBe('PROCESS');
	});

	it('several numbers per person, variables from JSON, a time zone in seconds', async () => {
		const taskId = await createTask(ctx);
		await ctx.run('candidate', {
			operation: 'addToTask',
			task: byId(taskId),
			phone: '79001112233, 8 (900) 111-22-44',
			candidate: { variablesJson: '{"Name": "John", "LastName": "Doe"}', timezone: 25200 },
		});
		expect(body(ctx.requests('/autoCallCandidate/batch')[0]).batch[0]).toEqual({
			autoCallId: taskId,
			phone: ['79001112233', '89001112244'],
			variables: { Name: 'John', LastName: 'Doe' },
			timezone: 25200,
		});
	});

	it.each([
		[
			'a phone with letters',
			{ phone: '7900CALLME' },
			'Item 1: "Phone" "7900CALLME" contains letters',
		],
		['no phone', { phone: '={{ $json.none }}' }, 'Item 1: "Phone" is empty'],
		[
			'a time zone outside ±43200',
			{ candidate: { timezone: 50400 } },
			'Item 1: "Time Zone Offset (Seconds)" is too large: 50400 given, at most 43200 allowed',
		],
		[
			'two variables with the same name',
			{
				candidate: {
					variables: {
						variable: [
							{ name: 'Name', value: 'a' },
							{ name: 'Name', value: 'b' },
						],
					},
				},
			},
			'Item 1: "Variables 2 > Name" is used twice ("Name")',
		],
		[
			'a variable with an empty name in Variables (JSON)',
			{ candidate: { variablesJson: '{"": "x"}' } },
			'Item 1: "Variables (JSON)" has a variable with an empty name',
		],
		[
			'a name in Variables (JSON) that Variables gives too',
			{
				candidate: {
					variables: { variable: [{ name: 'Name', value: 'a' }] },
					variablesJson: '{"Name": "b"}',
				},
			},
			'Item 1: "Variables (JSON)" names "Name", which Variables gives too',
		],
		[
			'callback data that is not an object',
			{ candidate: { callbackData: '[1, 2]' } },
			'Item 1: "Callback Data" must be an object',
		],
		['a task ID with a slash', { task: byId('abc/def') }, 'Item 1: "Task" must be a Twin24 ID'],
	])('refuses %s before sending', async (_what, extra, message) => {
		const taskId = await createTask(ctx);
		const result = await ctx.run('candidate', {
			...addParams(taskId),
			phone: '79001112233',
			...extra,
		});
		expect(result.error()?.message).toContain(message);
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(0);
	});

	it('33 variables with one name: refused, naming the item', async () => {
		const taskId = await createTask(ctx);
		const variable = Array.from({ length: 33 }, (_, i) => ({ name: 'Name', value: String(i) }));
		const result = await ctx.run('candidate', {
			operation: 'addToTask',
			task: byId(taskId),
			phone: '79001112233',
			candidate: { variables: { variable } },
		});
		expect(result.error()?.message).toContain(
			'Item 1: "Variables 2 > Name" is used twice ("Name"); each variable name may appear once',
		);
		expect(result.error()?.description).toContain('"Variables 33 > Name"');
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(0);
	});

	it('with Continue On Fail a bad item is reported, the others are added in one request', async () => {
		const taskId = await createTask(ctx);
		const items = leads(3);
		items[1].phone = 'not a phone';
		const result = await ctx.run('candidate', addParams(taskId), items, {
			onError: 'continueRegularOutput',
		});
		const out = result.output('Subject');
		expect(out.map((o) => o.json.status ?? o.json.error)).toEqual([
			'added',
			'Item 2: "Phone" "not a phone" contains letters: a number must be international, 7 to 15 digits',
			'added',
		]);
		expect(ctx.requests('/autoCallCandidate/batch').map((r) => body(r).batch.length)).toEqual([2]);
	});

	it('a lost answer is not sent again, so nobody in it can be called twice', async () => {
		const taskId = await createTask(ctx);
		ctx.sandbox.injectFault({
			provider: 'twin24',
			path: '/cis/api/v1/telephony/autoCallCandidate/batch',
			kind: 'reset-after',
			count: 1,
		});
		const result = await ctx.run(
			'candidate',
			addParams(taskId, { options: { batchSize: 2 } }),
			leads(6),
		);
		expect(result.error()?.message).toBe('Twin24 Add to Task: the outcome is unknown');
		expect(result.error()?.description).toContain(
			'It was not sent again, so that nobody is called twice',
		);
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(1);
		expect(candidatesOf(taskId)).toHaveLength(2); // Twin24 had added them; the answer was lost
	});

	it('a later request that fails: the error says the earlier ones were added', async () => {
		const taskId = await createTask(ctx);
		let answered = 0;
		ctx.onClock = () => {
			const n = ctx
				.requests('/autoCallCandidate/batch')
				.filter((r) => r.responseStatus === 200).length;
			if (n === 2 && answered === 0) {
				answered = n;
				ctx.sandbox.injectFault({
					provider: 'twin24',
					path: '/cis/api/v1/telephony/autoCallCandidate/batch',
					kind: 'http500',
					count: 1,
				});
			}
		};
		const result = await ctx.run(
			'candidate',
			addParams(taskId, { options: { batchSize: 2 } }),
			leads(6),
		);
		const error = result.error();
		expect(error?.message).toBe('Twin24 Add to Task: the outcome is unknown');
		expect(error?.description).toContain(
			'2 earlier request(s) of this run had already added 4 candidate(s)',
		);
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(3);
	});

	it('is refused for an AI agent unless the flow builder allowed it', async () => {
		const taskId = await createTask(ctx);
		const result = await ctx.run('candidate', addParams(taskId), leads(1), {
			type: 'n8n-nodes-dialers.twin24Tool',
		});
		expect(result.error()?.message).toBe(
			'Twin24 Add to Task places real phone calls and is not allowed for AI agents',
		);
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(0);
	});
});

describe('Twin24 → Candidate → Call From Template', () => {
	it('combines items into one request; each item gets its own task ID and candidate ID', async () => {
		const result = await ctx.run(
			'candidate',
			{
				operation: 'callFromTemplate',
				templateId: '={{ $json.template }}',
				phone: '={{ $json.phone }}',
				bot: byId(REMINDER_BOT),
				candidate: { callbackData: '={{ { "leadId": $json.id } }}', timezone: 25200 },
				options: { checkPhone: true },
			},
			[
				{ phone: '79876543210', id: 'a', template: SECOND_TEMPLATE_ID },
				{ phone: '79876543222', id: 'b', template: '' },
			],
		);
		expect(result.error()).toBeUndefined();
		const [request] = ctx.requests('/autoCallCandidate/single/batch');
		expect(body(request).batch).toEqual([
			{
				phone: ['79876543210'],
				callbackData: { leadId: 'a' },
				timezone: 25200,
				autoCallTemplateId: SECOND_TEMPLATE_ID,
				botSettingsId: REMINDER_BOT,
				checkPhone: true,
			},
			{
				phone: ['79876543222'],
				callbackData: { leadId: 'b' },
				timezone: 25200,
				botSettingsId: REMINDER_BOT,
				checkPhone: true,
			},
		]);
		const out = result.output('Subject').map((o) => o.json);
		for (const [k, o] of out.entries()) {
			const candidate = state().candidates.get(o.candidateId as string)!;
			expect(candidate.taskId).toBe(o.taskId);
			expect(candidate.callbackData).toEqual({ leadId: k === 0 ? 'a' : 'b' });
		}
		expect(state().tasks.get(out[1].taskId as string)?.templateId).toBe(DEFAULT_TEMPLATE_ID);
	});

	it("an unknown template is Twin24's refusal with the field named", async () => {
		const result = await ctx.run('candidate', {
			operation: 'callFromTemplate',
			templateId: '00000000-0000-0000-0000-000000000000',
			phone: '79876543210',
		});
		expect(result.error()?.message).toBe('Twin24 Call From Template: Validation failed');
		expect(result.error()?.description).toContain('Template not found');
	});
});

describe('Twin24 → Candidate → Single Call', () => {
	it('calls one person with the default template and outputs the task and candidate', async () => {
		const result = await ctx.run('candidate', {
			operation: 'singleCall',
			phone: '79001112233',
			candidate: { callbackData: '{"crm": 7}', clientExternalId: 'c-7' },
		});
		expect(result.error()).toBeUndefined();
		const [out] = result.output('Subject');
		expect(out.json).toMatchObject({
			status: 'calling',
			phone: ['79001112233'],
			clientExternalId: 'c-7',
			callbackData: { crm: 7 },
		});
		expect(state().candidates.get(out.json.candidateId as string)?.taskId).toBe(out.json.taskId);
		expect(body(ctx.requests('/autoCallCandidate/single')[0])).toEqual({
			phone: ['79001112233'],
			callbackData: { crm: 7 },
			clientExternalId: 'c-7',
		});
	});

	it('a lost answer is not retried', async () => {
		ctx.sandbox.injectFault({
			provider: 'twin24',
			path: '/cis/api/v1/telephony/autoCallCandidate/single',
			kind: 'http503',
			count: 1,
		});
		const result = await ctx.run('candidate', { operation: 'singleCall', phone: '79001112233' });
		expect(result.error()?.message).toBe('Twin24 Single Call: the outcome is unknown');
		expect(ctx.requests('/autoCallCandidate/single')).toHaveLength(1);
	});
});

describe('Twin24 → Candidate → Cancel', () => {
	it('cancels by task and phone, one request per number', async () => {
		const taskId = await createTask(ctx);
		await ctx.run('candidate', addParams(taskId), leads(2));
		const result = await ctx.run('candidate', {
			operation: 'cancel',
			task: byId(taskId),
			phone: '+7 900 100-00-00, 79001000001',
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((o) => o.json)).toEqual([
			{ taskId, phone: '79001000000', status: 'cancelled' },
			{ taskId, phone: '79001000001', status: 'cancelled' },
		]);
		expect(ctx.requests('/autoCallCandidate/cancel').map((r) => r.query)).toEqual([
			{ autoCallId: taskId, phone: '79001000000' },
			{ autoCallId: taskId, phone: '79001000001' },
		]);
	});

	it('a phone that is not in the task is Twin24\'s "not found"', async () => {
		const taskId = await createTask(ctx);
		const result = await ctx.run('candidate', {
			operation: 'cancel',
			task: byId(taskId),
			phone: '79001112233',
		});
		expect(result.error()?.message).toBe(
			'Twin24 Cancel Candidate: Candidate not found (HTTP 404: not found)',
		);
	});
});
