import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { phonesNamedIn } from '../../shared/refusals';

/**
 * How Unitalk refuses named numbers: an error answer whose `message` says what is wrong ("Wrong
 * numbers", "Invalid phones"...) and whose `data` lists the numbers. The loop that takes them back and
 * sends the rest is nodes/shared/refusals.ts.
 */

/** The `message` (trimmed) and `data` of Unitalk's answer to a failed request. */
export function unitalkAnswer(error: unknown): { message?: string; data?: unknown } {
	if (!(error instanceof NodeApiError)) return {};
	const body = (error.errorResponse ?? {}) as IDataObject;
	return {
		message: typeof body.message === 'string' ? body.message.trim() : undefined,
		data: body.data,
	};
}

/** Unitalk's `message` of a failed request, trimmed. */
export function unitalkMessage(error: unknown): string | undefined {
	return unitalkAnswer(error).message;
}

/**
 * Numbers an error names in its `data` when its message is one of `refusalMessages`, each with
 * "<message>: <Unitalk's reason or refusalReason>".
 */
export function refusedPhones(
	error: unknown,
	spec: { refusalMessages: string[]; refusalReason: string },
): Map<string, string> {
	const { message, data } = unitalkAnswer(error);
	if (message === undefined || !spec.refusalMessages.includes(message)) return new Map();
	return phonesNamedIn(data, (why) => `${message}: ${why ?? spec.refusalReason}`);
}

/**
 * Numbers of an autodialer Unitalk refused by name: a "Wrong numbers" / "Wrong audios" answer (of
 * ADD_NUMBERS, or of ADD with numbers), which adds nothing. Each with Unitalk's reason, or ours.
 */
export function refusedAutodialerNumbers(error: unknown): Map<string, string> {
	const { message, data } = unitalkAnswer(error);
	if (message !== 'Wrong numbers' && message !== 'Wrong audios') return new Map();
	const fallback =
		message === 'Wrong numbers'
			? 'Unitalk did not accept this number'
			: 'Unitalk did not accept the audios of this number';
	return phonesNamedIn(data, (why) => why ?? fallback);
}
