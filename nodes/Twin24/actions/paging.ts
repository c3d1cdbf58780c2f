import type { IExecuteFunctions } from 'n8n-workflow';

import { isReturnAll } from '../../shared/lists';
import { inputError } from '../../shared/validation';

/**
 * How many rows a list operation reads (its Return All / Limit fields come from shared/lists): no
 * bound with Return All, else Limit, checked before the first page is asked for.
 */
export function pagingLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (isReturnAll(ctx, itemIndex)) return Infinity;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Limit',
			`must be a whole number of at least 1, got ${String(limit)}`,
		);
	return limit;
}
