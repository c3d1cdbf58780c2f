import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk } from '../../../shared/batching';
import { derivedKey } from '../../../shared/idempotency';
import type { BatchOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { PRODUCT_ID } from '../common';
import {
	callbackUrl,
	orderFields,
	orderOutput,
	orderReader,
	orderRunFields,
	ordersPerRequest,
	sendOrders,
} from '../order/orders';
import type { OrderEntry } from '../order/orders';
import { createOnce } from './lookup';
import type { Created } from './lookup';
import { readTaskSettings, taskSettingsFields } from './settings';
import { ownTaskId, ownTaskIdField } from './taskId';

/**
 * Task → Create and Call (createAndCall): one task for the whole run, every input item one order in
 * it. The task's settings are read from the first item. Orders beyond what one request carries go to
 * the new task with addBatchCall; a request refused for its size is split.
 */
export const createAndCall: BatchOperation = {
	kind: 'batch',
	value: 'createAndCall',
	name: 'Create and Call',
	description: 'Create a task with every input item as an order (one phone number each)',
	action: 'Create a callbot task and add orders',
	properties: [
		ownTaskIdField,
		...taskSettingsFields(),
		...orderFields(),
		...orderRunFields(),
		allowAgentUseField,
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		assertAgentMayPlaceCalls(this, 'NXTele Create and Call', 0);
		const settings = readTaskSettings(this, 0);
		const callInfo = {
			orderCallbackUrl: callbackUrl(this, 0, 'orderCallbackUrl', 'Order Callback URL'),
			callCallbackUrl: callbackUrl(this, 0, 'callCallbackUrl', 'Call Callback URL'),
		};
		const readOrder = orderReader(this, items);
		const orders: OrderEntry[] = [];
		const ownId = ownTaskId(this, 0);
		let userTaskID = ownId ?? '';
		let created: Created | undefined;
		const size = { value: ordersPerRequest(this) };

		const addToTask = async (callList: OrderEntry[]) =>
			await callbotRequest.call(
				this,
				'addBatchCall',
				{ productID: PRODUCT_ID, userTaskID, callInfoList: { ...callInfo, callList } },
				// orderID is the provider's idempotency key: a repeat answers "already exists".
				{ action: 'Add Orders', idempotent: true, itemIndex: 0, answerCodes: [4001] },
			);
		const request = async (callList: OrderEntry[]): Promise<IDataObject> => {
			if (created) return await addToTask(callList);
			// Derived from the work itself, so that a repeat of this run gets the same task ID.
			userTaskID ||= derivedKey(
				this,
				'createAndCall',
				settings.sceneID,
				orders.map((o) => o.orderID),
			);
			const attempt = await createOnce(
				this,
				'createAndCall',
				{
					productID: PRODUCT_ID,
					userTaskID,
					...settings,
					callInfoList: { ...callInfo, callList },
				},
				{ action: 'Create and Call', itemIndex: 0, answerCodes: [4001] },
			);
			if (Number(attempt.answer.retCode) === 4001) return attempt.answer;
			created = attempt;
			// The task was there already (an earlier attempt made it): whether these orders reached it is
			// not known, so they are added again; the ones that are there answer "already exists".
			return attempt.alreadyExisted ? await addToTask(callList) : attempt.answer;
		};

		return await runBulk<OrderEntry>(this, items.length, {
			noun: 'orders',
			read: (i) => {
				const order = readOrder(i);
				orders.push(order);
				return { group: 'task', entries: [order] };
			},
			perRequest: size.value,
			distinct: (o) => o.orderID,
			send: async (_group, batch) =>
				await sendOrders(batch, size, request, () => ({
					userTaskID,
					taskID: created?.answer.taskID,
					...(created?.alreadyExisted ? { taskAlreadyExisted: true } : {}),
				})),
			progressNote: (requests, entries) =>
				`The task ${userTaskID} exists and ${entries} order(s) in ${requests} earlier request(s) were added to it; n8n's Retry On Fail (the same execution) adds only the missing ones, while a new run of the workflow would create a second task.`,
			summarise: ([outcome]) => orderOutput(outcome.entry.value, outcome.json),
		});
	},
};
