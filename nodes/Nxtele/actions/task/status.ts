import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';
import { PRODUCT_ID, TASK_STATUSES, taskField, taskIdOf, withoutEnvelope } from '../common';

/** mgrTaskStatus taskOperate: 1 start, 2 pause, 3 finish (research §2.7). */
const TASK_OPERATE = { start: 1, pause: 2, stop: 3 } as const;

const deleteUndialledField: INodeProperties = {
	displayName: 'Delete Undialled Orders',
	name: 'deleteUndialled',
	type: 'boolean',
	default: false,
	description:
		'Whether to also delete the orders of the task that were not dialled yet (delCall = 1). Use with care: they cannot be brought back.',
};

/** Task → Start / Pause / Stop: one mgrTaskStatus request per item. Setting a state twice is the same as once. */
function statusOperation(
	operate: keyof typeof TASK_OPERATE,
	text: { name: string; description: string; action: string },
): ItemOperation {
	const startsCalls = operate === 'start';
	return {
		kind: 'item',
		value: operate,
		...text,
		properties: [
			taskField,
			...(operate === 'stop' ? [deleteUndialledField] : []),
			...(startsCalls ? [allowAgentUseField] : []),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			if (startsCalls) assertAgentMayPlaceCalls(this, 'NXTele Start Task', itemIndex);
			const userTaskID = taskIdOf(this, itemIndex);
			const deleteUndialled =
				operate === 'stop' && this.getNodeParameter('deleteUndialled', itemIndex, false) === true;
			const answer = await callbotRequest.call(
				this,
				'mgrTaskStatus',
				{
					productID: PRODUCT_ID,
					userTaskID,
					taskOperate: TASK_OPERATE[operate],
					delCall: deleteUndialled ? 1 : 0,
				},
				{ action: text.name, idempotent: true, itemIndex },
			);
			const status = TASK_STATUSES.find((s) => s.value === Number(answer.taskStatus));
			return {
				userTaskID,
				...withoutEnvelope(answer),
				...(status ? { taskStatusName: status.name } : {}),
			};
		},
	};
}

export const start = statusOperation('start', {
	name: 'Start',
	description: 'Start (or resume) a task: it begins dialling its orders',
	action: 'Start a callbot task',
});
export const pause = statusOperation('pause', {
	name: 'Pause',
	description: 'Pause a task; Start resumes it',
	action: 'Pause a callbot task',
});
export const stop = statusOperation('stop', {
	name: 'Stop',
	description: 'Finish a task for good; it cannot be started again',
	action: 'Stop a callbot task',
});
