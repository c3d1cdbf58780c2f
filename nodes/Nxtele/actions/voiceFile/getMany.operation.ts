import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/lists';
import type { ItemOperation } from '../../../shared/operations';
import { readPages } from '../../../shared/paging';
import { inputError } from '../../../shared/validation';
import {
	endpointOptions,
	readEndpoint,
	voiceRequest,
	type VoiceEndpoint,
} from '../voice/transport';

/** Documented (research §4.7) as a form with the console login; bizType and action are not documented. */
export const FILE_LIST_ENDPOINT: VoiceEndpoint = {
	path: '/api/voiceSms/getUserFileUrl',
	bizType: '7',
	action: 'getUserFileUrl',
};
/** The page size is not documented to have a maximum; 100 keeps answers small. */
const PAGE_SIZE = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Voice File → Get Many: the voice files uploaded to the account, newest pages first as NXCloud gives them. */
export const getManyVoiceFiles: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List the uploaded voice files',
	action: 'Get many voice files',
	properties: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'File Name Contains',
					name: 'queryName',
					type: 'string',
					default: '',
					placeholder: 'e.g. welcome',
					description: 'Only files whose name contains this text',
				},
				{
					displayName: 'Uploaded From',
					name: 'startTime',
					type: 'string',
					default: '',
					placeholder: 'e.g. 2026-06-01',
					description: 'First upload day, yyyy-MM-dd',
				},
				{
					displayName: 'Uploaded Until',
					name: 'endTime',
					type: 'string',
					default: '',
					placeholder: 'e.g. 2026-06-30',
					description: 'Last upload day, yyyy-MM-dd',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				endpointOptions(
					FILE_LIST_ENDPOINT,
					'The path is documented; the bizType and action headers are not.',
				),
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const form: Record<string, string> = {};
		for (const [key, label] of [
			['startTime', 'Uploaded From'],
			['endTime', 'Uploaded Until'],
		] as const) {
			const v = String(filters[key] ?? '').trim();
			if (v === '') continue;
			if (!DATE.test(v))
				throw inputError(node, itemIndex, label, `must be a day as yyyy-MM-dd, got "${v}"`);
			form[key] = v;
		}
		const name = String(filters.queryName ?? '').trim();
		if (name) form.queryName = name;
		const credentials = await this.getCredentials('nxteleApi', itemIndex);
		if (credentials.consoleAccount) form.account = String(credentials.consoleAccount);
		if (credentials.consolePassword) form.password = String(credentials.consolePassword);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const endpoint = readEndpoint(this, itemIndex, FILE_LIST_ENDPOINT);
		return await readPages<IDataObject, number>(
			1,
			Math.min(PAGE_SIZE, limit),
			async (page, pageSize) => {
				const answer = await voiceRequest.call(this, {
					endpoint,
					body: { form: { ...form, page, page_size: pageSize } },
					action: 'Voice File Get Many',
					idempotent: true,
					itemIndex,
				});
				const info = (answer.info ?? {}) as IDataObject;
				const rows = Array.isArray(info.rows) ? (info.rows as IDataObject[]) : [];
				const total = Number(info.total);
				const more = Number.isFinite(total) ? page * pageSize < total : rows.length === pageSize;
				return { rows, next: more ? page + 1 : undefined };
			},
			limit,
		);
	},
};
