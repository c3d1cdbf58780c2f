/**
 * Unitalk's own helpers of the project-data operations (nodes/Unitalk/actions/projectHelpers.ts,
 * refusals.ts, incomingWebhookLink/common.ts) and the determinism of the sandbox's seeded call
 * history. The provider-agnostic list helpers are tested in test/unit/shared/lists.test.ts.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';

import { buildLink } from '../../../nodes/Unitalk/actions/incomingWebhookLink/common';
import {
	inTimeZone,
	unitalkDate,
	unitalkDateTime,
	unwrapData,
} from '../../../nodes/Unitalk/actions/projectHelpers';
import { refusedPhones } from '../../../nodes/Unitalk/actions/refusals';
import { HISTORY_SIZE, seedHistory } from '../../../sandbox/unitalk/account/state';

const node: INode = {
	id: 'n',
	name: 'Unitalk',
	type: 'n8n-nodes-dialers.unitalk',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const ctxWith = (value: unknown, timezone = 'Europe/Kyiv') =>
	({
		getNode: () => node,
		getNodeParameter: () => value,
		getTimezone: () => timezone,
	}) as unknown as IExecuteFunctions;

describe('unitalkDateTime', () => {
	it('sends a time without a zone as written', () => {
		expect(unitalkDateTime(ctxWith('2024-01-31T18:05:07'), 0, 'd', 'D')).toBe(
			'2024-01-31 18:05:07',
		);
		expect(unitalkDateTime(ctxWith('2024-01-31 18:05'), 0, 'd', 'D')).toBe('2024-01-31 18:05:00');
		expect(unitalkDateTime(ctxWith('2024-01-31'), 0, 'd', 'D')).toBe('2024-01-31 00:00:00');
		expect(unitalkDateTime(ctxWith('2024-01-31T18:05:07.123'), 0, 'd', 'D')).toBe(
			'2024-01-31 18:05:07',
		);
	});

	it('converts a time with a zone, a Date and a Luxon-like value to the workflow time zone', () => {
		expect(unitalkDateTime(ctxWith('2024-01-31T16:00:00Z'), 0, 'd', 'D')).toBe(
			'2024-01-31 18:00:00',
		);
		expect(unitalkDateTime(ctxWith('2024-07-01T12:00:00+00:00'), 0, 'd', 'D')).toBe(
			'2024-07-01 15:00:00',
		);
		expect(unitalkDateTime(ctxWith(new Date(Date.UTC(2024, 0, 1, 22, 30))), 0, 'd', 'D')).toBe(
			'2024-01-02 00:30:00',
		);
		const luxonLike = { toISO: () => '2024-03-10T10:00:00.000+02:00' };
		expect(unitalkDateTime(ctxWith(luxonLike), 0, 'd', 'D')).toBe('2024-03-10 10:00:00');
		expect(unitalkDate(ctxWith('2024-01-31T23:59:59Z', 'UTC'), 0, 'd', 'D')).toBe('2024-01-31');
	});

	it('names the item and the field for what is not a date', () => {
		for (const bad of ['', 'tomorrow', '2024-02-30', '2024-13-01', '2024-01-01T25:00:00', null]) {
			expect(() => unitalkDateTime(ctxWith(bad), 2, 'd', 'Date From')).toThrow(
				/^Item 3: "Date From" must be a date and time/,
			);
		}
	});
});

describe('inTimeZone', () => {
	it('writes the wall clock of an instant in a zone', () => {
		const instant = new Date(Date.UTC(2024, 5, 30, 23, 59, 59));
		expect(inTimeZone(instant, 'UTC')).toBe('2024-06-30 23:59:59');
		expect(inTimeZone(instant, 'America/New_York')).toBe('2024-06-30 19:59:59');
		expect(inTimeZone(instant, 'Asia/Tokyo')).toBe('2024-07-01 08:59:59');
	});
});

describe('unwrapData', () => {
	it('unwraps only a Success envelope with data', () => {
		expect(unwrapData({ status: 'Success', data: [1] })).toEqual([1]);
		expect(unwrapData({ status: 'Success', data: 0 })).toBe(0);
		expect(unwrapData({ count: 1, calls: [] })).toEqual({ count: 1, calls: [] });
		expect(unwrapData([{ id: 1 }])).toEqual([{ id: 1 }]);
		expect(unwrapData({ status: 'Success' })).toEqual({ status: 'Success' });
	});
});

describe('buildLink', () => {
	it('fills in the link like the doc example less the token (the credential adds it), commas literal, fields encoded', () => {
		expect(
			buildLink(
				{
					address: 'https://api.unitalk.cloud:8443/tracking/webhook/event',
					id: '20461',
				},
				'AUTODIAL_ADD',
				{ name: 'va sya', note: 'a&b' },
				['380971234567', '380670001000'],
			),
		).toBe(
			'https://api.unitalk.cloud:8443/tracking/webhook/event?action=AUTODIAL_ADD&id=20461&name=va%20sya&note=a%26b&phones=380971234567,380670001000',
		);
	});
});

describe('refusedPhones', () => {
	const spec = { refusalMessages: ['Invalid phones'], refusalReason: 'not accepted' };
	const apiError = (body: object) => new NodeApiError(node, body as JsonObject);

	it('reads numbers (strings, numbers or objects) from the data of a listed message', () => {
		const refused = refusedPhones(
			apiError({
				status: 'Error',
				message: 'Invalid phones',
				data: ['+0441234567', 123, { phone: '380-1', error: 'too short' }],
			}),
			spec,
		);
		expect([...refused]).toEqual([
			['0441234567', 'Invalid phones: not accepted'],
			['123', 'Invalid phones: not accepted'],
			['3801', 'Invalid phones: too short'],
		]);
	});

	it('ignores other messages and other errors', () => {
		expect(refusedPhones(apiError({ message: 'Too many phones', data: ['1'] }), spec).size).toBe(0);
		expect(refusedPhones(new Error('Invalid phones'), spec).size).toBe(0);
	});
});

describe('sandbox call history seed', () => {
	it('is deterministic, in date order, and has every direction', () => {
		const a = seedHistory();
		const b = seedHistory();
		expect(a).toHaveLength(HISTORY_SIZE);
		expect(a).toEqual(b);
		expect(a.map((r) => r.call.dbid)).toEqual(
			Array.from({ length: HISTORY_SIZE }, (_, i) => i + 1),
		);
		for (let i = 1; i < a.length; i++) expect(a[i].call.date >= a[i - 1].call.date).toBe(true);
		expect(a[0].call.date >= '2024-01-01 00:00:00').toBe(true);
		expect(a[a.length - 1].call.date < '2024-04-01 00:00:00').toBe(true);
		expect(new Set(a.map((r) => r.call.direction))).toEqual(new Set(['IN', 'OUT', 'INNER']));
		expect(new Set(a.map((r) => r.call.id)).size).toBe(HISTORY_SIZE);
	});
});
