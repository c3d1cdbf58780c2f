import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { itemParameterReader, readsWithoutEngine } from '../../../nodes/shared/parameters';

/**
 * Test node: reads its `value` parameter for every input item twice, through the package's fast
 * reader (nodes/shared/parameters.ts) and through n8n's expression engine (getNodeParameter), and
 * outputs both, so a test can compare them item by item in a real n8n-core run, and whether the fast
 * reader did without the engine (so a test can tell a match from a fallback).
 */
export const PARAMETER_PROBE_TYPE = 'test.parameterProbe';

export class ParameterProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Parameter Probe',
		name: 'parameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			{ displayName: 'Fallback', name: 'fallback', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const fallback = this.getNodeParameter('fallback', 0);
		const fast = itemParameterReader(this, 'value', items, fallback);
		return [
			items.map((item, i) => ({
				json: {
					fast: fast(i) as never,
					engine: this.getNodeParameter('value', i, fallback),
					withoutEngine: readsWithoutEngine(this.getNode().parameters.value),
				},
				pairedItem: item.pairedItem ?? { item: i },
			})),
		];
	}
}
