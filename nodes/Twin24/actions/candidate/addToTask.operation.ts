import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk } from '../../../shared/batching';
import type { BatchEntry } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { itemParameterReader } from '../../../shared/parameters';
import { perRequestSize } from '../../../shared/perRequest';
import { twin24Request } from '../../transport';
import { checkId, taskField } from '../common';
import {
	candidateFieldsField,
	candidatesPerRequestOption,
	failedEntries,
	phoneField,
	readCandidate,
	resultsByPosition,
} from './fields';
import type { Candidate } from './fields';

/** Not documented; large enough for few requests, small enough that one failure costs little. */
export const MAX_CANDIDATES_PER_REQUEST = 1000;

interface Entry {
	taskId: string;
	candidate: Candidate;
}

/**
 * POST /telephony/autoCallCandidate/batch: `{forceStart, batch: [{autoCallId, phone[], ...}]}`. Every
 * input item is one candidate; the items of a run go to Twin24 in requests of Candidates Per Request,
 * one task after another. A request whose answer is lost is not sent again (the people in it might be
 * called twice); the error says which items had already been added.
 */
export const addToTask: BatchOperation = {
	kind: 'batch',
	value: 'addToTask',
	name: 'Add to Task',
	description:
		'Add people to a call task; all input items are combined into a few requests, one candidate per item',
	action: 'Add candidates to a task',
	properties: [
		taskField,
		allowAgentUseField,
		phoneField,
		candidateFieldsField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				candidatesPerRequestOption(MAX_CANDIDATES_PER_REQUEST),
				{
					displayName: 'Start the Task After Adding',
					name: 'forceStart',
					type: 'boolean',
					default: false,
					description:
						'Whether Twin24 starts calling right after the candidates are added (forceStart). Off: start the task with Task > Start.',
				},
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		// Candidates of a running task are called: an AI agent needs the flow builder's consent.
		assertAgentMayPlaceCalls(this, 'Twin24 Add to Task', 0);
		const node = this.getNode();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const perRequest = perRequestSize(node, options, {
			max: MAX_CANDIDATES_PER_REQUEST,
			noun: 'candidates',
		});
		const forceStart = options.forceStart === true;
		const read = {
			task: itemParameterReader(this, 'task', items, '', { extractValue: true }),
			phone: itemParameterReader(this, 'phone', items, ''),
			candidate: itemParameterReader<IDataObject>(this, 'candidate', items, {}),
		};
		return await runBulk<Entry>(this, items.length, {
			noun: 'candidates',
			read: (i) => {
				const taskId = checkId(node, i, 'Task', read.task(i)) as string;
				const candidate = readCandidate(node, i, read.phone(i), read.candidate(i));
				return { group: taskId, entries: [{ taskId, candidate }] };
			},
			perRequest,
			send: async (taskId, batch: Array<BatchEntry<Entry>>) => {
				const answer = await twin24Request.call(this, {
					method: 'POST',
					path: '/telephony/autoCallCandidate/batch',
					body: {
						...(forceStart ? { forceStart: true } : {}),
						batch: batch.map((e) => ({ autoCallId: taskId, ...e.value.candidate })),
					},
					action: 'Add to Task',
					// Adding twice may call a person twice: an answer that is lost is not retried.
					idempotent: false,
					itemIndex: batch[0].itemIndex,
					timeoutMs: 180_000,
				});
				const results = resultsByPosition(answer, batch.length);
				return batch.map((e, k) => ({
					taskId,
					status: 'added',
					...results[k],
				}));
			},
			requestFailed: failedEntries,
			progressNote: (requests, entries) =>
				`${requests} earlier request(s) of this run had already added ${entries} candidate(s); they are in the task and must not be added again.`,
			summarise: (outcomes) => {
				const { entry, json } = outcomes[0];
				return {
					...json,
					phone: entry.value.candidate.phone,
					...candidateEcho(entry.value.candidate),
				};
			},
		});
	},
};

/** What of the candidate the output repeats, so the next node can match it to its record. */
export function candidateEcho(candidate: Candidate): IDataObject {
	const echo: IDataObject = {};
	if (candidate.clientExternalId) echo.clientExternalId = candidate.clientExternalId;
	if (candidate.callbackData) echo.callbackData = candidate.callbackData;
	return echo;
}
