import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/validation';

/** Twin24 identifiers are UUIDs; anything else that is safe in a URL path is passed on as given. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** An ID picked from a searchable list or typed / mapped. */
function idLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
			},
		],
	};
}

export const taskField = idLocator(
	'Task',
	'task',
	'searchTasks',
	'The call task (auto-call) to work on: choose it, or give its ID, for example bce7d22e-dde6-4427-b391-ebbdfda44de6',
);

export function botField(
	name: string,
	displayName = 'Bot Script',
	required = true,
): INodeProperties {
	return {
		...idLocator(
			displayName,
			name,
			'searchBots',
			'The voice robot script: choose it, or give its ID, for example 228cc4fa-92f2-4709-94e3-7344a96a5903',
		),
		required,
	};
}

/** The ID of a field of item `itemIndex`, or an error that names the item and the field. */
export function checkId(
	node: INode,
	itemIndex: number,
	label: string,
	raw: unknown,
	required = true,
): string | undefined {
	const value = String(raw ?? '').trim();
	if (value === '') {
		if (required) throw inputError(node, itemIndex, label, 'is required');
		return undefined;
	}
	if (!ID_PATTERN.test(value))
		throw inputError(
			node,
			itemIndex,
			label,
			`must be a Twin24 ID such as bce7d22e-dde6-4427-b391-ebbdfda44de6, got "${value}"`,
		);
	return value;
}

export function readId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	required = true,
): string | undefined {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true });
	return checkId(ctx.getNode(), itemIndex, label, raw, required);
}

/**
 * A JSON object given as an object (expression) or as JSON text; empty means none. Used for
 * variables and callback data, which Twin24 takes as objects.
 */
export function jsonObjectOf(
	node: INode,
	itemIndex: number,
	label: string,
	raw: unknown,
): IDataObject | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (text === '' || text === '{}') return undefined;
		try {
			value = JSON.parse(text);
		} catch {
			throw inputError(
				node,
				itemIndex,
				label,
				`must be a JSON object such as {"crmId": "555"}, got "${text.slice(0, 40)}"`,
			);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw inputError(
			node,
			itemIndex,
			label,
			`must be an object such as {"crmId": "555"}, got ${JSON.stringify(value)?.slice(0, 40)}`,
		);
	return Object.keys(value).length ? (value as IDataObject) : undefined;
}
