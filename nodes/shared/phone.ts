/**
 * Phone numbers as dialers want them: international format, digits only.
 * Cleaning removes what people type around a number (spaces, brackets, dashes, dots, a leading
 * + or 00); validation then says in plain words why a number cannot be dialed.
 */

export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 15; // ITU-T E.164

export type PhoneCheck =
	| { ok: true; digits: string }
	| { ok: false; input: string; reason: string };

const DECORATION = /[\s()\-.\u00a0]/g;
const LETTER = /\p{L}/u;

export function checkPhone(raw: unknown): PhoneCheck {
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		return { ok: false, input: String(raw), reason: 'is empty or not text' };
	}
	const input = String(raw);
	let n = input.replace(DECORATION, '');
	if (n.startsWith('+')) n = n.slice(1);
	else if (n.startsWith('00')) n = n.slice(2);

	if (n.length === 0) return { ok: false, input, reason: 'is empty' };
	if (LETTER.test(n)) return { ok: false, input, reason: 'contains letters' };
	if (!/^\d+$/.test(n))
		return {
			ok: false,
			input,
			reason: 'contains characters other than digits',
		};
	if (n.length < PHONE_MIN_DIGITS || n.length > PHONE_MAX_DIGITS) {
		return {
			ok: false,
			input,
			reason: `has ${n.length} digits; an international number has ${PHONE_MIN_DIGITS} to ${PHONE_MAX_DIGITS}`,
		};
	}
	return { ok: true, digits: n };
}

/** Sentence for an error message: `"+1 (555) 12a" contains letters`. */
export function describePhoneProblem(check: Extract<PhoneCheck, { ok: false }>): string {
	return `"${check.input}" ${check.reason}`;
}
