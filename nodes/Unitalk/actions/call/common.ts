import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { checkPhone, describePhoneProblem } from '../../../shared/phone';
import { inputError } from '../../../shared/validation';

/** "String for 1000 characters" (meta of the direct and the informational call). */
export const META_MAX_CHARS = 1000;

export const metaField: INodeProperties = {
	displayName: 'Meta',
	name: 'meta',
	type: 'string',
	default: '',
	description:
		'Any text (at most 1,000 characters) that Unitalk passes on in the webhooks of this call, for example a CRM deal ID',
};

/** The internal line of a direct call, picked from the project's lines or typed. */
export const sipField: INodeProperties = {
	displayName: 'Internal Line Name or ID',
	name: 'sip',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getInnerPhones' },
	default: '',
	required: true,
	description:
		'The internal (SIP) line that rings first; the call to the number starts when it answers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The internal line in the call a prompter joins. */
export const targetLineField: INodeProperties = {
	displayName: 'Line in Call Name or ID',
	name: 'target',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getInnerPhones' },
	default: '',
	required: true,
	description:
		'The internal line whose active call the prompter joins. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The internal line connected as prompter. */
export const sourceLineField: INodeProperties = {
	displayName: 'Prompter Line Name or ID',
	name: 'source',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getInnerPhones' },
	default: '',
	required: true,
	description:
		'The internal line that is connected to the call as prompter. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Internal line numbers are digits ("5455"). */
export const innerLineSchema = z
	.string()
	.trim()
	.min(1)
	.regex(/^\d+$/, 'must be an internal line number (digits only)');

export const metaSchema = z.string().max(META_MAX_CHARS).optional();

/** A phone number in international format (digits only), or an error naming the item and field. */
export function checkedPhone(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	if (value === undefined || value === null || String(value).trim() === '')
		throw inputError(ctx.getNode(), itemIndex, field, 'is required');
	const check = checkPhone(value);
	if (!check.ok)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			field,
			`${describePhoneProblem(check)}: a number must be international, 7 to 15 digits`,
		);
	return check.digits;
}

/** '' and absent become undefined; everything else is text. */
export function optionalText(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** '' and absent become undefined; digits become a number, anything else is left for zod to refuse. */
export function optionalId(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return value;
}

/** The answer as an object (Unitalk answers `{status, message}` here), with extra fields after it. */
export function withAnswer(answer: unknown, extra: IDataObject = {}): IDataObject {
	const body =
		answer && typeof answer === 'object' && !Array.isArray(answer)
			? (answer as IDataObject)
			: { answer: answer as IDataObject[keyof IDataObject] };
	return { ...body, ...extra };
}
