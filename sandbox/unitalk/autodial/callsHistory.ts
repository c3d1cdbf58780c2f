/**
 * GET_CALLS_HISTORY – "Obtaining information about autodialer calls". Answer (bare, as the doc shows
 * it): `{"count", "offset", "limit", "items": [<call>, ...]}`, records in descending id. The calls
 * come from `state.simulateCalls` (numbersState.ts) and the seed.
 *
 * Request: `id` and `callHistoryRequest` (not null, may be empty) with dateFrom (inclusive) / dateTo
 * (exclusive) as "yyyy-MM-dd HH:mm:ss", offset, limit (default 50), maxId (inclusive) and `filter`:
 * states, phone (part of the number, non-digits dropped first), operatorNumber (exact, non-digits
 * dropped), name / note / link (part of), param (part of any parameter value), voiceSecretaryIds,
 * voiceSecretaryEndReasons, voiceSecretaryEndNodeTypes.
 * Errors: Task not found · callHistoryRequest is null · Limit range is 1-5000 · Offset is less than 0 ·
 * Invalid date from · Invalid date to.
 *
 * Choices where the doc is silent or contradicts itself:
 * - The limit: the text says "the maximum value is 1000" while the error reads "Limit range is
 *   1-5000"; the sandbox accepts 1-1000 and refuses anything else with the doc's string.
 * - `count` counts every record that matches the dates, the filter and maxId (offset and limit aside).
 * - name / note / link / param match case-insensitively; an empty filter value filters nothing.
 * - Dates are compared with `callEndTime` (the only time a record carries).
 */
import { z } from 'zod';

import { bare, failure, type EndpointHandler } from '../handler';
import { autodialIdSchema } from '../schemas';
import type { AutodialCall } from './numbersState';

export const CALLS_HISTORY_ERRORS = {
	notFound: 'Task not found',
	requestNull: 'callHistoryRequest is null',
	limitRange: 'Limit range is 1-5000',
	negativeOffset: 'Offset is less than 0',
	dateFrom: 'Invalid date from',
	dateTo: 'Invalid date to',
} as const;

export const CALLS_HISTORY_DEFAULT_LIMIT = 50;
export const CALLS_HISTORY_MAX_LIMIT = 1000;

const integerish = z.preprocess(
	(v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
	z.unknown(),
);
const text = z.union([z.string(), z.number()]).nullish();
const list = z.array(z.union([z.string(), z.number()])).nullish();

export const callHistoryRequestSchema = z
	.object({
		dateFrom: z.unknown().optional(),
		dateTo: z.unknown().optional(),
		offset: integerish.optional(),
		limit: integerish.optional(),
		maxId: integerish.optional(),
		filter: z
			.object({
				states: list,
				phone: text,
				operatorNumber: text,
				name: text,
				note: text,
				link: text,
				param: text,
				voiceSecretaryIds: list,
				voiceSecretaryEndReasons: list,
				voiceSecretaryEndNodeTypes: list,
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A valid "yyyy-MM-dd HH:mm:ss" (the string itself, comparable with callEndTime), null when absent, or false. */
function dateTime(v: unknown): string | null | false {
	if (v === undefined || v === null) return null;
	if (typeof v !== 'string') return false;
	const m = DATE_TIME.exec(v);
	if (!m) return false;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
	const roundTrip =
		t.getUTCFullYear() === y &&
		t.getUTCMonth() === mo - 1 &&
		t.getUTCDate() === d &&
		h < 24 &&
		mi < 60 &&
		s < 60;
	return roundTrip ? v : false;
}

function isWhole(v: unknown): v is number {
	return typeof v === 'number' && Number.isInteger(v);
}

function given(v: string | number | null | undefined): string | undefined {
	if (v === undefined || v === null) return undefined;
	const s = String(v);
	return s === '' ? undefined : s;
}

export const getCallsHistory: EndpointHandler = (ctx, params) => {
	const idCheck = autodialIdSchema.safeParse(params);
	const a = idCheck.success ? ctx.state.autodialers.get(idCheck.data.id) : undefined;
	if (!a) return failure(CALLS_HISTORY_ERRORS.notFound);
	const raw = params.callHistoryRequest;
	if (raw === undefined || raw === null) return failure(CALLS_HISTORY_ERRORS.requestNull);
	const parsed = callHistoryRequestSchema.safeParse(raw);
	if (!parsed.success)
		return {
			...failure('Wrong request body'),
			reason: `callHistoryRequest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
		};
	const r = parsed.data;

	const limit = r.limit ?? CALLS_HISTORY_DEFAULT_LIMIT;
	if (!isWhole(limit) || limit < 1 || limit > CALLS_HISTORY_MAX_LIMIT)
		return failure(CALLS_HISTORY_ERRORS.limitRange);
	const offset = r.offset ?? 0;
	if (!isWhole(offset)) return failure(CALLS_HISTORY_ERRORS.negativeOffset);
	if (offset < 0) return failure(CALLS_HISTORY_ERRORS.negativeOffset);
	const maxId = r.maxId ?? null;
	if (maxId !== null && !isWhole(maxId))
		return {
			...failure('Wrong request body'),
			reason: 'callHistoryRequest.maxId is not a whole number',
		};
	const from = dateTime(r.dateFrom);
	if (from === false) return failure(CALLS_HISTORY_ERRORS.dateFrom);
	const to = dateTime(r.dateTo);
	if (to === false) return failure(CALLS_HISTORY_ERRORS.dateTo);

	const f = r.filter ?? {};
	const states = f.states?.length ? new Set(f.states.map(String)) : undefined;
	const phone = given(f.phone)?.replace(/\D/g, '') || undefined;
	const operator = given(f.operatorNumber)?.replace(/\D/g, '') || undefined;
	const lower = (v: string | number | null | undefined) => given(v)?.toLowerCase();
	const name = lower(f.name);
	const note = lower(f.note);
	const link = lower(f.link);
	const param = lower(f.param);
	const robots = f.voiceSecretaryIds?.length ? new Set(f.voiceSecretaryIds.map(String)) : undefined;
	const reasons = f.voiceSecretaryEndReasons?.length
		? new Set(f.voiceSecretaryEndReasons.map(String))
		: undefined;
	const nodeTypes = f.voiceSecretaryEndNodeTypes?.length
		? new Set(f.voiceSecretaryEndNodeTypes.map(String))
		: undefined;
	const contains = (value: string | null, part: string | undefined) =>
		part === undefined || (value !== null && value.toLowerCase().includes(part));

	const matches = (c: AutodialCall): boolean => {
		if (maxId !== null && c.id > maxId) return false;
		if (from !== null && c.callEndTime < from) return false;
		if (to !== null && c.callEndTime >= to) return false;
		if (states && !states.has(c.state)) return false;
		if (phone && !c.phone.includes(phone)) return false;
		if (operator && c.operatorNumber !== operator) return false;
		if (!contains(c.name, name) || !contains(c.note, note) || !contains(c.link, link)) return false;
		if (param && !Object.values(c.params ?? {}).some((v) => contains(v, param))) return false;
		const s = c.secretary;
		if (robots && !(s && robots.has(String(s.id)))) return false;
		if (reasons && !(s && reasons.has(String(s.endReason)))) return false;
		if (nodeTypes && !(s && nodeTypes.has(String(s.endNodeType)))) return false;
		return true;
	};

	const all = ctx.state.autodialNumbers.history.get(a.id) ?? [];
	const matching: AutodialCall[] = [];
	for (let i = all.length - 1; i >= 0; i--) if (matches(all[i])) matching.push(all[i]);
	return bare({
		count: matching.length,
		offset,
		limit,
		items: matching.slice(offset, offset + limit),
	});
};
