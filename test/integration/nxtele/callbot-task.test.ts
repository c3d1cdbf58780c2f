import { readFileSync } from 'fs';
import { join } from 'path';

import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { callbotRequests, leads, runCallbot, task, taskParameters } from './callbot-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ callbot: { callListCap: 40 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const createAndCall = (extra: object = {}) => ({
	resource: 'task',
	operation: 'createAndCall',
	...taskParameters(),
	phone: '={{ $json.phone }}',
	orderDetails: { userName: '={{ $json.name }}', other: '={{ $json.id }}' },
	...extra,
});

describe('NXTele Callbot → Task → Create and Call', () => {
	it('makes one task for the run and one order per item, the documented settings converted', async () => {
		const result = await runCallbot(sandbox, createAndCall(), leads(3));

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out).toHaveLength(3);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.every((i) => i.json.added === true)).toBe(true);
		expect(new Set(out.map((i) => i.json.userTaskID)).size).toBe(1);
		expect(new Set(out.map((i) => i.json.orderID)).size).toBe(3);

		const [request] = callbotRequests(sandbox, 'createAndCall');
		const body = JSON.parse(request.rawBody);
		expect(body.taskCreateSetting).toMatchObject({
			startupType: 3,
			zoneSecond: 8 * 3600,
			dialAtWeekDay: '1,2,3,4,5',
			dialAtUpHour: '9,10,11,14,15,16,17',
			dialAtDownHour: '9,10,11,13,14,15,16,17',
			maxCall: 5,
			taskName: 'Spring leads',
		});
		expect(body.callInfoList.callList[0]).toMatchObject({
			userPhone: '85261000000',
			userName: 'Lead 0',
			other: 'lead-0',
		});
		const tasks = [...sandbox.providers.nxteleCallbot.state.tasks.values()];
		expect(tasks).toHaveLength(1);
		expect(tasks[0].orderIDs).toHaveLength(3);
		expect(out[0].json.taskID).toBe(tasks[0].taskID);
	});

	it('answers the call-list cap (retCode 4001) with smaller requests, every item keeping its own order', async () => {
		const result = await runCallbot(sandbox, createAndCall({ ordersPerRequest: 100 }), leads(130));

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out).toHaveLength(130);
		expect(out.every((i) => i.json.added === true)).toBe(true);
		const tasks = [...sandbox.providers.nxteleCallbot.state.tasks.values()];
		expect(tasks).toHaveLength(1);
		expect(sandbox.providers.nxteleCallbot.state.orders.size).toBe(130);
		// 100 refused, 50 refused, 25 accepted: then the rest goes at 25 per request.
		const sizes = callbotRequests(sandbox)
			.filter((r) => /createAndCall|addBatchCall/.test(r.path))
			.map((r) => [
				r.path.split('/').pop(),
				JSON.parse(r.rawBody).callInfoList.callList.length,
				r.outcome,
			]);
		expect(sizes.slice(0, 3)).toEqual([
			['createAndCall', 100, 'rejected'],
			['createAndCall', 50, 'rejected'],
			['createAndCall', 25, 'accepted'],
		]);
		expect(sizes.slice(3).every(([path, n]) => path === 'addBatchCall' && Number(n) <= 25)).toBe(
			true,
		);
		for (const [k, item] of out.entries()) {
			const order = sandbox.providers.nxteleCallbot.state.orders.get(String(item.json.orderID));
			expect(order?.other).toBe(`lead-${k}`);
		}
	});

	it('reads the same Order ID twice as one order, and refuses it for another number', async () => {
		const items = [...leads(3), { ...leads(1, 2)[0], id: 'again' }];
		const result = await runCallbot(
			sandbox,
			createAndCall({
				orderId: '={{ $json.id === "lead-1" ? "dup" : $json.id === "lead-2" ? "dup" : "" }}',
			}),
			items,
			{ settings: { onError: 'continueRegularOutput' } },
		);
		const out = result.output('Subject');
		expect(out[1].json).toMatchObject({ orderID: 'dup', added: true });
		expect(out[2].json.error).toMatch(
			/^Item 3: "Order ID" "dup" is also the Order ID of item 2, which has another number/,
		);
		// Item 4 is item 3's lead again without an ID of its own: the derived ID differs per item.
		expect(out[3].json).toMatchObject({ added: true });
		expect(out[3].pairedItem).toEqual({ item: 3 });
		expect(sandbox.providers.nxteleCallbot.state.orders.size).toBe(3);
	});

	it('refuses a bad phone number, naming the item and the field, and sends nothing for it', async () => {
		const items = [...leads(2), { phone: '12ab', name: 'Bad', id: 'bad' }];
		const stopped = await runCallbot(sandbox, createAndCall(), items);
		expect(stopped.error('Subject')?.message).toMatch(
			/^Item 3: "Phone Number" "12ab" contains letters/,
		);
		expect(callbotRequests(sandbox)).toHaveLength(0);

		const result = await runCallbot(sandbox, createAndCall(), items, {
			settings: { onError: 'continueRegularOutput' },
		});
		const out = result.output('Subject');
		expect(out.map((i) => Boolean(i.json.added))).toEqual([true, true, false]);
		expect(out[2].json.error).toMatch(/Item 3: "Phone Number"/);
		expect(sandbox.providers.nxteleCallbot.state.orders.size).toBe(2);
	});

	it('names the field of a bad task setting before anything is sent', async () => {
		const result = await runCallbot(sandbox, createAndCall({ timeZone: 'Mars/Olympus' }), leads(1));
		expect(result.error('Subject')?.message).toMatch(/^Item 1: "Time Zone" is "Mars\/Olympus"/);
		const windows = await runCallbot(
			sandbox,
			createAndCall({ workingHours: { windows: [{ from: '18:00', to: '09:00' }] } }),
			leads(1),
		);
		expect(windows.error('Subject')?.message).toMatch(/^Item 1: "Working Hours" ends \(09:00\)/);
		expect(callbotRequests(sandbox)).toHaveLength(0);
	});

	it('after a 5xx on a createAndCall the provider carried out, the retry leaves one task and no duplicate order', async () => {
		sandbox.providers.nxteleCallbot.failAfterActing({ endpoint: 'createAndCall', count: 1 });
		const result = await runCallbot(sandbox, createAndCall(), leads(5));

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out.every((i) => i.json.added === true)).toBe(true);
		expect(out.every((i) => i.json.alreadyExisted === true)).toBe(true);
		expect(out[0].json.taskAlreadyExisted).toBe(true);
		expect(sandbox.providers.nxteleCallbot.state.tasks.size).toBe(1);
		expect(sandbox.providers.nxteleCallbot.state.orders.size).toBe(5);
		expect(callbotRequests(sandbox, 'createAndCall')).toHaveLength(2);
	});

	it("n8n's Retry On Fail runs the node again with the same IDs, so the second try adds nothing twice", async () => {
		// The first try is carried out but answered with an error that is not retried, and so is the
		// look for the task: the node fails, and n8n runs it again.
		sandbox.providers.nxteleCallbot.failAfterActing({ endpoint: 'createAndCall', status: 400 });
		sandbox.providers.nxteleCallbot.failAfterActing({ endpoint: 'listTask', status: 400 });
		const result = await runCallbot(sandbox, createAndCall(), leads(4), {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(result.error()).toBeUndefined();
		expect(callbotRequests(sandbox, 'createAndCall')).toHaveLength(2);
		expect(sandbox.providers.nxteleCallbot.state.tasks.size).toBe(1);
		expect(sandbox.providers.nxteleCallbot.state.orders.size).toBe(4);
		expect(result.output('Subject').every((i) => i.json.alreadyExisted === true)).toBe(true);
	});
});

describe('NXTele Callbot → Task → Create, Start, Pause, Stop, Update, Get Many', () => {
	const create = (extra: object = {}) => ({
		resource: 'task',
		operation: 'create',
		...taskParameters({ startMode: 'manual' }),
		...extra,
	});

	it('creates a task with your own Task ID, and a repeat reads the existing task as done', async () => {
		const first = await runCallbot(sandbox, create({ userTaskId: 'crm-campaign-7' }));
		expect(first.error()).toBeUndefined();
		expect(first.output('Subject')[0].json).toMatchObject({
			userTaskID: 'crm-campaign-7',
			alreadyExisted: false,
		});
		const again = await runCallbot(sandbox, create({ userTaskId: 'crm-campaign-7' }));
		expect(again.output('Subject')[0].json).toMatchObject({
			userTaskID: 'crm-campaign-7',
			alreadyExisted: true,
		});
		expect(sandbox.providers.nxteleCallbot.state.tasks.size).toBe(1);
	});

	it('derives a different task ID for each item and a scheduled start in seconds', async () => {
		const result = await runCallbot(
			sandbox,
			create({
				startMode: 'scheduled',
				startAt: '2026-03-01T09:00:00+08:00',
				taskName: '={{ $json.name }}',
			}),
			[{ name: 'A' }, { name: 'B' }],
		);
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out[0].json.userTaskID).not.toBe(out[1].json.userTaskID);
		const body = JSON.parse(callbotRequests(sandbox, 'createTask')[0].rawBody);
		expect(body.taskCreateSetting).toMatchObject({
			startupType: 2,
			startupAt: Date.parse('2026-03-01T01:00:00Z') / 1000,
		});
	});

	it('starts, pauses, updates and stops a task, and lists it with Return All and a status filter', async () => {
		await runCallbot(sandbox, create({ userTaskId: 't-1' }));
		const run = (operation: string, extra: object = {}) =>
			runCallbot(sandbox, { resource: 'task', operation, task: task('t-1'), ...extra });

		expect((await run('start')).output('Subject')[0].json).toMatchObject({
			userTaskID: 't-1',
			taskStatus: 2,
			taskStatusName: 'In Progress',
		});
		expect((await run('pause')).output('Subject')[0].json).toMatchObject({ taskStatus: 5 });
		const updated = await run(
			'update',
			taskParameters({ taskName: 'Renamed', maxConcurrentCalls: 2 }),
		);
		expect(updated.error()).toBeUndefined();
		expect(sandbox.providers.nxteleCallbot.state.tasks.get('t-1')?.taskName).toBe('Renamed');
		expect((await run('stop', { deleteUndialled: true })).output('Subject')[0].json).toMatchObject({
			taskStatus: 4,
		});
		expect(JSON.parse(callbotRequests(sandbox, 'mgrTaskStatus').pop()!.rawBody)).toMatchObject({
			taskOperate: 3,
			delCall: 1,
		});

		for (let k = 0; k < 4; k++) await runCallbot(sandbox, create({ userTaskId: `more-${k}` }));
		const all = await runCallbot(sandbox, {
			resource: 'task',
			operation: 'getMany',
			returnAll: true,
			pageSize: 2,
		});
		expect(
			all
				.output('Subject')
				.map((i) => i.json.userTaskID)
				.sort(),
		).toEqual(['more-0', 'more-1', 'more-2', 'more-3', 't-1']);
		expect(callbotRequests(sandbox, 'listTask')).toHaveLength(3);
		const ended = await runCallbot(sandbox, {
			resource: 'task',
			operation: 'getMany',
			limit: 10,
			filters: { taskStatus: [4] },
		});
		expect(ended.output('Subject').map((i) => i.json.userTaskID)).toEqual(['t-1']);
	});
});

describe('examples/nxtele-callbot-leads.json', () => {
	it("runs the example's Create and Call settings against the sandbox as they are saved", async () => {
		const example = JSON.parse(
			readFileSync(join(__dirname, '../../../examples/nxtele-callbot-leads.json'), 'utf8'),
		) as { nodes: Array<{ type: string; parameters: Record<string, unknown> }> };
		const node = example.nodes.find((n) => n.type === 'n8n-nodes-dialers.nxtele')!;
		const leadsFromCrm = [
			{ phone: '+852 6123 4567', name: 'Jane Doe', crmId: 'lead-1001', amount: '120' },
			{ phone: '+852 6123 4568', name: 'John Roe', crmId: 'lead-1002', amount: '80' },
		];
		const result = await runCallbot(sandbox, node.parameters as never, leadsFromCrm);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((i) => i.json.orderID)).toEqual(['lead-1001', 'lead-1002']);
		const order = sandbox.providers.nxteleCallbot.state.orders.get('lead-1001');
		expect(order?.params).toEqual([{ name: 'amount', value: '120' }]);
	});
});
