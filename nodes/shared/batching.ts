import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './operations';
import { settledOutcomes } from './refusals';
import { requestOutcome } from './transport';

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
	 * A lower per-request limit learnt from the provider (for example the account's own maximum),
	 * asked once, after every item was read and checked and only when there is something to send, so
	 * bad input still sends nothing. Undefined: `perRequest` stands.
	 */
	perRequestCap?(): Promise<number | undefined>;
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
	 * `batch`; `state` says whether it may have been acted on); its items then go to `summarise` like
	 * the others. Without it, the failed entries are reported by runBulk (see BulkReport).
	 */
	requestFailed?(error: unknown, batch: Array<BatchEntry<T>>, state: FailedState): IDataObject[];
	/** Whether an answered entry was accepted by the provider (default: every answered entry was). */
	accepted?(outcome: IDataObject): boolean;
	/** How an entry is named in a report (default: the value, or its `phone`). */
	label?(value: T): string;
	/** What the entries are called in a report: "numbers", "messages" (default "entries"). */
	noun?: string;
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

/**
 * Where an entry stands. accepted / refused: the provider answered for it (refused: it named the entry
 * as not taken, or `accepted` says so). The others belong to a request that failed as a whole:
 * requestRefused (the provider looked and said no: nothing done), notSent (it never reached the
 * provider, or the provider said "not now", or the run stopped before its request), outcomeUnknown
 * (the request may have been acted on: a timeout, a reset, a 5xx).
 */
export type EntryState = 'accepted' | 'refused' | FailedState;
export type FailedState = 'requestRefused' | 'notSent' | 'outcomeUnknown';

const FAILED_STATES: FailedState[] = ['requestRefused', 'notSent', 'outcomeUnknown'];

/** An entry's outcome and where it stands (the error of its request when that failed). */
interface Slot<T> extends EntryOutcome<T> {
	state?: EntryState;
	error?: unknown;
}

/** The state of the entries of a request that failed with `error` (transport marks its errors). */
export function failedState(error: unknown): FailedState {
	switch (requestOutcome(error)) {
		case 'not-sent':
			return 'notSent';
		case 'refused':
			return 'requestRefused';
		default:
			return 'outcomeUnknown';
	}
}

/** Item numbers as the editor shows them (1-based), as [first, last] runs. */
export type ItemRanges = Array<[number, number]>;

/**
 * What a run that stopped had done, in `error.context.bulk` (Continue On Fail off). `items`: the items
 * whose entries all stand the same way; `split`: items whose entries stand in different ways, entry by
 * entry; `results`: what `summarise` makes of the answered entries of each item that has any (the
 * provider's IDs, for example), so nothing the provider accepted is lost. A re-run of what was not
 * sent takes `items.notSent` and the `notSent` entries of `split`.
 */
export interface BulkReport {
	noun: string;
	counts: Record<EntryState, number>;
	items: Record<EntryState, ItemRanges>;
	split: Array<{ item: number } & Partial<Record<EntryState, string[]>>>;
	results: Array<{ item: number; result: IDataObject }>;
}

export async function runBulk<T>(
	ctx: IExecuteFunctions,
	itemCount: number,
	plan: BulkPlan<T>,
): Promise<INodeExecutionData[]> {
	// 1. Read and check every item. Each entry's outcome, per group in the order read.
	const failed = new Map<number, unknown>();
	const groups = new Map<string, Array<Slot<T>>>();
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
	const isAccepted = plan.accepted ?? (() => true);
	const done = { requests: 0, entries: 0 };
	let perRequest = plan.perRequest;
	if (plan.perRequestCap && [...groups.values()].some((list) => list.length > 0)) {
		const cap = await plan.perRequestCap();
		if (cap !== undefined && cap >= 1) perRequest = Math.min(perRequest, Math.floor(cap));
	}
	const requests = planRequests(groups, perRequest, distinct && ((o) => distinct(o.entry.value)));
	const progress = progressReporter(ctx, plan.noun ?? 'entries', requests);
	for (const [requestIndex, { group, batch: slots }] of requests.entries()) {
		const batch = slots.map((o) => o.entry);
		try {
			const answers = await plan.send(group, batch);
			done.requests++;
			done.entries += batch.length;
			slots.forEach((o, k) => {
				o.json = answers[k] ?? {};
				o.state = isAccepted(o.json) ? 'accepted' : 'refused';
			});
			progress(requestIndex + 1, done.entries);
		} catch (error) {
			// Entries the provider refused by name before the request failed keep that answer.
			const settled = settledOutcomes(error);
			const state = failedState(error);
			slots.forEach((o, k) => {
				const known = settled?.[k];
				if (known) Object.assign(o, { json: known, state: 'refused' });
				else Object.assign(o, { state, error });
			});
			if (!ctx.continueOnFail()) {
				const named = asNodeError(ctx, error, batch[0].itemIndex);
				for (const list of groups.values())
					for (const o of list) if (o.state === undefined) o.state = 'notSent';
				const report = bulkReport(plan, groups, failed);
				const note =
					done.requests > 0 ? (plan.progressNote ?? carriedOut)(done.requests, done.entries) : '';
				throw withBulkReport(
					withProgress(named, `${note} ${describeReport(report)}`.trim()),
					report,
				);
			}
			if (plan.requestFailed) {
				const open = slots.filter((o) => o.state !== 'refused');
				const answers = plan.requestFailed(
					error,
					open.map((o) => o.entry),
					state,
				);
				open.forEach((o, k) => (o.json = answers[k] ?? {}));
			}
		}
	}

	// 3. One output item per input item, its outcomes in the order its entries were read.
	const answered: Array<Slot<T>> = [];
	const failedParts = new Map<number, Array<Slot<T>>>();
	for (const list of groups.values())
		for (const o of list) {
			if (failed.has(o.entry.itemIndex)) continue;
			const unanswered = o.error !== undefined && !(plan.requestFailed && o.state !== 'refused');
			if (!unanswered) answered.push(o);
			else {
				const parts = failedParts.get(o.entry.itemIndex);
				if (parts) parts.push(o);
				else failedParts.set(o.entry.itemIndex, [o]);
			}
		}
	const succeeded = new Map<number, INodeExecutionData>();
	for (const item of outcomesToItems(answered, plan.summarise)) {
		succeeded.set((item.pairedItem as { item: number }).item, item);
	}
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < itemCount; i++) {
		const parts = failedParts.get(i);
		if (failed.has(i)) output.push(errorItem(failed.get(i), i));
		else if (parts) {
			// Part of the item (or all of it) was in a request that failed: say which part, keep the rest.
			const base = succeeded.get(i)?.json ?? {};
			const failure = errorItem(parts[0].error, i).json;
			output.push({
				json: { ...base, ...failure, ...failedEntries(plan, parts) },
				pairedItem: { item: i },
			});
		} else if (succeeded.has(i)) output.push(succeeded.get(i) as INodeExecutionData);
	}
	return output;
}

/**
 * A line per answered request in the browser console of a manual run ("Request 3 of 10 answered: 3000 of
 * 10000 numbers answered so far"): the only progress n8n shows while a node runs. Nothing for a single
 * request.
 */
function progressReporter(
	ctx: IExecuteFunctions,
	noun: string,
	requests: ReadonlyArray<{ batch: readonly unknown[] }>,
): (requestNumber: number, answeredEntries: number) => void {
	if (requests.length < 2) return () => {};
	const total = requests.reduce((sum, r) => sum + r.batch.length, 0);
	return (requestNumber, answeredEntries) =>
		ctx.sendMessageToUI(
			`Request ${requestNumber} of ${requests.length} answered: ${answeredEntries} of ${total} ${noun} answered so far`,
		);
}

function labelOf<T>(plan: BulkPlan<T>, value: T): string {
	if (plan.label) return plan.label(value);
	if (value !== null && typeof value === 'object') {
		const phone = (value as IDataObject).phone;
		return phone === undefined ? JSON.stringify(value) : String(phone);
	}
	return String(value);
}

/** The failed entries of one item by state: { outcomeUnknown: ["380...", ...], notSent: [...] }. */
function failedEntries<T>(plan: BulkPlan<T>, parts: Array<Slot<T>>): IDataObject {
	const out: IDataObject = {};
	for (const state of FAILED_STATES) {
		const labels = parts.filter((o) => o.state === state).map((o) => labelOf(plan, o.entry.value));
		if (labels.length) out[state] = labels;
	}
	return out;
}

function bulkReport<T>(
	plan: BulkPlan<T>,
	groups: ReadonlyMap<string, Array<Slot<T>>>,
	failed: ReadonlyMap<number, unknown>,
): BulkReport {
	const states: EntryState[] = ['accepted', 'refused', ...FAILED_STATES];
	const counts = Object.fromEntries(states.map((s) => [s, 0])) as Record<EntryState, number>;
	const byItem = new Map<number, Array<Slot<T>>>();
	for (const list of groups.values())
		for (const o of list) {
			if (failed.has(o.entry.itemIndex)) continue;
			counts[o.state ?? 'notSent']++;
			const slots = byItem.get(o.entry.itemIndex);
			if (slots) slots.push(o);
			else byItem.set(o.entry.itemIndex, [o]);
		}
	const whole = Object.fromEntries(states.map((s) => [s, [] as number[]])) as Record<
		EntryState,
		number[]
	>;
	const report: BulkReport = {
		noun: plan.noun ?? 'entries',
		counts,
		items: {} as Record<EntryState, ItemRanges>,
		split: [],
		results: [],
	};
	for (const itemIndex of [...byItem.keys()].sort((a, b) => a - b)) {
		const slots = byItem.get(itemIndex) as Array<Slot<T>>;
		const itemStates = new Set(slots.map((o) => o.state ?? 'notSent'));
		if (itemStates.size === 1) whole[[...itemStates][0]].push(itemIndex + 1);
		else {
			const entry: BulkReport['split'][number] = { item: itemIndex + 1 };
			for (const state of states) {
				const labels = slots
					.filter((o) => o.state === state)
					.map((o) => labelOf(plan, o.entry.value));
				if (labels.length) entry[state] = labels;
			}
			report.split.push(entry);
		}
		const answered = slots.filter((o) => o.state === 'accepted' || o.state === 'refused');
		if (answered.length)
			report.results.push({ item: itemIndex + 1, result: plan.summarise(answered, itemIndex) });
	}
	for (const state of states) report.items[state] = ranges(whole[state]);
	return report;
}

/** [1, 2, 3, 7] → [[1, 3], [7, 7]] (the numbers sorted). */
export function ranges(numbers: number[]): ItemRanges {
	const out: ItemRanges = [];
	for (const n of numbers) {
		const last = out[out.length - 1];
		if (last && n === last[1] + 1) last[1] = n;
		else out.push([n, n]);
	}
	return out;
}

function rangesText(r: ItemRanges): string {
	const shown = r.slice(0, 10).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`));
	return r.length > 10 ? `${shown.join(', ')} and ${r.length - 10} more ranges` : shown.join(', ');
}

/** How each state reads in a report, in the order reported. */
const STATE_WORDS: Array<[EntryState, string]> = [
	['accepted', 'accepted'],
	['refused', 'refused by the provider'],
	['outcomeUnknown', 'in the failed request, outcome unknown: check them before sending again'],
	['requestRefused', 'in the request the provider refused, nothing done'],
	['notSent', 'never sent'],
];

function itemsText(r: ItemRanges, part: boolean): string {
	const one = r.length === 1 && r[0][0] === r[0][1];
	return `${part ? 'part of ' : ''}${one ? 'item' : 'items'} ${rangesText(r)}`;
}

/**
 * "Of the 500 numbers of this run: 200 accepted (items 1-200); 100 in the failed request, outcome
 * unknown: ... (items 201-300); 200 never sent (items 301-500)."
 */
export function describeReport(report: BulkReport): string {
	const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
	const parts: string[] = [];
	for (const [state, words] of STATE_WORDS) {
		const count = report.counts[state];
		if (!count) continue;
		const items = report.items[state];
		const splitItems = ranges(report.split.filter((s) => s[state]?.length).map((s) => s.item));
		const where = [
			items.length ? itemsText(items, false) : '',
			splitItems.length ? itemsText(splitItems, true) : '',
		]
			.filter(Boolean)
			.join(', ');
		parts.push(`${count} ${words} (${where})`);
	}
	return `Of the ${total} ${report.noun} of this run: ${parts.join('; ')}. The error's context.bulk lists them, with the provider's answers.`;
}

function withBulkReport(error: unknown, report: BulkReport): unknown {
	if (error !== null && typeof error === 'object') {
		const e = error as { context?: IDataObject };
		e.context = { ...(e.context ?? {}), bulk: report as unknown as IDataObject };
	}
	return error;
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
