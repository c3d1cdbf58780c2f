import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { taskField } from '../common';
import { taskAction } from './statusAction';

export const start: ItemOperation = {
	kind: 'item',
	value: 'start',
	name: 'Start',
	description: 'Start a task that waits to be started, or resume a paused one (play)',
	action: 'Start or resume a task',
	properties: [taskField, allowAgentUseField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		// Starting a task calls its candidates.
		assertAgentMayPlaceCalls(this, 'Twin24 Start Task', itemIndex);
		return await taskAction(this, itemIndex, 'play', 'Start Task', 'PROCESS');
	},
};
