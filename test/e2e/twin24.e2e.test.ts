/**
 * Twin24 in a real n8n with the packed package: a workflow creates a task whose webhook URL is a
 * Twin24 Trigger's production URL, adds 10,000 candidates from 10,000 items and starts the task;
 * the sandbox calls candidates and posts the task events, which run the trigger workflow once per
 * event with each candidate's callbackData intact. Tokens revoked by the sandbox in the middle of the
 * 10,000 cost one new login and no candidate; a request without the secret gets 401 and starts
 * nothing; a wrong password gives the plain error.
 *
 * Needs `npm run build` first (see package-n8n.ts).
 */
import type { Sandbox } from '../../sandbox';
import { toRunResult, type Execution, type N8nInstance } from './harness/n8n';
import { manualWorkflow } from './harness/workflows';
import { BOOT_TIMEOUT_MS, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(600_000);

const LEADS = 10_000;
const PER_REQUEST = 1000; // Add to Task's default
const SECRET = 'e2e-twin24-secret-7f3a91c2';
const WEBHOOK_ID = '3c9f2a71-5b8e-4d0a-9e61-7a2b4c8d1f05';
const SURVEY_BOT = '228cc4fa-92f2-4709-94e3-7344a96a5903';
/** Candidates the sandbox calls in the test (every event of 10,000 people would be ~40,000 runs). */
const CALLED = 12;

let env: PackageN8n;
let n8n: N8nInstance;
let sandbox: Sandbox;
let credentialId: string;
let wrongCredentialId: string;
let triggerWorkflowId: string;

const twin24Requests = (pathEnd: string) =>
	sandbox.requests.filter((r) => r.provider === 'twin24' && r.path.endsWith(pathEnd));
const logins = () => twin24Requests('/auth/login').length;

function twin24Node(name: string, credential: string, parameters: Record<string, unknown>) {
	return {
		name,
		type: 'n8n-nodes-dialers.twin24',
		typeVersion: 1,
		parameters,
		credentials: { twin24Api: { id: credential, name: 'Twin24 sandbox' } },
	};
}

async function triggerExecutions(): Promise<Execution[]> {
	return await n8n.getExecutions(triggerWorkflowId, { includeData: true, limit: 250 });
}

async function waitForCount(count: number, timeoutMs = 120_000): Promise<Execution[]> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const list = (await triggerExecutions()).filter((e) => e.finished || e.status === 'success');
		if (list.length >= count || Date.now() > until) return list;
		await new Promise((r) => setTimeout(r, 1000));
	}
}

beforeAll(async () => {
	env = await startPackageN8n('twin24');
	({ n8n, sandbox } = env);
	const account = sandbox.accounts.twin24;
	const data = {
		email: account.email,
		password: account.password,
		companyId: '',
		lifetime: 86400,
		iamBaseUrl: sandbox.baseUrls.twin24Iam,
		apiBaseUrl: sandbox.baseUrls.twin24,
		botApiBaseUrl: `${sandbox.baseUrls.twin24}/bot/api/v1`,
	};
	credentialId = await n8n.createCredential('twin24Api', 'Twin24 sandbox', data);
	wrongCredentialId = await n8n.createCredential('twin24Api', 'Twin24 wrong password', {
		...data,
		password: 'Not-The-Password-91x',
	});
	const triggerCredentialId = await n8n.createCredential('twin24TriggerApi', 'Twin24 trigger', {
		secret: SECRET,
		queryParameterName: 'secret',
	});
	triggerWorkflowId = await n8n.createWorkflow({
		name: 'twin24 events',
		nodes: [
			{
				id: 'n-trigger',
				name: 'Twin24 Trigger',
				type: 'n8n-nodes-dialers.twin24Trigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: [
						'CALL_ENDED',
						'CANDIDATE_CHANGED',
						'CALL_REDIRECTED',
						'RECALL_SCHEDULED',
						'EFFICIENCY_REACHED',
						'AUTOCALL_STATUS_CHANGED',
					],
					options: {},
				},
				credentials: { twin24TriggerApi: { id: triggerCredentialId, name: 'Twin24 trigger' } },
			},
			{
				id: 'n-noop',
				name: 'Record',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [250, 0],
				parameters: {},
			},
		],
		connections: { 'Twin24 Trigger': { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
	});
	await n8n.activateWorkflow(triggerWorkflowId);
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

test('the package registers n8n-nodes-dialers.twin24', async () => {
	expect(await n8n.listNodeTypes()).toEqual(
		expect.arrayContaining(['n8n-nodes-dialers.twin24', 'n8n-nodes-dialers.twin24Trigger']),
	);
});

test('task with the trigger as webhook, 10,000 candidates in 10 requests, one new login after a revoke, events with callbackData', async () => {
	const webhookUrl = `${n8n.baseUrl}/webhook/${WEBHOOK_ID}/webhook?secret=${SECRET}`;
	const wf = await n8n.createWorkflow(
		manualWorkflow('twin24 leads to task', [
			twin24Node('Create Task', credentialId, {
				resource: 'task',
				operation: 'create',
				name: 'E2E leads',
				bot: { __rl: true, mode: 'id', value: SURVEY_BOT },
				startType: 'manual',
				intensityMode: 'callsPerSecond',
				callsPerSecond: 5,
				transferAction: 'end',
				callerIdType: 'default',
				webhooks: { webhook: [{ url: webhookUrl, partialResults: true, delay: 0 }] },
			}),
			{
				name: 'Leads',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `const taskId = $input.first().json.taskId; return Array.from({ length: ${LEADS} }, (_, i) => ({ json: { taskId, phone: '+7 900 ' + (1000000 + i), leadId: 'L' + i } }));`,
				},
			},
			twin24Node('Add to Task', credentialId, {
				resource: 'candidate',
				operation: 'addToTask',
				task: { __rl: true, mode: 'id', value: '={{ $json.taskId }}' },
				phone: '={{ $json.phone }}',
				candidate: { callbackData: '={{ { "leadId": $json.leadId } }}' },
				options: { forceStart: true },
			}),
			{
				name: 'Count',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						"const all = $input.all(); return [{ json: { items: all.length, added: all.filter((i) => i.json.status === 'added').length, last: all[all.length - 1].json } }];",
				},
			},
		]),
	);

	// After the second request of candidates is answered, the sandbox ends every token.
	let revokedAfter = -1;
	const watch = setInterval(() => {
		const answered = twin24Requests('/autoCallCandidate/batch').filter(
			(r) => r.responseStatus === 200,
		).length;
		if (revokedAfter < 0 && answered >= 2) {
			revokedAfter = answered;
			sandbox.providers.twin24.expireAllTokens();
		}
	}, 1);
	const loginsBefore = logins();
	let run;
	try {
		run = await n8n.runWorkflowManually(wf, { timeoutMs: 480_000 });
	} finally {
		clearInterval(watch);
	}
	expect(run.error).toBeUndefined();
	const count = run.nodes.Count.json[0] as Record<string, any>;
	expect(count).toMatchObject({ items: LEADS, added: LEADS });
	expect(count.last.callbackData).toEqual({ leadId: `L${LEADS - 1}` });

	const taskId = run.nodes['Create Task'].json[0].taskId as string;
	const task = sandbox.providers.twin24.state.tasks.get(taskId)!;
	expect(task.candidateIds).toHaveLength(LEADS);
	expect(task.status).toBe('PROCESS');
	const batches = twin24Requests('/autoCallCandidate/batch');
	const accepted = batches.filter((r) => r.responseStatus === 200);
	expect(accepted).toHaveLength(LEADS / PER_REQUEST);
	// The revoke happened mid-run: exactly one request met the dead token, one new login followed.
	expect(revokedAfter).toBeGreaterThanOrEqual(2);
	expect(revokedAfter).toBeLessThan(LEADS / PER_REQUEST);
	expect(batches.filter((r) => r.responseStatus === 401)).toHaveLength(1);
	expect(logins() - loginsBefore).toBe(2); // the run's login, and the one after the revoke
	expect(
		new Set(accepted.flatMap((r) => JSON.parse(r.rawBody).batch.map((c: any) => c.phone[0]))).size,
	).toBe(LEADS);

	// The sandbox calls some candidates; every event reaches the trigger and runs its workflow once.
	await sandbox.providers.twin24.flush();
	const { deliveries } = await sandbox.providers.twin24.simulateCalls({ taskId, limit: CALLED });
	const all = sandbox.providers.twin24.webhooks.deliveries.filter(
		(d) => d.taskId === taskId || d.url.includes(WEBHOOK_ID),
	);
	expect(deliveries.length).toBeGreaterThanOrEqual(CALLED);
	for (const d of all) expect(d.status).toBe(200);
	const executions = await waitForCount(all.length);
	expect(executions).toHaveLength(all.length);

	const byCallback = new Map<string, number>();
	for (const e of executions) {
		const item = toRunResult(e).nodes['Twin24 Trigger']?.json[0] as Record<string, any> | undefined;
		const leadId = item?.callbackData?.leadId ?? item?.body?.callbackData?.leadId;
		if (leadId) byCallback.set(leadId, (byCallback.get(leadId) ?? 0) + 1);
	}
	const sentWithCallback = deliveries.filter((d) => JSON.parse(d.body).callbackData?.leadId);
	expect([...byCallback.values()].reduce((a, b) => a + b, 0)).toBe(sentWithCallback.length);
	for (const d of sentWithCallback) {
		const sent = JSON.parse(d.body).callbackData;
		expect(sent).toEqual({ leadId: expect.stringMatching(/^L\d+$/) });
		expect(byCallback.get(sent.leadId)).toBeGreaterThan(0);
	}
});

test('a request without the secret gets 401 and starts nothing', async () => {
	const before = (await triggerExecutions()).length;
	const answer = await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
		body: { event: 'CALL_ENDED', id: 'forged', callbackData: { leadId: 'X' } },
	});
	expect(answer.status).toBe(401);
	await new Promise((r) => setTimeout(r, 2000));
	expect((await triggerExecutions()).length).toBe(before);
});

test('a wrong password gives the plain error and sends nothing else', async () => {
	const wf = await n8n.createWorkflow(
		manualWorkflow('twin24 wrong password', [
			twin24Node('Tasks', wrongCredentialId, {
				resource: 'task',
				operation: 'getMany',
				returnAll: true,
				filters: {},
			}),
		]),
	);
	const listsBefore = twin24Requests('/telephony/autoCall').length;
	const run = await n8n.runWorkflowManually(wf);
	expect(run.nodes.Tasks.error).toContain('Twin24 refused the email or password');
	expect(JSON.stringify(run.raw)).not.toContain('Not-The-Password-91x');
	expect(twin24Requests('/telephony/autoCall').length).toBe(listsBefore);
});
