/**
 * Issue 7 §5: Add / Remove Numbers follow the account's own per-request figures that GET_WITH_DATA
 * reports (maxAddNumbersCount / maxRemoveNumbersCount), and a number on BLOCKED_FOR_AUTODIAL_PHONES
 * ("numbers that cannot be added to autodialers") is refused by the sandbox and reported by the node.
 */
import { BLOCKED_FOR_AUTODIAL_REASON } from '../../../sandbox/unitalk/autodial/numberStore';
import { useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
const AUTODIALER = 12345;
const byId = { __rl: true, mode: 'id', value: String(AUTODIALER) };
const phone = (n: number) => String(380500000000 + n);
const numbersState = () => kit.sandbox().providers.unitalk.state.autodialNumbers;
const actions = (action: string) =>
	kit.requests('/autodial/action').filter((r) => JSON.parse(r.rawBody).action === action);
const inAutodialer = () =>
	kit
		.sandbox()
		.providers.unitalk.state.autodialers.get(AUTODIALER)!
		.numbers.map((n) => n.phone);

beforeEach(() => {
	numbersState().msPerThousandNumbers = 0;
});

describe("the account's per-request figures", () => {
	it('Add Numbers sends at most maxAddNumbersCount numbers per request', async () => {
		numbersState().maxAddNumbersCount = 3;
		const result = await kit.run(
			'autodialerNumber',
			{ operation: 'add', autodialer: byId, phone: '={{ $json.phone }}' },
			[1, 2, 3, 4, 5, 6, 7].map((n) => ({ phone: phone(n) })),
		);
		expect(result.error()).toBeUndefined();
		expect(actions('GET_WITH_DATA')).toHaveLength(1);
		expect(actions('ADD_NUMBERS').map((r) => JSON.parse(r.rawBody).numbers.length)).toEqual([
			3, 3, 1,
		]);
		expect(result.output('Subject').map((i) => i.json.status)).toEqual(Array(7).fill('added'));
	});

	it('Remove Numbers sends at most maxRemoveNumbersCount numbers per request', async () => {
		numbersState().maxRemoveNumbersCount = 2;
		const result = await kit.run(
			'autodialerNumber',
			{ operation: 'remove', autodialer: byId, phone: '={{ $json.phone }}' },
			['380970000001', '380970000002', '380970000003'].map((p) => ({ phone: p })),
		);
		expect(result.error()).toBeUndefined();
		expect(actions('REMOVE_NUMBERS').map((r) => JSON.parse(r.rawBody).numbers.length)).toEqual([
			2, 1,
		]);
	});

	it('a smaller Numbers Per Request still wins', async () => {
		numbersState().maxAddNumbersCount = 3;
		await kit.run(
			'autodialerNumber',
			{
				operation: 'add',
				autodialer: byId,
				phone: '={{ $json.phone }}',
				options: { batchSize: 2 },
			},
			[1, 2, 3].map((n) => ({ phone: phone(n) })),
		);
		expect(actions('ADD_NUMBERS').map((r) => JSON.parse(r.rawBody).numbers.length)).toEqual([2, 1]);
	});
});

describe('BLOCKED_FOR_AUTODIAL_PHONES', () => {
	it('a listed number is refused, reported rejected with the reason, and the others are added', async () => {
		// Seeded: BLOCKED_FOR_AUTODIAL_PHONES holds 380971112233 and 380631234567.
		const result = await kit.run(
			'autodialerNumber',
			{ operation: 'add', autodialer: byId, phone: '={{ $json.phone }}' },
			[{ phone: phone(1) }, { phone: '+380 97 111 22 33' }, { phone: phone(2) }],
		);
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((i) => i.json)).toEqual([
			{ autodialerId: AUTODIALER, phone: phone(1), status: 'added' },
			{
				autodialerId: AUTODIALER,
				phone: '380971112233',
				status: 'rejected',
				reason: BLOCKED_FOR_AUTODIAL_REASON,
			},
			{ autodialerId: AUTODIALER, phone: phone(2), status: 'added' },
		]);
		expect(inAutodialer()).not.toContain('380971112233');
		expect(inAutodialer()).toEqual(expect.arrayContaining([phone(1), phone(2)]));
	});
});
