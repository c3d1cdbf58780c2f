import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './operations';

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
	checkSize(size);
	const batches: T[][] = [];
	for (let start = 0; start < entries.length; start += size) {
		batches.push(entries.slice(start, start + size));
	}
	return batches;
}

/**
 * Chunks of at most `size` in which no key appears twice: each entry goes into the first chunk that
 * has room and does not hold its key yet, so a repeat goes into a later chunk. Chunks come in the
 * order they were started, their entries in input order.
 */
export function chunkDistinct<T>(
	entries: readonly T[],
	size: number,
	keyOf: (entry: T) => string,
): T[][] {
	checkSize(size);
	const batches: Array<{ entries: T[]; keys: Set<string> }> = [];
	const open: typeof batches = []; // the batches with room, in order
	for (const entry of entries) {
		const key = keyOf(entry);
		let batch = open.find((b) => !b.keys.has(key));
		if (!batch) {
			batch = { entries: [], keys: new Set() };
			batches.push(batch);
			open.push(batch);
		}
		batch.entries.push(entry);
		batch.keys.add(key);
		if (batch.entries.length >= size) open.splice(open.indexOf(batch), 1);
	}
	return batches.map((b) => b.entries);
}

function checkSize(size: number): void {
	if (!Number.isInteger(size) || size < 1)
		throw new Error(`Batch size must be a whole number of at least 1, got ${size}`);
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

/**
 * The whole life of a bulk operation, the same for every provider:
 * 1. every item is read and checked before anything is sent (a bad item stops the run, or with
 *    Continue On Fail becomes an error item while the others go on);
 * 2. entries are grouped (requests never mix groups, e.g. two autodialers) and sent in chunks of
 *    `perRequest`, one request at a time, one group after the other;
 * 3. one output item per input item, in input order, paired with it.
 */
export interface BulkPlan<T> {
	/** Reads and checks item `itemIndex`; throws an error naming the item and field when it is bad. */
	read(itemIndex: number): { group: string; entries: T[] };
	/** Checks a whole group before anything is sent (for example a per-target total); throws to stop. */
	checkGroup?(group: string, entries: ReadonlyArray<BatchEntry<T>>): void;
	perRequest: number;
	/**
	 * When set, two entries with the same key never share a request (for example when the answer is
	 * keyed by phone number): a repeat goes into a later request of its group (see chunkDistinct).
	 */
	distinct?(value: T): string;
	/**
	 * Sends one chunk and says what happened to each entry (same order as `batch`). It throws when the
	 * request as a whole failed.
	 */
	send(group: string, batch: Array<BatchEntry<T>>): Promise<IDataObject[]>;
	/**
	 * With Continue On Fail, what each entry of a request that failed as a whole reports (same order as
	 * `batch`); its items then go to `summarise` like the others. Without it, every item of a failed
	 * request becomes an error item.
	 */
	requestFailed?(error: unknown, batch: Array<BatchEntry<T>>): IDataObject[];
	/**
	 * The sentence added to the description of a failure that stops the run when earlier requests of
	 * the run had gone through (`requests` of them, carrying `entries` entries).
	 */
	progressNote?(requests: number, entries: number): string;
	/** The output JSON of one item from its entries (in the order read) and what happened to them. */
	summarise(outcomes: Array<EntryOutcome<T>>, itemIndex: number): IDataObject;
}

/**
 * The requests of a run: each group's entries in requests of at most `perRequest`, none holding two
 * entries with the same `distinct` key when one is given (see chunkDistinct), group by group.
 */
export function planRequests<E>(
	groups: ReadonlyMap<string, readonly E[]>,
	perRequest: number,
	distinct?: (entry: E) => string,
): Array<{ group: string; batch: E[] }> {
	const requests: Array<{ group: string; batch: E[] }> = [];
	for (const [group, entries] of groups) {
		const batches = distinct
			? chunkDistinct(entries, perRequest, distinct)
			: chunk(entries, perRequest);
		for (const batch of batches) requests.push({ group, batch });
	}
	return requests;
}

/** What an entry has before its request is answered; replaced by the answer, never output. */
const UNANSWERED: IDataObject = {};

export async function runBulk<T>(
	ctx: IExecuteFunctions,
	itemCount: number,
	plan: BulkPlan<T>,
): Promise<INodeExecutionData[]> {
	// 1. Read and check every item. Each entry's outcome, per group in the order read.
	const failed = new Map<number, unknown>();
	const groups = new Map<string, Array<EntryOutcome<T>>>();
	for (let i = 0; i < itemCount; i++) {
		try {
			const { group, entries } = plan.read(i);
			let list = groups.get(group);
			if (!list) groups.set(group, (list = []));
			for (const value of entries) list.push({ entry: { itemIndex: i, value }, json: UNANSWERED });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			failed.set(i, error);
		}
	}
	const { checkGroup, distinct } = plan;
	if (checkGroup)
		for (const [group, list] of groups) {
			const entries = list.map((o) => o.entry);
			checkGroup(group, entries);
		}

	// 2. Send.
	const done = { requests: 0, entries: 0 };
	for (const { group, batch: slots } of planRequests(
		groups,
		plan.perRequest,
		distinct && ((o) => distinct(o.entry.value)),
	)) {
		const batch = slots.map((o) => o.entry);
		let answers: IDataObject[];
		try {
			answers = await plan.send(group, batch);
			done.requests++;
			done.entries += batch.length;
		} catch (error) {
			if (!ctx.continueOnFail()) {
				const named = asNodeError(ctx, error, batch[0].itemIndex);
				if (done.requests === 0) throw named;
				throw withProgress(named, (plan.progressNote ?? carriedOut)(done.requests, done.entries));
			}
			if (!plan.requestFailed) {
				for (const entry of batch)
					if (!failed.has(entry.itemIndex)) failed.set(entry.itemIndex, error);
				continue;
			}
			answers = plan.requestFailed(error, batch);
		}
		slots.forEach((o, k) => (o.json = answers[k] ?? {}));
	}

	// 3. One output item per input item, its outcomes in the order its entries were read.
	const outcomes: Array<EntryOutcome<T>> = [];
	for (const list of groups.values())
		for (const o of list) if (!failed.has(o.entry.itemIndex)) outcomes.push(o);
	const succeeded = new Map<number, INodeExecutionData>();
	for (const item of outcomesToItems(outcomes, plan.summarise)) {
		succeeded.set((item.pairedItem as { item: number }).item, item);
	}
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < itemCount; i++) {
		if (failed.has(i)) output.push(errorItem(failed.get(i), i));
		else if (succeeded.has(i)) output.push(succeeded.get(i) as INodeExecutionData);
	}
	return output;
}

function carriedOut(requests: number): string {
	return `${requests} earlier request(s) of this run had already been carried out.`;
}

/** Adds `note` (how far the run had got) to a failure's description, so the user knows where it stopped. */
export function withProgress(error: unknown, note: string): unknown {
	if (!(error instanceof Error)) return error;
	const e = error as Error & { description?: string | null };
	e.description = e.description ? `${e.description} ${note}` : note;
	return e;
}
