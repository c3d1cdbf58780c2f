import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { taskField } from '../common';
import { taskAction } from './statusAction';

export const stop: ItemOperation = {
	kind: 'item',
	value: 'stop',
	name: 'Stop for Good',
	description: 'Stop a task for good (HALTED): it cannot be started again',
	action: 'Stop a task for good',
	properties: [taskField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await taskAction(this, itemIndex, 'halted', 'Stop Task', 'HALTED');
	},
};
