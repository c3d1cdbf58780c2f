import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { itemParameterReader } from '../../../shared/parameters';
import { perRequestSize } from '../../../shared/perRequest';
import { twin24Request } from '../../transport';
import { botField, checkId } from '../common';
import { candidateEcho } from './addToTask.operation';
import {
	candidateFieldsField,
	candidatesPerRequestOption,
	failedEntries,
	phoneField,
	readCandidate,
	resultsByPosition,
} from './fields';
import type { Candidate } from './fields';

/** Each entry creates a task and calls: smaller requests than Add to Task (no documented limit). */
const MAX_PER_REQUEST = 100;

interface Entry {
	candidate: Candidate;
	templateId?: string;
	botId?: string;
	checkPhone?: boolean;
}

/**
 * POST /telephony/autoCallCandidate/single/batch (twin24-batch-candidates.txt): Twin24 creates a task
 * from the template (or the cabinet's default one) and calls at once. Items are combined; the answer
 * `[[{autoCallId, autoCallCandidateId}]]` gives each item its own task and candidate ID.
 */
export const callFromTemplate: BatchOperation = {
	kind: 'batch',
	value: 'callFromTemplate',
	name: 'Call From Template',
	description:
		'Create a task from a call task template and call the people at once; each item gets its task and candidate ID',
	action: 'Call candidates from a template',
	properties: [
		allowAgentUseField,
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			default: '',
			description:
				'The call task template (Twin24 cabinet > Call task templates; Twin24 has no list of them to choose from), for example bb973460-5b2e-4a8d-9f3e-0d9d2d12196a. Empty: the template set as default in Twin24.',
		},
		phoneField,
		{
			...botField('bot', 'Bot Script', false),
			description: "The script to use instead of the template's one (optional)",
		},
		candidateFieldsField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				candidatesPerRequestOption(MAX_PER_REQUEST),
				{
					displayName: 'Check Phone',
					name: 'checkPhone',
					type: 'boolean',
					default: true,
					description: 'Whether Twin24 checks that each number is valid before calling it',
				},
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		assertAgentMayPlaceCalls(this, 'Twin24 Call From Template', 0);
		const node = this.getNode();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const perRequest = perRequestSize(node, options, { max: MAX_PER_REQUEST, noun: 'candidates' });
		const read = {
			template: itemParameterReader(this, 'templateId', items, ''),
			bot: itemParameterReader(this, 'bot', items, '', { extractValue: true }),
			phone: itemParameterReader(this, 'phone', items, ''),
			candidate: itemParameterReader<IDataObject>(this, 'candidate', items, {}),
		};
		return await runBulk<Entry>(this, items.length, {
			noun: 'candidates',
			read: (i) => ({
				group: 'all',
				entries: [
					{
						candidate: readCandidate(node, i, read.phone(i), read.candidate(i)),
						templateId: checkId(node, i, 'Template ID', read.template(i), false),
						botId: checkId(node, i, 'Bot Script', read.bot(i), false),
						...(typeof options.checkPhone === 'boolean' ? { checkPhone: options.checkPhone } : {}),
					},
				],
			}),
			perRequest,
			send: async (_group, batch) => {
				const answer = await twin24Request.call(this, {
					method: 'POST',
					path: '/telephony/autoCallCandidate/single/batch',
					body: {
						batch: batch.map(({ value }) => ({
							...value.candidate,
							...(value.templateId ? { autoCallTemplateId: value.templateId } : {}),
							...(value.botId ? { botSettingsId: value.botId } : {}),
							...(value.checkPhone === undefined ? {} : { checkPhone: value.checkPhone }),
						})),
					},
					action: 'Call From Template',
					// Creates tasks and calls at once: never sent twice.
					idempotent: false,
					itemIndex: batch[0].itemIndex,
					timeoutMs: 180_000,
				});
				const results = resultsByPosition(answer, batch.length);
				return batch.map((_e, k) => ({ status: 'calling', ...results[k] }));
			},
			requestFailed: failedEntries,
			progressNote: (requests, entries) =>
				`${requests} earlier request(s) of this run had already started calls for ${entries} candidate(s); do not send them again.`,
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
