import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { PRODUCT_ID, taskField, taskIdOf } from '../common';
import { listFields, readList } from '../paging';
import { callFilterFields, callFilterOptions } from './filters';

/** Order → Get Many (listOrder): the orders of a task, each with its last call. */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List the orders of a task, each with the status of its last call',
	action: 'Get many callbot orders',
	properties: [
		taskField,
		...listFields(),
		callFilterFields([
			{
				displayName: 'Finished',
				name: 'finish',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Finished Only', value: 'finished' },
					{ name: 'Not Finished Only', value: 'open' },
				],
				default: 'any',
				description: 'Whether to list only orders whose calls are all done, or only the others',
			},
			{
				displayName: 'Order IDs',
				name: 'orderID',
				type: 'string',
				default: '',
				placeholder: 'e.g. lead-1001, lead-1002',
				description: 'Only these orders, separated by commas',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userTaskID = taskIdOf(this, itemIndex);
		// The docs do not name the list in the answer (research §2.13); `orderList` is assumed.
		return await readList(
			this,
			itemIndex,
			'listOrder',
			'orderList',
			{ productID: PRODUCT_ID, userTaskID, options: callFilterOptions(this, itemIndex) },
			'Get Many Orders',
		);
	},
};
