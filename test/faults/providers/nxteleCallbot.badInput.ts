/**
 * Malformed input for NXTele Callbot: one bad item among good ones, in a field the node checks per
 * item before sending: the phone number (empty, letters, other characters, too short, too long, not
 * text), the Order ID (more than 64 characters), the callback URLs (not http(s); Order → Add reads them
 * per item), the Task and the name of a script variable (empty).
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { TASK_STATUS } from '../../../sandbox/nxteleCallbot/state';
import { badInputCases, badPhone, tooLong } from '../harness/badInputCases';
import type { BadField, BadInputTarget } from '../harness/badInputCases';
import type { BadInputSuite } from '../harness/types';

/** The task the Order → Add runs add to (seeded straight into the sandbox state). */
export const SEEDED_TASK = 'fault-task';

export function seedTask(sb: Sandbox): void {
	const now = Math.floor(Date.now() / 1000);
	sb.providers.nxteleCallbot.state.tasks.set(SEEDED_TASK, {
		userTaskID: SEEDED_TASK,
		taskID: 'T-fault-task',
		sceneID: 'scene-1',
		taskName: 'Fault task',
		taskStatus: TASK_STATUS.pending,
		createTs: now,
		updatedTs: now,
		taskCreateSetting: {},
		funcFlag: { taskKeep: true },
		taskCallbackUrl: '',
		orderCallbackUrl: '',
		other: '',
		orderIDs: [],
		createdBy: 'createTask',
	});
}

/** The numbers of the orders a request carried (callInfoList.callList[].userPhone). */
export function callListNumbers(r: RecordedRequest): string[] {
	let body: IDataObject;
	try {
		body = JSON.parse(r.rawBody) as IDataObject;
	} catch {
		return [];
	}
	const list = ((body.callInfoList as IDataObject | undefined)?.callList ?? []) as IDataObject[];
	return list.map((o) => String(o.userPhone ?? ''));
}

const goodPhone = (i: number) => `8613${String(300_000_000 + i)}`;

/** Text that is not empty and not an http(s) address. */
const notAWebAddress = fc.oneof(
	fc.constantFrom('example.com/hook', 'ftp://example.com/x', 'www.example.com', 'http//x', 'n8n'),
	fc.stringMatching(/^[a-z]{1,12}$/),
	fc.stringMatching(/^[a-z]{2,8}:\/\/[a-z]{1,8}\.[a-z]{2,3}$/).filter((s) => !/^https?:/.test(s)),
);

const orderFields: BadField[] = [
	{ key: 'phone', field: 'Phone Number', bad: badPhone },
	{ key: 'id', field: 'Order ID', bad: tooLong(64) },
];

const TARGETS: BadInputTarget[] = [
	{
		node: 'nxtele',
		credentialType: 'nxteleCallbotApi',
		operation: 'Order Add',
		parameters: {
			resource: 'order',
			operation: 'add',
			task: { __rl: true, mode: 'id', value: '={{ $json.task }}' },
			phone: '={{ $json.phone }}',
			orderId: '={{ $json.id }}',
			orderCallbackUrl: '={{ $json.orderUrl }}',
			callCallbackUrl: '={{ $json.callUrl }}',
			variables: { variable: [{ name: '={{ $json.variable }}', value: '42' }] },
		},
		good: (phone, i) => ({
			phone,
			id: `lead-${i}`,
			task: SEEDED_TASK,
			orderUrl: 'https://n8n.example.com/webhook/order',
			callUrl: '',
			variable: 'amount',
		}),
		fields: [
			...orderFields,
			{ key: 'orderUrl', field: 'Order Callback URL', bad: notAWebAddress },
			{ key: 'callUrl', field: 'Call Callback URL', bad: notAWebAddress },
			{ key: 'task', field: 'Task', bad: fc.constantFrom('', ' ', '\t', null) },
			{
				key: 'variable',
				field: 'Script Variables > Variable 1 > Name',
				bad: fc.constantFrom('', ' ', '\n', null),
			},
		],
	},
	{
		node: 'nxtele',
		credentialType: 'nxteleCallbotApi',
		operation: 'Task Create and Call',
		parameters: {
			resource: 'task',
			operation: 'createAndCall',
			sceneId: 'scene-1',
			taskName: 'Bad input run',
			startMode: 'now',
			workingDays: [1, 2, 3, 4, 5],
			workingHours: { windows: [{ from: '09:00', to: '18:00' }] },
			timeZone: 'Asia/Hong_Kong',
			maxConcurrentCalls: 5,
			phone: '={{ $json.phone }}',
			orderId: '={{ $json.id }}',
		},
		good: (phone, i) => ({ phone, id: `lead-${i}` }),
		fields: orderFields,
	},
];

export const callbotBadInput: BadInputSuite = {
	cases: badInputCases(TARGETS, goodPhone),
	prepare: seedTask,
	numbersIn: callListNumbers,
};
