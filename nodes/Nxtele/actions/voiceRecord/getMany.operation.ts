import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { returnAllFields } from '../../../shared/lists';
import type { ItemOperation } from '../../../shared/operations';
import { readPages } from '../../../shared/paging';
import { inputError } from '../../../shared/validation';
import { providerDateTime, timeZoneOption } from '../voice/fields';
import {
	endpointOptions,
	readEndpoint,
	voiceAppFields,
	voiceRecordProfile,
	voiceRequest,
	type VoiceEndpoint,
} from '../voice/transport';

/** Documented (research §4.8) as a form; at most 1 request per second. bizType and action are not documented. */
export const RECORD_ENDPOINT: VoiceEndpoint = {
	path: '/api/voiceSms/getVoiceCdr',
	bizType: '7',
	action: 'getVoiceCdr',
};
const PAGE_SIZE = 100;
/** Documented: the span is at most 24 hours and only the last 7 days can be queried. */
const MAX_SPAN_MS = 24 * 3600 * 1000;
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Voice Record → Get Many: the call records of group calls or of notifications and codes. The governor
 * keeps the documented 1 request per second per account, across every running workflow.
 */
export const getManyVoiceRecords: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List the call records of a time span (at most 24 hours, within the last 7 days)',
	action: 'Get many voice records',
	properties: [
		{
			displayName: 'Record Type',
			name: 'voiceType',
			type: 'options',
			options: [
				{ name: 'Group Call', value: 0 },
				{ name: 'Notification or Verification Code', value: 1 },
			],
			default: 0,
			description: 'Which calls to list (voiceType)',
		},
		{
			displayName: 'From',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'Start of the span, e.g. 2026-06-21T00:00:00. The span is at most 24 hours and within the last 7 days.',
		},
		{
			displayName: 'Until',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'End of the span, e.g. 2026-06-21T23:59:59',
		},
		...returnAllFields(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Message ID',
					name: 'messageId',
					type: 'string',
					default: '',
					placeholder: 'e.g. 784522',
					description:
						'Only the records of this send (the task ID of a group call, the message ID of a notification or code)',
				},
				timeZoneOption,
				endpointOptions(
					RECORD_ENDPOINT,
					'The path is documented; the bizType and action headers are not.',
				),
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const zone = String(this.getNodeParameter('options.timeZone', itemIndex, 'UTC') || 'UTC');
		const startRaw = this.getNodeParameter('startTime', itemIndex, '');
		const endRaw = this.getNodeParameter('endTime', itemIndex, '');
		const start = providerDateTime(node, itemIndex, 'From', startRaw, zone);
		const end = providerDateTime(node, itemIndex, 'Until', endRaw, zone);
		const startMs = DateTime.fromFormat(start, 'yyyy-MM-dd HH:mm:ss', { zone }).toMillis();
		const endMs = DateTime.fromFormat(end, 'yyyy-MM-dd HH:mm:ss', { zone }).toMillis();
		if (endMs < startMs)
			throw inputError(node, itemIndex, 'Until', `(${end}) is before "From" (${start})`);
		if (endMs - startMs > MAX_SPAN_MS)
			throw inputError(
				node,
				itemIndex,
				'Until',
				`is more than 24 hours after "From"; NXCloud lists at most 24 hours per query`,
			);
		if (startMs < Date.now() - MAX_AGE_MS)
			throw inputError(
				node,
				itemIndex,
				'From',
				`(${start}) is more than 7 days ago; NXCloud keeps records queryable for 7 days`,
			);
		const messageId = String(
			this.getNodeParameter('options.messageId', itemIndex, '') ?? '',
		).trim();
		const form: Record<string, string | number> = {
			...(await voiceAppFields(this, itemIndex)),
			voiceType: this.getNodeParameter('voiceType', itemIndex, 0) as number,
			start_time: start,
			end_time: end,
		};
		if (messageId) form.messageid = messageId;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const endpoint = readEndpoint(this, itemIndex, RECORD_ENDPOINT);
		return await readPages<IDataObject, number>(
			1,
			Math.min(PAGE_SIZE, limit),
			async (page, pageSize) => {
				const answer = await voiceRequest.call(this, {
					endpoint,
					body: { form: { ...form, page, page_size: pageSize } },
					action: 'Voice Record Get Many',
					idempotent: true,
					itemIndex,
					profile: voiceRecordProfile,
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
