import type { IDataObject } from 'n8n-workflow';

import type { BatchEntry } from './batching';

/**
 * "Send, take back the refused entries, send the rest": the loop of every bulk request whose provider
 * refuses the whole request when some of its entries are bad, and names those entries in the error
 * (Unitalk's "Wrong numbers" with the numbers in `data`, for example). Use it inside a `BulkPlan.send`
 * (see batching.ts):
 *
 *   send: (group, batch) => sendTakingBackRefused(batch, {
 *     keyOf: (phone) => phone,
 *     send: (pending) => request(pending.map((e) => e.value)),        // the provider's answer
 *     refused: (error) => myProviderRefusedPhones(error),              // key -> reason, or empty
 *     accepted: (entry, answer) => ({ phone: entry.value, status: 'added' }),
 *     rejected: (entry, reason) => ({ phone: entry.value, status: 'rejected', reason }),
 *   })
 *
 * An error that names none of the pending entries is not a refusal: it is thrown as it is (carrying
 * what was refused before it, see `settledOutcomes`), and runBulk reports it.
 * The provider-specific part is only `refused`; `phonesNamedIn` reads the usual list shapes.
 */

export interface TakeBackSpec<T> {
	/** The key the provider names a refused entry by (the phone number, cleaned). */
	keyOf(value: T): string;
	/** Sends the entries still pending, in order; resolves to what the provider answered. */
	send(pending: Array<BatchEntry<T>>): Promise<IDataObject>;
	/** The keys an error names as refused, with the reason for each; empty when it names none. */
	refused(error: unknown): Map<string, string>;
	/** The outcome of an entry the request accepted (`answer`: the same object for the whole request). */
	accepted(entry: BatchEntry<T>, answer: IDataObject): IDataObject;
	/** The outcome of an entry the provider refused. */
	rejected(entry: BatchEntry<T>, reason: string): IDataObject;
	/**
	 * An error that settles every pending entry without being a failure (for example "nothing new was
	 * added": all were already there): their outcomes in order, or undefined when it is not one.
	 */
	settle?(error: unknown, pending: Array<BatchEntry<T>>): IDataObject[] | undefined;
}

/**
 * The outcome of every entry of `batch`, in order. Throws the request's error when it is not a
 * refusal; the entries already refused by earlier attempts travel on that error (`settledOutcomes`),
 * so nothing the provider said is lost.
 */
export async function sendTakingBackRefused<T>(
	batch: Array<BatchEntry<T>>,
	spec: TakeBackSpec<T>,
): Promise<IDataObject[]> {
	const results = new Map<BatchEntry<T>, IDataObject>();
	const inBatchOrder = () => batch.map((entry) => results.get(entry) ?? {});
	let pending = batch;
	while (pending.length > 0) {
		try {
			const answer = await spec.send(pending);
			for (const entry of pending) results.set(entry, spec.accepted(entry, answer));
			return inBatchOrder();
		} catch (error) {
			const settled = spec.settle?.(error, pending);
			if (settled) {
				pending.forEach((entry, k) => results.set(entry, settled[k] ?? {}));
				return inBatchOrder();
			}
			const refused = spec.refused(error);
			const still = pending.filter((e) => !refused.has(spec.keyOf(e.value)));
			// Nothing matched: not a refusal of named entries, and looping would send the same again.
			if (still.length === pending.length) throw settledBeforeFailure(error, batch, results);
			for (const entry of pending) {
				const reason = refused.get(spec.keyOf(entry.value));
				if (reason !== undefined) results.set(entry, spec.rejected(entry, reason));
			}
			pending = still;
		}
	}
	return inBatchOrder();
}

/**
 * What a failed loop had already learnt: the outcome of each entry of the batch the provider refused
 * before the request that failed (undefined for the others). runBulk reads it to report them.
 */
export const SETTLED_BEFORE_FAILURE = Symbol('settledBeforeFailure');

function settledBeforeFailure<T>(
	error: unknown,
	batch: Array<BatchEntry<T>>,
	results: Map<BatchEntry<T>, IDataObject>,
): unknown {
	if (results.size > 0 && error !== null && typeof error === 'object')
		(error as { [SETTLED_BEFORE_FAILURE]?: Array<IDataObject | undefined> })[
			SETTLED_BEFORE_FAILURE
		] = batch.map((entry) => results.get(entry));
	return error;
}

/** The outcomes a failed batch had settled before it failed (see sendTakingBackRefused). */
export function settledOutcomes(error: unknown): Array<IDataObject | undefined> | undefined {
	if (error === null || typeof error !== 'object') return undefined;
	return (error as { [SETTLED_BEFORE_FAILURE]?: Array<IDataObject | undefined> })[
		SETTLED_BEFORE_FAILURE
	];
}

/**
 * Phones named in a provider's list of refused entries: strings or numbers (the phone itself), or
 * objects with `phone` / `number` and a reason in `error` / `reason` / `message`. Digits only, so they
 * match cleaned numbers. `reasonOf` words the reason (given the provider's, if any).
 */
export function phonesNamedIn(
	list: unknown,
	reasonOf: (providerReason: string | undefined) => string,
): Map<string, string> {
	const refused = new Map<string, string>();
	for (const entry of Array.isArray(list) ? list : []) {
		if (typeof entry === 'string' || typeof entry === 'number') {
			refused.set(String(entry).replace(/\D/g, ''), reasonOf(undefined));
		} else if (entry && typeof entry === 'object') {
			const e = entry as IDataObject;
			const phone = String(e.phone ?? e.number ?? '').replace(/\D/g, '');
			const why = e.error ?? e.reason ?? e.message;
			if (phone) refused.set(phone, reasonOf(why === undefined ? undefined : String(why)));
		}
	}
	return refused;
}
