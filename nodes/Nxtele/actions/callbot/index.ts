import type { INodeProperties } from 'n8n-workflow';

import { ping } from './ping.operation';

export const callbotOperations = { ping };

export const callbotOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callbot'] } },
	options: [
		{
			name: 'Ping',
			value: 'ping',
			description: 'Check that the Callbot API answers and accepts the credential',
			action: 'Ping the callbot API',
		},
	],
	default: 'ping',
};
