import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/validation';

/** The autodialer an operation works on: picked from a searchable list, or an ID typed or mapped. */
/** The words of every Phone field that takes one or more numbers per item, its example included. */
export const PHONES_PER_ITEM =
	'Spaces, brackets and dashes are removed. Several numbers per item can be given as a list or separated by commas, e.g. +380971234567, +380631234567';

export const autodialerField: INodeProperties = {
	displayName: 'Autodialer',
	name: 'autodialer',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The autodialer to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAutodialers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '12345',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'An autodialer ID is a whole number',
					},
				},
			],
		},
	],
};

/** The autodialer ID of item `itemIndex`, or an error that names the item and the field. */
export function autodialerId(ctx: IExecuteFunctions, itemIndex: number): number {
	return checkAutodialerId(
		ctx.getNode(),
		itemIndex,
		ctx.getNodeParameter('autodialer', itemIndex, '', { extractValue: true }),
	);
}

/** The same check for a value read another way (bulk operations read parameters in bulk). */
export function checkAutodialerId(node: INode, itemIndex: number, raw: unknown): number {
	const value = String(raw ?? '').trim();
	if (!/^[0-9]+$/.test(value)) {
		throw inputError(
			node,
			itemIndex,
			'Autodialer',
			`must be an autodialer ID (a whole number), got "${value}"`,
		);
	}
	return Number(value);
}
