import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { readPagesByOffset } from '../../../shared/paging';
import { checkPhone } from '../../../shared/phone';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { isReturnAll, returnAllFields, splitList } from '../../../shared/lists';
import { unitalkDateTime, unwrapData } from '../projectHelpers';

/** "Call history": limit 1-1000 per request ("Limit range is 1-1000"). */
export const MAX_HISTORY_PAGE = 1000;

const digitsPart = z
	.string()
	.regex(/^\d+$/, 'must contain digits only (a whole number or a part of one)');

const fullPhone = z.string().refine((p) => checkPhone(p).ok, {
	message: 'must be a full number in international format, 7 to 15 digits',
});

const requestSchema = z.object({
	limit: z.number().int().min(1).max(MAX_HISTORY_PAGE),
	offset: z.number().int().min(0),
	pageSize: z.number().int().min(1).max(MAX_HISTORY_PAGE),
	filter: z.object({
		direction: z.enum(['IN', 'OUT', 'INNER']).optional(),
		minDuration: z.number().int().min(0).optional(),
		calledFrom: z.array(digitsPart).optional(),
		calledTo: z.array(digitsPart).optional(),
		outerNum: z.array(z.string().min(1)).optional(),
		exactPhone: z.array(fullPhone).optional(),
		newLead: z.boolean().optional(),
		answered: z.boolean().optional(),
		lost: z.boolean().optional(),
		voiceMessage: z.boolean().optional(),
	}),
});

const LABELS = {
	limit: 'Limit',
	offset: 'Offset',
	pageSize: 'Page Size',
	'filter.direction': 'Direction',
	'filter.minDuration': 'Min Duration',
	'filter.calledFrom': 'Called From',
	'filter.calledTo': 'Called To',
	'filter.outerNum': 'Outer Numbers',
	'filter.exactPhone': 'Exact Phones',
	'filter.newLead': 'New Lead',
	'filter.answered': 'Answered',
	'filter.lost': 'Lost',
	'filter.voiceMessage': 'Voice Message',
	calledFrom: 'Called From',
	calledTo: 'Called To',
	outerNum: 'Outer Numbers',
	exactPhone: 'Exact Phones',
	filter: 'Filters',
};

export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'Get the calls of the project in a period, newest first, with optional filters',
	action: 'Get many calls from the call history',
	properties: [
		{
			displayName: 'Date From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'Start of the period. Times without a time zone are sent as written, others in the workflow time zone; Unitalk reads them in the project time zone.',
		},
		{
			displayName: 'Date To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'End of the period',
		},
		...returnAllFields(MAX_HISTORY_PAGE),
		{
			displayName: 'Filters',
			name: 'filter',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Answered',
					name: 'answered',
					type: 'options',
					options: [
						{ name: 'Only Not Answered', value: 'false' },
						{ name: 'Only Answered', value: 'true' },
					],
					default: 'true',
					description: 'Keep answered calls only, or unanswered calls only',
				},
				{
					displayName: 'Called From',
					name: 'calledFrom',
					type: 'string',
					default: '',
					placeholder: '38097, 2045',
					description:
						'Parts of the numbers the calls were made from, separated by commas (a call matches when its number contains one of them)',
				},
				{
					displayName: 'Called To',
					name: 'calledTo',
					type: 'string',
					default: '',
					placeholder: '38097, 2045',
					description:
						'Parts of the numbers that were called, separated by commas (a call matches when one of its numbers contains one of them)',
				},
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					options: [
						{ name: 'Incoming', value: 'IN' },
						{ name: 'Internal', value: 'INNER' },
						{ name: 'Outgoing', value: 'OUT' },
					],
					default: 'IN',
					description:
						"Only calls in this direction: incoming (clients calling the project), outgoing (the project calling out) or internal (between the project's own lines)",
				},
				{
					displayName: 'Exact Phones',
					name: 'exactPhone',
					type: 'string',
					default: '',
					placeholder: '380971234567',
					description:
						'Full numbers in international format, separated by commas: calls made from or to one of them',
				},
				{
					displayName: 'Lost',
					name: 'lost',
					type: 'options',
					options: [
						{ name: 'Only Not Lost', value: 'false' },
						{ name: 'Only Lost', value: 'true' },
					],
					default: 'true',
					description: 'Lost calls are missed calls that were not called back',
				},
				{
					displayName: 'Min Duration',
					name: 'minDuration',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Shortest conversation, in seconds',
				},
				{
					displayName: 'New Lead',
					name: 'newLead',
					type: 'options',
					options: [
						{ name: 'Only Repeat Calls', value: 'false' },
						{ name: 'Only First Calls', value: 'true' },
					],
					default: 'true',
					description:
						'Keep only the first call with each client number, or only the calls after the first',
				},
				{
					displayName: 'Outer Numbers',
					name: 'outerNum',
					type: 'string',
					default: '',
					placeholder: '380441234567',
					description:
						'External lines, separated by commas: calls received on or made through one of them',
				},
				{
					displayName: 'Voice Message',
					name: 'voiceMessage',
					type: 'options',
					options: [
						{ name: 'Only Without a Voice Message', value: 'false' },
						{ name: 'Only With a Voice Message', value: 'true' },
					],
					default: 'true',
					description:
						'Keep only calls in which a voice message was left, or only calls without one',
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
					description: 'How many of the newest matching calls to skip',
				},
				{
					displayName: 'Page Size',
					name: 'pageSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_HISTORY_PAGE },
					default: MAX_HISTORY_PAGE,
					description:
						'With Return All, how many calls to ask for per request (Unitalk allows up to 1,000)',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const dateFrom = unitalkDateTime(this, itemIndex, 'dateFrom', 'Date From');
		const dateTo = unitalkDateTime(this, itemIndex, 'dateTo', 'Date To');
		if (dateFrom > dateTo)
			throw inputError(node, itemIndex, 'Date To', `(${dateTo}) is before Date From (${dateFrom})`);
		const returnAll = isReturnAll(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const raw = this.getNodeParameter('filter', itemIndex, {}) as IDataObject;
		const list = (v: unknown) =>
			v === undefined ? undefined : splitList(v).map((p) => p.replace(/[\s()\-.+]/g, ''));
		const bool = (v: unknown) => (v === undefined ? undefined : v === true || v === 'true');
		const num = (v: unknown) => (v === undefined || v === '' ? undefined : Number(v));
		const input = parseInput(
			node,
			requestSchema,
			{
				limit: returnAll ? MAX_HISTORY_PAGE : num(this.getNodeParameter('limit', itemIndex, 50)),
				offset: num(options.offset) ?? 0,
				pageSize: num(options.pageSize) ?? MAX_HISTORY_PAGE,
				filter: {
					direction: raw.direction,
					minDuration: num(raw.minDuration),
					calledFrom: list(raw.calledFrom),
					calledTo: list(raw.calledTo),
					outerNum: raw.outerNum === undefined ? undefined : splitList(raw.outerNum),
					exactPhone: list(raw.exactPhone),
					newLead: bool(raw.newLead),
					answered: bool(raw.answered),
					lost: bool(raw.lost),
					voiceMessage: bool(raw.voiceMessage),
				},
			},
			itemIndex,
			LABELS,
		);
		const filter = Object.fromEntries(
			Object.entries(input.filter).filter(
				([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
			),
		);

		const readPage = async (offset: number, limit: number) => {
			const answer = await unitalkRequest.call(
				this,
				'/history/get',
				{
					dateFrom,
					dateTo,
					limit,
					offset,
					...(Object.keys(filter).length ? { filter } : {}),
				},
				{ action: 'Get Call History', idempotent: true, itemIndex },
			);
			const data = (unwrapData(answer) ?? {}) as IDataObject;
			return {
				rows: (Array.isArray(data.calls) ? data.calls : []) as IDataObject[],
				count: typeof data.count === 'number' ? data.count : undefined,
			};
		};
		const rows = returnAll
			? await readPagesByOffset(input.offset, input.pageSize, readPage)
			: (await readPage(input.offset, input.limit)).rows;
		// Calls arriving while pages are read shift the offsets; never output a call twice.
		const seen = new Set<string>();
		return rows.filter((call) => {
			const key = String(call.dbid ?? call.id ?? JSON.stringify(call));
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	},
};
