/**
 * NXTele Callbot v3 in the fault and bad-input suites: Order → Add (addBatchCall) and Task → Create and
 * Call (createAndCall, then addBatchCall for the orders beyond its first request), 10,000 orders each.
 *
 * Both carry the provider's idempotency key, the orderID (derived from the execution, the node and the
 * item when the user gives none): a repeated request answers "orderID already exists" for what is
 * there, so every fault can be retried and no order may be added twice. The sandbox counts orders by
 * phone number, so a second order for the same number (a new orderID) would show as duplicated.
 */
import type { Sandbox } from '../../../sandbox';
import type { FaultOperation, NodeRun, ProviderFaultSuite, Verdict } from '../harness/types';
import { pairedIndex, verdictOfErrorItem } from '../harness/verdicts';
import { callbotBadInput, callListNumbers, SEEDED_TASK, seedTask } from './nxteleCallbot.badInput';

const BULK = 10_000;
const API = '/callcentre/api/v3';
/** Ten requests a run at the default 1,000 orders, 20 at 10,000 (the node's default is 500). */
const ordersPerRequest = (n: number) => Math.min(500, Math.max(50, Math.ceil(n / 10)));

const state = (sb: Sandbox) => sb.providers.nxteleCallbot.state;
/** One entry per order the provider holds for one of our numbers. */
const ordersFor = (sb: Sandbox, numbers: string[]) => {
	const ours = new Set(numbers);
	return [...state(sb).orders.values()].map((o) => o.userPhone).filter((p) => ours.has(p));
};

/**
 * One output item per input item: `{orderID, userPhone, added: true}` (`alreadyExisted` when an earlier
 * attempt added it), `{added: false, error}` for an order the provider refused, or an error item.
 */
function orderVerdicts(run: NodeRun, numbers: string[]): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	for (const item of run.output) {
		const i = pairedIndex(item);
		const phone = i === undefined ? undefined : numbers[i];
		if (phone === undefined) continue;
		const j = item.json;
		if (j.added === true) verdicts.set(phone, 'done');
		else if (j.added === false) verdicts.set(phone, 'refused');
		else if (typeof j.error === 'string') verdicts.set(phone, verdictOfErrorItem(j));
	}
	return verdicts;
}

const orderAdd: FaultOperation = {
	name: 'Order Add',
	numbers: BULK,
	path: `${API}/addBatchCall`,
	requestsPerRun: (n) => Math.ceil(n / ordersPerRequest(n)),
	prepare: (sb) => seedTask(sb),
	build: (numbers) => ({
		node: 'nxtele',
		parameters: {
			resource: 'order',
			operation: 'add',
			task: { __rl: true, mode: 'id', value: SEEDED_TASK },
			phone: '={{ $json.phone }}',
			ordersPerRequest: ordersPerRequest(numbers.length),
		},
		items: numbers.map((phone) => ({ phone })),
		credentialTypes: ['nxteleCallbotApi'],
	}),
	applied: ordersFor,
	numbersIn: callListNumbers,
	verdicts: orderVerdicts,
};

const createAndCallParameters = (n: number) => ({
	resource: 'task',
	operation: 'createAndCall',
	sceneId: 'scene-1',
	taskName: 'Fault run',
	startMode: 'now',
	workingDays: [1, 2, 3, 4, 5],
	workingHours: { windows: [{ from: '09:00', to: '18:00' }] },
	timeZone: 'Asia/Hong_Kong',
	maxConcurrentCalls: 5,
	phone: '={{ $json.phone }}',
	ordersPerRequest: ordersPerRequest(n),
});

/** Task → Create and Call with the faults on one of its two endpoints. */
function createAndCall(name: string, endpoint: 'createAndCall' | 'addBatchCall'): FaultOperation {
	return {
		name,
		numbers: BULK,
		path: `${API}/${endpoint}`,
		alsoSentAt: [`${API}/${endpoint === 'createAndCall' ? 'addBatchCall' : 'createAndCall'}`],
		// The first request creates the task (createAndCall), the others add to it (addBatchCall).
		requestsPerRun: (n) => {
			const requests = Math.ceil(n / ordersPerRequest(n));
			return endpoint === 'createAndCall' ? 1 : requests - 1;
		},
		build: (numbers) => ({
			node: 'nxtele',
			parameters: createAndCallParameters(numbers.length),
			items: numbers.map((phone) => ({ phone })),
			credentialTypes: ['nxteleCallbotApi'],
		}),
		applied: (sb, numbers) => {
			// One task for the run: a second one would call its numbers again.
			if (state(sb).tasks.size > 1) return [...ordersFor(sb, numbers), ...numbers];
			return ordersFor(sb, numbers);
		},
		numbersIn: callListNumbers,
		verdicts: orderVerdicts,
	};
}

export const nxteleCallbotSuite: ProviderFaultSuite = {
	title: 'NXTele Callbot',
	provider: 'nxteleCallbot',
	phone: (i) => `8613${String(100_000_000 + i)}`,
	sandboxOptions: (accountId) => ({
		accounts: { nxteleCallbot: { uuid: `uuid-${accountId}`, secretKey: `cbsecret-${accountId}` } },
	}),
	credentials: (sb) => ({
		nxteleCallbotApi: {
			uuid: sb.accounts.nxteleCallbot.uuid,
			secretKey: sb.accounts.nxteleCallbot.secretKey,
			algorithm: 'MD5',
			baseUrl: sb.baseUrls.nxteleCallbot,
		},
	}),
	secrets: (sb) => [sb.accounts.nxteleCallbot.secretKey],
	operations: [
		orderAdd,
		createAndCall('Task Create and Call', 'createAndCall'),
		createAndCall('Task Create and Call (its Add Orders)', 'addBatchCall'),
	],
	badInput: callbotBadInput,
};
