import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation } from '../../../shared/operations';
import { linkFields, phoneField, runLinkOperation } from './common';

/** "Incoming webhooks" → "Remove numbers from autodialer" (action AUTODIAL_REMOVE). */
export const removeNumbers: BatchOperation = {
	kind: 'batch',
	value: 'removeNumbers',
	name: 'Remove Numbers',
	description:
		'Remove numbers from an autodialer through an incoming webhook link, for accounts that use links instead of the API key',
	action: 'Remove numbers from an autodialer through a link',
	properties: [...linkFields, phoneField('remove')],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await runLinkOperation(this, items, 'AUTODIAL_REMOVE');
	},
};
