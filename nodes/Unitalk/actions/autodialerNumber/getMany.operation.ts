import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { readPagesByOffset } from '../../../shared/paging';
import { parseInput } from '../../../shared/validation';
import { autodialAction } from '../../transport';
import { autodialerField, autodialerId } from '../common';
import { isReturnAll, returnAllFields, splitList } from '../../../shared/lists';

/** From the documentation of GET_NUMBERS: "By default, limit is 1000, the maximum value is 5000". */
export const GET_NUMBERS_MAX_LIMIT = 5000;

const inputSchema = z.object({
	limit: z.number().int().min(1).max(GET_NUMBERS_MAX_LIMIT).optional(),
	offset: z.number().int().min(0),
	callStates: z.array(z.string().regex(/^[A-Z_]+$/, 'must be call states such as NOANSWER')),
});

const LABELS = {
	limit: 'Limit',
	offset: 'Offset',
	callStates: 'Call State Names or IDs',
};

/**
 * GET_NUMBERS ("Obtaining information about all autodialer numbers"): the numbers of an autodialer,
 * one output item per number, optionally only those in some call states. Return All reads pages of
 * 5,000 (the most Unitalk gives at once) until a page comes back short.
 */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'Get the numbers of an autodialer with their call states and data',
	action: 'Get many numbers of an autodialer',
	properties: [
		autodialerField,
		...returnAllFields(GET_NUMBERS_MAX_LIMIT),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Call State Names or IDs',
					name: 'callStates',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getCallStates' },
					default: [],
					description:
						'Only numbers whose last call ended in one of these states (NEW: not called yet). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Offset',
					name: 'offset',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'How many numbers to skip first (numbers are listed in the order they were added)',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const id = autodialerId(this, itemIndex);
		const returnAll = isReturnAll(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const input = parseInput(
			this.getNode(),
			inputSchema,
			{
				limit: returnAll ? undefined : this.getNodeParameter('limit', itemIndex, 50),
				offset: options.offset ?? 0,
				callStates: splitList(filters.callStates),
			},
			itemIndex,
			LABELS,
		);
		const filter = input.callStates.length ? { callStates: input.callStates } : {};
		const page = async (offset: number, limit: number): Promise<IDataObject[]> => {
			const answer = await autodialAction.call(
				this,
				'GET_NUMBERS',
				{ id, limit, offset, ...filter },
				{ action: 'Get Numbers', idempotent: true, itemIndex },
			);
			if (!Array.isArray(answer))
				throw new NodeOperationError(
					this.getNode(),
					'Unitalk Get Numbers: the answer is not a list of numbers',
					{ itemIndex, description: JSON.stringify(answer).slice(0, 500) },
				);
			return answer as IDataObject[];
		};

		if (input.limit !== undefined) return await page(input.offset, input.limit);
		return await readPagesByOffset(input.offset, GET_NUMBERS_MAX_LIMIT, async (offset, limit) => ({
			rows: await page(offset, limit),
		}));
	},
};
