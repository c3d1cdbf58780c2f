import type { IExecuteFunctions } from 'n8n-workflow';

import { derivedKey } from '../../../shared/idempotency';
import type { ItemOperation } from '../../../shared/operations';
import { PRODUCT_ID, callbackUrlHint } from '../common';
import { callbackUrl } from '../order/orders';
import { createOnce } from './lookup';
import { readTaskSettings, taskSettingsFields } from './settings';
import { ownTaskIdField, ownTaskId } from './taskId';

/** Task → Create (createTask): a task without orders; add them with Order → Add. */
export const create: ItemOperation = {
	kind: 'item',
	value: 'create',
	name: 'Create',
	description: 'Create a task without orders (add them later with Order → Add)',
	action: 'Create a callbot task',
	properties: [
		ownTaskIdField,
		...taskSettingsFields(),
		{
			displayName: 'Order Callback URL',
			name: 'orderCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/…',
			description: `Where NXTele posts each order's result (createTask's orderCallbackUrl). ${callbackUrlHint} Empty: nothing is posted.`,
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const settings = readTaskSettings(this, itemIndex);
		const userTaskID =
			ownTaskId(this, itemIndex) ??
			derivedKey(
				this,
				'createTask',
				itemIndex,
				settings.sceneID,
				settings.taskCreateSetting.taskName,
			);
		const orderCallbackUrl = callbackUrl(this, itemIndex, 'orderCallbackUrl', 'Order Callback URL');
		const { answer, alreadyExisted } = await createOnce(
			this,
			'createTask',
			{
				productID: PRODUCT_ID,
				userTaskID,
				sceneID: settings.sceneID,
				taskCreateSetting: settings.taskCreateSetting,
				funcFlag: settings.funcFlag,
				// createTask's example has both callback URLs at the top level (research §2.4).
				taskCallbackUrl: settings.taskCreateSetting.taskCallbackUrl,
				orderCallbackUrl,
			},
			{ action: 'Create Task', itemIndex },
		);
		return { userTaskID, taskID: answer.taskID, alreadyExisted };
	},
};
