import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { readPagesByOffset } from '../../../shared/paging';
import { inputError } from '../../../shared/validation';
import { listRows, twin24Request } from '../../transport';
import { isoInstant } from '../dates';
import { returnAllFields } from '../../../shared/lists';
import { pagingLimit } from '../paging';

/** Documented page size limit of GET /telephony/autoCall. */
export const MAX_PAGE = 1000;

export const TASK_STATUSES = ['BLANK', 'READY', 'PROCESS', 'PAUSED', 'HALTED'];

/**
 * GET /telephony/autoCall (research §2.2): offset + limit paging, a page shorter than the limit is the
 * last; filters keyword, status (comma list), from / to (ISO), sort.
 */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List call tasks, filtered by name, status and period',
	action: 'Get many tasks',
	properties: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Created After',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only tasks from this moment on, for example 2026-06-01 00:00',
				},
				{
					displayName: 'Created Before',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Only tasks up to this moment, for example 2026-06-30 23:59',
				},
				{
					displayName: 'Name Contains',
					name: 'keyword',
					type: 'string',
					default: '',
					description: 'Only tasks whose name contains this text, for example promo',
				},
				{
					displayName: 'Other Statuses',
					name: 'otherStatuses',
					type: 'string',
					default: '',
					description:
						'Statuses not in the list above, comma-separated, for example FINISHED (Twin24 does not document them all)',
				},
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'string',
					default: '-updatedAt',
					description:
						'A field with - (descending) or + (ascending) in front, for example -updatedAt or -status',
				},
				{
					displayName: 'Statuses',
					name: 'status',
					type: 'multiOptions',
					options: [...TASK_STATUSES].sort().map((s) => ({ name: s, value: s })),
					default: [],
					description:
						'Only tasks in one of these statuses (BLANK: no people yet, READY: waiting, PROCESS: calling, PAUSED, HALTED: stopped)',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const limit = pagingLimit(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const zone = this.getTimezone();
		const statuses = [
			...((filters.status as string[] | undefined) ?? []),
			...String(filters.otherStatuses ?? '')
				.split(',')
				.map((s) => s.trim().toUpperCase())
				.filter(Boolean),
		];
		const sort = String(filters.sort ?? '').trim();
		if (sort && !/^[+-]?[A-Za-z_][\w.]*$/.test(sort))
			throw inputError(
				node,
				itemIndex,
				'Sort',
				`must be a field name with + or - in front, for example -updatedAt, got "${sort}"`,
			);
		const qs: IDataObject = {
			...(filters.keyword ? { keyword: String(filters.keyword) } : {}),
			...(statuses.length ? { status: statuses.join(',') } : {}),
			...(sort ? { sort } : {}),
		};
		const from = isoInstant(node, itemIndex, 'Created After', filters.from, zone);
		const to = isoInstant(node, itemIndex, 'Created Before', filters.to, zone);
		if (from) qs.from = from;
		if (to) qs.to = to;
		return await readPagesByOffset<IDataObject>(
			0,
			Math.min(MAX_PAGE, limit),
			async (offset, size) => {
				const answer = await twin24Request.call(this, {
					method: 'GET',
					path: '/telephony/autoCall',
					qs: { ...qs, offset, limit: size },
					action: 'Get Tasks',
					idempotent: true,
					itemIndex,
				});
				return listRows(answer);
			},
			limit,
		);
	},
};
