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
import { searchDistributions } from './methods/distributions';
import { searchAutodialers } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';

export class Unitalk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unitalk',
		name: 'unitalk',
		icon: { light: 'file:../../icons/unitalk.svg', dark: 'file:../../icons/unitalk.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(resources),
		description: 'Run Unitalk autodialers, place calls, send messages and read call history',
		defaults: { name: 'Unitalk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unitalkApi', required: true }],
		properties: resourceProperties(resources),
	};

	methods = {
		listSearch: { searchAutodialers, searchDistributions },
		loadOptions,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, selectOperation(this, resources), this.getInputData())];
	}
}
