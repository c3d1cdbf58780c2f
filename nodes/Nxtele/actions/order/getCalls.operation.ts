import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { PRODUCT_ID, taskField, taskIdOf } from '../common';
import { listFields, readList } from '../paging';
import { callFilterFields, callFilterOptions } from './filters';

/** Order → Get Calls (listCall): every call round of a task's orders. */
export const getCalls: ItemOperation = {
	kind: 'item',
	value: 'getCalls',
	name: 'Get Calls',
	description: 'List the calls of a task (every round of every order)',
	action: 'Get calls of a callbot task',
	properties: [
		taskField,
		...listFields(),
		callFilterFields([
			{
				displayName: 'Call IDs',
				name: 'callID',
				type: 'string',
				default: '',
				placeholder: 'e.g. C1f2e3d4c5b6a7980',
				description: 'Only these calls, separated by commas',
			},
			{
				displayName: 'Started After',
				name: 'startedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only calls started at or after this time, e.g. 2026-03-01T00:00:00',
			},
			{
				displayName: 'Started Before',
				name: 'startedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only calls started at or before this time, e.g. 2026-03-31T23:59:59',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userTaskID = taskIdOf(this, itemIndex);
		// The docs do not name the list in the answer (research §2.15); `callList` is assumed, as exportBatchCall names it.
		return await readList(
			this,
			itemIndex,
			'listCall',
			'callList',
			{ productID: PRODUCT_ID, userTaskID, options: callFilterOptions(this, itemIndex) },
			'Get Calls',
		);
	},
};
