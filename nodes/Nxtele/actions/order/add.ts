import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { PRODUCT_ID, taskField, taskIdOf } from '../common';
import {
	callbackUrl,
	orderFields,
	orderOutput,
	orderReader,
	orderRunFields,
	ordersPerRequest,
	sendOrders,
} from './orders';
import type { OrderEntry } from './orders';

/**
 * Order → Add (addBatchCall) and Order → Import Latest Batch (importBatchCall): the same body, every
 * input item one order, all items combined into requests per task and callback URLs.
 */
function addOperation(
	endpoint: 'addBatchCall' | 'importBatchCall',
	text: { value: string; name: string; description: string; action: string },
): BatchOperation {
	return {
		kind: 'batch',
		...text,
		properties: [taskField, ...orderFields(), ...orderRunFields(), allowAgentUseField],
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			assertAgentMayPlaceCalls(this, `NXTele ${text.name}`, 0);
			const readOrder = orderReader(this, items);
			const size = { value: ordersPerRequest(this) };
			const groups = new Map<string, { userTaskID: string; callInfo: IDataObject }>();
			return await runBulk<OrderEntry>(this, items.length, {
				read: (i) => {
					const userTaskID = taskIdOf(this, i);
					const callInfo = {
						orderCallbackUrl: callbackUrl(this, i, 'orderCallbackUrl', 'Order Callback URL'),
						callCallbackUrl: callbackUrl(this, i, 'callCallbackUrl', 'Call Callback URL'),
					};
					const group = JSON.stringify([userTaskID, callInfo]);
					groups.set(group, { userTaskID, callInfo });
					return { group, entries: [readOrder(i)] };
				},
				perRequest: size.value,
				distinct: (o) => o.orderID,
				send: async (group, batch) => {
					const { userTaskID, callInfo } = groups.get(group)!;
					return await sendOrders(
						batch,
						size,
						async (callList) =>
							await callbotRequest.call(
								this,
								endpoint,
								{ productID: PRODUCT_ID, userTaskID, callInfoList: { ...callInfo, callList } },
								// orderID is the provider's idempotency key: a repeat answers "already exists".
								{
									action: text.name,
									idempotent: true,
									itemIndex: batch[0].itemIndex,
									answerCodes: [4001],
								},
							),
						(answer) => ({
							userTaskID,
							taskID: answer.taskID,
							...(answer.batchID ? { batchID: answer.batchID } : {}),
						}),
					);
				},
				summarise: ([outcome]) => orderOutput(outcome.entry.value, outcome.json),
			});
		},
	};
}

export const add = addOperation('addBatchCall', {
	value: 'add',
	name: 'Add',
	description: 'Add every input item as an order (one phone number each) to an existing task',
	action: 'Add orders to a callbot task',
});

/**
 * The docs call importBatchCall "import the numbers of the latest batch" and do not say more; each
 * request is taken as one batch (its batchID is in the output), so Orders Per Request decides where
 * a batch ends.
 */
export const importLatestBatch = addOperation('importBatchCall', {
	value: 'importLatestBatch',
	name: 'Import Latest Batch',
	description: 'Import the input items as the latest batch of orders of a task (importBatchCall)',
	action: 'Import a batch of orders into a callbot task',
});
