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
import { searchBots, searchTasks } from './methods/listSearch';

export class Twin24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twin24',
		name: 'twin24',
		icon: { light: 'file:../../icons/twin24.svg', dark: 'file:../../icons/twin24.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(resources),
		description: 'Run Twin24 voice robot call tasks, add people to call and read call results',
		defaults: { name: 'Twin24' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'twin24Api', required: true }],
		properties: resourceProperties(resources),
	};

	methods = {
		listSearch: { searchBots, searchTasks },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, selectOperation(this, resources), this.getInputData())];
	}
}
