/**
 * Unitalk's request limits in a real n8n queue-mode setup: one main process and two workers (Redis +
 * PostgreSQL), each worker with its own governor. Four executions adding numbers at once, spread over
 * both workers, on one API key: with the credential's "Processes Sharing This Key" at 2 the sandbox
 * records no breach; left at 1 (each worker thinks it has the key to itself) it records breaches,
 * which shows the setup really can fail.
 *
 * Both workflows start from a production webhook: n8n's main process only queues those executions,
 * the workers run them, so the two workers are the processes that use the key (share 2).
 */
import { randomUUID } from 'crypto';

import type { RecordedRequest } from '../../sandbox';
import { chainWorkflow } from '../e2e/harness/workflows';
import { CLUSTER_BOOT_TIMEOUT_MS, startQueueCluster } from './harness';
import type { QueueCluster } from './harness';

jest.setTimeout(300_000);

const PACKAGE = 'n8n-nodes-dialers';
const EXECUTIONS = 4;
const NUMBERS_PER_EXECUTION = 12_000;
const NUMBERS_PER_REQUEST = 1_000; // 12 requests per execution, 48 in all: more than 30 in 10 s
const AUTODIALER_ID = '12346'; // seeded by the sandbox
const WINDOW_MS = 10_000;

let cluster: QueueCluster;

beforeAll(async () => {
	cluster = await startQueueCluster('unitalk-share', { workers: 2, workerConcurrency: 2 });
}, CLUSTER_BOOT_TIMEOUT_MS);

afterAll(async () => await cluster?.stop(), 120_000);

/** Most requests that arrived within any 10 s (sliding over every arrival), from the sandbox's log. */
function mostPerWindow(requests: RecordedRequest[]): number {
	const times = requests.map((r) => r.receivedAt).sort((a, b) => a - b);
	let most = 0;
	for (let last = 0, first = 0; last < times.length; last++) {
		while (times[last] - times[first] >= WINDOW_MS) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

/** A webhook workflow that turns `{offset}` into 12,000 leads and adds them in requests of 1,000. */
async function addLeadsWorkflow(path: string, share: number | undefined): Promise<string> {
	const { main, sandbox } = cluster;
	const credentialName = `Unitalk sandbox (${path})`;
	const credentialId = await main.createCredential('unitalkApi', credentialName, {
		apiKey: sandbox.accounts.unitalk.apiKey,
		baseUrl: sandbox.baseUrls.unitalk,
		...(share === undefined ? {} : { n8nProcessesSharingKey: share }),
	});
	const workflowId = await main.createWorkflow(
		chainWorkflow(`Add leads (${path})`, [
			{
				id: 'hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'leads',
				name: 'Leads',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: [
						'const offset = Number($json.body.offset);',
						`return Array.from({ length: ${NUMBERS_PER_EXECUTION} }, (_, i) => ({ json: { phone: '+' + (380500000000 + offset + i) } }));`,
					].join('\n'),
				},
			},
			{
				id: 'add',
				name: 'Add Numbers',
				type: `${PACKAGE}.unitalk`,
				parameters: {
					resource: 'autodialerNumber',
					operation: 'add',
					autodialer: { __rl: true, mode: 'id', value: AUTODIALER_ID },
					phone: '={{ $json.phone }}',
					options: { batchSize: NUMBERS_PER_REQUEST },
				},
				credentials: { unitalkApi: { id: credentialId, name: credentialName } },
			},
		]),
	);
	await main.activateWorkflow(workflowId);
	return workflowId;
}

/** Starts the four executions at once and waits for their answers; returns what the sandbox saw. */
async function runFourAtOnce(path: string, workflowId: string) {
	const { main, sandbox } = cluster;
	sandbox.reset();
	const startedAt = Date.now();
	const answers = await Promise.all(
		Array.from({ length: EXECUTIONS }, (_, e) =>
			main.callWebhook(path, { method: 'POST', body: { offset: e * NUMBERS_PER_EXECUTION } }),
		),
	);
	const seconds = (Date.now() - startedAt) / 1000;
	const executions = await main.getExecutions(workflowId);
	const unitalk = sandbox.requests.filter((r) => r.provider === 'unitalk');
	const byWorker: Record<string, string[]> = {};
	for (const e of executions) (byWorker[cluster.workerOf(e.id) ?? 'unknown'] ??= []).push(e.id);
	return {
		answers,
		executions,
		byWorker,
		adds: unitalk.filter((r) => r.operation === 'ADD_NUMBERS'),
		violations: [...sandbox.violations],
		perWindow: mostPerWindow(unitalk),
		seconds,
	};
}

it('share 2: four executions on two workers stay inside Unitalk limits on one key', async () => {
	const path = 'add-leads-share-2';
	const workflowId = await addLeadsWorkflow(path, 2);
	const run = await runFourAtOnce(path, workflowId);

	console.log(
		`queue mode, share 2: ${run.adds.length} ADD_NUMBERS requests in ${run.seconds.toFixed(1)} s, ` +
			`at most ${run.perWindow} Unitalk requests in any 10 s (limit 30), ` +
			`${run.violations.length} violations; executions per worker: ${JSON.stringify(run.byWorker)}`,
	);

	expect(run.answers.map((a) => a.status)).toEqual(Array(EXECUTIONS).fill(200));
	// Spread over both workers (each runs at most 2 at once), proven by the workers' own logs.
	expect(run.executions).toHaveLength(EXECUTIONS);
	expect(Object.keys(run.byWorker).sort()).toEqual(['worker-1', 'worker-2']);
	expect(run.byWorker['worker-1']).toHaveLength(2);
	expect(run.byWorker['worker-2']).toHaveLength(2);

	const accepted = run.adds.filter((r) => r.outcome === 'accepted');
	expect(accepted).toHaveLength(EXECUTIONS * (NUMBERS_PER_EXECUTION / NUMBERS_PER_REQUEST));
	expect(run.violations).toEqual([]);
	expect(run.perWindow).toBeLessThanOrEqual(30);
	// Every number of every execution arrived.
	const phones = new Set(
		cluster.sandbox.providers.unitalk.state.autodialers
			.get(Number(AUTODIALER_ID))
			?.numbers.map((n) => n.phone),
	);
	for (let e = 0; e < EXECUTIONS; e++) {
		expect(phones.has(String(380500000000 + e * NUMBERS_PER_EXECUTION))).toBe(true);
		expect(phones.has(String(380500000000 + (e + 1) * NUMBERS_PER_EXECUTION - 1))).toBe(true);
	}
});

it('share left at 1: the same four executions pass the key limit (the setup can fail)', async () => {
	const path = 'add-leads-share-1';
	const workflowId = await addLeadsWorkflow(path, undefined);
	const run = await runFourAtOnce(path, workflowId);

	console.log(
		`queue mode, share 1: at most ${run.perWindow} Unitalk requests in any 10 s (limit 30), ` +
			`${run.violations.length} violations (${[...new Set(run.violations.map((v) => v.kind))].join(', ')}); ` +
			`executions per worker: ${JSON.stringify(run.byWorker)}`,
	);

	expect(Object.keys(run.byWorker).sort()).toEqual(['worker-1', 'worker-2']);
	expect(run.violations.length).toBeGreaterThan(0);
	expect(run.perWindow).toBeGreaterThan(30);
});
