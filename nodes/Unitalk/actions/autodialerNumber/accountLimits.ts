import type { IExecuteFunctions } from 'n8n-workflow';

import { configuration } from '../autodialer/task';

/**
 * The account's own per-request limits, which GET_WITH_DATA reports ("maxAddNumbersCount – maximum
 * number of numbers that can be added in one action", "maxRemoveNumbersCount"). Read once per run
 * (shared with the other autodialer operations); when the answer has no usable figure, or cannot be
 * read, the documented limits apply (undefined here) and the run goes on.
 */
export async function accountLimit(
	ctx: IExecuteFunctions,
	figure: 'maxAddNumbersCount' | 'maxRemoveNumbersCount',
): Promise<number | undefined> {
	try {
		const value = Number((await configuration(ctx, 0))[figure]);
		return Number.isInteger(value) && value >= 1 ? value : undefined;
	} catch {
		return undefined;
	}
}
