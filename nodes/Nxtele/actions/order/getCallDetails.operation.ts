import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBulk } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { PRODUCT_ID, taskField } from '../common';
import { orderIdsField, readOrderIds } from './byOrderIds';

/** listOrderDetail takes at most 500 order IDs (research §2.14). */
export const MAX_ORDERS_PER_DETAIL_REQUEST = 500;

/**
 * Order → Get Call Details (listOrderDetail): every call of the given orders. The IDs of all items go
 * into as few requests as the 500 cap allows; each order found becomes one output item, paired with
 * the item that asked for it, and an order NXTele does not know is reported as not found.
 */
export const getCallDetails: BatchOperation = {
	kind: 'batch',
	value: 'getCallDetails',
	name: 'Get Call Details',
	description: 'Get every call of the given orders (up to 500 orders per request, items combined)',
	action: 'Get call details of callbot orders',
	properties: [taskField, orderIdsField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const perItem = await runBulk<string>(this, items.length, {
			noun: 'order IDs',
			read: (i) => readOrderIds(this, i),
			perRequest: MAX_ORDERS_PER_DETAIL_REQUEST,
			distinct: (id) => id,
			send: async (userTaskID, batch) => {
				const answer = await callbotRequest.call(
					this,
					'listOrderDetail',
					{ productID: PRODUCT_ID, userTaskID, orderList: batch.map((e) => e.value) },
					{ action: 'Get Call Details', idempotent: true, itemIndex: batch[0].itemIndex },
				);
				const found = new Map(
					((answer.orderDetailList ?? []) as IDataObject[]).map((o) => [String(o.orderID), o]),
				);
				return batch.map(
					(e) => found.get(e.value) ?? { userTaskID, orderID: e.value, found: false },
				);
			},
			summarise: (outcomes) => ({ orders: outcomes.map((o) => o.json) }),
		});
		// One output item per order, each paired with the item that asked for it.
		return perItem.flatMap((item) =>
			Array.isArray(item.json.orders)
				? (item.json.orders as IDataObject[]).map((json) => ({ json, pairedItem: item.pairedItem }))
				: [item],
		);
	},
};
