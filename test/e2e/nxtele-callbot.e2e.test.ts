/**
 * NXTele Callbot in a real n8n with the packed package: Create and Call from 1,000 input items while
 * the sandbox caps the call list below 1,000 gives one task and 1,000 orders, each item with its own
 * order; a 5xx answered after the provider carried out createAndCall, then our retry, leaves exactly
 * one task and no order twice.
 */
import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(300_000);

const LEADS = 1000;
const CAP = 300;

let env: PackageN8n;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	env = await startPackageN8n('nxtele-callbot');
	env.sandbox.providers.nxteleCallbot.configure({ callListCap: CAP });
	const id = await env.n8n.createCredential('nxteleCallbotApi', 'Callbot sandbox', {
		uuid: env.sandbox.accounts.nxteleCallbot.uuid,
		secretKey: env.sandbox.accounts.nxteleCallbot.secretKey,
		algorithm: 'MD5',
		baseUrl: env.sandbox.baseUrls.nxteleCallbot,
		verifyResponseSignature: true,
	});
	credentials = { nxteleCallbotApi: { id, name: 'Callbot sandbox' } };
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

const leadsNode = (count: number) => ({
	id: 'leads',
	name: 'CRM Leads',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { phone: '+852 6' + String(1000000 + i), name: 'Lead ' + i, crm: 'crm-' + i } }));`,
	},
});

const createAndCall = {
	id: 'create-and-call',
	name: 'Create and Call',
	type: `${PACKAGE}.nxtele`,
	parameters: {
		resource: 'task',
		operation: 'createAndCall',
		sceneId: 'scene-e2e',
		taskName: 'E2E leads',
		startMode: 'now',
		workingDays: [1, 2, 3, 4, 5, 6, 7],
		workingHours: { windows: [{ from: '00:00', to: '24:00' }] },
		timeZone: '+08:00',
		maxConcurrentCalls: 10,
		phone: '={{ $json.phone }}',
		orderDetails: { userName: '={{ $json.name }}', other: '={{ $json.crm }}' },
	},
};

async function run(name: string, count: number) {
	const node = { ...createAndCall, credentials };
	const workflowId = await env.n8n.createWorkflow(manualWorkflow(name, [leadsNode(count), node]));
	return await env.n8n.runWorkflowManually(workflowId, { timeoutMs: 240_000 });
}

const state = () => env.sandbox.providers.nxteleCallbot.state;
const requests = (endpoint: string) =>
	env.sandbox.requests.filter((r) => r.path === `/callcentre/api/v3/${endpoint}`);

it(`Create and Call from ${LEADS} items with the call list capped at ${CAP}: one task, ${LEADS} orders, each item its own`, async () => {
	env.sandbox.reset();
	const result = await run('Create and Call 1000', LEADS);

	expect(result.nodes['Create and Call'].error).toBeUndefined();
	const out = result.nodes['Create and Call'].json;
	expect(out).toHaveLength(LEADS);
	expect(out.every((j) => j.added === true)).toBe(true);
	expect(new Set(out.map((j) => j.orderID)).size).toBe(LEADS);
	expect(new Set(out.map((j) => j.userTaskID)).size).toBe(1);

	expect(state().tasks.size).toBe(1);
	const [task] = [...state().tasks.values()];
	expect(task.orderIDs).toHaveLength(LEADS);
	// Every item's order carries that item's own lead: the output order ID leads to it.
	for (const [k, j] of out.entries()) {
		const order = state().orders.get(String(j.orderID));
		expect(order?.other).toBe(`crm-${k}`);
		expect(order?.userPhone).toBe(`8526${1000000 + k}`);
	}
	// 500 refused (cap 300), 250 accepted, the rest at 250 per request.
	const sent = [...requests('createAndCall'), ...requests('addBatchCall')].map((r) => [
		r.path.split('/').pop(),
		JSON.parse(r.rawBody).callInfoList.callList.length,
		r.outcome,
	]);
	expect(sent).toEqual([
		['createAndCall', 500, 'rejected'],
		['createAndCall', 250, 'accepted'],
		['addBatchCall', 250, 'accepted'],
		['addBatchCall', 250, 'accepted'],
		['addBatchCall', 250, 'accepted'],
	]);
});

it('a 5xx after the provider carried out createAndCall, then the retry: exactly one task, no order twice', async () => {
	env.sandbox.reset();
	env.sandbox.providers.nxteleCallbot.failAfterActing({ endpoint: 'createAndCall', count: 1 });
	const result = await run('Create and Call after a 5xx', 200);

	expect(result.nodes['Create and Call'].error).toBeUndefined();
	const out = result.nodes['Create and Call'].json;
	expect(out).toHaveLength(200);
	expect(out.every((j) => j.added === true)).toBe(true);
	expect(requests('createAndCall').map((r) => r.responseStatus)).toEqual([500, 200]);
	expect(state().tasks.size).toBe(1);
	expect(state().orders.size).toBe(200);
	const phones = [...state().orders.values()].map((o) => o.userPhone);
	expect(new Set(phones).size).toBe(200);
});
