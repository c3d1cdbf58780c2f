import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { callbotRequests, leads, runCallbot, task, taskParameters } from './callbot-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ callbot: { callListCap: 30 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const state = () => sandbox.providers.nxteleCallbot.state;

async function createTask(userTaskId: string, extra: object = {}) {
	const result = await runCallbot(sandbox, {
		resource: 'task',
		operation: 'create',
		userTaskId,
		...taskParameters({ startMode: 'manual' }),
		taskOptions: { taskKeep: true },
		...extra,
	});
	expect(result.error()).toBeUndefined();
}

const add = (extra: object = {}) => ({
	resource: 'order',
	operation: 'add',
	task: task('={{ $json.task }}'),
	phone: '={{ $json.phone }}',
	orderId: '={{ $json.id }}',
	orderDetails: { other: '={{ $json.id }}' },
	...extra,
});

/** Orders added to task `t` with IDs lead-<k>, then one dialling round. */
async function taskWithCalls(t: string, n: number) {
	await createTask(t);
	const added = await runCallbot(
		sandbox,
		add(),
		leads(n).map((l) => ({ ...l, task: t })),
	);
	expect(added.error()).toBeUndefined();
	await runCallbot(sandbox, { resource: 'task', operation: 'start', task: task(t) });
	await sandbox.providers.nxteleCallbot.dial({ userTaskID: t, callbacks: false });
}

describe('NXTele Callbot → Order → Add', () => {
	it('combines the items per task into requests under the cap, each item getting its own result', async () => {
		await createTask('a');
		await createTask('b');
		const items = leads(70).map((l, k) => ({ ...l, task: k % 2 ? 'b' : 'a' }));
		items[5] = { ...items[3] }; // item 6 repeats item 4's lead and order ID (task b)

		const result = await runCallbot(sandbox, add({ ordersPerRequest: 50 }), items);

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out).toHaveLength(70);
		expect(out.map((i) => i.pairedItem)).toEqual(items.map((_, k) => ({ item: k })));
		expect(out[3].json).toMatchObject({ orderID: 'lead-3', added: true, userTaskID: 'b' });
		expect(out[3].json.alreadyExisted).toBeUndefined();
		expect(out[5].json).toMatchObject({ orderID: 'lead-3', added: true, alreadyExisted: true });
		expect(state().tasks.get('a')?.orderIDs).toHaveLength(35);
		expect(state().tasks.get('b')?.orderIDs).toHaveLength(34);
		const sizes = callbotRequests(sandbox, 'addBatchCall').map((r) => ({
			task: JSON.parse(r.rawBody).userTaskID,
			n: JSON.parse(r.rawBody).callInfoList.callList.length,
			outcome: r.outcome,
		}));
		// 35 refused (cap 30) once, then 18 per request for the rest of the run.
		expect(sizes[0]).toEqual({ task: 'a', n: 35, outcome: 'rejected' });
		expect(sizes.slice(1)).toEqual(
			[18, 17, 18, 16, 1].map((n, k) => ({ task: k < 2 ? 'a' : 'b', n, outcome: 'accepted' })),
		);
	});

	it('with Continue On Fail, a request refused as a whole becomes an error on each of its items', async () => {
		await createTask('a');
		await runCallbot(sandbox, { resource: 'task', operation: 'stop', task: task('a') });
		state().tasks.get('a')!.funcFlag.taskKeep = false;
		const result = await runCallbot(
			sandbox,
			add(),
			leads(2).map((l) => ({ ...l, task: 'a' })),
			{
				settings: { onError: 'continueRegularOutput' },
			},
		);
		const out = result.output('Subject');
		expect(out).toHaveLength(2);
		expect(out[0].json.error).toMatch(/task already finished/);
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});

	it('puts callback URLs in callInfoList and refuses one that is not a web address', async () => {
		await createTask('a');
		const ok = await runCallbot(
			sandbox,
			add({
				orderCallbackUrl: 'https://n8n.example.com/webhook/o',
				callCallbackUrl: 'https://n8n.example.com/webhook/c',
			}),
			[{ ...leads(1)[0], task: 'a' }],
		);
		expect(ok.error()).toBeUndefined();
		expect(
			JSON.parse(callbotRequests(sandbox, 'addBatchCall')[0].rawBody).callInfoList,
		).toMatchObject({
			orderCallbackUrl: 'https://n8n.example.com/webhook/o',
			callCallbackUrl: 'https://n8n.example.com/webhook/c',
		});
		const bad = await runCallbot(sandbox, add({ callCallbackUrl: 'n8n.example.com/hook' }), [
			{ ...leads(1)[0], task: 'a' },
		]);
		expect(bad.error('Subject')?.message).toMatch(
			/^Item 1: "Call Callback URL" is "n8n.example.com\/hook"/,
		);
	});

	it('a 5xx after the provider added the orders is retried, and the repeat reads as added', async () => {
		await createTask('a');
		sandbox.providers.nxteleCallbot.failAfterActing({ endpoint: 'addBatchCall' });
		const result = await runCallbot(
			sandbox,
			add(),
			leads(3).map((l) => ({ ...l, task: 'a' })),
		);
		expect(result.error()).toBeUndefined();
		expect(
			result
				.output('Subject')
				.every((i) => i.json.added === true && i.json.alreadyExisted === true),
		).toBe(true);
		expect(state().orders.size).toBe(3);
	});
});

describe('NXTele Callbot → Order → Import / Export Latest Batch', () => {
	it('imports the items as a batch and exports that batch with its call results', async () => {
		await createTask('a');
		const imported = await runCallbot(
			sandbox,
			add({ operation: 'importLatestBatch' }),
			leads(3).map((l) => ({ ...l, task: 'a' })),
		);
		expect(imported.error()).toBeUndefined();
		const batchID = imported.output('Subject')[0].json.batchID;
		expect(batchID).toEqual(expect.any(String));

		const exported = await runCallbot(sandbox, {
			resource: 'order',
			operation: 'exportLatestBatch',
			task: task('a'),
		});
		const out = exported.output('Subject');
		expect(out.map((i) => i.json.orderID)).toEqual(['lead-0', 'lead-1', 'lead-2']);
		expect(out.every((i) => i.json.batchID === batchID && i.json.userTaskID === 'a')).toBe(true);
		expect(out.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});
});

describe('NXTele Callbot → Order → Stop, Get Many, Get Call Details, Get Calls', () => {
	it('stops the orders of all items in one request and reports the unknown one on its item', async () => {
		await createTask('a');
		await runCallbot(
			sandbox,
			add(),
			leads(3).map((l) => ({ ...l, task: 'a' })),
		);
		const result = await runCallbot(
			sandbox,
			{ resource: 'order', operation: 'stop', task: task('a'), orderIds: '={{ $json.ids }}' },
			[{ ids: 'lead-0, lead-1' }, { ids: 'nope' }],
		);
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out[0].json).toEqual({
			orders: [
				{ userTaskID: 'a', orderID: 'lead-0', stopped: true },
				{ userTaskID: 'a', orderID: 'lead-1', stopped: true },
			],
		});
		expect(out[1].json).toMatchObject({
			orderID: 'nope',
			stopped: false,
			error: 'order not found',
		});
		expect(callbotRequests(sandbox, 'stopOrder')).toHaveLength(1);
		expect(state().orders.get('lead-0')?.stopped).toBe(true);
		expect(state().orders.get('lead-2')?.stopped).toBe(false);
	});

	it('gets the call details of 520 orders in two requests (at most 500 each), one output item per order', async () => {
		await taskWithCalls('a', 520);
		const items = Array.from({ length: 520 }, (_, k) => ({ id: `lead-${k}` }));
		items.push({ id: 'missing' });
		const result = await runCallbot(
			sandbox,
			{
				resource: 'order',
				operation: 'getCallDetails',
				task: task('a'),
				orderIds: '={{ $json.id }}',
			},
			items,
		);
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out).toHaveLength(521);
		expect(out[7].json).toMatchObject({ orderID: 'lead-7', other: 'lead-7' });
		expect((out[7].json.callInfoDetailList as unknown[]).length).toBe(1);
		expect(out[7].pairedItem).toEqual({ item: 7 });
		expect(out[520].json).toMatchObject({ orderID: 'missing', found: false });
		expect(
			callbotRequests(sandbox, 'listOrderDetail').map(
				(r) => JSON.parse(r.rawBody).orderList.length,
			),
		).toEqual([500, 21]);
	});

	it('lists orders and calls page by page with filters', async () => {
		await taskWithCalls('a', 5);
		const orders = await runCallbot(sandbox, {
			resource: 'order',
			operation: 'getMany',
			task: task('a'),
			returnAll: true,
			pageSize: 2,
			filters: { finish: 'finished', callDuration: '10-100' },
		});
		expect(orders.error()).toBeUndefined();
		expect(orders.output('Subject').map((i) => i.json.orderID)).toEqual([
			'lead-0',
			'lead-1',
			'lead-2',
			'lead-3',
			'lead-4',
		]);
		expect(JSON.parse(callbotRequests(sandbox, 'listOrder')[0].rawBody).options).toEqual({
			finish: 1,
			callDuration: { gt: 10, lt: 100, enable: true },
		});
		const calls = await runCallbot(sandbox, {
			resource: 'order',
			operation: 'getCalls',
			task: task('a'),
			limit: 3,
			filters: { callStatus: '1, 2' },
		});
		expect(calls.output('Subject')).toHaveLength(3);
		expect(calls.output('Subject')[0].json.callID).toEqual(expect.any(String));
		const bad = await runCallbot(sandbox, {
			resource: 'order',
			operation: 'getCalls',
			task: task('a'),
			filters: { callStatus: 'answered' },
		});
		expect(bad.error('Subject')?.message).toMatch(/^Item 1: "Call Statuses" has "answered"/);
	});
});

describe('NXTele Callbot → response signatures', () => {
	it('accepts answers whose sign matches, and with Verify Response Signature on refuses a changed one', async () => {
		const verify = { credentials: { verifyResponseSignature: true } };
		const ok = await runCallbot(
			sandbox,
			{ resource: 'task', operation: 'getMany', returnAll: true },
			[{}],
			verify,
		);
		expect(ok.error()).toBeUndefined();

		sandbox.providers.nxteleCallbot.tamperResponses(1);
		const tampered = await runCallbot(
			sandbox,
			{ resource: 'task', operation: 'getMany', returnAll: true },
			[{}],
			verify,
		);
		expect(tampered.error('Subject')?.message).toMatch(/response signature does not match/);

		sandbox.providers.nxteleCallbot.tamperResponses(1);
		const unchecked = await runCallbot(sandbox, {
			resource: 'task',
			operation: 'getMany',
			returnAll: true,
		});
		expect(unchecked.error()).toBeUndefined();
	});

	it('reports nothing as done when the answer to Create and Call is changed', async () => {
		sandbox.providers.nxteleCallbot.tamperResponses(1);
		const result = await runCallbot(
			sandbox,
			{
				resource: 'task',
				operation: 'createAndCall',
				...taskParameters(),
				phone: '={{ $json.phone }}',
			},
			leads(2),
			{
				credentials: { verifyResponseSignature: true },
				settings: { onError: 'continueRegularOutput' },
			},
		);
		const out = result.output('Subject');
		expect(out.some((i) => i.json.added === true)).toBe(false);
		expect(out[0].json.error).toMatch(/signature/);
	});
});
