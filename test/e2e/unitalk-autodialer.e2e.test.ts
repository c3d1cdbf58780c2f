/**
 * A campaign as a flow builder runs it, in a real n8n: create an autodialer, push 250,000 CRM leads
 * into it from input items (the sandbox must see exactly 3 requests), pause, unpause, re-call, and
 * read every number back with Return All.
 */
import type { RecordedRequest } from '../../sandbox';
import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(300_000);

const LEADS = 250_000;

let env: PackageN8n;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	env = await startPackageN8n('unitalk-autodialer');
	const id = await env.n8n.createCredential('unitalkApi', 'Unitalk sandbox', {
		apiKey: env.sandbox.accounts.unitalk.apiKey,
		baseUrl: env.sandbox.baseUrls.unitalk,
	});
	credentials = { unitalkApi: { id, name: 'Unitalk sandbox' } };
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

const unitalk = (name: string, parameters: Record<string, unknown>) => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: `${PACKAGE}.unitalk`,
	parameters,
	credentials,
});

const autodialerAction = (r: RecordedRequest) => JSON.parse(r.rawBody).action as string;
const unitalkRequests = () => env.sandbox.requests.filter((r) => r.provider === 'unitalk');

async function run(name: string, nodes: Array<Record<string, unknown>>) {
	const workflowId = await env.n8n.createWorkflow(manualWorkflow(name, nodes));
	return await env.n8n.runWorkflowManually(workflowId, { timeoutMs: 240_000 });
}

let autodialerId: number;

it('creates an autodialer', async () => {
	const result = await run('Create campaign', [
		unitalk('Create Autodialer', {
			resource: 'autodialer',
			operation: 'create',
			name: 'E2E spring campaign',
			autodialerType: 'AUTODIAL',
			autodialerMode: 'FIXED',
			startDate: '2026-01-01T00:00:00',
			endDate: '2030-12-31',
			callHours: { monday: { from: '09:00', to: '18:00' }, friday: { from: '09:00', to: '17:00' } },
			compositeAudio: { part: [{ kind: 'audio', audioId: 46615 }] },
			threadCount: 2,
		}),
	]);

	expect(result.nodes['Create Autodialer'].error).toBeUndefined();
	autodialerId = Number(result.nodes['Create Autodialer'].json[0].autodialerId);
	expect(env.sandbox.providers.unitalk.state.autodialers.get(autodialerId)?.name).toBe(
		'E2E spring campaign',
	);
});

/** Forgets the recorded requests but keeps the simulated account (reset() would re-seed it). */
const forgetRequests = () => env.sandbox.requests.splice(0);

it('adds 250,000 numbers from 250,000 input items in exactly 3 requests', async () => {
	forgetRequests();
	const result = await run('Push CRM leads', [
		{
			id: 'leads',
			name: 'CRM Leads',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${LEADS} }, (_, i) => ({ json: { phone: '+380 50 ' + (1000000 + i), name: 'Lead ' + i } }));`,
			},
		},
		unitalk('Add Numbers', {
			resource: 'autodialerNumber',
			operation: 'add',
			autodialer: { __rl: true, mode: 'id', value: String(autodialerId) },
			phone: '={{ $json.phone }}',
		}),
		{
			id: 'count',
			name: 'Count',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode:
					"const all = $input.all(); return [{ json: { items: all.length, added: all.filter((i) => i.json.status === 'added').length } }];",
			},
		},
	]);

	expect(result.nodes['Add Numbers'].error).toBeUndefined();
	expect(result.nodes.Count.json[0]).toEqual({ items: LEADS, added: LEADS });
	const adds = unitalkRequests().filter((r) => autodialerAction(r) === 'ADD_NUMBERS');
	expect(adds.map((r) => JSON.parse(r.rawBody).numbers.length)).toEqual([100_000, 100_000, 50_000]);
	expect(env.sandbox.providers.unitalk.state.autodialers.get(autodialerId)?.numbers).toHaveLength(
		LEADS,
	);
	expect(env.sandbox.violations).toEqual([]);
});

it('pauses, unpauses and re-calls the autodialer, then reads every number back with Return All', async () => {
	// The simulated dialer calls the first thousand numbers, so some end NOANSWER or BUSY.
	env.sandbox.providers.unitalk.state.simulateCalls(autodialerId, { limit: 1000 });
	forgetRequests();
	const target = { __rl: true, mode: 'id', value: String(autodialerId) };
	const result = await run('Control campaign', [
		unitalk('Pause', { resource: 'autodialer', operation: 'pause', autodialer: target }),
		unitalk('Unpause', { resource: 'autodialer', operation: 'unpause', autodialer: target }),
		unitalk('Re-Call', {
			resource: 'autodialer',
			operation: 'recallNumbers',
			autodialer: target,
			callStates: ['NOANSWER', 'BUSY'],
		}),
		unitalk('All Numbers', {
			resource: 'autodialerNumber',
			operation: 'getMany',
			autodialer: target,
			returnAll: true,
		}),
		{
			id: 'count',
			name: 'Count',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode:
					'const all = $input.all(); return [{ json: { numbers: all.length, distinct: new Set(all.map((i) => i.json.phone)).size } }];',
			},
		},
	]);

	for (const node of ['Pause', 'Unpause', 'Re-Call', 'All Numbers'])
		expect(result.nodes[node].error).toBeUndefined();
	expect(unitalkRequests().map(autodialerAction).slice(0, 3)).toEqual([
		'PAUSE',
		'UNPAUSE',
		'REFRESH',
	]);
	const pages = unitalkRequests().filter((r) => autodialerAction(r) === 'GET_NUMBERS');
	expect(pages).toHaveLength(LEADS / 5000 + 1); // full pages of 5,000, then an empty one ends the paging
	expect(result.nodes.Count.json[0]).toEqual({ numbers: LEADS, distinct: LEADS });
	expect(env.sandbox.violations).toEqual([]);
});
