/**
 * Unitalk in the fault and bad-input suites: its bulk operations (10,000 numbers each) and its
 * call-placing operations (18 calls each: the sandbox allows 20 simultaneous calls, and one fault at
 * the start, the middle and the end of the run is what matters), described for the harness.
 */

import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import type { AutodialNumber } from '../../../sandbox/unitalk/state';
import { unitalkBadInput, webhookToken } from './unitalk.badInput';
import type { FaultOperation, NodeRun, ProviderFaultSuite, Verdict } from '../harness/types';
import { phoneListVerdicts, verdictOfErrorItem, pairedIndex } from '../harness/verdicts';

const AUTODIALER = 12345;
const LINK_AUTODIALER = 12346;
const LINK_PATH = '/tracking/webhook/event';
const BULK = 10_000;
const CALLS = 18;
/** Numbers per request where the operation lets the user choose: enough requests for a fault at the start, middle and end. */
const PER_REQUEST = 1000;

const state = (sb: Sandbox) => sb.providers.unitalk.state;
const json = (r: RecordedRequest): IDataObject => {
	try {
		return JSON.parse(r.rawBody) as IDataObject;
	} catch {
		return {};
	}
};
const digits = (v: unknown) => String(v).replace(/\D/g, '');
const byId = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const onePhonePerItem = (numbers: string[]) => numbers.map((phone) => ({ phone }));
const itemNumbers = (numbers: string[]) => (i: number) => [numbers[i]];
/** The scenario's incoming-webhook token; not derived by text from the key, so a leak names which one. */

/** Numbers in an autodialer, once per time they are there. */
const autodialerNumbers = (sb: Sandbox, id: number) =>
	(state(sb).autodialers.get(id)?.numbers ?? []).map((n) => n.phone);

function seedAutodialer(sb: Sandbox, numbers: string[]): void {
	const autodialer = state(sb).autodialers.get(AUTODIALER);
	if (!autodialer) throw new Error('sandbox autodialer 12345 is missing');
	for (const phone of numbers)
		autodialer.numbers.push({
			phone,
			state: 'NEW',
			stateDateTime: null,
			calledCount: 0,
			realCalledCount: 0,
			highPriority: false,
			name: null,
			note: null,
			link: null,
			params: null,
			audios: null,
		} as AutodialNumber);
}

/** What a removal did: the seeded numbers that are gone. */
const removedFrom = (remaining: string[], numbers: string[]) => {
	const left = new Set(remaining);
	return numbers.filter((n) => !left.has(n));
};

const addNumbers: FaultOperation = {
	name: 'Add Numbers',
	numbers: BULK,
	path: '/autodial/action',
	requestsPerRun: (n) => Math.ceil(n / PER_REQUEST),
	prepare: (sb) => {
		// Deterministic runs: adding does not keep the handler busy by itself (the busy fault does).
		state(sb).autodialNumbers.msPerThousandNumbers = 0;
	},
	build: (numbers) => ({
		node: 'unitalk',
		parameters: {
			resource: 'autodialerNumber',
			operation: 'add',
			autodialer: byId(AUTODIALER),
			phone: '={{ $json.phone }}',
			options: { batchSize: PER_REQUEST },
		},
		items: onePhonePerItem(numbers),
		credentialTypes: ['unitalkApi'],
	}),
	applied: (sb, numbers) => {
		const ours = new Set(numbers);
		return autodialerNumbers(sb, AUTODIALER).filter((n) => ours.has(n));
	},
	numbersIn: (r) => {
		const body = json(r);
		if (body.action !== 'ADD_NUMBERS') return [];
		const list = (body.numbers ?? body.numbersWithData ?? []) as unknown[];
		return list.map((e) => digits(typeof e === 'object' && e ? (e as IDataObject).phone : e));
	},
	verdicts: (run, numbers) =>
		phoneListVerdicts(run, itemNumbers(numbers), {
			added: 'done',
			alreadyPresent: 'done',
			rejected: 'refused',
		}),
};

const removeNumbers: FaultOperation = {
	name: 'Remove Numbers',
	numbers: BULK,
	path: '/autodial/action',
	requestsPerRun: (n) => Math.ceil(n / PER_REQUEST),
	prepare: (sb, numbers) => {
		state(sb).autodialNumbers.msPerThousandNumbers = 0;
		seedAutodialer(sb, numbers);
	},
	build: (numbers) => ({
		node: 'unitalk',
		parameters: {
			resource: 'autodialerNumber',
			operation: 'remove',
			autodialer: byId(AUTODIALER),
			removeBy: 'numbers',
			phone: '={{ $json.phone }}',
			options: { batchSize: PER_REQUEST },
		},
		items: onePhonePerItem(numbers),
		credentialTypes: ['unitalkApi'],
	}),
	applied: (sb, numbers) => removedFrom(autodialerNumbers(sb, AUTODIALER), numbers),
	numbersIn: (r) => {
		const body = json(r);
		return body.action === 'REMOVE_NUMBERS' ? ((body.numbers ?? []) as unknown[]).map(digits) : [];
	},
	verdicts: (run, numbers) =>
		phoneListVerdicts(run, itemNumbers(numbers), {
			removed: 'done',
			// Gone already (for example removed by the first attempt of a retried request): the goal holds.
			notFound: 'done',
			invalid: 'refused',
		}),
};

/** Send Bulk answers per message: `sent`, or not with an error. */
function sendBulkVerdicts(run: NodeRun, numbers: string[]): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	for (const item of run.output) {
		const j = item.json;
		const messages = Array.isArray(j.messages) ? (j.messages as IDataObject[]) : [j];
		for (const m of messages) {
			const phone = m.phone === undefined ? numbers[pairedIndex(item) ?? -1] : String(m.phone);
			if (phone === undefined) continue;
			if (m.sent === true) verdicts.set(phone, 'done');
			else if (m.error !== undefined && m.error !== null)
				verdicts.set(
					phone,
					verdictOfErrorItem({ error: m.error, errorDescription: m.errorDescription ?? '' }),
				);
		}
	}
	return verdicts;
}

const sendBulk: FaultOperation = {
	name: 'Send Bulk',
	numbers: BULK,
	path: '/message/sendBulk',
	requestsPerRun: (n) => Math.ceil(n / 100),
	build: (numbers) => ({
		node: 'unitalk',
		parameters: {
			resource: 'message',
			operation: 'sendBulk',
			messageType: 'SMS',
			phone: '={{ $json.phone }}',
			text: 'Your order is ready',
		},
		items: onePhonePerItem(numbers),
		credentialTypes: ['unitalkApi'],
	}),
	applied: (sb, numbers) => {
		const ours = new Set(numbers);
		return [...state(sb).messaging.messages.values()]
			.filter((m) => m.via === 'sendBulk' && ours.has(m.to))
			.map((m) => m.to);
	},
	numbersIn: (r) => {
		const body = json(r);
		const recipients = Array.isArray(body.recipients)
			? body.recipients
			: Object.keys((body.messages ?? {}) as IDataObject);
		return (recipients as unknown[]).map(digits);
	},
	verdicts: sendBulkVerdicts,
};

const blockedListAdd: FaultOperation = {
	name: 'Blocked List Add',
	numbers: BULK,
	path: '/lists',
	requestsPerRun: (n) => Math.ceil(n / 100),
	build: (numbers) => ({
		node: 'unitalk',
		parameters: {
			resource: 'blockedList',
			operation: 'add',
			list: 'BLOCKED_PHONES',
			phone: '={{ $json.phone }}',
		},
		items: onePhonePerItem(numbers),
		credentialTypes: ['unitalkApi'],
	}),
	applied: (sb, numbers) => {
		const ours = new Set(numbers);
		return (state(sb).account.lists.get('BLOCKED_PHONES') ?? []).filter((n) => ours.has(n));
	},
	numbersIn: (r) => ((json(r).items ?? []) as unknown[]).map(digits),
	verdicts: (run, numbers) =>
		phoneListVerdicts(run, itemNumbers(numbers), { added: 'done', rejected: 'refused' }),
};

const removeScheduled: FaultOperation = {
	name: 'Event Handler Remove Scheduled',
	numbers: BULK,
	path: '/eventHandlers/removeScheduledByPhones',
	requestsPerRun: (n) => Math.ceil(n / 100),
	prepare: (sb, numbers) => {
		for (const n of numbers) state(sb).account.scheduledHandlers.set(n, 1);
	},
	build: (numbers) => ({
		node: 'unitalk',
		parameters: {
			resource: 'eventHandler',
			operation: 'removeScheduledByPhones',
			phone: '={{ $json.phone }}',
		},
		items: onePhonePerItem(numbers),
		credentialTypes: ['unitalkApi'],
	}),
	applied: (sb, numbers) =>
		numbers.filter((n) => (state(sb).account.scheduledHandlers.get(n) ?? 0) === 0),
	numbersIn: (r) => ((json(r).phones ?? []) as unknown[]).map(digits),
	verdicts: (run, numbers) =>
		phoneListVerdicts(run, itemNumbers(numbers), { processed: 'done', rejected: 'refused' }),
};

/** 100 numbers per item: the link operation sends each item's numbers, 100 per request. */
const LINK_NUMBERS_PER_ITEM = 100;

const linkAdd: FaultOperation = {
	name: 'Incoming Webhook Link Add',
	numbers: BULK,
	path: LINK_PATH,
	numbersPerItem: LINK_NUMBERS_PER_ITEM,
	// Each item's link is sent on its own, item after item.
	itemByItem: true,
	requestsPerRun: (n) => Math.ceil(n / LINK_NUMBERS_PER_ITEM),
	prepare: (sb) => state(sb).account.webhookTokens.add(webhookToken(sb)),
	build: (numbers) => {
		const items: IDataObject[] = [];
		for (let i = 0; i < numbers.length; i += LINK_NUMBERS_PER_ITEM)
			items.push({ phone: numbers.slice(i, i + LINK_NUMBERS_PER_ITEM).join(',') });
		return {
			node: 'unitalk',
			parameters: {
				resource: 'incomingWebhookLink',
				operation: 'addNumbers',
				autodialerId: String(LINK_AUTODIALER),
				phone: '={{ $json.phone }}',
			},
			items,
			credentialTypes: ['unitalkWebhookLinkApi'],
		};
	},
	applied: (sb, numbers) => {
		const ours = new Set(numbers);
		return autodialerNumbers(sb, LINK_AUTODIALER).filter((n) => ours.has(n));
	},
	numbersIn: (r) => {
		const phones = r.query.phones;
		return (Array.isArray(phones) ? phones.join(',') : (phones ?? ''))
			.split(',')
			.filter(Boolean)
			.map(digits);
	},
	verdicts: (run, numbers) => {
		const verdicts = new Map<string, Verdict>();
		for (const item of run.output) {
			const i = pairedIndex(item);
			if (i === undefined) continue;
			const mine = numbers.slice(i * LINK_NUMBERS_PER_ITEM, (i + 1) * LINK_NUMBERS_PER_ITEM);
			const verdict: Verdict =
				typeof item.json.error === 'string' ? verdictOfErrorItem(item.json) : 'done';
			for (const n of mine) verdicts.set(n, verdict);
		}
		return verdicts;
	},
};

/** One call per item; the item's phone is the number called. */
function callOperation(
	name: string,
	path: string,
	parameters: (sandboxLines: string[]) => Record<string, unknown>,
	kind: 'DIRECT' | 'C2C' | 'INFO',
): FaultOperation {
	return {
		name,
		numbers: CALLS,
		path,
		itemByItem: true,
		requestsPerRun: (n) => n,
		prepare: (sb, numbers) => {
			// A direct call keeps its internal line busy: one online line per call.
			numbers.forEach((_, i) => {
				const line = String(7001 + i);
				state(sb).calls.innerPhones.set(line, {
					number: line,
					name: `Line ${line}`,
					status: 'online',
				});
			});
		},
		build: (numbers) => ({
			node: 'unitalk',
			parameters: { resource: 'call', ...parameters(numbers.map((_, i) => String(7001 + i))) },
			items: numbers.map((phone, i) => ({ phone, line: String(7001 + i) })),
			credentialTypes: ['unitalkApi'],
		}),
		applied: (sb, numbers) => {
			const ours = new Set(numbers);
			return [...state(sb).calls.calls.values()]
				.filter((c) => c.kind === kind && ours.has(c.phone))
				.map((c) => c.phone);
		},
		numbersIn: (r) => {
			if (r.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
				return [digits(new URLSearchParams(r.rawBody).get('number') ?? '')];
			const body = json(r);
			return [digits(body.clientNumber ?? body.phone ?? '')];
		},
		verdicts: (run, numbers) => {
			const verdicts = new Map<string, Verdict>();
			for (const item of run.output) {
				const i = pairedIndex(item);
				if (i === undefined) continue;
				verdicts.set(
					numbers[i],
					typeof item.json.error === 'string' ? verdictOfErrorItem(item.json) : 'done',
				);
			}
			return verdicts;
		},
	};
}

const directCall = callOperation(
	'Direct Call',
	'/phones/directCall',
	() => ({ operation: 'directCall', sip: '={{ $json.line }}', phone: '={{ $json.phone }}' }),
	'DIRECT',
);
const clickToCall = callOperation(
	'Click-to-Call',
	'/calls/originateC2c',
	() => ({
		operation: 'clickToCall',
		clientNumber: '={{ $json.phone }}',
		steps: { step: [{ type: 'SIP', sip: '={{ $json.line }}', awaitingTime: 20 }] },
	}),
	'C2C',
);
const informationalCall = callOperation(
	'Informational Call',
	'/calls/originateNew',
	() => ({ operation: 'informationalCall', phone: '={{ $json.phone }}', options: { ivrId: 211 } }),
	'INFO',
);

export const unitalkSuite: ProviderFaultSuite = {
	title: 'Unitalk',
	provider: 'unitalk',
	phone: (i) => `38067${String(1_000_000 + i).padStart(7, '0')}`,
	sandboxOptions: (accountId) => ({ accounts: { unitalk: { apiKey: `key-${accountId}` } } }),
	credentials: (sb) => ({
		unitalkApi: { apiKey: sb.accounts.unitalk.apiKey, baseUrl: sb.baseUrls.unitalk },
		unitalkWebhookLinkApi: {
			token: webhookToken(sb),
			webhookUrl: `${sb.baseUrls.unitalk}${LINK_PATH}`,
		},
	}),
	secrets: (sb) => [sb.accounts.unitalk.apiKey, webhookToken(sb)],
	operations: [
		addNumbers,
		sendBulk,
		removeNumbers,
		blockedListAdd,
		removeScheduled,
		linkAdd,
		directCall,
		clickToCall,
		informationalCall,
	],
	badInput: unitalkBadInput,
};
