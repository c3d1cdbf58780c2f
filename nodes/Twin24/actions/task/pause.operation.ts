import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { taskField } from '../common';
import { taskAction } from './statusAction';

export const pause: ItemOperation = {
	kind: 'item',
	value: 'pause',
	name: 'Pause',
	description: 'Pause a running task; Start resumes it',
	action: 'Pause a task',
	properties: [taskField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await taskAction(this, itemIndex, 'pause', 'Pause Task', 'PAUSED');
	},
};
