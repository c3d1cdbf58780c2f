import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { autodialAction } from '../../transport';
import { autodialerId } from '../common';

/**
 * The actions that take only an autodialer ID (REMOVE, CANCEL, PAUSE, UNPAUSE): one request per item,
 * the autodialer ID and Unitalk's answer as output.
 */
export async function autodialerAction(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: 'REMOVE' | 'CANCEL' | 'PAUSE' | 'UNPAUSE',
	label: string,
): Promise<IDataObject> {
	const id = autodialerId(ctx, itemIndex);
	// None of them can act twice: a second PAUSE changes nothing, a second REMOVE or CANCEL is refused.
	const answer = await autodialAction.call(
		ctx,
		action,
		{ id },
		{ action: label, idempotent: true, itemIndex },
	);
	return { autodialerId: id, ...((answer ?? {}) as IDataObject) };
}
