import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../../shared/operations';
import { callbotRequest, isSignatureMismatch } from '../../transport';
import { PRODUCT_ID } from '../common';

/** The task with this userTaskID as listTask shows it, or undefined when there is none. */
export async function findTask(
	ctx: IExecuteFunctions,
	userTaskID: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const answer = await callbotRequest.call(
		ctx,
		'listTask',
		{ productID: PRODUCT_ID, page: 1, size: 10, queryConditions: { userTaskID: [userTaskID] } },
		{ action: 'Get Task', idempotent: true, itemIndex },
	);
	const tasks = (answer.taskData ?? []) as IDataObject[];
	return tasks.find((t) => t.userTaskID === userTaskID);
}

export interface Created {
	answer: IDataObject;
	/** The task was there already: made by an earlier attempt of this same work (or, with your own Task ID, before). */
	alreadyExisted: boolean;
}

/**
 * createTask / createAndCall exactly once per userTaskID. Our transport repeats a request whose
 * answer was lost (the ID makes that safe), so the provider may answer the repeat with "already
 * exists"; the docs do not say how it words that, so any refusal is followed by a look at the task
 * list: a task with this ID means the work is done, and its answer is read as the success it is.
 */
export async function createOnce(
	ctx: IExecuteFunctions,
	endpoint: 'createTask' | 'createAndCall',
	body: IDataObject & { userTaskID: string },
	options: { action: string; itemIndex: number; answerCodes?: number[] },
): Promise<Created> {
	try {
		const answer = await callbotRequest.call(ctx, endpoint, body, {
			...options,
			idempotent: true,
		});
		return { answer, alreadyExisted: false };
	} catch (error) {
		// An answer that fails its signature check is not trusted, nor is anything built on it.
		const existing = isSignatureMismatch(error)
			? undefined
			: await findTask(ctx, body.userTaskID, options.itemIndex).catch(() => undefined);
		if (!existing) throw asNodeError(ctx, error, options.itemIndex);
		return { answer: { taskID: existing.taskID }, alreadyExisted: true };
	}
}
