/**
 * Shared rules of the Unitalk message endpoints (doc sections "Messages" to "Pausing and unpausing a
 * distribution"). Where the doc gives no rule the choice is marked here.
 */
import type { UnitalkContext } from '../handler';
import type { MessagingState } from './state';

/** "Maximum text length for Viber is 1000 symbols, for SMS – depends on the messaging service." */
export const MAX_VIBER_TEXT = 1000;
/** Bulk sending: "The maximum number of messages is 100." */
export const MAX_BULK_MESSAGES = 100;
/** Distributions: "The maximum number of numbers is 10000." */
export const MAX_DISTRIBUTION_NUMBERS = 10_000;
/** Distributions: "The maximum length is 45 characters." */
export const MAX_DISTRIBUTION_NAME = 45;

export function messaging(ctx: UnitalkContext): MessagingState {
	return ctx.state.messaging;
}

/** Length as the doc counts "symbols": code points, so an emoji is one. */
export function symbols(text: string): number {
	return [...text].length;
}

/**
 * A recipient number as the provider reads it: "international format" with the usual decoration
 * (spaces, brackets, dashes, a leading +) removed. Sandbox rule: 7 to 15 digits (E.164), no letters.
 */
export function normalizePhone(raw: unknown): string | undefined {
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const n = String(raw)
		.replace(/[\s()\-.]/g, '')
		.replace(/^\+/, '');
	return /^\d{7,15}$/.test(n) ? n : undefined;
}

/** A whole number given as a JSON number or as text (form and query parameters are text). */
export function wholeNumber(v: unknown): number | undefined {
	if (typeof v === 'number' && Number.isInteger(v)) return v;
	if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
	return undefined;
}

/** true / false given as JSON or as text; undefined for anything else. */
export function flag(v: unknown): boolean | undefined {
	if (v === true || v === 'true') return true;
	if (v === false || v === 'false') return false;
	return undefined;
}

export function isBlank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** `yyyy-MM-dd HH:mm:ss` naming a real date and time. */
export function isDateTime(v: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(v);
	if (!m) return false;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
	return (
		t.getUTCFullYear() === y &&
		t.getUTCMonth() === mo - 1 &&
		t.getUTCDate() === d &&
		h < 24 &&
		mi < 60 &&
		s < 60
	);
}

/** Standard base64 (what `base64Image` must hold); whitespace is not allowed. */
export function isBase64(v: string): boolean {
	return v.length > 0 && v.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v);
}

export function isHttpUrl(v: unknown): boolean {
	if (typeof v !== 'string') return false;
	try {
		const u = new URL(v);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * The causes the doc lists under "Validation error" for messages and distributions: message type,
 * empty text, text too long. Returns the cause or undefined.
 */
export function textProblem(messageType: unknown, text: unknown): string | undefined {
	if (messageType !== 'SMS' && messageType !== 'VIBER') return 'Message type is not selected';
	if (isBlank(text) || typeof text !== 'string') return 'Message cannot be empty';
	if (messageType === 'VIBER' && symbols(text) > MAX_VIBER_TEXT) return 'Message is too long';
	return undefined;
}

/**
 * Ids of the project's users: the account users (`state.account.users`, account/state.ts), the same
 * list /users/list and the USER dictionary show. Web Dialer notifications can only name them; whether
 * a user has Web Dialer connected is `state.messaging.webDialer`.
 */
export function projectUserIds(ctx: UnitalkContext): Set<number> {
	return new Set(ctx.state.account.users.map((u) => u.id));
}
