/**
 * Malformed input for Unitalk: each case is one bad item among good ones, in one of the fields the
 * Unitalk docs (or our phone rule) limit: phone numbers (empty, letters, other characters, too short,
 * too long, not text), message text (empty), call meta (more than 1,000 characters), internal line
 * (not digits), click-to-call ring time (outside 5-300 s), incoming-link name and note (more than
 * 100 / 500 characters).
 */
import { createHash } from 'node:crypto';

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { badInputCases, badPhone, tooLong } from '../harness/badInputCases';
import type { BadField, BadInputTarget } from '../harness/badInputCases';
import type { BadInputSuite } from '../harness/types';

const LINK_PATH = '/tracking/webhook/event';
/** The incoming-link token of a sandbox account (registered by `prepare`, given by the credential). */
export const webhookToken = (sb: Sandbox) =>
	`wh${createHash('sha256').update(sb.accounts.unitalk.apiKey).digest('hex').slice(0, 20)}`;
const LINK_AUTODIALER = 12346;

const digits = (v: unknown) => String(v).replace(/\D/g, '');
const goodPhone = (i: number) => `38050${String(2_000_000 + i).padStart(7, '0')}`;

/** A target of the Unitalk node; its credential follows from the resource (see TARGETS). */
type UnitalkTarget = Omit<BadInputTarget, 'node' | 'credentialType'>;

const phoneField = (field = 'Phone'): BadField => ({ key: 'phone', field, bad: badPhone });
const valueField = (key: string, field: string, bad: fc.Arbitrary<unknown>): BadField => ({
	key,
	field,
	bad,
});

const UNITALK_TARGETS: UnitalkTarget[] = [
	{
		operation: 'Add Numbers',
		parameters: {
			resource: 'autodialerNumber',
			operation: 'add',
			autodialer: { __rl: true, mode: 'id', value: '12345' },
			phone: '={{ $json.phone }}',
		},
		good: (phone) => ({ phone }),
		fields: [phoneField()],
	},
	{
		operation: 'Send Bulk',
		parameters: {
			resource: 'message',
			operation: 'sendBulk',
			messageType: 'SMS',
			phone: '={{ $json.phone }}',
			text: '={{ $json.text }}',
		},
		good: (phone) => ({ phone, text: 'Your order is ready' }),
		fields: [
			phoneField(),
			valueField('text', 'Text', fc.constantFrom('', ' ', '   ', '\n', '\t \n')),
		],
	},
	{
		operation: 'Blocked List Add',
		parameters: {
			resource: 'blockedList',
			operation: 'add',
			list: 'BLOCKED_PHONES',
			phone: '={{ $json.phone }}',
		},
		good: (phone) => ({ phone }),
		fields: [phoneField()],
	},
	{
		operation: 'Event Handler Remove Scheduled',
		parameters: {
			resource: 'eventHandler',
			operation: 'removeScheduledByPhones',
			phone: '={{ $json.phone }}',
		},
		good: (phone) => ({ phone }),
		fields: [phoneField()],
	},
	{
		operation: 'Incoming Webhook Link Add',
		parameters: {
			resource: 'incomingWebhookLink',
			operation: 'addNumbers',
			autodialerId: String(LINK_AUTODIALER),
			phone: '={{ $json.phone }}',
			numberData: { name: '={{ $json.name }}', note: '={{ $json.note }}' },
		},
		good: (phone) => ({ phone, name: 'Lead', note: 'From the CRM' }),
		fields: [
			phoneField(),
			valueField('name', 'Name', tooLong(100)),
			valueField('note', 'Note', tooLong(500)),
		],
	},
	{
		operation: 'Direct Call',
		parameters: {
			resource: 'call',
			operation: 'directCall',
			sip: '={{ $json.line }}',
			phone: '={{ $json.phone }}',
			options: { meta: '={{ $json.meta }}' },
		},
		good: (phone, i) => ({ phone, line: String(7001 + i), meta: 'deal-42' }),
		fields: [
			phoneField(),
			valueField('meta', 'Meta', tooLong(1000)),
			valueField('line', 'Internal Line', fc.stringMatching(/^[a-z][a-z0-9 _-]{0,8}$/)),
		],
	},
	{
		operation: 'Click-to-Call',
		parameters: {
			resource: 'call',
			operation: 'clickToCall',
			clientNumber: '={{ $json.phone }}',
			steps: {
				step: [{ type: 'SIP', sip: '={{ $json.line }}', awaitingTime: '={{ $json.wait }}' }],
			},
		},
		good: (phone, i) => ({ phone, line: String(7001 + i), wait: 20 }),
		fields: [
			phoneField('Client Phone'),
			valueField(
				'wait',
				'Ring Time (Seconds)',
				fc.oneof(fc.integer({ min: -1000, max: 4 }), fc.integer({ min: 301, max: 100_000 })),
			),
		],
	},
	{
		operation: 'Informational Call',
		parameters: {
			resource: 'call',
			operation: 'informationalCall',
			phone: '={{ $json.phone }}',
			options: { ivrId: 211, meta: '={{ $json.meta }}' },
		},
		good: (phone) => ({ phone, meta: 'deal-42' }),
		fields: [phoneField(), valueField('meta', 'Meta', tooLong(1000))],
	},
];

// The incoming webhook links have their own credential.
const TARGETS: BadInputTarget[] = UNITALK_TARGETS.map((target) => ({
	...target,
	node: 'unitalk',
	credentialType:
		target.parameters.resource === 'incomingWebhookLink' ? 'unitalkWebhookLinkApi' : 'unitalkApi',
}));

export const unitalkBadInput: BadInputSuite = {
	cases: badInputCases(TARGETS, goodPhone),
	prepare: (sb) => {
		sb.providers.unitalk.state.autodialNumbers.msPerThousandNumbers = 0;
		sb.providers.unitalk.state.account.webhookTokens.add(webhookToken(sb));
		for (let i = 0; i < 8; i++) {
			const line = String(7001 + i);
			sb.providers.unitalk.state.calls.innerPhones.set(line, {
				number: line,
				name: `Line ${line}`,
				status: 'online',
			});
		}
	},
	numbersIn: (r: RecordedRequest) => {
		if (r.path === LINK_PATH) {
			const phones = r.query.phones;
			return (Array.isArray(phones) ? phones.join(',') : (phones ?? ''))
				.split(',')
				.filter(Boolean)
				.map(digits);
		}
		if (r.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
			return [digits(new URLSearchParams(r.rawBody).get('number') ?? '')];
		let body: IDataObject;
		try {
			body = JSON.parse(r.rawBody) as IDataObject;
		} catch {
			return [];
		}
		const list =
			body.numbers ??
			body.recipients ??
			(body.messages ? Object.keys(body.messages as IDataObject) : undefined) ??
			body.items ??
			body.phones ??
			[body.clientNumber ?? body.phone].filter((x) => x !== undefined);
		return (list as unknown[]).map(digits);
	},
};
