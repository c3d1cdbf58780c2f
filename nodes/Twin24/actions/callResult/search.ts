import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPagesByOffset } from '../../../shared/paging';
import { inputError } from '../../../shared/validation';
import { listRows, twin24Request } from '../../transport';
import { isoInstant } from '../dates';
import { pagingLimit } from '../paging';

/**
 * The analytics search ({API}/analyse/api/v1/search/cis/...): `fields` is a comma list of what to
 * return, and any field is also an equality filter. Twin24 returns at most 50,000 records per period
 * (research §2.11). The names of the paging and period parameters are not documented: limit / offset
 * and from / to are what clients send; other filters go through Other Filters.
 */
export const MAX_PER_PERIOD = 50_000;
const PAGE = 1000;

export function fieldsField(defaultFields: string, example: string): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: defaultFields,
		description: `Comma-separated fields to return, for example ${example}`,
	};
}

export const periodFields: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'Start of the period, for example 2026-06-01 00:00 (workflow time zone)',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'End of the period, for example 2026-06-30 23:59 (workflow time zone)',
	},
];

export const otherFiltersField: INodeProperties = {
	displayName: 'Other Filters',
	name: 'otherFilters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Filter',
	description: 'Any other field as an equality filter, for example botId = 228cc4fa-…',
	options: [
		{
			displayName: 'Filter',
			name: 'filter',
			values: [
				{
					displayName: 'Field',
					name: 'field',
					type: 'string',
					default: '',
					description: 'A field name, for example status',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'The value it must have, for example ANSWERED',
				},
			],
		},
	],
};

const FIELD_NAME = /^[A-Za-z_][\w.]*$/;

/** Reads an analytics list with the item's filters; `filters` maps filter field names to API names. */
export async function searchAnalytics(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	action: string,
	filters: IDataObject,
): Promise<IDataObject[]> {
	const node = ctx.getNode();
	const limit = Math.min(pagingLimit(ctx, itemIndex), MAX_PER_PERIOD);
	const fields = String(ctx.getNodeParameter('fields', itemIndex, ''))
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	const badField = fields.find((f) => !FIELD_NAME.test(f));
	if (badField)
		throw inputError(
			node,
			itemIndex,
			'Fields',
			`has "${badField}", which is not a field name; use names such as id,phone,status`,
		);
	const qs: IDataObject = { ...(fields.length ? { fields: fields.join(',') } : {}) };
	for (const [name, value] of Object.entries(filters))
		if (value !== undefined && value !== '') qs[name] = value;
	const zone = ctx.getTimezone();
	const from = isoInstant(
		node,
		itemIndex,
		'From',
		ctx.getNodeParameter('from', itemIndex, ''),
		zone,
	);
	const to = isoInstant(node, itemIndex, 'To', ctx.getNodeParameter('to', itemIndex, ''), zone);
	if (from) qs.from = from;
	if (to) qs.to = to;
	if (from && to && from > to)
		throw inputError(node, itemIndex, 'To', 'is before From; the period must end after it starts');
	const other = ((ctx.getNodeParameter('otherFilters', itemIndex, {}) as IDataObject).filter ??
		[]) as IDataObject[];
	for (const [k, f] of other.entries()) {
		const name = String(f.field ?? '').trim();
		if (!FIELD_NAME.test(name))
			throw inputError(
				node,
				itemIndex,
				`Other Filters ${k + 1} > Field`,
				`must be a field name such as status, got "${name}"`,
			);
		qs[name] = String(f.value ?? '');
	}

	let reported: number | undefined;
	const rows = await readPagesByOffset<IDataObject>(
		0,
		Math.min(PAGE, limit),
		async (offset, size) => {
			const answer = await twin24Request.call(ctx, {
				service: 'analyse',
				method: 'GET',
				path,
				qs: { ...qs, offset, limit: size },
				action,
				idempotent: true,
				itemIndex,
			});
			const page = listRows(answer);
			reported = page.count ?? reported;
			return page;
		},
		limit,
	);
	// Twin24 stops serving a period at its cap but counts every record: all were asked for, fewer came.
	if (
		ctx.getNodeParameter('returnAll', itemIndex, false) === true &&
		reported !== undefined &&
		rows.length < reported
	)
		throw inputError(
			node,
			itemIndex,
			'From',
			`/ "To": the period holds ${reported.toLocaleString('en-US')} records, Twin24 returned ${rows.length.toLocaleString('en-US')} (it gives at most ${MAX_PER_PERIOD.toLocaleString('en-US')} per period); split it into shorter periods`,
		);
	return rows;
}
