import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { autodialerField } from '../common';
import { autodialerAction } from './statusAction';

/** UNPAUSE ("Unpausing"). */
export const unpause: ItemOperation = {
	kind: 'item',
	value: 'unpause',
	name: 'Unpause',
	description: 'Continue a paused autodialer',
	action: 'Unpause an autodialer',
	properties: [autodialerField, allowAgentUseField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		// Unpausing starts calling people again.
		assertAgentMayPlaceCalls(this, 'Unitalk Unpause Autodialer', itemIndex);
		return await autodialerAction(this, itemIndex, 'UNPAUSE', 'Unpause Autodialer');
	},
};
