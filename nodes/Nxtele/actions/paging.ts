import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPages } from '../../shared/paging';
import { isReturnAll, returnAllFields } from '../../shared/lists';
import { inputError } from '../../shared/validation';
import { callbotRequest } from '../transport';

/**
 * The Callbot lists (listTask, listOrder, listCall) page with `page` (from 1) and `size`; the docs
 * give no largest size and no total, so a page shorter than asked for is the last one.
 */
export const DEFAULT_PAGE_SIZE = 100;

export function listFields(): INodeProperties[] {
	return [
		...returnAllFields(),
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_PAGE_SIZE,
			description: `Rows asked for per request, e.g. ${DEFAULT_PAGE_SIZE}. The docs give no maximum; lower it if NXTele refuses the size.`,
		},
	];
}

/** Every row (Return All) or the first Limit rows of a list, read page by page. */
export async function readList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	endpoint: string,
	rowsKey: string,
	body: IDataObject,
	action: string,
): Promise<IDataObject[]> {
	const pageSize = Number(ctx.getNodeParameter('pageSize', itemIndex, DEFAULT_PAGE_SIZE));
	if (!Number.isInteger(pageSize) || pageSize < 1)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Page Size',
			`must be a whole number of at least 1, got ${String(pageSize)}`,
		);
	const limit = isReturnAll(ctx, itemIndex)
		? Infinity
		: Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (limit !== Infinity && (!Number.isInteger(limit) || limit < 1))
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Limit',
			`must be a whole number of at least 1, got ${String(limit)}`,
		);
	const size = Math.min(pageSize, limit);
	const rows = await readPages<IDataObject, number>(
		1,
		size,
		async (page, pageRows) => {
			const answer = await callbotRequest.call(
				ctx,
				endpoint,
				{ ...body, page, size: pageRows },
				{ action, idempotent: true, itemIndex },
			);
			return { rows: (answer[rowsKey] ?? []) as IDataObject[], next: page + 1 };
		},
		limit,
	);
	return rows;
}
