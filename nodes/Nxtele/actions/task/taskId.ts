import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';

/** The Task ID field of Create and Create and Call: your own userTaskID, or one derived for you. */
export const ownTaskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'userTaskId',
	type: 'string',
	default: '',
	placeholder: 'e.g. ={{ $json.campaignId }}',
	description:
		'Your own unique ID for the task (userTaskID), e.g. a CRM campaign ID; later operations find the task by it. Empty: one is derived from this execution and node, so a retry can never create a second task.',
};

/** The Task ID the user gave, or undefined to derive one. */
export function ownTaskId(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = String(ctx.getNodeParameter('userTaskId', itemIndex, '') ?? '').trim();
	if (value.length > 64)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Task ID',
			`is ${value.length} characters long; use at most 64`,
		);
	return value || undefined;
}
