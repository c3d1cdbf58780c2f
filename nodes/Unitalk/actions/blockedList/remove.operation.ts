import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation } from '../../../shared/operations';
import { batchOptionsField, changeList, listField, phonesField } from './common';

export const remove: BatchOperation = {
	kind: 'batch',
	value: 'remove',
	name: 'Remove',
	description:
		'Remove numbers from a blocked list; the numbers of all input items are sent together, 100 per request',
	action: 'Remove numbers from a blocked list',
	properties: [listField, phonesField('remove'), batchOptionsField],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await changeList(this, items, 'REMOVE');
	},
};
