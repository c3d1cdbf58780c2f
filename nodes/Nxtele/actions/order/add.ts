import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { itemParameterReader } from '../../../shared/parameters';
import { checkTaskId, PRODUCT_ID, taskField } from '../common';
import {
	checkCallbackUrl,
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
			// Read without the expression engine where the result is the same (nodes/shared/parameters.ts).
			const taskOf = itemParameterReader(this, 'task', items, '', { extractValue: true });
			const orderUrlOf = itemParameterReader(this, 'orderCallbackUrl', items, '');
			const callUrlOf = itemParameterReader(this, 'callCallbackUrl', items, '');
			return await runBulk<OrderEntry>(this, items.length, {
				noun: 'orders',
				read: (i) => {
					const userTaskID = checkTaskId(this, i, taskOf(i));
					const callInfo = {
						orderCallbackUrl: checkCallbackUrl(this, i, 'Order Callback URL', orderUrlOf(i)),
						callCallbackUrl: checkCallbackUrl(this, i, 'Call Callback URL', callUrlOf(i)),
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
