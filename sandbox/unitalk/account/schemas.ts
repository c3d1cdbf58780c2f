/**
 * zod schemas for the project-data endpoints' requests. Parameters arrive merged from the query
 * string, a form body or a JSON body (router.ts), so query values are strings: numbers and booleans
 * are read from either form.
 */
import { z } from 'zod';

export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date-time written as "yyyy-MM-dd HH:mm:ss" (or "yyyy-MM-dd" with `DATE`). */
export function isDateText(v: unknown, pattern: RegExp): v is string {
	if (typeof v !== 'string' || !pattern.test(v)) return false;
	const iso = v.length === 10 ? `${v}T00:00:00Z` : `${v.replace(' ', 'T')}Z`;
	const d = new Date(iso);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === iso.slice(0, 19);
}

const intLike = z.preprocess(
	(v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
	z.number().int(),
);
const boolLike = z.preprocess(
	(v) => (v === 'true' ? true : v === 'false' ? false : v),
	z.boolean(),
);
const stringArray = z.array(z.union([z.string(), z.number()]).transform(String));

export const listsSchema = z
	.object({
		list: z.unknown(),
		operation: z.unknown(),
		items: z.unknown(),
	})
	.passthrough();

export const historyFilterSchema = z
	.object({
		direction: z.enum(['IN', 'OUT', 'INNER']).nullish(),
		minDuration: intLike.nullish(),
		calledFrom: stringArray.nullish(),
		calledTo: stringArray.nullish(),
		outerNum: stringArray.nullish(),
		exactPhone: stringArray.nullish(),
		newLead: boolLike.nullish(),
		answered: boolLike.nullish(),
		lost: boolLike.nullish(),
		voiceMessage: boolLike.nullish(),
	})
	.passthrough();

export const historySchema = z
	.object({
		dateFrom: z.unknown(),
		dateTo: z.unknown(),
		limit: z.unknown(),
		offset: intLike.nullish(),
		filter: historyFilterSchema.nullish(),
	})
	.passthrough();

export const statisticFilterSchema = z
	.object({
		callTypes: stringArray.nullish(),
		innerPhones: stringArray.nullish(),
		minTimeSeconds: intLike.nullish(),
		minTimeAwaitingSeconds: intLike.nullish(),
		maxTimeAwaitingSeconds: intLike.nullish(),
	})
	.passthrough();

export const statisticSchema = z
	.object({
		from: z.unknown(),
		to: z.unknown(),
		filter: statisticFilterSchema.nullish(),
	})
	.passthrough();

export const setStatusSchema = z
	.object({
		number: z.union([z.string(), z.number()]).transform(String).nullish(),
		status: z.string().nullish(),
		statusName: z.string().nullish(),
	})
	.passthrough();

export const groupsActionSchema = z
	.object({
		action: z.string().nullish(),
		groupId: intLike.nullish(),
		number: z.union([z.string(), z.number()]).transform(String).nullish(),
	})
	.passthrough();

export const removeScheduledSchema = z.object({ phones: z.unknown() }).passthrough();

export const webhookEventSchema = z
	.object({
		token: z.string().nullish(),
		action: z.string().nullish(),
		id: z.union([z.string(), z.number()]).transform(String).nullish(),
		phones: z.string().nullish(),
		name: z.string().nullish(),
		note: z.string().nullish(),
		link: z.string().nullish(),
	})
	.passthrough();

/** International format as the sandbox reads it: digits only, 7-15, not starting with 0. */
export function isInternational(v: unknown): boolean {
	return (typeof v === 'string' || typeof v === 'number') && /^[1-9]\d{6,14}$/.test(String(v));
}
