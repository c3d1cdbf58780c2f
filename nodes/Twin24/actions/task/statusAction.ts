import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { twin24Request } from '../../transport';
import { readId } from '../common';

/**
 * POST /telephony/autoCall/{id}/play | pause | halted (research §2.4): no body; Twin24 answers 200.
 * Sending one twice leaves the task as once (a running task stays running), so a lost answer is
 * retried.
 */
export async function taskAction(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: 'play' | 'pause' | 'halted',
	label: string,
	status: string,
): Promise<IDataObject> {
	const taskId = readId(ctx, itemIndex, 'task', 'Task') as string;
	const answer = await twin24Request.call(ctx, {
		method: 'POST',
		path: `/telephony/autoCall/${encodeURIComponent(taskId)}/${action}`,
		action: label,
		idempotent: true,
		itemIndex,
	});
	const details =
		answer && typeof answer === 'object' && !Array.isArray(answer) && Object.keys(answer).length
			? { response: answer as IDataObject }
			: {};
	return { taskId, requested: status, ...details };
}
