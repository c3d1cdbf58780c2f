import type { IDataObject } from 'n8n-workflow';

import { chunk, outcomesToItems, pairedItemsOf } from '../../../nodes/shared/batching';
import type { BatchEntry, EntryOutcome } from '../../../nodes/shared/batching';

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

describe('chunk', () => {
	it('no entries give no batches', () => {
		expect(chunk([], 100)).toEqual([]);
	});

	it('one entry gives one batch of one', () => {
		expect(chunk(['a'], 100)).toEqual([['a']]);
	});

	it('exactly the size gives one full batch', () => {
		const batches = chunk(range(100), 100);
		expect(batches).toHaveLength(1);
		expect(batches[0]).toEqual(range(100));
	});

	it('size + 1 gives a full batch and a batch of one', () => {
		const batches = chunk(range(101), 100);
		expect(batches.map((b) => b.length)).toEqual([100, 1]);
		expect(batches[1]).toEqual([100]);
	});

	it('a size of 1 gives one batch per entry', () => {
		expect(chunk(['a', 'b', 'c'], 1)).toEqual([['a'], ['b'], ['c']]);
	});

	it('250,000 numbers in batches of 100,000 give 100,000 / 100,000 / 50,000 in order', () => {
		const entries = range(250_000);
		const batches = chunk(entries, 100_000);
		expect(batches.map((b) => b.length)).toEqual([100_000, 100_000, 50_000]);
		expect(batches[0][0]).toBe(0);
		expect(batches[0][99_999]).toBe(99_999);
		expect(batches[1][0]).toBe(100_000);
		expect(batches[2][0]).toBe(200_000);
		expect(batches[2][49_999]).toBe(249_999);
		// Every entry exactly once, in order (checked by hand: a deep equal of 250,000 values is slow).
		const flat = batches.flat();
		expect(flat.length).toBe(entries.length);
		expect(flat.every((value, i) => value === i)).toBe(true);
	});

	it('does not change the input', () => {
		const entries = ['a', 'b', 'c'];
		chunk(entries, 2);
		expect(entries).toEqual(['a', 'b', 'c']);
	});

	it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the size %p', (size) => {
		expect(() => chunk([1, 2, 3], size)).toThrow(
			`Batch size must be a whole number of at least 1, got ${size}`,
		);
	});

	it('refuses a bad size even with no entries', () => {
		expect(() => chunk([], 0)).toThrow('Batch size must be a whole number of at least 1');
	});
});

describe('pairedItemsOf', () => {
	it('no entries, no paired items', () => {
		expect(pairedItemsOf([])).toEqual([]);
	});

	it('one entry', () => {
		expect(pairedItemsOf([{ itemIndex: 4, value: 'x' }])).toEqual([{ item: 4 }]);
	});

	it('each item once, in the order it first appears', () => {
		const entries: Array<BatchEntry<string>> = [
			{ itemIndex: 2, value: 'a' },
			{ itemIndex: 2, value: 'b' },
			{ itemIndex: 0, value: 'c' },
			{ itemIndex: 2, value: 'd' },
			{ itemIndex: 5, value: 'e' },
			{ itemIndex: 0, value: 'f' },
		];
		expect(pairedItemsOf(entries)).toEqual([{ item: 2 }, { item: 0 }, { item: 5 }]);
	});

	it('a batch cut out of many items names exactly the items in it', () => {
		// 3 numbers per item, 10 items, batches of 4: the second batch holds entries 4..7 = items 1 and 2.
		const entries = range(30).map((n) => ({ itemIndex: Math.floor(n / 3), value: n }));
		const batches = chunk(entries, 4);
		expect(pairedItemsOf(batches[1])).toEqual([{ item: 1 }, { item: 2 }]);
		expect(pairedItemsOf(batches[7])).toEqual([{ item: 9 }]);
	});
});

describe('outcomesToItems', () => {
	const outcome = (itemIndex: number, value: string, json: IDataObject): EntryOutcome<string> => ({
		entry: { itemIndex, value },
		json,
	});

	it('no outcomes, no items (summarise is not called)', () => {
		const summarise = jest.fn(() => ({}));
		expect(outcomesToItems([], summarise)).toEqual([]);
		expect(summarise).not.toHaveBeenCalled();
	});

	it('one outcome becomes one item paired with its input item', () => {
		const items = outcomesToItems([outcome(3, '+1555', { ok: true })], (list, itemIndex) => ({
			itemIndex,
			numbers: list.map((o) => o.entry.value),
			ok: list.every((o) => o.json.ok === true),
		}));
		expect(items).toEqual([
			{ json: { itemIndex: 3, numbers: ['+1555'], ok: true }, pairedItem: { item: 3 } },
		]);
	});

	it('groups outcomes by item, in input order, keeping entry order within an item', () => {
		const outcomes = [
			outcome(2, 'c1', { status: 'added' }),
			outcome(0, 'a1', { status: 'added' }),
			outcome(2, 'c2', { status: 'duplicate' }),
			outcome(1, 'b1', { status: 'invalid' }),
			outcome(0, 'a2', { status: 'added' }),
		];
		const summarise = jest.fn((list: Array<EntryOutcome<string>>, itemIndex: number) => ({
			itemIndex,
			numbers: list.map((o) => o.entry.value),
			statuses: list.map((o) => o.json.status as string),
		}));
		const items = outcomesToItems(outcomes, summarise);
		expect(items).toEqual([
			{
				json: { itemIndex: 0, numbers: ['a1', 'a2'], statuses: ['added', 'added'] },
				pairedItem: { item: 0 },
			},
			{ json: { itemIndex: 1, numbers: ['b1'], statuses: ['invalid'] }, pairedItem: { item: 1 } },
			{
				json: { itemIndex: 2, numbers: ['c1', 'c2'], statuses: ['added', 'duplicate'] },
				pairedItem: { item: 2 },
			},
		]);
		expect(summarise).toHaveBeenCalledTimes(3);
	});

	it('orders items numerically, not as text (2 before 10)', () => {
		const items = outcomesToItems(
			[outcome(10, 'x', {}), outcome(2, 'y', {}), outcome(1, 'z', {})],
			(_list, itemIndex) => ({ itemIndex }),
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 10 }]);
		expect(items.map((i) => i.json.itemIndex)).toEqual([1, 2, 10]);
	});

	it('items without entries get no output item', () => {
		const items = outcomesToItems([outcome(0, 'a', {}), outcome(4, 'e', {})], (_l, itemIndex) => ({
			itemIndex,
		}));
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 4 }]);
	});

	it('round trip: outcomes of several batches map back to every item once', () => {
		const entries = range(25).map((n) => ({ itemIndex: n % 7, value: `n${n}` }));
		const outcomes = chunk(entries, 10).flatMap((batch) =>
			batch.map((entry) => ({ entry, json: { sent: entry.value } })),
		);
		const items = outcomesToItems(outcomes, (list) => ({ count: list.length }));
		expect(items.map((i) => i.pairedItem)).toEqual(range(7).map((item) => ({ item })));
		// 25 entries over 7 items: items 0..3 have 4 entries, items 4..6 have 3.
		expect(items.map((i) => i.json.count)).toEqual([4, 4, 4, 4, 3, 3, 3]);
	});
});
