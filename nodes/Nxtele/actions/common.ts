import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from '../../shared/validation';

/** Pieces every Callbot v3 operation shares. */

/** `productID` of every Callbot v3 request: the docs give it as the fixed value "callbot". */
export const PRODUCT_ID = 'callbot';

/** listTask taskStatus (research §2.12). */
export const TASK_STATUSES = [
	{ name: 'Pending Start', value: 1 },
	{ name: 'In Progress', value: 2 },
	{ name: 'Completed', value: 3 },
	{ name: 'Ended (Failed)', value: 4 },
	{ name: 'Paused', value: 5 },
];

export const callbackUrlHint =
	"To handle it in n8n, add an NXTele Trigger to a workflow, activate that workflow and paste the trigger's Production URL here (the Test URL only listens while you test).";

export const httpUrl = z
	.string()
	.trim()
	.regex(/^https?:\/\/\S+$/i, 'must be a web address starting with http:// or https://');

/** The task an operation works on: picked from the task list, or its Task ID (userTaskID). */
export const taskField: INodeProperties = {
	displayName: 'Task',
	name: 'task',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Callbot task, by the Task ID it was created with (userTaskID)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCallbotTasks', searchable: true },
		},
		{
			displayName: 'By Task ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 7d3c5a0e-1f2b-4c9d-8e7f-0a1b2c3d4e5f',
		},
	],
};

/** The userTaskID of the Task field of item `itemIndex`. */
export function taskIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return checkTaskId(
		ctx,
		itemIndex,
		ctx.getNodeParameter('task', itemIndex, '', { extractValue: true }),
	);
}

/** The Task field's value checked: a userTaskID, or an error naming the item. */
export function checkTaskId(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): string {
	const value = String(raw ?? '').trim();
	if (!value)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Task',
			'is required: pick a task or give its Task ID',
		);
	return value;
}

/**
 * Whether an answer's error text says the ID was already used. The docs do not say how the
 * provider words it, so this is deliberately wide (English and Chinese wording).
 */
export function looksLikeDuplicate(message: unknown): boolean {
	return /exist|duplicat|repeat|already|重复|已存在/i.test(String(message ?? ''));
}

/** The answer without the envelope fields, for output. */
export function withoutEnvelope(answer: IDataObject): IDataObject {
	const rest = { ...answer };
	delete rest.retCode;
	delete rest.retMsg;
	return rest;
}
