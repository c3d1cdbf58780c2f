/**
 * Unitalk Trigger in a real n8n: the packed package is installed as a community package, workflows with
 * the trigger are activated, and the sandbox plays Unitalk, POSTing its documented webhooks to the
 * production URL and recording what n8n answered.
 *
 * Needs `npm run build` first (see package-n8n.ts).
 */
import type { Sandbox } from '../../sandbox';
import type { UnitalkWebhookDelivery } from '../../sandbox/unitalk/webhooks';
import { toRunResult, type Execution, type N8nInstance } from './harness/n8n';
import { BOOT_TIMEOUT_MS, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(120_000);

const TRIGGER_TYPE = 'n8n-nodes-dialers.unitalkTrigger';
const SECRET = 'e2e-unitalk-secret-5c1d9b';
const ROUTE_WEBHOOK_ID = '5a0c7c2e-3f1b-4d7e-9a52-6e1f0b7c4d11';
const QUEUE_WEBHOOK_ID = '8d2e4b61-7c3a-4f09-b1d5-2a9e6c8f0e22';
const productionPath = (webhookId: string) => `${webhookId}/webhook`;

let env: PackageN8n;
let n8n: N8nInstance;
let sandbox: Sandbox;
let routeWorkflowId: string;
let queueWorkflowId: string;

/** The unitalkTriggerApi credential holding the secret (issue 7 §6: not a node parameter). */
let secretCredential: { id: string; name: string };

function triggerNode(webhookId: string, parameters: Record<string, unknown>) {
	return {
		id: `n-trigger-${webhookId.slice(0, 4)}`,
		name: 'Unitalk Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { options: {}, ...parameters },
		credentials: { unitalkTriggerApi: secretCredential },
	};
}

const chain = (from: string, to: string) => ({
	[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
});

/** The trigger's output item in an execution. */
function triggerItem(e: Execution): Record<string, any> | undefined {
	return toRunResult(e).nodes['Unitalk Trigger']?.json[0];
}

async function executions(workflowId: string): Promise<Execution[]> {
	return await n8n.getExecutions(workflowId, { includeData: true });
}

let markerCallId = 990000;

/**
 * The executions of the calls-and-routing workflow once n8n has dealt with everything sent before:
 * a valid CALL_END marker is delivered after the requests under test and its execution awaited, so a
 * check that "nothing started" does not depend on how long one waits.
 */
async function executionsAfterMarker(): Promise<{ all: Execution[]; marker: Execution }> {
	const callId = ++markerCallId;
	const d = await sandbox.providers.unitalk.webhooks.emit('CALL_END', {
		payload: { call: { id: callId } },
	});
	expect(d.status).toBe(200);
	const marker = await n8n.waitForExecution(
		routeWorkflowId,
		(e) => e.status === 'success' && triggerItem(e)?.call?.id === callId,
	);
	return { all: await executions(routeWorkflowId), marker };
}

beforeAll(async () => {
	env = await startPackageN8n('unitalk-trigger');
	({ n8n, sandbox } = env);
	const name = 'Unitalk trigger secret';
	secretCredential = {
		id: await n8n.createCredential('unitalkTriggerApi', name, {
			secret: SECRET,
			secretLocation: 'query',
			queryParameterName: 'secret',
		}),
		name,
	};

	// Workflow 1: call events and ROUTE, answered from the node's parameters. The operator number is an
	// expression over the incoming request ($json.body), as the node's notice describes.
	routeWorkflowId = await n8n.createWorkflow({
		name: 'unitalk trigger: calls and routing',
		nodes: [
			triggerNode(ROUTE_WEBHOOK_ID, {
				events: ['CALL_END', 'ROUTE'],
				answerFrom: 'parameters',
				operatorNumber: "={{ $json.body.call.from === '380505557182' ? '2048' : '2099' }}",
				callerName: 'E2E Caller',
				ivrId: '',
			}),
			{
				id: 'n-record',
				name: 'Record',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [250, 0],
				parameters: {},
			},
		],
		connections: chain('Unitalk Trigger', 'Record'),
	});

	// Workflow 2: voice queue management answered by the last node (a Set node with setPriority).
	queueWorkflowId = await n8n.createWorkflow({
		name: 'unitalk trigger: queue priority from the last node',
		nodes: [
			triggerNode(QUEUE_WEBHOOK_ID, {
				events: ['VOICE_QUEUE_PRIORITY'],
				answerFrom: 'lastNode',
			}),
			{
				id: 'n-priority',
				name: 'Priority',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [250, 0],
				parameters: {
					assignments: {
						assignments: [
							{
								id: 'a-priority',
								name: 'setPriority',
								value: '={{ Number($json.query.prio ?? 7) }}',
								type: 'number',
							},
						],
					},
					options: {},
				},
			},
		],
		connections: chain('Unitalk Trigger', 'Priority'),
	});

	await n8n.activateWorkflow(routeWorkflowId);
	await n8n.activateWorkflow(queueWorkflowId);
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

beforeEach(() => {
	sandbox.reset();
	sandbox.providers.unitalk.webhooks.configure({
		url: `${n8n.baseUrl}/webhook/${productionPath(ROUTE_WEBHOOK_ID)}`,
		query: { secret: SECRET },
	});
});

test('the package registers the trigger as n8n-nodes-dialers.unitalkTrigger', async () => {
	expect(await n8n.listNodeTypes()).toContain(TRIGGER_TYPE);
});

test('CALL_END from the sandbox starts one execution with the payload', async () => {
	const callId = 880000 + Math.floor(Math.random() * 10000);
	const d = await sandbox.providers.unitalk.webhooks.emit('CALL_END', {
		payload: { call: { id: callId } },
	});
	expect(d.status).toBe(200);
	expect(d.responseJson).toEqual({ received: true, started: true, event: 'CALL_END' });

	const isOurs = (e: Execution) => e.status === 'success' && triggerItem(e)?.call?.id === callId;
	const exec = await n8n.waitForExecution(routeWorkflowId, isOurs);
	expect(exec.mode).toBe('webhook');
	const run = toRunResult(exec);
	const item = run.nodes['Unitalk Trigger'].json[0];
	expect(item).toMatchObject({
		event: 'CALL_END',
		call: { id: callId, from: '380505557182', state: 'ANSWER', secondsTalk: 9 },
		query: {},
	});
	expect(item.query).not.toHaveProperty('secret');
	expect(typeof item.receivedAt).toBe('string');
	expect(run.nodes.Record.json[0]).toMatchObject({ event: 'CALL_END', call: { id: callId } });
	expect((await executions(routeWorkflowId)).filter(isOurs)).toHaveLength(1);

	// The same delivery again (a retry): acknowledged, no second execution.
	const again = await sandbox.providers.unitalk.webhooks.emit('CALL_END', { repeat: d.seq });
	expect(again.status).toBe(200);
	expect(again.responseJson).toMatchObject({ duplicate: true });
	const { all } = await executionsAfterMarker();
	expect(all.filter(isOurs)).toHaveLength(1);
});

test('ROUTE is answered with the configured operator number, and the sandbox records the JSON', async () => {
	const d: UnitalkWebhookDelivery = await sandbox.providers.unitalk.webhooks.emit('ROUTE');
	expect(d.status).toBe(200);
	expect(d.responseJson).toEqual({ operatorNumber: '2048', callerName: 'E2E Caller', ivrId: null });
	expect(d.answer).toEqual({
		accepted: true,
		operatorNumber: '2048',
		callerName: 'E2E Caller',
		ivrId: null,
	});
	// The expression reads the request: another caller gets another operator.
	const other = await sandbox.providers.unitalk.webhooks.emit('ROUTE', {
		payload: { call: { from: '380671234567' } },
	});
	expect(other.answer).toMatchObject({ accepted: true, operatorNumber: '2099' });

	const exec = await n8n.waitForExecution(
		routeWorkflowId,
		(e) => e.status === 'success' && triggerItem(e)?.call?.from === '380671234567',
	);
	expect(triggerItem(exec)).toMatchObject({
		event: 'ROUTE',
		call: { outerNumber: '380442949168' },
	});
});

test('a request without the secret gets 401 and starts no execution', async () => {
	const before = (await executions(routeWorkflowId)).length;
	const d = await sandbox.providers.unitalk.webhooks.emit('CALL_END', { query: { secret: null } });
	expect(d.status).toBe(401);
	expect(d.responseJson).toEqual({ message: 'Unauthorized' });
	const wrong = await n8n.callWebhook(productionPath(ROUTE_WEBHOOK_ID), {
		body: { event: 'CALL_END', call: { id: 1 } },
		query: { secret: 'not-the-secret' },
	});
	expect(wrong.status).toBe(401);
	const { all, marker } = await executionsAfterMarker();
	expect(all.filter((e) => e.id !== marker.id)).toHaveLength(before);
});

test('an event the trigger does not listen to is acknowledged and starts nothing', async () => {
	const before = (await executions(routeWorkflowId)).length;
	const d = await sandbox.providers.unitalk.webhooks.emit('IVR');
	expect(d.status).toBe(200);
	expect(d.responseJson).toEqual({ received: true, started: false, event: 'IVR' });
	const { all, marker } = await executionsAfterMarker();
	expect(all.filter((e) => e.id !== marker.id)).toHaveLength(before);
});

test('an invalid IP Allow List stops the activation with a clear message', async () => {
	const id = await n8n.createWorkflow({
		name: 'unitalk trigger: bad allow list',
		nodes: [
			triggerNode('c3f0a9d4-1e2b-4c5d-8f6a-7b8c9d0e1f33', {
				events: ['CALL_END'],
				options: { allowedIps: '10.0.0.0/33, example.com' },
			}),
		],
		connections: {},
	});
	await expect(n8n.activateWorkflow(id)).rejects.toThrow(
		/IP Allow List has entries that are not addresses or ranges: 10\.0\.0\.0\/33, example\.com/,
	);
});

test('voice queue management answered by the last node: 7 is applied, 11 reaches Unitalk and is refused', async () => {
	const webhooks = sandbox.providers.unitalk.webhooks;
	webhooks.configure({
		url: `${n8n.baseUrl}/webhook/${productionPath(QUEUE_WEBHOOK_ID)}`,
		query: { secret: SECRET },
	});
	const ok = await webhooks.emit('VOICE_QUEUE_MANAGEMENT');
	expect(ok.status).toBe(200);
	expect(ok.responseJson).toEqual({ setPriority: 7 });
	expect(ok.answer).toEqual({ accepted: true, priority: 7 });

	// n8n sends the last node's item as it is: the trigger cannot check it (see the node's notice);
	// Unitalk's side refuses it and keeps the default queue.
	const bad = await webhooks.emit('VOICE_QUEUE_MANAGEMENT', { query: { prio: '11' } });
	expect(bad.responseJson).toEqual({ setPriority: 11 });
	expect(bad.answer).toEqual({
		accepted: false,
		priority: 5,
		problem: 'setPriority 11 is not a queue number from 1 to 10',
	});

	const exec = await n8n.waitForExecution(queueWorkflowId, (e) => e.status === 'success');
	expect(triggerItem(exec)).toMatchObject({ event: 'VOICE_QUEUE_PRIORITY' });
});

test('100 deliveries, each sent twice at the same moment, 4 in flight: exactly 100 executions', async () => {
	// A workflow of its own, so its executions are exactly what this test sent.
	const webhookId = '3c9f1e7a-0b2d-4e8f-a1c6-5d7e9f0a2b44';
	const id = await n8n.createWorkflow({
		name: 'unitalk trigger: concurrent deliveries',
		nodes: [triggerNode(webhookId, { events: ['CALL_END'] })],
		connections: {},
	});
	await n8n.activateWorkflow(id);
	const webhooks = sandbox.providers.unitalk.webhooks;
	// Each answer waits for n8n to store its execution, one SQLite write at a time: on a loaded 2-core
	// machine 16 in flight waited past the sandbox's default 10 s, so 4 in flight and a 60 s wait.
	webhooks.configure({
		url: `${n8n.baseUrl}/webhook/${productionPath(webhookId)}`,
		query: { secret: SECRET },
		timeoutMs: 60_000,
	});
	const PAIRS = 100;
	const PAIRS_IN_FLIGHT = 2;
	const answers: UnitalkWebhookDelivery[] = [];
	for (let first = 0; first < PAIRS; first += PAIRS_IN_FLIGHT) {
		const inFlight: Array<Promise<UnitalkWebhookDelivery>> = [];
		for (let i = first; i < Math.min(PAIRS, first + PAIRS_IN_FLIGHT); i++) {
			inFlight.push(webhooks.emit('CALL_END', { payload: { call: { id: 600000 + i } } }));
			// The sandbox records a delivery before sending it: its byte-for-byte repeat goes out now.
			const seq = webhooks.snapshot().deliveries.at(-1)!.seq;
			inFlight.push(webhooks.emit('CALL_END', { repeat: seq }));
		}
		answers.push(...(await Promise.all(inFlight)));
	}
	expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
	expect(
		answers.filter((a) => (a.responseJson as { started?: boolean })?.started === true),
	).toHaveLength(PAIRS);
	expect(
		answers.filter((a) => (a.responseJson as { duplicate?: boolean })?.duplicate === true),
	).toHaveLength(PAIRS);

	// Every execution was created before its answer; wait for them to finish (the list leaves out
	// running ones), then there must be exactly one per call: none for the 100 repeats.
	const until = Date.now() + 120_000;
	const settled = async () =>
		(await n8n.getExecutions(id, { limit: 250, status: 'running' })).length === 0 &&
		(await n8n.getExecutions(id, { limit: 250 })).length >= PAIRS;
	while (!(await settled()) && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const all = await n8n.getExecutions(id, { includeData: true, limit: 250 });
	expect(all).toHaveLength(PAIRS);
	expect(all.map((e) => e.status)).toEqual(all.map(() => 'success'));
	const callIds = all.map((e) => triggerItem(e)?.call?.id).sort();
	expect(new Set(callIds).size).toBe(PAIRS);
	await n8n.deactivateWorkflow(id);
}, 180_000);
