import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBulk } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { PRODUCT_ID, taskField } from '../common';
import { orderIdsField, readOrderIds } from './byOrderIds';

/** The docs give no cap for stopOrder's orderIDs; the same as listOrderDetail's 500 is used. */
const STOP_PER_REQUEST = 500;

/** Order → Stop (stopOrder): irreversible; the order IDs of all items combined per task. */
export const stop: BatchOperation = {
	kind: 'batch',
	value: 'stop',
	name: 'Stop',
	description: 'Stop orders for good: they are not dialled again (cannot be undone)',
	action: 'Stop callbot orders',
	properties: [
		taskField,
		orderIdsField,
		{
			displayName: 'Delete Undialled Data',
			name: 'deleteUndialled',
			type: 'boolean',
			default: false,
			description:
				'Whether to also delete the data of orders not dialled yet (delCall = 1). Use with care.',
		},
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const delCall = this.getNodeParameter('deleteUndialled', 0, false) === true ? 1 : 0;
		return await runBulk<string>(this, items.length, {
			noun: 'order IDs',
			read: (i) => readOrderIds(this, i),
			perRequest: STOP_PER_REQUEST,
			distinct: (id) => id,
			send: async (userTaskID, batch) => {
				const answer = await callbotRequest.call(
					this,
					'stopOrder',
					{ productID: PRODUCT_ID, userTaskID, orderIDs: batch.map((e) => e.value), delCall },
					// Stopping a stopped order leaves it stopped.
					{ action: 'Stop Orders', idempotent: true, itemIndex: batch[0].itemIndex },
				);
				const errors = new Map(
					((answer.errList ?? []) as IDataObject[]).map((e) => [
						String(e.orderID),
						String(e.errMsg ?? 'refused'),
					]),
				);
				return batch.map((e) =>
					errors.has(e.value)
						? { userTaskID, orderID: e.value, stopped: false, error: errors.get(e.value) }
						: { userTaskID, orderID: e.value, stopped: true },
				);
			},
			summarise: (outcomes) =>
				outcomes.length === 1 ? outcomes[0].json : { orders: outcomes.map((o) => o.json) },
		});
	},
};
