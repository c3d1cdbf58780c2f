import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation } from '../../../shared/operations';
import { linkFields, MAX_LINK, MAX_NAME, MAX_NOTE, phoneField, runLinkOperation } from './common';

/** "Incoming webhooks" → "Add numbers to autodialer" (action AUTODIAL_ADD). */
export const addNumbers: BatchOperation = {
	kind: 'batch',
	value: 'addNumbers',
	name: 'Add Numbers',
	description:
		'Add numbers to an autodialer through an incoming webhook link, for accounts that use links instead of the API key',
	action: 'Add numbers to an autodialer through a link',
	properties: [
		...linkFields,
		allowAgentUseField,
		phoneField('add'),
		{
			displayName: 'Number Data',
			name: 'numberData',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'Olena Kovalenko',
					description: `Name given to the added numbers, e.g. Olena Kovalenko (at most ${MAX_NAME} characters)`,
				},
				{
					displayName: 'Note',
					name: 'note',
					type: 'string',
					default: '',
					placeholder: 'Lead from the spring form',
					description: `Note given to the added numbers, e.g. Lead from the spring form (at most ${MAX_NOTE} characters)`,
				},
				{
					displayName: 'Web Dialer Data',
					name: 'link',
					type: 'string',
					default: '',
					description: `Data shown in Web Dialer for the added numbers, for example a CRM link (at most ${MAX_LINK} characters)`,
				},
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		// Numbers added to a running autodialer are called: an AI agent needs the flow builder's consent.
		assertAgentMayPlaceCalls(this, 'Unitalk Add Numbers Through Link', 0);
		return await runLinkOperation(this, items, 'AUTODIAL_ADD');
	},
};
