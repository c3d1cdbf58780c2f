/**
 * NXCloud voice and the NXTele Trigger in a real n8n with the packed package:
 * - a Group Call from 250,000 input items makes two tasks, of 200,000 and 50,000 numbers;
 * - the sandbox runs Callbot calls and sends its signed task, order and call callbacks to the trigger's
 *   production URL, and the trigger workflow runs once for each; a callback with a wrong sign gets 401
 *   and starts nothing.
 *
 * Needs `npm run build` first (see package-n8n.ts); run under `flock /tmp/n8n.lock`.
 */
import { toRunResult, type Execution, type N8nInstance } from './harness/n8n';
import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';
import { GROUP_CALL_PATH } from '../../sandbox/nxcloud/voice';
import { callbotHeaders, createCallbotTask } from '../integration/nxtele/trigger-fixtures';

jest.setTimeout(300_000);

const NUMBERS = 250_000;
const TRIGGER_WEBHOOK_ID = '3c6f1e2a-9b4d-4e7a-8c15-7d2b9e0a4f61';

let env: PackageN8n;
let n8n: N8nInstance;

beforeAll(async () => {
	env = await startPackageN8n('nxtele-voice');
	n8n = env.n8n;
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

it('makes two tasks of 200,000 and 50,000 numbers from a Group Call of 250,000 items', async () => {
	const { sandbox } = env;
	const credentialId = await n8n.createCredential('nxteleApi', 'NXCloud sandbox', {
		accessKey: sandbox.accounts.nxcloud.accessKey,
		accessSecret: sandbox.accounts.nxcloud.accessSecret,
		baseUrl: sandbox.baseUrls.nxcloud,
	});
	const workflowId = await n8n.createWorkflow(
		manualWorkflow('Voice broadcast', [
			{
				id: 'leads',
				name: 'Leads',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `return Array.from({ length: ${NUMBERS} }, (_, i) => ({ json: { phone: '+86 ' + (13000000000 + i) } }));`,
				},
			},
			{
				id: 'group-call',
				name: 'Group Call',
				type: `${PACKAGE}.nxtele`,
				parameters: {
					resource: 'groupCall',
					operation: 'create',
					appId: 'iaAJ6COV',
					taskName: 'E2E broadcast',
					numbers: '={{ $json.phone }}',
					source: 'tts',
					text: 'Hello from a real n8n',
					language: 'EN',
				},
				credentials: { nxteleApi: { id: credentialId, name: 'NXCloud sandbox' } },
			},
			{
				id: 'count',
				name: 'Count',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						'const all = $input.all(); const tasks = new Set(all.flatMap((i) => (i.json.tasks || []).map((t) => t.taskName))); return [{ json: { items: all.length, sent: all.reduce((n, i) => n + i.json.numbersSent, 0), tasks: [...tasks] } }];',
				},
			},
		]),
	);

	const result = await n8n.runWorkflowManually(workflowId, { timeoutMs: 280_000 });

	expect(result.nodes['Group Call'].error).toBeUndefined();
	const tasks = sandbox.providers.nxcloud.state.groupCalls;
	expect(tasks.map((t) => t.numbers.length)).toEqual([200_000, 50_000]);
	const sent = sandbox.requests.filter(
		(r) => r.provider === 'nxcloud' && r.path === GROUP_CALL_PATH,
	);
	expect(sent.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
	expect(result.nodes.Count.json[0]).toEqual({
		items: NUMBERS,
		sent: NUMBERS,
		tasks: tasks.map((t) => t.taskName),
	});
	expect(tasks.map((t) => t.taskName)).toEqual([
		expect.stringMatching(/^E2E broadcast 1\/2 #[0-9a-f]{6}$/),
		expect.stringMatching(/^E2E broadcast 2\/2 #[0-9a-f]{6}$/),
	]);
});

describe('NXTele Trigger', () => {
	let workflowId: string;
	const triggerUrl = () => `${n8n.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const executions = async (): Promise<Execution[]> =>
		await n8n.getExecutions(workflowId, { includeData: true, limit: 100 });

	beforeAll(async () => {
		const { sandbox } = env;
		const credentialId = await n8n.createCredential('nxteleCallbotApi', 'Callbot sandbox', {
			uuid: sandbox.accounts.nxteleCallbot.uuid,
			secretKey: sandbox.accounts.nxteleCallbot.secretKey,
			algorithm: 'MD5',
			baseUrl: sandbox.baseUrls.nxteleCallbot,
		});
		workflowId = await n8n.createWorkflow({
			name: 'NXTele callbacks',
			nodes: [
				{
					id: 'trigger',
					name: 'NXTele Trigger',
					type: `${PACKAGE}.nxteleTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId: TRIGGER_WEBHOOK_ID,
					parameters: { events: ['task', 'order', 'call'], options: {} },
					credentials: { nxteleCallbotApi: { id: credentialId, name: 'Callbot sandbox' } },
				},
				{
					id: 'record',
					name: 'Record',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [250, 0],
					parameters: {},
				},
			],
			connections: { 'NXTele Trigger': { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		});
		await n8n.activateWorkflow(workflowId);
	});

	it('runs the workflow for each signed task, order and call callback the sandbox sends', async () => {
		const { sandbox } = env;
		const created = (await createCallbotTask(
			sandbox.baseUrls.nxteleCallbot,
			sandbox.accounts.nxteleCallbot,
			triggerUrl(),
			'e2e-task-1',
			['8615600000001', '8615600000002'],
		)) as { retCode: number };
		expect(created.retCode).toBe(0);

		const { deliveries } = await sandbox.providers.nxteleCallbot.dial({ userTaskID: 'e2e-task-1' });

		// Two calls, two finished orders, and the task's change to completed.
		expect(deliveries.map((d) => d.kind).sort()).toEqual([
			'call',
			'call',
			'order',
			'order',
			'task',
		]);
		expect(deliveries.map((d) => [d.status, JSON.parse(d.responseBody ?? '{}').retCode])).toEqual(
			deliveries.map(() => [200, 0]),
		);
		let runs: Execution[] = [];
		for (let i = 0; i < 60 && runs.length < deliveries.length; i++) {
			runs = (await executions()).filter((e) => e.finished);
			if (runs.length < deliveries.length) await new Promise((r) => setTimeout(r, 500));
		}
		const items = runs.map((e) => toRunResult(e).nodes['NXTele Trigger'].json[0]);
		expect(items.map((i) => i.event).sort()).toEqual(['call', 'call', 'order', 'order', 'task']);
		const order = items.find((i) => i.event === 'order');
		expect(order?.other).toBe(
			sandbox.providers.nxteleCallbot.state.orders.get(String(order?.orderID))?.other,
		);
	});

	it('answers a callback with a wrong sign with 401 and runs nothing', async () => {
		const before = (await executions()).length;
		const body = JSON.stringify({
			callbackType: 1,
			orderID: 'forged',
			callInfoDetail: { callID: 'x' },
		});
		const headers = callbotHeaders(
			{ uuid: env.sandbox.accounts.nxteleCallbot.uuid, secretKey: 'not-the-secret' },
			body,
		);
		const res = await fetch(triggerUrl(), { method: 'POST', headers, body });
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ retCode: 6, retMsg: 'incorrect signature' });
		// A run would have started at once (the answer comes before it); give it time to show anyway.
		await new Promise((r) => setTimeout(r, 2000));
		expect((await executions()).length).toBe(before);
	});
});
