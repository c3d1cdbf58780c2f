import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * Bulk operations: many input items become a few provider-sized requests, and whatever the provider
 * says about each entry goes back to the item that carried it.
 */

/** One value taken from input item `itemIndex` (0-based). An item may contribute several entries. */
export interface BatchEntry<T> {
	itemIndex: number;
	value: T;
}

/** Splits entries into consecutive chunks of at most `size`, keeping input order. */
export function chunk<T>(entries: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1)
		throw new Error(`Batch size must be a whole number of at least 1, got ${size}`);
	const batches: T[][] = [];
	for (let start = 0; start < entries.length; start += size) {
		batches.push(entries.slice(start, start + size));
	}
	return batches;
}

/** The items a batch was built from, each once, as n8n's `pairedItem` list. */
export function pairedItemsOf(
	entries: ReadonlyArray<BatchEntry<unknown>>,
): Array<{ item: number }> {
	const seen = new Set<number>();
	const paired: Array<{ item: number }> = [];
	for (const e of entries) {
		if (!seen.has(e.itemIndex)) {
			seen.add(e.itemIndex);
			paired.push({ item: e.itemIndex });
		}
	}
	return paired;
}

/** What happened to one entry. */
export interface EntryOutcome<T> {
	entry: BatchEntry<T>;
	json: IDataObject;
}

/**
 * One output item per input item that had entries, in input order, each paired with its item.
 * `summarise` turns the outcomes of one item's entries into that item's JSON.
 */
export function outcomesToItems<T>(
	outcomes: ReadonlyArray<EntryOutcome<T>>,
	summarise: (itemOutcomes: Array<EntryOutcome<T>>, itemIndex: number) => IDataObject,
): INodeExecutionData[] {
	const byItem = new Map<number, Array<EntryOutcome<T>>>();
	for (const o of outcomes) {
		const list = byItem.get(o.entry.itemIndex);
		if (list) list.push(o);
		else byItem.set(o.entry.itemIndex, [o]);
	}
	return [...byItem.keys()]
		.sort((a, b) => a - b)
		.map((itemIndex) => ({
			json: summarise(byItem.get(itemIndex) as Array<EntryOutcome<T>>, itemIndex),
			pairedItem: { item: itemIndex },
		}));
}
