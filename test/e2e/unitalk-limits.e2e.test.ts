/**
 * Unitalk's request limits in a real n8n: four executions of a workflow that adds numbers run at the
 * same time. Together they need more requests than Unitalk allows in 10 s, so only the node's
 * process-wide governor keeps the API key from being blocked: the sandbox must record no breach.
 */
import { BOOT_TIMEOUT_MS, chainWorkflow, PACKAGE, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(240_000);

const EXECUTIONS = 4;
const NUMBERS_PER_EXECUTION = 12_000;
const NUMBERS_PER_REQUEST = 1_000; // 12 requests per execution, 48 in all: more than 30 in 10 s

let env: PackageN8n;

beforeAll(async () => {
	env = await startPackageN8n('unitalk-limits');
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

it('keeps four simultaneous executions inside 30 requests per 10 s and 20 at once', async () => {
	const { n8n, sandbox } = env;
	const credentialId = await n8n.createCredential('unitalkApi', 'Unitalk sandbox', {
		apiKey: sandbox.accounts.unitalk.apiKey,
		baseUrl: sandbox.baseUrls.unitalk,
	});
	const workflowId = await n8n.createWorkflow(
		chainWorkflow('Add leads on request', [
			{
				id: 'hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: '5d0c3a52-8f0e-4f8e-9d55-6a1f8f3f7a01',
				parameters: {
					httpMethod: 'POST',
					path: 'add-leads',
					responseMode: 'lastNode',
					options: {},
				},
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
					autodialer: { __rl: true, mode: 'id', value: '12346' },
					phone: '={{ $json.phone }}',
					options: { batchSize: NUMBERS_PER_REQUEST },
				},
				credentials: { unitalkApi: { id: credentialId, name: 'Unitalk sandbox' } },
			},
		]),
	);
	await n8n.activateWorkflow(workflowId);
	sandbox.reset();

	const answers = await Promise.all(
		Array.from({ length: EXECUTIONS }, (_, e) =>
			n8n.callWebhook('add-leads', { method: 'POST', body: { offset: e * NUMBERS_PER_EXECUTION } }),
		),
	);

	// Each execution answers with its last item; a failed one with n8n's error (shown on failure).
	expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.text}`)).toEqual([]);
	const adds = sandbox.requests.filter(
		(r) => r.provider === 'unitalk' && r.operation === 'ADD_NUMBERS',
	);
	const accepted = adds.filter((r) => r.outcome === 'accepted');
	expect(accepted).toHaveLength(EXECUTIONS * (NUMBERS_PER_EXECUTION / NUMBERS_PER_REQUEST));
	expect(sandbox.violations).toEqual([]);
	// The requests really did need pacing: they could not all have been sent inside one 10 s window.
	const span = adds[adds.length - 1].receivedAt - adds[0].receivedAt;
	expect(span).toBeGreaterThan(10_000);
	// Every number of every execution arrived, each once.
	const phones = new Set(
		sandbox.providers.unitalk.state.autodialers.get(12346)?.numbers.map((n) => n.phone),
	);
	for (let e = 0; e < EXECUTIONS; e++) {
		expect(phones.has(String(380500000000 + e * NUMBERS_PER_EXECUTION))).toBe(true);
		expect(phones.has(String(380500000000 + (e + 1) * NUMBERS_PER_EXECUTION - 1))).toBe(true);
	}
});
