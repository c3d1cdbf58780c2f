/**
 * Unitalk → Blocked List (Get, Add, Remove) against the sandbox: node output and the exact requests
 * recorded. Doc section "Lists" / "Blocked phones" (/lists, at most 100 items per request).
 */
import { jsonBody, useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
const lists = () => kit.sandbox().providers.unitalk.state.account.lists;

describe('Unitalk → Blocked List → Get', () => {
	it('reads the whole list in one request and outputs one item per number', async () => {
		const result = await kit.run('blockedList', {
			operation: 'get',
			list: 'BLOCKED_PHONES',
			returnAll: true,
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((i) => i.json)).toEqual([
			{ list: 'BLOCKED_PHONES', phone: '380501112233' },
			{ list: 'BLOCKED_PHONES', phone: '380671234567' },
			{ list: 'BLOCKED_PHONES', phone: '380931112244' },
		]);
		const sent = kit.requests('/lists');
		expect(sent).toHaveLength(1);
		expect(jsonBody(sent[0])).toEqual({ list: 'BLOCKED_PHONES', operation: 'GET' });
	});

	it('cuts the list to Limit and reads the autodialer list when chosen', async () => {
		const result = await kit.run('blockedList', {
			operation: 'get',
			list: 'BLOCKED_FOR_AUTODIAL_PHONES',
			returnAll: false,
			limit: 1,
		});
		expect(result.output('Subject').map((i) => i.json)).toEqual([
			{ list: 'BLOCKED_FOR_AUTODIAL_PHONES', phone: '380971112233' },
		]);
		expect(jsonBody(kit.requests('/lists')[0]).list).toBe('BLOCKED_FOR_AUTODIAL_PHONES');
	});
});

describe('Unitalk → Blocked List → Add', () => {
	it('combines the numbers of 250 items into 3 requests of at most 100, each item paired', async () => {
		const phones = Array.from({ length: 250 }, (_, i) => `+38 (050) ${String(1000000 + i)}`);
		const result = await kit.run(
			'blockedList',
			{ operation: 'add', list: 'BLOCKED_PHONES', phone: '={{ $json.phone }}' },
			phones.map((phone) => ({ phone })),
		);
		expect(result.error()).toBeUndefined();

		const sent = kit.requests('/lists');
		expect(sent).toHaveLength(3);
		const bodies = sent.map(jsonBody);
		expect(bodies.map((b) => (b.items as string[]).length)).toEqual([100, 100, 50]);
		expect(bodies.every((b) => b.operation === 'ADD' && b.list === 'BLOCKED_PHONES')).toBe(true);
		expect((bodies[0].items as string[])[0]).toBe('380501000000');
		expect((bodies[2].items as string[])[49]).toBe('380501000249');

		const out = result.output('Subject');
		expect(out).toHaveLength(250);
		expect(out[0].json).toEqual({
			list: 'BLOCKED_PHONES',
			phone: '380501000000',
			status: 'added',
			numbersInRequest: 100,
		});
		expect(out[249].pairedItem).toEqual({ item: 249 });
		expect(out[249].json.numbersInRequest).toBe(50);
		expect(lists().get('BLOCKED_PHONES')).toHaveLength(253);
	});

	it('honours Numbers Per Request and keeps lists apart', async () => {
		const result = await kit.run(
			'blockedList',
			{
				operation: 'add',
				list: '={{ $json.list }}',
				phone: '={{ $json.phone }}',
				options: { batchSize: 2 },
			},
			[
				{ list: 'BLOCKED_PHONES', phone: '380971000001, 380971000002, 380971000003' },
				{ list: 'BLOCKED_FOR_AUTODIAL_PHONES', phone: '380971000004' },
			],
		);
		expect(result.error()).toBeUndefined();
		const bodies = kit.requests('/lists').map(jsonBody);
		expect(bodies).toEqual([
			{ list: 'BLOCKED_PHONES', operation: 'ADD', items: ['380971000001', '380971000002'] },
			{ list: 'BLOCKED_PHONES', operation: 'ADD', items: ['380971000003'] },
			{ list: 'BLOCKED_FOR_AUTODIAL_PHONES', operation: 'ADD', items: ['380971000004'] },
		]);
		const first = result.output('Subject')[0].json;
		expect(first).toMatchObject({ list: 'BLOCKED_PHONES', added: 3, rejected: 0 });
		expect(first.requests).toHaveLength(2);
	});

	it('marks the numbers Unitalk refuses as rejected and sends the rest again', async () => {
		// 0441234567 passes the node's check (10 digits) but is not international for the sandbox.
		const result = await kit.run(
			'blockedList',
			{ operation: 'add', list: 'BLOCKED_PHONES', phone: '={{ $json.phone }}' },
			[{ phone: '380971000010' }, { phone: '0441234567' }],
		);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/lists');
		expect(sent.map((r) => r.outcome)).toEqual(['rejected', 'accepted']);
		expect(jsonBody(sent[1]).items).toEqual(['380971000010']);
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0]).toMatchObject({ phone: '380971000010', status: 'added' });
		expect(out[1]).toMatchObject({ phone: '0441234567', status: 'rejected' });
		expect(out[1].reason).toMatch(/^Wrong items/);
		expect(lists().get('BLOCKED_PHONES')).not.toContain('0441234567');
	});

	it('refuses a number with letters before sending anything, naming the item and the field', async () => {
		const result = await kit.run(
			'blockedList',
			{ operation: 'add', list: 'BLOCKED_PHONES', phone: '={{ $json.phone }}' },
			[{ phone: '380971000020' }, { phone: '38097abc1234' }],
		);
		const error = result.error('Subject');
		expect(error?.message).toBe(
			'Item 2: "Phone" "38097abc1234" contains letters: a number must be international, 7 to 15 digits',
		);
		expect(kit.requests()).toHaveLength(0);
	});

	it('with Continue On Fail, outputs the bad item as an error and sends the others', async () => {
		const result = await kit.run(
			'blockedList',
			{ operation: 'add', list: 'BLOCKED_PHONES', phone: '={{ $json.phone }}' },
			[{ phone: '38097abc1234' }, { phone: '380971000030' }],
			{ onError: 'continueRegularOutput' },
		);
		const out = result.output('Subject');
		expect(out[0].json.error).toMatch(/Item 1: "Phone"/);
		expect(out[1].json).toMatchObject({ phone: '380971000030', status: 'added' });
		expect(kit.requests('/lists').map((r) => jsonBody(r).items)).toEqual([['380971000030']]);
	});
});

describe('Unitalk → Blocked List → Remove', () => {
	it('removes the numbers of all items in one request', async () => {
		const result = await kit.run(
			'blockedList',
			{ operation: 'remove', list: 'BLOCKED_PHONES', phone: '={{ $json.phone }}' },
			[{ phone: '380501112233' }, { phone: ['380671234567', '380000000001'] }],
		);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/lists');
		expect(sent.map(jsonBody)).toEqual([
			{
				list: 'BLOCKED_PHONES',
				operation: 'REMOVE',
				items: ['380501112233', '380671234567', '380000000001'],
			},
		]);
		expect(result.output('Subject').map((i) => i.json)).toEqual([
			{ list: 'BLOCKED_PHONES', phone: '380501112233', status: 'removed', numbersInRequest: 3 },
			{
				list: 'BLOCKED_PHONES',
				removed: 2,
				rejected: 0,
				phones: [
					{ phone: '380671234567', status: 'removed' },
					{ phone: '380000000001', status: 'removed' },
				],
				numbersInRequest: 3,
			},
		]);
		expect(lists().get('BLOCKED_PHONES')).toEqual(['380931112244']);
	});
});
