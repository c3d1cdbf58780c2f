import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation } from '../../../shared/operations';
import { batchOptionsField, changeList, listField, phonesField } from './common';

export const add: BatchOperation = {
	kind: 'batch',
	value: 'add',
	name: 'Add',
	description:
		'Add numbers to a blocked list; the numbers of all input items are sent together, 100 per request',
	action: 'Add numbers to a blocked list',
	properties: [listField, phonesField('add'), batchOptionsField],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await changeList(this, items, 'ADD');
	},
};
