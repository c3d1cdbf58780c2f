import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialerField } from '../common';
import { autodialerAction } from './statusAction';

/** CANCEL ("Autodialer cancellation"). */
export const cancel: ItemOperation = {
	kind: 'item',
	value: 'cancel',
	name: 'Cancel',
	description:
		'Stop an autodialer for good (waiting, running or paused); calls in progress still end',
	action: 'Cancel an autodialer',
	properties: [autodialerField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await autodialerAction(this, itemIndex, 'CANCEL', 'Cancel Autodialer');
	},
};
