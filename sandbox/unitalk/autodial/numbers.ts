/**
 * Reading and removing autodialer numbers:
 *   GET_NUMBER – "Obtaining information about the autodialer number": the bare number record
 *     (taskId, phone, state, stateDateTime, calledCount, realCalledCount, highPriority, name, note,
 *     link, params, audios). Errors: Task not found · Wrong phone number · Call not found.
 *   GET_NUMBERS – "Obtaining information about all autodialer numbers": a bare array of those records
 *     in the order the numbers were added; limit 1000 by default, 1-5000; offset; callStates filter
 *     (null or empty: all). Errors: Task not found · Limit range is 1-5000 · Offset cannot be negative.
 *   REMOVE_NUMBERS – "Deleting numbers": by `numbers` (at most 10,000; wins when both are given) or by
 *     `callStates`. `{"status": "Success", "data": [<invalid numbers>]}`. Errors: Task not found ·
 *     numbers and states is null · Too many numbers · Phones not found · Numbers not found ·
 *     Numbers not found by states · Handler is busy, try again later.
 *   REMOVE_ALL_NUMBERS – "Delete all numbers": `{"status": "Success", "message": "Removed"}`. Errors:
 *     Task not found · Numbers not found · Handler is busy, try again later.
 *
 * Choices where the doc is silent: the invalid numbers in REMOVE_NUMBERS' `data` are the entries (as
 * sent) that are not valid numbers (numberStore.ts `cleanPhone`), not the valid ones that were not in
 * the autodialer; removing by callStates answers without `data`; an unknown state in a filter matches
 * nothing; removing numbers leaves the autodialer's status alone.
 */
import { z } from 'zod';

import { bare, failure, success, type EndpointHandler, type UnitalkParams } from '../handler';
import { autodialIdSchema } from '../schemas';
import type { Autodialer, AutodialNumber, UnitalkState } from '../state';
import {
	cleanPhone,
	findNumber,
	numberView,
	numbersHandlerBusy,
	occupyNumbersHandler,
	removeNumbersWhere,
} from './numberStore';

export const NUMBERS_ERRORS = {
	notFound: 'Task not found',
	wrongPhone: 'Wrong phone number',
	callNotFound: 'Call not found',
	limitRange: 'Limit range is 1-5000',
	negativeOffset: 'Offset cannot be negative',
	nothingToRemove: 'numbers and states is null',
	tooMany: 'Too many numbers',
	noPhones: 'Phones not found',
	numbersNotFound: 'Numbers not found',
	notFoundByStates: 'Numbers not found by states',
	busy: 'Handler is busy, try again later',
} as const;

export const GET_NUMBERS_DEFAULT_LIMIT = 1000;
export const GET_NUMBERS_MAX_LIMIT = 5000;

/** A whole number given as a number or as digits; anything else stays as it is (and fails the range check). */
const integerish = z.preprocess(
	(v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
	z.unknown(),
);

const statesSchema = z.array(z.string()).nullish();

const getNumbersSchema = z
	.object({ limit: integerish.optional(), offset: integerish.optional(), callStates: statesSchema })
	.passthrough();

const removeNumbersSchema = z
	.object({ numbers: z.array(z.unknown()).nullish(), callStates: statesSchema })
	.passthrough();

function autodialerOf(state: UnitalkState, params: UnitalkParams): Autodialer | undefined {
	const p = autodialIdSchema.safeParse(params);
	return p.success ? state.autodialers.get(p.data.id) : undefined;
}

function isWhole(v: unknown): v is number {
	return typeof v === 'number' && Number.isInteger(v);
}

function badBody(action: string, error: z.ZodError) {
	return {
		...failure('Wrong request body'),
		reason: `${action} body: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
	};
}

export const getNumber: EndpointHandler = (ctx, params) => {
	const a = autodialerOf(ctx.state, params);
	if (!a) return failure(NUMBERS_ERRORS.notFound);
	const phone = cleanPhone(ctx.state, params.number);
	if (phone === undefined) return failure(NUMBERS_ERRORS.wrongPhone);
	const n = findNumber(a, phone);
	if (!n) return failure(NUMBERS_ERRORS.callNotFound);
	return bare(numberView(a, n));
};

export const getNumbers: EndpointHandler = (ctx, params) => {
	const a = autodialerOf(ctx.state, params);
	if (!a) return failure(NUMBERS_ERRORS.notFound);
	const parsed = getNumbersSchema.safeParse(params);
	if (!parsed.success) return badBody('GET_NUMBERS', parsed.error);
	const { callStates } = parsed.data;
	// null and absent mean the default (doc: "By default, limit is 1000").
	const take = parsed.data.limit ?? GET_NUMBERS_DEFAULT_LIMIT;
	const skip = parsed.data.offset ?? 0;
	if (!isWhole(take) || take < 1 || take > GET_NUMBERS_MAX_LIMIT)
		return failure(NUMBERS_ERRORS.limitRange);
	if (!isWhole(skip))
		return { ...failure('Wrong request body'), reason: 'GET_NUMBERS offset is not a whole number' };
	if (skip < 0) return failure(NUMBERS_ERRORS.negativeOffset);

	const states = callStates?.length ? new Set(callStates) : undefined;
	const page: Array<Record<string, unknown>> = [];
	if (!states) {
		for (const n of a.numbers.slice(skip, skip + take)) page.push(numberView(a, n));
	} else {
		let matched = 0;
		for (const n of a.numbers) {
			if (!states.has(n.state)) continue;
			if (matched++ < skip) continue;
			page.push(numberView(a, n));
			if (page.length >= take) break;
		}
	}
	return bare(page);
};

export const removeNumbers: EndpointHandler = (ctx, params) => {
	const a = autodialerOf(ctx.state, params);
	if (!a) return failure(NUMBERS_ERRORS.notFound);
	const parsed = removeNumbersSchema.safeParse(params);
	if (!parsed.success) return badBody('REMOVE_NUMBERS', parsed.error);
	const { numbers, callStates } = parsed.data;
	const now = ctx.clock();

	if (numbers?.length) {
		if (numbers.length > ctx.state.autodialNumbers.maxRemoveNumbersCount)
			return failure(NUMBERS_ERRORS.tooMany);
		const invalid: unknown[] = [];
		const phones = new Set<string>();
		for (const raw of numbers) {
			const phone = cleanPhone(ctx.state, raw);
			if (phone === undefined) invalid.push(raw);
			else phones.add(phone);
		}
		if (phones.size === 0) return failure(NUMBERS_ERRORS.noPhones);
		if (numbersHandlerBusy(ctx.state, now)) return failure(NUMBERS_ERRORS.busy);
		let present = 0;
		for (const p of phones) if (findNumber(a, p)) present++;
		if (present === 0) return failure(NUMBERS_ERRORS.numbersNotFound);
		removeNumbersWhere(a, (n: AutodialNumber) => phones.has(n.phone));
		occupyNumbersHandler(ctx.state, now, numbers.length);
		return success({ data: invalid });
	}

	if (callStates?.length) {
		if (numbersHandlerBusy(ctx.state, now)) return failure(NUMBERS_ERRORS.busy);
		const states = new Set(callStates);
		const removed = removeNumbersWhere(a, (n) => states.has(n.state));
		if (removed === 0) return failure(NUMBERS_ERRORS.notFoundByStates);
		occupyNumbersHandler(ctx.state, now, removed);
		return success();
	}

	return failure(NUMBERS_ERRORS.nothingToRemove);
};

export const removeAllNumbers: EndpointHandler = (ctx, params) => {
	const a = autodialerOf(ctx.state, params);
	if (!a) return failure(NUMBERS_ERRORS.notFound);
	const now = ctx.clock();
	if (numbersHandlerBusy(ctx.state, now)) return failure(NUMBERS_ERRORS.busy);
	if (a.numbers.length === 0) return failure(NUMBERS_ERRORS.numbersNotFound);
	const removed = removeNumbersWhere(a, () => true);
	occupyNumbersHandler(ctx.state, now, removed);
	return success({ message: 'Removed' });
};
