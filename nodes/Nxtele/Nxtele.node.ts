import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeCredentialDescription,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, runOperation, selectOperation } from '../shared/operations';
import type { NxteleCredential, NxteleResource } from './actions/resource';
import { operationSubtitle } from '../shared/subtitle';
import { resources } from './actions/resources';
import { listSearch, loadOptions } from './methods';

/** Each credential, shown only for the resources that use it. */
function credentialsFor(list: NxteleResource[]): INodeCredentialDescription[] {
	const names: NxteleCredential[] = ['nxteleCallbotApi', 'nxteleApi'];
	return names
		.map((name) => ({ name, used: list.filter((r) => r.credential === name).map((r) => r.value) }))
		.filter(({ used }) => used.length > 0)
		.map(({ name, used }) => ({
			name,
			required: true,
			displayOptions: { show: { resource: used } },
		}));
}

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
		credentials: credentialsFor(resources),
		properties: resourceProperties(resources),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, selectOperation(this, resources), this.getInputData())];
	}
}
