import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { callbotOperationField, callbotOperations } from './actions/callbot';
import { router } from './actions/router';

export class Nxtele implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXTele',
		name: 'nxtele',
		icon: { light: 'file:../../icons/nxtele.svg', dark: 'file:../../icons/nxtele.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Run NXTele / NXCloud voice robot tasks and voice broadcasts',
		defaults: { name: 'NXTele' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'nxteleCallbotApi',
				required: true,
				displayOptions: { show: { resource: ['callbot'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Callbot', value: 'callbot', description: 'NXTele Callbot voice robot (v3 API)' }],
				default: 'callbot',
			},
			callbotOperationField,
			...Object.values(callbotOperations).flatMap((op) => op.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
