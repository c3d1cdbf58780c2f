import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { taskIdOf } from '../common';
import { splitList as list } from '../../../shared/lists';

/**
 * Operations on orders named by ID (Stop, Get Call Details): each input item gives a task and one or
 * more order IDs; the operations combine the IDs of all items per task.
 */

export const orderIdsField: INodeProperties = {
	displayName: 'Order IDs',
	name: 'orderIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ={{ $json.orderID }}',
	description:
		'The order ID(s) (orderID) of this item, separated by commas; e.g. the Order ID output of Create and Call or Add',
};

/** The task and order IDs of item `itemIndex`, as a runBulk group and its entries. */
export function readOrderIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { group: string; entries: string[] } {
	const userTaskID = taskIdOf(ctx, itemIndex);
	const ids = list(ctx.getNodeParameter('orderIds', itemIndex, ''));
	if (!ids.length)
		throw inputError(ctx.getNode(), itemIndex, 'Order IDs', 'is empty; give at least one order ID');
	return { group: userTaskID, entries: ids };
}
