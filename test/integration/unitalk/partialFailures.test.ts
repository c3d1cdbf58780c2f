/**
 * Issue 7 §2, what was sent is never lost: a bulk operation whose later request fails says which
 * entries the provider accepted, which it refused, which were in the failed request (outcome unknown,
 * or refused as a whole) and which were never sent: in the error (description and context.bulk) with
 * Continue On Fail off, on each item with it on. The failing request is chosen with faultOnRequest
 * (a sandbox fault armed for the n-th request), and the sandbox's own state is the proof of what was
 * accepted.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BulkReport } from '../../../nodes/shared/batching';
import { faultOnRequest } from '../harness/faults';
import { useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
jest.setTimeout(60_000);

const AUTODIALER = 12345;
const phone = (n: number) => String(380500000000 + n);
const byId = { __rl: true, mode: 'id', value: String(AUTODIALER) };
const COF = { onError: 'continueRegularOutput' };
const unitalk = () => kit.sandbox().providers.unitalk.state;
const inAutodialer = () =>
	new Set(
		unitalk()
			.autodialers.get(AUTODIALER)!
			.numbers.map((n) => n.phone),
	);
const reportOf = (error: { context?: IDataObject } | undefined) =>
	error?.context?.bulk as unknown as BulkReport;
/**
 * The n-th Add / Remove Numbers request of a run: each run first reads the account's limits
 * (GET_WITH_DATA), so it is the (n + 1)-th request to /autodial/action.
 */
const nthNumbersRequest = (n: number) => n + 1;
/** A 429 asking for longer than the transport waits: refused for now, nothing done, not retried. */
const NOT_NOW = { provider: 'unitalk' as const, kind: 'http429' as const, retryAfterSeconds: 120 };

beforeEach(() => {
	unitalk().autodialNumbers.msPerThousandNumbers = 0;
});

const addNumbers = async (items: object[], options: IDataObject, settings = {}) =>
	await kit.run(
		'autodialerNumber',
		{ operation: 'add', autodialer: byId, phone: '={{ $json.phone }}', options },
		items,
		settings,
	);

describe('Add Numbers: a later request fails', () => {
	it('Continue On Fail off: the error lists accepted, outcome-unknown and never-sent numbers by item', async () => {
		const items = [1, 2, 3, 4, 5].map((n) => ({ phone: phone(n) }));
		// Call Again If Already Present: a request that is not repeated, so the reset stays unknown.
		faultOnRequest(kit.sandbox(), nthNumbersRequest(2), {
			provider: 'unitalk',
			kind: 'reset-after',
		});

		const result = await addNumbers(items, { batchSize: 2, refreshDuplicates: true });

		const error = result.error('Subject');
		expect(kit.requests('/autodial/action')).toHaveLength(nthNumbersRequest(2));
		const report = reportOf(error);
		expect(report.counts).toEqual({
			accepted: 2,
			refused: 0,
			requestRefused: 0,
			notSent: 1,
			outcomeUnknown: 2,
		});
		expect(report.items).toMatchObject({
			accepted: [[1, 2]],
			outcomeUnknown: [[3, 4]],
			notSent: [[5, 5]],
		});
		expect(report.results.map((r) => [r.item, r.result.status])).toEqual([
			[1, 'added'],
			[2, 'added'],
		]);
		expect(error?.description).toContain('2 accepted (items 1-2)');
		expect(error?.description).toContain('1 never sent (item 5)');
		// The sandbox acted on the reset request: "outcome unknown" is the honest answer.
		expect(inAutodialer()).toEqual(
			new Set(['380970000001', '380970000002', '380970000003', ...[1, 2, 3, 4].map(phone)]),
		);
	});

	it('numbers refused by name before the failing resend stay refused in the report', async () => {
		unitalk().autodialNumbers.refusedNumbers.add(phone(2));
		// Request 1 is refused ("Wrong numbers": phone 2); the resend of the others fails.
		faultOnRequest(kit.sandbox(), nthNumbersRequest(2), { provider: 'unitalk', kind: 'http500' });

		const result = await addNumbers(
			[1, 2, 3].map((n) => ({ phone: phone(n) })),
			{ refreshDuplicates: true },
		);
		const report = reportOf(result.error('Subject'));
		expect(report.counts).toMatchObject({ accepted: 0, refused: 1, outcomeUnknown: 2 });
		expect(report.items.refused).toEqual([[2, 2]]);
		expect(report.results).toEqual([
			{
				item: 2,
				result: {
					autodialerId: AUTODIALER,
					phone: phone(2),
					status: 'rejected',
					reason: 'Unitalk did not accept this number',
				},
			},
		]);
	});

	it('Continue On Fail on: an item split over two requests reports the part that went through', async () => {
		const items = [
			{ phone: phone(1) },
			{ phone: [phone(2), phone(3), phone(4)] },
			{ phone: phone(5) },
		];
		faultOnRequest(kit.sandbox(), nthNumbersRequest(2), {
			provider: 'unitalk',
			kind: 'reset-after',
		});

		const result = await addNumbers(items, { batchSize: 2, refreshDuplicates: true }, COF);

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0]).toEqual({ autodialerId: AUTODIALER, phone: phone(1), status: 'added' });
		expect(out[1]).toMatchObject({
			autodialerId: AUTODIALER,
			phone: phone(2),
			status: 'added',
			outcomeUnknown: [phone(3), phone(4)],
		});
		expect(out[1].error).toMatch(/Add Numbers: the outcome is unknown/);
		expect(out[2]).toEqual({ autodialerId: AUTODIALER, phone: phone(5), status: 'added' });
		expect(inAutodialer().has(phone(5))).toBe(true);
	});

	it('Continue On Fail on: a request refused for now reports its numbers as not sent', async () => {
		faultOnRequest(kit.sandbox(), nthNumbersRequest(1), NOT_NOW);
		const result = await addNumbers(
			[{ phone: [phone(1), phone(2)] }, { phone: phone(3) }],
			{ batchSize: 2 },
			COF,
		);
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0]).toMatchObject({ notSent: [phone(1), phone(2)] });
		expect(out[0].status).toBeUndefined();
		expect(out[1]).toEqual({ autodialerId: AUTODIALER, phone: phone(3), status: 'added' });
		expect(inAutodialer().has(phone(1))).toBe(false);
	});
});

describe('Send Bulk: a later request fails', () => {
	const sendBulk = async (items: object[], settings = {}) =>
		await kit.run(
			'message',
			{
				operation: 'sendBulk',
				messageType: 'SMS',
				phone: '={{ $json.phone }}',
				text: 'Spring sale',
				options: { batchSize: 2 },
			},
			items,
			settings,
		);

	it('Continue On Fail off: the IDs of the messages already sent are in the error', async () => {
		faultOnRequest(kit.sandbox(), 2, { provider: 'unitalk', kind: 'reset-after' });
		const result = await sendBulk([1, 2, 3, 4, 5].map((n) => ({ phone: phone(n) })));

		const error = result.error('Subject');
		const report = reportOf(error);
		expect(report.noun).toBe('messages');
		expect(report.counts).toMatchObject({ accepted: 2, outcomeUnknown: 2, notSent: 1 });
		const stored = new Map(
			[...unitalk().messaging.messages.values()].map((m) => [m.to, m.id] as const),
		);
		expect(report.results).toEqual([
			{
				item: 1,
				result: {
					messageType: 'SMS',
					phone: phone(1),
					messageId: stored.get(phone(1)),
					sent: true,
					error: null,
				},
			},
			{
				item: 2,
				result: {
					messageType: 'SMS',
					phone: phone(2),
					messageId: stored.get(phone(2)),
					sent: true,
					error: null,
				},
			},
		]);
		expect(error?.description).toContain('their IDs are in the error');
		expect(error?.description).toContain('2 in the failed request, outcome unknown');
	});

	it('Continue On Fail on: messages of a request refused for now say they were not sent', async () => {
		faultOnRequest(kit.sandbox(), 2, NOT_NOW);
		const result = await sendBulk(
			[1, 2, 3, 4, 5].map((n) => ({ phone: phone(n) })),
			COF,
		);
		const out = result.output('Subject').map((i) => i.json);
		expect(out.map((o) => [o.sent, o.outcome])).toEqual([
			[true, undefined],
			[true, undefined],
			[false, 'notSent'],
			[false, 'notSent'],
			[true, undefined],
		]);
	});
});

describe('Blocked list Add: a later request fails', () => {
	it('Continue On Fail off: numbers added, and numbers never sent, by item', async () => {
		faultOnRequest(kit.sandbox(), 2, NOT_NOW);
		const result = await kit.run(
			'blockedList',
			{
				operation: 'add',
				list: 'BLOCKED_PHONES',
				phone: '={{ $json.phone }}',
				options: { batchSize: 2 },
			},
			[1, 2, 3, 4].map((n) => ({ phone: phone(n) })),
		);
		const report = reportOf(result.error('Subject'));
		expect(report.counts).toMatchObject({ accepted: 2, notSent: 2, outcomeUnknown: 0 });
		expect(report.items).toMatchObject({ accepted: [[1, 2]], notSent: [[3, 4]] });
		expect(unitalk().account.lists.get('BLOCKED_PHONES')).toEqual(
			expect.arrayContaining([phone(1), phone(2)]),
		);
		expect(unitalk().account.lists.get('BLOCKED_PHONES')).not.toContain(phone(3));
	});
});

describe('Incoming Webhook Link Add: an item split over several links fails part way', () => {
	const PATH = '/tracking/webhook/event';
	const many = Array.from({ length: 250 }, (_, i) => phone(i));
	const addThroughLink = async (settings = {}) =>
		await kit.run(
			'incomingWebhookLink',
			{
				operation: 'addNumbers',
				autodialerId: '12346',
				phone: '={{ $json.phone }}',
			},
			[{ phone: many }],
			settings,
		);
	const isLink = (r: { path: string }) => r.path === PATH;

	it('Continue On Fail off: the numbers of the first link are accepted, the rest unknown or never sent', async () => {
		faultOnRequest(kit.sandbox(), 2, { provider: 'unitalk', kind: 'reset-after' }, isLink);
		const result = await addThroughLink();
		const report = reportOf(result.error('Subject'));
		expect(kit.requests(PATH)).toHaveLength(2);
		expect(report.split).toEqual([
			{
				item: 1,
				accepted: many.slice(0, 100),
				outcomeUnknown: many.slice(100, 200),
				notSent: many.slice(200),
			},
		]);
		expect(report.results[0].result.phones).toEqual(many.slice(0, 100));
	});

	it('Continue On Fail on: the item keeps the numbers that went through and names the others', async () => {
		faultOnRequest(kit.sandbox(), 2, { provider: 'unitalk', kind: 'reset-after' }, isLink);
		const result = await addThroughLink(COF);
		const [item] = result.output('Subject');
		// The run goes on after the failed link (Continue On Fail): the third link is sent.
		expect(kit.requests(PATH)).toHaveLength(3);
		expect(item.json.phones).toEqual([...many.slice(0, 100), ...many.slice(200)]);
		expect(item.json.outcomeUnknown).toEqual(many.slice(100, 200));
		expect(item.json.requests).toBe(2);
		expect(item.json.error).toMatch(/the outcome is unknown/);
	});
});
