import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { readPages, readPagesByOffset } from '../../../shared/paging';
import { inputError, parseInput } from '../../../shared/validation';
import { autodialAction } from '../../transport';
import { autodialerField, autodialerId } from '../common';
import { isReturnAll, returnAllFields, splitList } from '../../../shared/lists';
import { unitalkDateTime } from '../projectHelpers';

/** From the documentation of GET_CALLS_HISTORY: "By default, limit is 50, the maximum value is 1000". */
export const GET_CALLS_MAX_LIMIT = 1000;

const CODE = /^[A-Z_]+$/;

const inputSchema = z.object({
	limit: z.number().int().min(1).max(GET_CALLS_MAX_LIMIT).optional(),
	offset: z.number().int().min(0).optional(),
	maxId: z.number().int().min(1).optional(),
	phone: z.string().regex(/\d/, 'must contain digits (a whole number or a part of one)').optional(),
	operatorNumber: z
		.string()
		.regex(/^[\d\s()+\-.]*\d[\d\s()+\-.]*$/, 'must be a line number (digits)')
		.optional(),
	name: z.string().optional(),
	note: z.string().optional(),
	link: z.string().optional(),
	param: z.string().optional(),
	states: z.array(z.string().regex(CODE, 'must be call states such as ANSWER')),
	voiceSecretaryIds: z.array(z.string().regex(/^\d+$/, 'must be voice robot IDs (whole numbers)')),
	voiceSecretaryEndReasons: z.array(z.string().regex(CODE, 'must be end reasons such as NORMAL')),
	voiceSecretaryEndNodeTypes: z.array(
		z.string().regex(CODE, 'must be end node types such as END_SUCCESS'),
	),
});

const LABELS = {
	limit: 'Limit',
	offset: 'Offset',
	maxId: 'Max Call ID',
	phone: 'Phone',
	operatorNumber: 'Operator Number',
	name: 'Name',
	note: 'Note',
	link: 'Web Dialer Data',
	param: 'Parameter',
	states: 'Call State Names or IDs',
	voiceSecretaryIds: 'Voice Robot Names or IDs',
	voiceSecretaryEndReasons: 'Voice Robot End Reasons',
	voiceSecretaryEndNodeTypes: 'Voice Robot End Node Types',
};

/** The text filters of the doc's `filter` object, sent only when given. */
const TEXT_FILTERS = ['phone', 'operatorNumber', 'name', 'note', 'link', 'param'] as const;
const LIST_FILTERS = [
	'states',
	'voiceSecretaryIds',
	'voiceSecretaryEndReasons',
	'voiceSecretaryEndNodeTypes',
] as const;

/**
 * GET_CALLS_HISTORY ("Obtaining information about autodialer calls"): the calls of an autodialer,
 * newest first, one output item per call, with every filter of the doc. Return All reads pages of
 * 1,000 (the most Unitalk gives at once), by default walking down the call IDs (maxId), which stays
 * correct while new calls are being added; paging by offset is available too.
 */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'Get the calls an autodialer made, newest first, with filters',
	action: 'Get many calls of an autodialer',
	properties: [
		autodialerField,
		...returnAllFields(GET_CALLS_MAX_LIMIT),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Call State Names or IDs',
					name: 'states',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getCallStates' },
					default: [],
					description:
						'Only calls that ended in one of these states. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Date From',
					name: 'dateFrom',
					type: 'dateTime',
					default: '',
					description:
						'Only calls from this moment on (inclusive). A value without a time zone is sent as written; one with a time zone is converted to the workflow time zone.',
				},
				{
					displayName: 'Date To',
					name: 'dateTo',
					type: 'dateTime',
					default: '',
					description: 'Only calls before this moment (not inclusive)',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'Olena',
					description: 'Part of the name the number had at the time of the call, e.g. Olena',
				},
				{
					displayName: 'Note',
					name: 'note',
					type: 'string',
					default: '',
					placeholder: 'order 1234',
					description: 'Part of the note the number had at the time of the call, e.g. order 1234',
				},
				{
					displayName: 'Operator Number',
					name: 'operatorNumber',
					type: 'string',
					default: '',
					placeholder: '2045',
					description: 'The exact internal line number of the operator who took the call',
				},
				{
					displayName: 'Parameter',
					name: 'param',
					type: 'string',
					default: '',
					placeholder: '1234',
					description:
						'Part of any of the parameters the number had at the time of the call, e.g. 1234',
				},
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: '38097',
					description: 'The subscriber number or a part of it; non-digits are removed',
				},
				{
					displayName: 'Voice Robot End Node Types',
					name: 'voiceSecretaryEndNodeTypes',
					type: 'multiOptions',
					options: [
						{ name: 'Background', value: 'BACKGROUND' },
						{ name: 'Background – Call Transfer', value: 'BACKGROUND_DEFER' },
						{ name: 'Intermediate', value: 'INTERMEDIATE' },
						{ name: 'Successful', value: 'END_SUCCESS' },
						{ name: 'Unsuccessful', value: 'END_FAIL' },
					],
					default: [],
					description: 'Only calls whose voice robot ended in a node of these types',
				},
				{
					displayName: 'Voice Robot End Reasons',
					name: 'voiceSecretaryEndReasons',
					type: 'multiOptions',
					options: [
						{ name: 'Answering Machine Recognized', value: 'ANSWERING_MACHINE' },
						{ name: 'Ended Fine', value: 'NORMAL' },
						{ name: 'Move Limit Exceeded', value: 'JUMP_LIMIT' },
						{ name: 'Node Limit Exceeded', value: 'NODE_LIMIT' },
						{ name: 'Silent During Greeting', value: 'GREETING_SILENCE' },
						{ name: 'Speech Recognition Interrupted', value: 'RECOGNITION_ERROR' },
						{ name: 'Subscriber Ended the Call', value: 'USER_REJECT' },
						{ name: 'Unknown Error', value: 'FAIL' },
					],
					default: [],
					description: 'Only calls whose voice robot ended for one of these reasons',
				},
				{
					displayName: 'Voice Robot Names or IDs',
					name: 'voiceSecretaryIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getVoiceRobots' },
					default: [],
					description:
						'Only calls that used one of these voice robots. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Web Dialer Data',
					name: 'link',
					type: 'string',
					default: '',
					placeholder: 'crm.example.com',
					description:
						'Part of the Web Dialer data the number had at the time of the call, e.g. crm.example.com',
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
					displayName: 'Max Call ID',
					name: 'maxId',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'Start at the call with this ID (inclusive) and go down, for example the lowest ID of the previous run minus one. 0 starts at the newest call.',
				},
				{
					displayName: 'Offset',
					name: 'offset',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'How many of the matching calls (newest first) to skip first',
				},
				{
					displayName: 'Paging Method',
					name: 'paging',
					type: 'options',
					options: [
						{
							name: 'By Call ID',
							value: 'maxId',
							description:
								'Each page starts below the lowest call ID of the previous one; stays correct while new calls arrive',
						},
						{
							name: 'By Offset',
							value: 'offset',
							description: 'Each page skips the calls already read',
						},
					],
					default: 'maxId',
					description: 'How Return All reads the pages after the first one',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const id = autodialerId(this, itemIndex);
		const returnAll = isReturnAll(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const text = (v: unknown) =>
			v === undefined || v === null || v === '' ? undefined : String(v);
		const input = parseInput(
			node,
			inputSchema,
			{
				limit: returnAll ? undefined : this.getNodeParameter('limit', itemIndex, 50),
				offset: options.offset,
				maxId: options.maxId === 0 ? undefined : options.maxId,
				...Object.fromEntries(TEXT_FILTERS.map((k) => [k, text(filters[k])])),
				...Object.fromEntries(LIST_FILTERS.map((k) => [k, splitList(filters[k])])),
			},
			itemIndex,
			LABELS,
		);

		const request: IDataObject = {};
		if (text(filters.dateFrom))
			request.dateFrom = unitalkDateTime(this, itemIndex, 'filters.dateFrom', 'Date From');
		if (text(filters.dateTo))
			request.dateTo = unitalkDateTime(this, itemIndex, 'filters.dateTo', 'Date To');
		if (request.dateFrom && request.dateTo && String(request.dateFrom) >= String(request.dateTo))
			throw inputError(
				node,
				itemIndex,
				'Date To',
				`must be after "Date From" (${String(request.dateFrom)}), got ${String(request.dateTo)}`,
			);
		const filter: IDataObject = {};
		for (const k of TEXT_FILTERS) if (input[k] !== undefined) filter[k] = input[k];
		for (const k of LIST_FILTERS) if (input[k].length) filter[k] = input[k];
		if (Object.keys(filter).length) request.filter = filter;

		const page = async (paging: IDataObject): Promise<{ items: IDataObject[]; count?: number }> => {
			const answer = (await autodialAction.call(
				this,
				'GET_CALLS_HISTORY',
				{ id, callHistoryRequest: { ...request, ...paging } },
				{ action: 'Get Calls', idempotent: true, itemIndex },
			)) as IDataObject;
			if (!answer || !Array.isArray(answer.items))
				throw new NodeOperationError(node, 'Unitalk Get Calls: the answer has no list of calls', {
					itemIndex,
					description: JSON.stringify(answer).slice(0, 500),
				});
			return {
				items: answer.items as IDataObject[],
				count: typeof answer.count === 'number' ? answer.count : undefined,
			};
		};
		const start: IDataObject = {
			...(input.offset ? { offset: input.offset } : {}),
			...(input.maxId !== undefined ? { maxId: input.maxId } : {}),
		};

		if (!returnAll) return (await page({ ...start, limit: input.limit })).items;

		if (options.paging === 'offset')
			return await readPagesByOffset(
				input.offset ?? 0,
				GET_CALLS_MAX_LIMIT,
				async (offset, limit) => {
					const { items, count } = await page({ ...start, offset, limit });
					return { rows: items, count };
				},
			);
		// By call ID: the records come newest (highest ID) first, so the next page ends below this one.
		return await readPages(start, GET_CALLS_MAX_LIMIT, async (paging, limit) => {
			const { items } = await page({ ...paging, limit });
			const lowest = Math.min(...items.map((c) => Number(c.id)));
			const previous = typeof paging.maxId === 'number' ? paging.maxId : Infinity;
			const last = !Number.isInteger(lowest) || lowest <= 1 || lowest - 1 >= previous;
			return { rows: items, next: last ? undefined : { maxId: lowest - 1 } };
		});
	},
};
