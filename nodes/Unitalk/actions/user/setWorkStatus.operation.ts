import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { queryString } from '../../../shared/lists';

export const WORK_STATUSES = ['WORK', 'STOP', 'PAUS'] as const;

const schema = z.object({
	number: z.string().trim().regex(/^\d+$/, 'must be an internal line number (digits only)'),
	status: z.enum(WORK_STATUSES),
	statusName: z.string().trim().optional(),
});

/**
 * "Changing work status": /phones/inner/setStatus with `number` (the user's internal line), `status`
 * (WORK, STOP, PAUS) and optionally `statusName`. The doc gives no Content-Type ("—"), like the
 * other parameter-only methods whose example puts the parameters in the URL, so they go there.
 */
export const setWorkStatus: ItemOperation = {
	kind: 'item',
	value: 'setWorkStatus',
	name: 'Set Work Status',
	description: 'Set the work status of the user on an internal line',
	action: 'Set the work status of a user',
	properties: [
		{
			displayName: 'Line Name or ID',
			name: 'number',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getUserLines' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Not Working', value: 'STOP' },
				{ name: 'Pause', value: 'PAUS' },
				{ name: 'Working', value: 'WORK' },
			],
			default: 'WORK',
			description:
				"The new work status of the operator: Working (takes calls), Pause (a break), or Not Working (off shift). Status Name below can name one of the project's own statuses of that kind.",
		},
		{
			displayName: 'Status Name',
			name: 'statusName',
			type: 'string',
			default: '',
			placeholder: 'Cold Calling',
			description:
				'Optional kind of the status, for example a pause type; it must match exactly one of the work status names of the project',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const input = parseInput(
			this.getNode(),
			schema,
			{
				number: String(this.getNodeParameter('number', itemIndex, '') ?? ''),
				status: this.getNodeParameter('status', itemIndex),
				statusName: (this.getNodeParameter('statusName', itemIndex, '') as string) || undefined,
			},
			itemIndex,
			{ number: 'Line', status: 'Status', statusName: 'Status Name' },
		);
		const answer = await unitalkRequest.call(
			this,
			`/phones/inner/setStatus${queryString({ number: input.number, status: input.status, statusName: input.statusName })}`,
			undefined,
			// Setting the same status twice leaves it as set once.
			{ action: 'Set Work Status', idempotent: true, itemIndex },
		);
		// The provider's answer ({"status": "Success"}) first, then what was set, named like Get Many names it.
		return {
			...(answer && typeof answer === 'object' && !Array.isArray(answer)
				? (answer as IDataObject)
				: {}),
			number: input.number,
			workStatus: input.status,
			...(input.statusName ? { workStatusName: input.statusName } : {}),
		};
	},
};
