/**
 * /history/get – "Call history": `dateFrom`, `dateTo` ("yyyy-MM-dd HH:mm:ss"), `limit` (required,
 * 1-1000), `offset`, optional `filter` (direction, minDuration, calledFrom, calledTo, outerNum,
 * exactPhone, newLead, answered, lost, voiceMessage). Answer (bare, as the doc's example):
 * `{"count": <all matching>, "calls": [...]}`, newest first (descending dbid).
 *
 * Errors (doc): "Wrong FROM date", "Wrong TO date", "Limit range is 1-1000".
 * Sandbox choices: dateFrom inclusive, dateTo exclusive (as GET_CALLS_HISTORY); a negative offset
 * answers "Offset cannot be negative" and a filter of the wrong shape "Wrong filter" (invented);
 * calledFrom / calledTo match parts of the numbers, outerNum and exactPhone whole numbers (exactPhone:
 * the caller or one of the called numbers); minDuration compares secondsTalk; answered means state
 * ANSWER; newLead, lost and voiceMessage come from the seeded flags (state.ts).
 */
import { bare, failure, type EndpointHandler } from '../handler';
import { DATE_TIME, historySchema, isDateText } from './schemas';
import type { HistoryRecord } from './state';

export const MAX_HISTORY_LIMIT = 1000;

export const HISTORY_ERRORS = {
	wrongFrom: 'Wrong FROM date',
	wrongTo: 'Wrong TO date',
	limit: 'Limit range is 1-1000',
	offset: 'Offset cannot be negative',
	filter: 'Wrong filter',
} as const;

type Filter = NonNullable<ReturnType<typeof historySchema.parse>['filter']>;

function matches(r: HistoryRecord, f: Filter): boolean {
	const { call, flags } = r;
	if (f.direction && call.direction !== f.direction) return false;
	if (f.minDuration != null && call.secondsTalk < f.minDuration) return false;
	if (f.calledFrom?.length && !f.calledFrom.some((part) => call.from.includes(part))) return false;
	if (f.calledTo?.length && !f.calledTo.some((part) => call.to.some((to) => to.includes(part))))
		return false;
	if (f.outerNum?.length && !f.outerNum.includes(call.outerNumber ?? '')) return false;
	if (f.exactPhone?.length && !f.exactPhone.some((p) => call.from === p || call.to.includes(p)))
		return false;
	if (f.newLead != null && flags.newLead !== f.newLead) return false;
	if (f.answered != null && (call.state === 'ANSWER') !== f.answered) return false;
	if (f.lost != null && flags.lost !== f.lost) return false;
	if (f.voiceMessage != null && flags.voiceMessage !== f.voiceMessage) return false;
	return true;
}

/** The records of a period that pass a filter (in date order). */
export function selectHistory(
	records: HistoryRecord[],
	from: string,
	to: string,
	filter: Filter | null | undefined,
): HistoryRecord[] {
	return records.filter(
		(r) => r.call.date >= from && r.call.date < to && (!filter || matches(r, filter)),
	);
}

export const historyGet: EndpointHandler = (ctx, params) => {
	const shape = historySchema.safeParse(params);
	if (!shape.success) return failure(HISTORY_ERRORS.filter);
	const p = shape.data;
	if (!isDateText(p.dateFrom, DATE_TIME)) return failure(HISTORY_ERRORS.wrongFrom);
	if (!isDateText(p.dateTo, DATE_TIME)) return failure(HISTORY_ERRORS.wrongTo);
	const limit = typeof p.limit === 'string' && /^\d+$/.test(p.limit) ? Number(p.limit) : p.limit;
	if (
		typeof limit !== 'number' ||
		!Number.isInteger(limit) ||
		limit < 1 ||
		limit > MAX_HISTORY_LIMIT
	)
		return failure(HISTORY_ERRORS.limit);
	const offset = p.offset ?? 0;
	if (offset < 0) return failure(HISTORY_ERRORS.offset);
	const selected = selectHistory(ctx.state.account.history, p.dateFrom, p.dateTo, p.filter);
	const calls: unknown[] = [];
	// Newest first: walk the date-ordered selection backwards.
	for (let i = selected.length - 1 - offset; i >= 0 && calls.length < limit; i--)
		calls.push({ ...selected[i].call, to: [...selected[i].call.to] });
	return {
		...bare({ count: selected.length, calls }),
		operation: `offset ${offset} limit ${limit}`,
	};
};
