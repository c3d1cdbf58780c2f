import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { asItems, splitList } from '../../../shared/lists';
import { unitalkDateTime, unwrapData } from '../projectHelpers';

const seconds = z.number().int().min(0);

const filterSchema = z
	.object({
		callTypes: z
			.array(z.string().regex(/^[A-Z0-9_]+$/, 'must be written in capitals, like REGULAR'))
			.optional(),
		innerPhones: z
			.array(z.string().regex(/^\d+$/, 'must be internal line numbers (digits only)'))
			.optional(),
		minTimeSeconds: seconds.optional(),
		minTimeAwaitingSeconds: seconds.optional(),
		maxTimeAwaitingSeconds: seconds.optional(),
	})
	.superRefine((f, ctx) => {
		if (
			f.minTimeAwaitingSeconds !== undefined &&
			f.maxTimeAwaitingSeconds !== undefined &&
			f.minTimeAwaitingSeconds > f.maxTimeAwaitingSeconds
		)
			ctx.addIssue({
				code: 'custom',
				path: ['maxTimeAwaitingSeconds'],
				message: 'must not be less than Min Waiting Seconds',
			});
	});

const LABELS = {
	callTypes: 'Call Types',
	innerPhones: 'Internal Lines',
	minTimeSeconds: 'Min Talk Seconds',
	minTimeAwaitingSeconds: 'Min Waiting Seconds',
	maxTimeAwaitingSeconds: 'Max Waiting Seconds',
};

/** "Operator statistics": /operator/statistic with from, to and an optional filter; one item per operator. */
export const get: ItemOperation = {
	kind: 'item',
	value: 'get',
	name: 'Get',
	description: 'Get call statistics per operator for a period',
	action: 'Get operator statistics',
	properties: [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'Start of the period. Times without a time zone are sent as written, others in the workflow time zone; Unitalk reads them in the project time zone.',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'End of the period',
		},
		{
			displayName: 'Filters',
			name: 'filter',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Call Types',
					name: 'callTypes',
					type: 'string',
					default: '',
					placeholder: 'REGULAR, AUTODIAL',
					description:
						"Call types to count, separated by commas, as in Unitalk's call type dictionary (for example the call sources REGULAR, TRACKING, CLICK2CALL, LEAD_CATCHER, FORM, CALLBACK, AUTO_CB, AUTODIAL, API_CALL, C2C_API)",
				},
				{
					displayName: 'Internal Line Names or IDs',
					name: 'innerPhones',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getInternalLines' },
					default: [],
					description:
						'Internal lines to report on (all when empty). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Max Waiting Seconds',
					name: 'maxTimeAwaitingSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 60,
					description: 'Count only calls that waited at most this long for an answer',
				},
				{
					displayName: 'Min Talk Seconds',
					name: 'minTimeSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Count only conversations at least this long',
				},
				{
					displayName: 'Min Waiting Seconds',
					name: 'minTimeAwaitingSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Count only calls that waited at least this long for an answer',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const from = unitalkDateTime(this, itemIndex, 'from', 'From');
		const to = unitalkDateTime(this, itemIndex, 'to', 'To');
		if (from > to)
			throw inputError(this.getNode(), itemIndex, 'To', `(${to}) is before From (${from})`);
		const raw = this.getNodeParameter('filter', itemIndex, {}) as IDataObject;
		const num = (v: unknown) => (v === undefined || v === '' ? undefined : Number(v));
		const filter = parseInput(
			this.getNode(),
			filterSchema,
			{
				callTypes: raw.callTypes === undefined ? undefined : splitList(raw.callTypes),
				innerPhones: raw.innerPhones === undefined ? undefined : splitList(raw.innerPhones),
				minTimeSeconds: num(raw.minTimeSeconds),
				minTimeAwaitingSeconds: num(raw.minTimeAwaitingSeconds),
				maxTimeAwaitingSeconds: num(raw.maxTimeAwaitingSeconds),
			},
			itemIndex,
			LABELS,
		);
		const sentFilter = Object.fromEntries(
			Object.entries(filter).filter(
				([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
			),
		);
		const answer = await unitalkRequest.call(
			this,
			'/operator/statistic',
			{ from, to, ...(Object.keys(sentFilter).length ? { filter: sentFilter } : {}) },
			{ action: 'Get Operator Statistics', idempotent: true, itemIndex },
		);
		return asItems(unwrapData(answer));
	},
};
