import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { PRODUCT_ID, taskField, taskIdOf } from '../common';

/** Order → Export Latest Batch (exportBatchCall): one output item per order of the task's latest batch. */
export const exportLatestBatch: ItemOperation = {
	kind: 'item',
	value: 'exportLatestBatch',
	name: 'Export Latest Batch',
	description: 'Get the orders of the latest imported batch of a task with their call results',
	action: 'Export the latest batch of a callbot task',
	properties: [taskField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userTaskID = taskIdOf(this, itemIndex);
		const answer = await callbotRequest.call(
			this,
			'exportBatchCall',
			{ productID: PRODUCT_ID, userTaskID },
			{ action: 'Export Latest Batch', idempotent: true, itemIndex },
		);
		const head = { userTaskID, batchID: answer.batchID };
		return ((answer.callList ?? []) as IDataObject[]).map((order) => ({ ...head, ...order }));
	},
};
