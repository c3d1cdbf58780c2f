import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { twin24Request } from '../../transport';
import { readId, taskField } from '../common';

/** GET /telephony/autoCall/{id} (research §2.3: seen in a white-label client only; the answer is passed on). */
export const get: ItemOperation = {
	kind: 'item',
	value: 'get',
	name: 'Get',
	description: 'Get one task with its status and counters',
	action: 'Get a task',
	properties: [taskField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const taskId = readId(this, itemIndex, 'task', 'Task') as string;
		const answer = await twin24Request.call(this, {
			method: 'GET',
			path: `/telephony/autoCall/${encodeURIComponent(taskId)}`,
			action: 'Get Task',
			idempotent: true,
			itemIndex,
		});
		const task = (answer ?? {}) as IDataObject;
		// Some answers wrap the task in {item} or {data}.
		const inner = (task.item ?? task.data) as IDataObject | undefined;
		return inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : task;
	},
};
