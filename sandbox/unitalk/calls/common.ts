/**
 * Helpers shared by the Unitalk call endpoints (sandbox/unitalk/calls/*.ts): the parameters may come
 * from a JSON body, a form body or the query string, so numbers can arrive as text.
 */
import { z } from 'zod';

/** "String for 1000 characters" (meta of /phones/directCall and /calls/originateNew). */
export const META_MAX_CHARS = 1000;

/** A number in international format after removing every other character, or undefined. */
export function cleanPhone(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const digits = String(value).replace(/\D/g, '');
	return digits.length >= 7 && digits.length <= 15 ? digits : undefined;
}

/** Text, or a number sent where the doc says String (both are read as text). */
export const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());

/** A whole number, also when it arrives as digits in a form or query string. */
export const intLike = z.preprocess(
	(v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
	z.number().int(),
);

/** Null, absent and '' all mean "not given" (forms cannot send null). */
export function given(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}
