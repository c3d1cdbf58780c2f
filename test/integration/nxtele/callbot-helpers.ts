import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

/** Running the NXTele node's Callbot operations against the sandbox. */

export function callbotCredentials(sandbox: Sandbox, overrides: Record<string, unknown> = {}) {
	return {
		nxteleCallbotApi: {
			uuid: sandbox.accounts.nxteleCallbot.uuid,
			secretKey: sandbox.accounts.nxteleCallbot.secretKey,
			algorithm: 'MD5',
			baseUrl: sandbox.baseUrls.nxteleCallbot,
			...overrides,
		},
	} as never;
}

export async function runCallbot(
	sandbox: Sandbox,
	parameters: INodeParameters,
	items: object[] = [{}],
	options: { settings?: object; credentials?: Record<string, unknown> } = {},
) {
	return await runWorkflow(
		singleNodeWorkflow('nxtele', parameters, items, ['nxteleCallbotApi'], options.settings ?? {}),
		{ credentials: callbotCredentials(sandbox, options.credentials) },
	);
}

/** Task settings as the editor saves them, for a task that starts at once. */
export const taskParameters = (overrides: INodeParameters = {}): INodeParameters => ({
	sceneId: 'scene-1',
	taskName: 'Spring leads',
	startMode: 'now',
	workingDays: [1, 2, 3, 4, 5],
	workingHours: {
		windows: [
			{ from: '09:00', to: '12:00' },
			{ from: '13:30', to: '18:00' },
		],
	},
	timeZone: 'Asia/Hong_Kong',
	maxConcurrentCalls: 5,
	...overrides,
});

export const task = (userTaskID: string) => ({ __rl: true, mode: 'id', value: userTaskID });

/** Requests the sandbox recorded for a Callbot endpoint. */
export function callbotRequests(sandbox: Sandbox, endpoint?: string) {
	return sandbox.requests.filter(
		(r) =>
			r.provider === 'nxteleCallbot' &&
			(endpoint === undefined || r.path === `/callcentre/api/v3/${endpoint}`),
	);
}

export const leads = (n: number, start = 0) =>
	Array.from({ length: n }, (_, k) => ({
		phone: `+852 6${String(1000000 + start + k).padStart(7, '0')}`,
		name: `Lead ${start + k}`,
		id: `lead-${start + k}`,
	}));
