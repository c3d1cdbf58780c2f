/**
 * Unitalk → Event Handler → Remove Scheduled by Phones against the sandbox. Doc section "Removing
 * Scheduled Event Handlers" (at most 100 phones per request; the number removed in `data`).
 */
import { jsonBody, useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
const account = () => kit.sandbox().providers.unitalk.state.account;
const PATH = '/eventHandlers/removeScheduledByPhones';

const remove = (items: object[], options: Record<string, unknown> = {}, settings = {}) =>
	kit.run(
		'eventHandler',
		{ operation: 'removeScheduledByPhones', phone: '={{ $json.phone }}', options },
		items,
		settings,
	);

describe('Unitalk → Event Handler → Remove Scheduled by Phones', () => {
	it('sends the cleaned numbers of all items in one request and reports how many were removed', async () => {
		const result = await remove([
			{ phone: '380971234567' },
			{ phone: '+380 (50) 111-22-33' },
			{ phone: '380670001000, 380991112233' },
		]);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests(PATH);
		expect(sent.map(jsonBody)).toEqual([
			{ phones: ['380971234567', '380501112233', '380670001000', '380991112233'] },
		]);
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0]).toEqual({
			phone: '380971234567',
			status: 'processed',
			removedInRequest: 4,
			numbersInRequest: 4,
		});
		expect(out[2]).toMatchObject({ processed: 2, rejected: 0, removedInRequest: 4 });
		expect(account().scheduledHandlers.size).toBe(0);
	});

	it('splits 150 numbers into requests of 100 and 50', async () => {
		const items = Array.from({ length: 150 }, (_, i) => ({ phone: `38063${1000000 + i}` }));
		const result = await remove(items);
		expect(result.error()).toBeUndefined();
		expect(kit.requests(PATH).map((r) => (jsonBody(r).phones as string[]).length)).toEqual([
			100, 50,
		]);
		expect(result.output('Subject')).toHaveLength(150);
	});

	it('waits and sends again when another removal is running ("Wait until the previous request is processed")', async () => {
		account().removalBusyCount = 1;
		const result = await remove([{ phone: '380971234567' }]);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests(PATH);
		expect(sent.map((r) => r.outcome)).toEqual(['rejected', 'accepted']);
		expect(result.output('Subject')[0].json.removedInRequest).toBe(2);
	});

	it('marks the numbers Unitalk calls invalid as rejected and removes the rest', async () => {
		const result = await remove([{ phone: '0441234567' }, { phone: '380501112233' }]);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests(PATH);
		expect(sent).toHaveLength(2);
		expect(jsonBody(sent[0]).phones).toEqual(['0441234567', '380501112233']);
		expect(jsonBody(sent[1]).phones).toEqual(['380501112233']);
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0]).toMatchObject({ phone: '0441234567', status: 'rejected' });
		expect(out[0].reason).toMatch(/^Invalid phones/);
		expect(out[1]).toMatchObject({ status: 'processed', removedInRequest: 1 });
	});

	it('uses the Path option (the doc writes /api/eventHandlers/...)', async () => {
		const result = await remove([{ phone: '380670001000' }], {
			path: '/api/eventHandlers/removeScheduledByPhones',
		});
		expect(result.error()).toBeUndefined();
		expect(kit.requests('/api/eventHandlers/removeScheduledByPhones')).toHaveLength(1);
		expect(kit.requests(PATH)).toHaveLength(0);
	});

	it('refuses a number with letters before sending anything', async () => {
		const result = await remove([{ phone: '380971234567' }, { phone: 'call me' }]);
		expect(result.error('Subject')?.message).toBe(
			'Item 2: "Phone" "call me" contains letters: a number must be international, 7 to 15 digits',
		);
		expect(kit.requests()).toHaveLength(0);
	});
});
