import type { ResourceDefinition } from '../../shared/operations';
import { getMany as getBots } from './bot/getMany.operation';
import { getSettings as getBotSettings } from './bot/getSettings.operation';
import { depersonalize } from './callResult/depersonalize.operation';
import { getMany as getCallResults } from './callResult/getMany.operation';
import { getSessions } from './callResult/getSessions.operation';
import { addToTask } from './candidate/addToTask.operation';
import { callFromTemplate } from './candidate/callFromTemplate.operation';
import { cancel as cancelCandidate } from './candidate/cancel.operation';
import { singleCall } from './candidate/singleCall.operation';
import { create as createTask } from './task/create.operation';
import { get as getTask } from './task/get.operation';
import { getMany as getTasks } from './task/getMany.operation';
import { pause as pauseTask } from './task/pause.operation';
import { start as startTask } from './task/start.operation';
import { stop as stopTask } from './task/stop.operation';

/**
 * Every resource of the Twin24 node with its operations, in dropdown order; the first operation of
 * a resource is its default, so none starts on a destructive one.
 */
export const resources: ResourceDefinition[] = [
	{
		value: 'task',
		name: 'Task',
		description: 'Call tasks (auto-calls): create, list, start, pause, stop',
		operations: [createTask, getTask, getTasks, pauseTask, startTask, stopTask],
	},
	{
		value: 'candidate',
		name: 'Candidate',
		description: 'People to call: add to a task, call from a template, single call, cancel',
		operations: [addToTask, callFromTemplate, cancelCandidate, singleCall],
	},
	{
		value: 'callResult',
		name: 'Call Result',
		description: 'Results and dialogs of calls, and erasing personal data',
		operations: [getCallResults, getSessions, depersonalize],
	},
	{
		value: 'bot',
		name: 'Bot',
		description: 'Voice robot scripts',
		operations: [getBots, getBotSettings],
	},
];
