import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Pieces shared by the message and distribution operations ("Messages" in the Unitalk doc): message
 * types and the text rules. "Maximum text length for Viber is 1000 symbols, for SMS – depends on the
 * messaging service" (so SMS length is left to Unitalk).
 */

export const MAX_VIBER_TEXT = 1000;

export const MESSAGE_TYPE_OPTIONS = [
	{ name: 'SMS', value: 'SMS' },
	{ name: 'Viber', value: 'VIBER' },
];

/** "Sender's alpha name. Relevant only for the Unitalk provider if you have more than one alpha name connected." */
export const ALPHA_NAME_DESCRIPTION =
	'Sender name (alpha name) the recipient sees, e.g. MyShop; needed only when more than one is connected (Unitalk provider only)';

/** The words of every message text field: what it is, an example, and the length rules. */
export const MESSAGE_TEXT_DESCRIPTION =
	'The message, e.g. Your order 1234 is ready for pickup. Viber allows up to 1,000 characters; the SMS limit depends on the message sending service.';

export function messageTypeField(name: string, description: string): INodeProperties {
	return {
		displayName: 'Message Type',
		name,
		type: 'options',
		options: MESSAGE_TYPE_OPTIONS,
		default: 'SMS',
		description,
	};
}

/** Length as Unitalk counts "symbols": an emoji is one. */
export function symbols(text: string): number {
	return [...text].length;
}

/** Text that is only spaces counts as empty ("Message cannot be empty"). */
export function textValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = String(value);
	return text.trim() === '' ? '' : text;
}

/** Adds the Viber length rule to a schema issue list (path: the text field). */
export function checkViberText(
	ctx: z.RefinementCtx,
	messageType: string | undefined,
	text: string | undefined,
	path: string[],
): void {
	if (messageType !== 'VIBER' || text === undefined) return;
	const length = symbols(text);
	if (length > MAX_VIBER_TEXT)
		ctx.addIssue({
			code: 'custom',
			path,
			message: `is too long for Viber: ${length} characters given, at most ${MAX_VIBER_TEXT} allowed`,
		});
}

/** An optional text parameter: undefined when empty. */
export function optionalText(value: unknown): string | undefined {
	const text = textValue(value);
	return text === '' ? undefined : text;
}
