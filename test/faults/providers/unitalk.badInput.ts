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
import type { BadInputCase, BadInputSuite, NodeUnderTest } from '../harness/types';

const LINK_PATH = '/tracking/webhook/event';
/** The incoming-link token of a sandbox account (registered by `prepare`, given by the credential). */
export const webhookToken = (sb: Sandbox) =>
	`wh${createHash('sha256').update(sb.accounts.unitalk.apiKey).digest('hex').slice(0, 20)}`;
const LINK_AUTODIALER = 12346;

const digits = (v: unknown) => String(v).replace(/\D/g, '');
const goodPhone = (i: number) => `38050${String(2_000_000 + i).padStart(7, '0')}`;

/** A value a phone field must refuse: nothing that cleaning turns into 7-15 digits. */
export const badPhone: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom('', '   ', '-', '( )', '+', '00'),
	fc.stringMatching(/^\+?[0-9]{1,6}$/),
	fc.stringMatching(/^[1-9][0-9]{15,22}$/),
	fc
		.tuple(
			fc.stringMatching(/^[0-9]{3,8}$/),
			fc.constantFrom('a', 'x', 'O', 'é', 'Ж', 'ß'),
			fc.stringMatching(/^[0-9]{3,8}$/),
		)
		.map(([a, letter, b]) => `${a}${letter}${b}`),
	fc
		.tuple(
			fc.stringMatching(/^[0-9]{4,8}$/),
			fc.constantFrom('#', '*', '/', '_', '@', '!', '%', '=', '~'),
			fc.stringMatching(/^[0-9]{4,8}$/),
		)
		.map(([a, c, b]) => `${a}${c}${b}`),
	fc.integer({ min: 0, max: 999_999 }),
	fc.constantFrom(null, true, [], {}),
);

const tooLong = (max: number) =>
	fc.string({ minLength: max + 1, maxLength: max + 40 }).filter((s) => s.trim().length > max);

interface Target {
	operation: string;
	/** Node parameters; every per-item value comes from the item JSON (`$json.phone`, `$json.x`). */
	parameters: (sb: Sandbox) => Record<string, unknown>;
	/** A good item sending `phone`. */
	good: (phone: string, index: number) => IDataObject;
	/** The fields checked: the item key that carries it, its label, and values it must refuse. */
	fields: BadField[];
}

interface BadField {
	key: string;
	field: string;
	bad: fc.Arbitrary<unknown>;
}

const phoneField = (field = 'Phone'): BadField => ({ key: 'phone', field, bad: badPhone });
const valueField = (key: string, field: string, bad: fc.Arbitrary<unknown>): BadField => ({
	key,
	field,
	bad,
});

const TARGETS: Target[] = [
	{
		operation: 'Add Numbers',
		parameters: () => ({
			resource: 'autodialerNumber',
			operation: 'add',
			autodialer: { __rl: true, mode: 'id', value: '12345' },
			phone: '={{ $json.phone }}',
		}),
		good: (phone) => ({ phone }),
		fields: [phoneField()],
	},
	{
		operation: 'Send Bulk',
		parameters: () => ({
			resource: 'message',
			operation: 'sendBulk',
			messageType: 'SMS',
			phone: '={{ $json.phone }}',
			text: '={{ $json.text }}',
		}),
		good: (phone) => ({ phone, text: 'Your order is ready' }),
		fields: [
			phoneField(),
			valueField('text', 'Text', fc.constantFrom('', ' ', '   ', '\n', '\t \n')),
		],
	},
	{
		operation: 'Blocked List Add',
		parameters: () => ({
			resource: 'blockedList',
			operation: 'add',
			list: 'BLOCKED_PHONES',
			phone: '={{ $json.phone }}',
		}),
		good: (phone) => ({ phone }),
		fields: [phoneField()],
	},
	{
		operation: 'Event Handler Remove Scheduled',
		parameters: () => ({
			resource: 'eventHandler',
			operation: 'removeScheduledByPhones',
			phone: '={{ $json.phone }}',
		}),
		good: (phone) => ({ phone }),
		fields: [phoneField()],
	},
	{
		operation: 'Incoming Webhook Link Add',
		parameters: () => ({
			resource: 'incomingWebhookLink',
			operation: 'addNumbers',
			autodialerId: String(LINK_AUTODIALER),
			phone: '={{ $json.phone }}',
			numberData: { name: '={{ $json.name }}', note: '={{ $json.note }}' },
		}),
		good: (phone) => ({ phone, name: 'Lead', note: 'From the CRM' }),
		fields: [
			phoneField(),
			valueField('name', 'Name', tooLong(100)),
			valueField('note', 'Note', tooLong(500)),
		],
	},
	{
		operation: 'Direct Call',
		parameters: () => ({
			resource: 'call',
			operation: 'directCall',
			sip: '={{ $json.line }}',
			phone: '={{ $json.phone }}',
			options: { meta: '={{ $json.meta }}' },
		}),
		good: (phone, i) => ({ phone, line: String(7001 + i), meta: 'deal-42' }),
		fields: [
			phoneField(),
			valueField('meta', 'Meta', tooLong(1000)),
			valueField('line', 'Internal Line', fc.stringMatching(/^[a-z][a-z0-9 _-]{0,8}$/)),
		],
	},
	{
		operation: 'Click-to-Call',
		parameters: () => ({
			resource: 'call',
			operation: 'clickToCall',
			clientNumber: '={{ $json.phone }}',
			steps: {
				step: [{ type: 'SIP', sip: '={{ $json.line }}', awaitingTime: '={{ $json.wait }}' }],
			},
		}),
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
		parameters: () => ({
			resource: 'call',
			operation: 'informationalCall',
			phone: '={{ $json.phone }}',
			options: { ivrId: 211, meta: '={{ $json.meta }}' },
		}),
		good: (phone) => ({ phone, meta: 'deal-42' }),
		fields: [phoneField(), valueField('meta', 'Meta', tooLong(1000))],
	},
];

const cases: fc.Arbitrary<BadInputCase> = fc
	.constantFrom(...TARGETS.flatMap((target) => target.fields.map((f) => ({ target, f }))))
	.chain(({ target, f }) =>
		fc
			.record({ before: fc.nat(3), after: fc.nat(3), badValue: f.bad })
			.map(({ before, after, badValue }): BadInputCase => {
				const total = before + 1 + after;
				const items = Array.from({ length: total }, (_, i) => target.good(goodPhone(i), i));
				items[before] = { ...items[before], [f.key]: badValue as IDataObject[string] };
				const goodNumbers = items.filter((_, i) => i !== before).map((it) => String(it.phone));
				return {
					operation: target.operation,
					field: f.field,
					badValue,
					items,
					badIndex: before,
					goodNumbers,
					build: (sb): NodeUnderTest => ({
						node: 'unitalk',
						parameters: target.parameters(sb),
						items,
						credentialTypes: [
							target.parameters(sb).resource === 'incomingWebhookLink'
								? 'unitalkWebhookLinkApi'
								: 'unitalkApi',
						],
					}),
				};
			}),
	);

export const unitalkBadInput: BadInputSuite = {
	cases,
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
