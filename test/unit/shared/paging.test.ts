import { readPages, readPagesByOffset } from '../../../nodes/shared/paging';

const rows = Array.from({ length: 23 }, (_, i) => i);

describe('readPagesByOffset', () => {
	it('reads until a short page, starting at the given offset', async () => {
		const asked: Array<[number, number]> = [];
		const all = await readPagesByOffset(5, 10, async (offset, size) => {
			asked.push([offset, size]);
			return { rows: rows.slice(offset, offset + size) };
		});
		expect(all).toEqual(rows.slice(5));
		expect(asked).toEqual([
			[5, 10],
			[15, 10],
		]);
	});

	it('stops once the offset reaches the total count', async () => {
		let calls = 0;
		const all = await readPagesByOffset(0, 10, async (offset, size) => {
			calls++;
			return { rows: rows.slice(offset, offset + size), count: 20 };
		});
		expect(all).toEqual(rows.slice(0, 20));
		expect(calls).toBe(2);
	});

	it('stops at the limit', async () => {
		const all = await readPagesByOffset(
			0,
			10,
			async (offset, size) => ({ rows: rows.slice(offset, offset + size) }),
			15,
		);
		expect(all).toEqual(rows.slice(0, 15));
	});
});

describe('readPages', () => {
	it('follows the cursor until there is none', async () => {
		const all = await readPages(0, 2, async (page: number) => ({
			rows: [page * 2, page * 2 + 1],
			next: page < 2 ? page + 1 : undefined,
		}));
		expect(all).toEqual([0, 1, 2, 3, 4, 5]);
	});
});
