import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { PRODUCT_ID, taskField, taskIdOf, withoutEnvelope } from '../common';
import { callbotRequest } from '../../transport';
import { readTaskSettings, taskSettingsFields } from './settings';

/**
 * Task → Update (updateTask). The docs: only paused or not yet started tasks, only the settings and
 * function switches change, and changes apply after about 5 minutes. The page does not say whether a
 * partial update is allowed, so the complete settings are sent.
 */
export const update: ItemOperation = {
	kind: 'item',
	value: 'update',
	name: 'Update',
	description: 'Change the settings of a paused or not yet started task (applies after ~5 minutes)',
	action: 'Update a callbot task',
	properties: [taskField, ...taskSettingsFields()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userTaskID = taskIdOf(this, itemIndex);
		const settings = readTaskSettings(this, itemIndex);
		const answer = await callbotRequest.call(
			this,
			'updateTask',
			{ productID: PRODUCT_ID, userTaskID, ...settings },
			// The same settings sent twice leave the task as once.
			{ action: 'Update Task', idempotent: true, itemIndex },
		);
		return { userTaskID, ...withoutEnvelope(answer) };
	},
};
