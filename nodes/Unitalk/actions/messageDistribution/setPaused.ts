import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unitalkRequest } from '../../transport';
import { distributionId } from './common';

/**
 * "Pausing and unpausing a distribution": /messageDistribution/setPaused with `id` and `paused` as
 * form fields (the doc's example `?id=1234&id=true` repeats `id` by mistake; its text names `paused`).
 * Idempotent: pausing a paused distribution changes nothing.
 */
export async function setPaused(
	ctx: IExecuteFunctions,
	itemIndex: number,
	paused: boolean,
): Promise<IDataObject> {
	const id = distributionId(ctx, itemIndex);
	const answer = await unitalkRequest.call(
		ctx,
		'/messageDistribution/setPaused',
		{ form: { id, paused } },
		{ action: paused ? 'Pause Distribution' : 'Unpause Distribution', idempotent: true, itemIndex },
	);
	return { ...((answer && typeof answer === 'object' ? answer : {}) as IDataObject), id, paused };
}
