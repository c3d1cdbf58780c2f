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
/**
 * The task sends only Call Ended to the trigger: one delivery per candidate called, so calling all
 * 10,000 runs the trigger workflow 10,000 times (every event of 10,000 people would be ~40,000 runs).
 */
const TRIGGER_EVENTS = ['CALL_ENDED'];
/**
 * Deliveries in flight at once from the sandbox, as a provider sending events in parallel. Each answer
 * waits for n8n to store its execution, one SQLite write at a time: with 16 in flight on a loaded
 * 2-core CI machine some waited past the sandbox's 10 s (Twin24 would then send them again).
 */
const DELIVERIES_IN_FLIGHT = 4;
/**
 * Candidates the sandbox calls, the first ones added. All 10,000 took over 20 minutes here (about 7
 * executions a second: n8n stores each on SQLite, one write at a time), too long for every CI run;
 * `TWIN24_E2E_CALLS=10000` calls them all.
 */
const CALLED = Number(process.env.TWIN24_E2E_CALLS ?? 200);
/** Generous: 0.3 s per call on top of the 10,000 candidates being added. */
const TEST_TIMEOUT_MS = 600_000 + CALLED * 300;

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

/**
 * The trigger workflow's executions once none is running and at least `count` have finished (the
 * public API lists only finished ones), with their data; `limit` reads past `count` to see extras.
 */
async function settledExecutions(count: number, timeoutMs = 300_000): Promise<Execution[]> {
	const until = Date.now() + timeoutMs;
	const limit = count + 250;
	for (;;) {
		const running = await n8n.getExecutions(triggerWorkflowId, { status: 'running', limit: 1 });
		const finished = await n8n.getExecutions(triggerWorkflowId, { limit });
		if ((running.length === 0 && finished.length >= count) || Date.now() > until)
			return await n8n.getExecutions(triggerWorkflowId, { includeData: true, limit });
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

test(
	'task with the trigger as webhook, 10,000 candidates in 10 requests, one new login after a revoke, events with callbackData',
	async () => {
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
					webhooks: {
						webhook: [{ url: webhookUrl, partialResults: true, delay: 0, events: TRIGGER_EVENTS }],
					},
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
			new Set(accepted.flatMap((r) => JSON.parse(r.rawBody).batch.map((c: any) => c.phone[0])))
				.size,
		).toBe(LEADS);

		// The sandbox calls CALLED of them; every Call Ended reaches the trigger and runs its workflow once,
		// with the candidate's callbackData as Add to Task sent it.
		await sandbox.providers.twin24.flush();
		const callsStarted = Date.now();
		const { calls, deliveries } = await sandbox.providers.twin24.simulateCalls({
			taskId,
			limit: CALLED,
			concurrency: DELIVERIES_IN_FLIGHT,
		});
		expect(calls).toHaveLength(CALLED);
		expect(deliveries).toHaveLength(CALLED);
		expect(deliveries.filter((d) => d.status !== 200)).toEqual([]);
		const executions = await settledExecutions(CALLED, TEST_TIMEOUT_MS);
		const seconds = (Date.now() - callsStarted) / 1000;
		console.log(
			`Twin24 Trigger in real n8n: ${CALLED} Call Ended deliveries, ${DELIVERIES_IN_FLIGHT} in flight, ` +
				`${seconds.toFixed(1)} s until all ${executions.length} executions finished (${(CALLED / seconds).toFixed(1)}/s)`,
		);
		expect(executions).toHaveLength(CALLED);
		expect(executions.filter((e) => e.status !== 'success')).toEqual([]);
		const leadIds = executions.map((e) => {
			const item = toRunResult(e).nodes['Twin24 Trigger']?.json[0] as
				| Record<string, any>
				| undefined;
			expect(item?.event).toBe('CALL_ENDED');
			return item?.callbackData?.leadId as string | undefined;
		});
		expect(new Set(leadIds)).toEqual(new Set(Array.from({ length: CALLED }, (_, i) => `L${i}`)));
	},
	TEST_TIMEOUT_MS,
);

test('a request without the secret gets 401 and starts nothing', async () => {
	const count = async () =>
		(await n8n.getExecutions(triggerWorkflowId, { limit: CALLED + 250 })).length;
	const before = await count();
	const forged = await n8n.callWebhook(`${WEBHOOK_ID}/webhook`, {
		body: { event: 'CALL_ENDED', id: 'forged', callbackData: { leadId: 'X' } },
	});
	expect(forged.status).toBe(401);
	// A delivery with the secret afterwards: n8n answers it once its execution exists, so when that
	// one has finished, everything sent before it has been dealt with.
	const marker = await n8n.callWebhook(`${WEBHOOK_ID}/webhook?secret=${SECRET}`, {
		body: { event: 'CALL_ENDED', id: `marker-${Date.now()}`, callbackData: { leadId: 'M' } },
	});
	expect(marker.status).toBe(200);
	await n8n.waitForExecution(
		triggerWorkflowId,
		(e) =>
			e.status === 'success' &&
			(toRunResult(e).nodes['Twin24 Trigger']?.json[0] as Record<string, any> | undefined)
				?.callbackData?.leadId === 'M',
	);
	expect(await count()).toBe(before + 1);
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
