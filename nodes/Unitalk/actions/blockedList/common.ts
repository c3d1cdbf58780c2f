import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { readPhones } from '../../../shared/lists';
import { perRequestOption, perRequestSize } from '../../../shared/perRequest';
import { runPhoneBatches } from '../../../shared/phoneBatch';
import { refusedPhones } from '../refusals';
import { PHONES_PER_ITEM } from '../common';

/** "Lists" in the doc: /lists with `list`, `operation` (GET, ADD, REMOVE) and, to change, `items`. */
export const LISTS_PATH = '/lists';
/** "The maximum number of elements in the items array is 100." */
export const MAX_LIST_ITEMS = 100;

export const LIST_NAMES = ['BLOCKED_PHONES', 'BLOCKED_FOR_AUTODIAL_PHONES'] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const listField: INodeProperties = {
	displayName: 'List',
	name: 'list',
	type: 'options',
	options: [
		{
			name: 'Blocked for Autodialers',
			value: 'BLOCKED_FOR_AUTODIAL_PHONES',
			description: 'Numbers that cannot be added to autodialers',
		},
		{
			name: 'Blocked Phones',
			value: 'BLOCKED_PHONES',
			description: 'Numbers whose calls are rejected',
		},
	],
	default: 'BLOCKED_PHONES',
	description: 'The list to work on',
};

const listSchema = z.enum(LIST_NAMES);

export function readList(ctx: IExecuteFunctions, itemIndex: number): ListName {
	return parseInput(
		ctx.getNode(),
		z.object({ list: listSchema }),
		{ list: ctx.getNodeParameter('list', itemIndex) },
		itemIndex,
		{ list: 'List' },
	).list;
}

export const phonesField = (verb: string): INodeProperties => ({
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '={{ $json.phone }}',
	required: true,
	description: `The number to ${verb}, in international format. ${PHONES_PER_ITEM}. The numbers of all items are sent together, at most 100 per request.`,
});

export const batchOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [perRequestOption({ max: MAX_LIST_ITEMS, noun: 'numbers', provider: 'Unitalk' })],
};

const LIST_REFUSALS = {
	refusalMessages: [
		'Wrong items',
		'Invalid items',
		'Invalid phones',
		'Wrong numbers',
		'Wrong phones',
	],
	refusalReason: 'Unitalk did not accept this number',
};

/**
 * ADD or REMOVE for the numbers of all items. The doc shows no answer and no errors for /lists; an
 * error that names numbers in `data` (the shape "Invalid phones" has elsewhere in the doc) marks those
 * numbers rejected and the rest is sent again.
 */
export async function changeList(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: 'ADD' | 'REMOVE',
): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const perRequest = perRequestSize(ctx.getNode(), options, {
		max: MAX_LIST_ITEMS,
		noun: 'numbers',
	});
	return await runPhoneBatches(ctx, items, {
		perRequest,
		doneStatus: operation === 'ADD' ? 'added' : 'removed',
		refused: (error) => refusedPhones(error, LIST_REFUSALS),
		read: (i) => {
			const list = readList(ctx, i);
			const phones = readPhones(ctx, i, 'phone', 'Phone');
			return { target: { key: list, fields: { list } }, phones };
		},
		send: async (target, phones, firstItemIndex) => {
			await unitalkRequest.call(
				ctx,
				LISTS_PATH,
				{ list: target.key, operation, items: phones },
				{
					action: operation === 'ADD' ? 'Add to Blocked List' : 'Remove from Blocked List',
					// Adding a number that is already listed, or removing one that is not, changes nothing.
					idempotent: true,
					itemIndex: firstItemIndex,
				},
			);
			return {};
		},
	});
}
