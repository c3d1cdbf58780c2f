import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, runOperation, selectOperation } from '../shared/operations';
import { resources } from './actions/resources';
import { VOICE_RESOURCES } from './actions/voice/resources';

export class Nxtele implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXTele',
		name: 'nxtele',
		icon: {
			light: 'file:../../icons/nxtele.svg',
			dark: 'file:../../icons/nxtele.dark.svg',
		},
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
			{
				name: 'nxteleApi',
				required: true,
				displayOptions: { show: { resource: VOICE_RESOURCES } },
			},
		],
		properties: resourceProperties(resources),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, selectOperation(this, resources), this.getInputData())];
	}
}
