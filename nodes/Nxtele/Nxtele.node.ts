import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, runOperation, selectOperation } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { resources } from './actions/resources';

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
		subtitle: operationSubtitle(resources),
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
		properties: resourceProperties(resources),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, selectOperation(this, resources), this.getInputData())];
	}
}
