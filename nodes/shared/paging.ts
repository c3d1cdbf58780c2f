/**
 * Reading a list page by page ("Return All"), for any provider. A page that comes back shorter than
 * asked for is the last one.
 */

/** One page: its rows, and where the next page starts (undefined: there is no next page). */
export interface PageRead<Row, Cursor> {
	rows: Row[];
	next?: Cursor;
}

/**
 * Calls `readPage(cursor, pageSize)` from `first` until a page is short, has no next cursor, or
 * `limit` rows have been read; returns the rows of all pages in order (at most `limit`).
 */
export async function readPages<Row, Cursor>(
	first: Cursor,
	pageSize: number,
	readPage: (cursor: Cursor, pageSize: number) => Promise<PageRead<Row, Cursor>>,
	limit = Infinity,
): Promise<Row[]> {
	const all: Row[] = [];
	for (let cursor = first; ; ) {
		const { rows, next } = await readPage(cursor, pageSize);
		all.push(...rows);
		if (all.length >= limit) return all.slice(0, limit);
		if (rows.length < pageSize || next === undefined) return all;
		cursor = next;
	}
}

/**
 * The same for offset paging: each page starts after the rows already read, and reading also stops
 * once the offset reaches the total `count` when the provider gives one.
 */
export async function readPagesByOffset<Row>(
	firstOffset: number,
	pageSize: number,
	readPage: (offset: number, pageSize: number) => Promise<{ rows: Row[]; count?: number }>,
	limit = Infinity,
): Promise<Row[]> {
	return await readPages(
		firstOffset,
		pageSize,
		async (offset, size) => {
			const { rows, count } = await readPage(offset, size);
			const next = offset + rows.length;
			return { rows, next: count !== undefined && next >= count ? undefined : next };
		},
		limit,
	);
}
