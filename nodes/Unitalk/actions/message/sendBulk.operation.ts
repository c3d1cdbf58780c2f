import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import type { BatchOperation } from '../../../shared/operations';
import { asNodeError, errorItem } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { readPhones, unwrapData } from '../projectHelpers';
import { checkViberText, messageTypeField, textValue } from './common';

/**
 * "Bulk message sending": /message/sendBulk, at most 100 messages per request. The numbers of all
 * input items are combined into as few requests as that allows; Unitalk answers with an id and an
 * error text per number, which go back to the item that carried the number.
 *
 * A request never holds the same number twice (the answer is keyed by number, so two messages to one
 * number could not be told apart): a repeated number goes into a later request. Requests whose
 * messages all share one text use `recipients` + `text`, the others `messages` (number -> text).
 * Not idempotent: sending a request again sends its messages again, so a failed request is never
 * repeated automatically.
 */

export const MAX_MESSAGES_PER_REQUEST = 100;

type MessageType = 'SMS' | 'VIBER';

const schema = z
	.object({ messageType: z.enum(['SMS', 'VIBER']), text: z.string().min(1) })
	.superRefine((v, ctx) => checkViberText(ctx, v.messageType, v.text, ['text']));

const LABELS = { messageType: 'Message Type', text: 'Text' };

interface Entry {
	itemIndex: number;
	messageType: MessageType;
	phone: string;
	text: string;
}

interface Outcome {
	phone: string;
	messageId: IDataObject[keyof IDataObject];
	sent: boolean;
	error: string | null;
	/** Set when the whole request failed (continue on fail). */
	requestError?: Error;
}

interface Batch {
	messageType: MessageType;
	entries: Entry[];
	phones: Set<string>;
}

export const sendBulk: BatchOperation = {
	kind: 'batch',
	value: 'sendBulk',
	name: 'Send Bulk',
	description:
		'Send SMS or Viber messages to many numbers; all input items are sent in requests of up to 100 messages',
	action: 'Send messages in bulk',
	properties: [
		messageTypeField(
			'messageType',
			'SMS or Viber, as enabled in the Unitalk message sending service. Items of both types are sent in separate requests.',
		),
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '={{ $json.phone }}',
			required: true,
			placeholder: '380971234567',
			description:
				"The recipient in international format. Several numbers per item can be given as a list or separated by commas; they all get this item's text.",
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description:
				'The message. The same text for every item, or a different one per item with an expression. Viber allows up to 1,000 characters.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Messages Per Request',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_MESSAGES_PER_REQUEST },
					default: MAX_MESSAGES_PER_REQUEST,
					description: 'How many messages go into one request (Unitalk accepts up to 100)',
				},
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const size = Math.max(
			1,
			Math.min(
				Math.floor(Number(options.batchSize ?? MAX_MESSAGES_PER_REQUEST)),
				MAX_MESSAGES_PER_REQUEST,
			),
		);

		// 1. Read and check every item before anything is sent.
		const invalid = new Map<number, Error>();
		const entries: Entry[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				entries.push(...readItem(this, i));
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this, error, i);
				invalid.set(i, error as Error);
			}
		}

		// 2. Send the batches; every entry gets an outcome.
		const outcomes = new Map<Entry, Outcome>();
		let sentRequests = 0;
		let sentMessages = 0;
		for (const batch of batchesOf(entries, size)) {
			try {
				const results = await sendBatch(this, batch);
				for (const entry of batch.entries) outcomes.set(entry, results(entry.phone));
				sentRequests++;
				sentMessages += batch.entries.length;
			} catch (error) {
				if (!this.continueOnFail())
					throw withProgress(
						asNodeError(this, error, batch.entries[0].itemIndex),
						sentRequests,
						sentMessages,
					);
				for (const entry of batch.entries)
					outcomes.set(entry, {
						phone: entry.phone,
						messageId: null,
						sent: false,
						error: (error as Error).message,
						requestError: error as Error,
					});
			}
		}

		// 3. One output item per input item, in input order.
		const byItem = new Map<number, Array<{ entry: Entry; outcome: Outcome }>>();
		for (const entry of entries) {
			const list = byItem.get(entry.itemIndex) ?? [];
			list.push({ entry, outcome: outcomes.get(entry) as Outcome });
			byItem.set(entry.itemIndex, list);
		}
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const error = invalid.get(i);
			if (error) {
				output.push(errorItem(error, i));
				continue;
			}
			const results = byItem.get(i);
			if (!results) continue;
			output.push({ json: itemJson(results, i), pairedItem: { item: i } });
		}
		return output;
	},
};

function readItem(ctx: IExecuteFunctions, itemIndex: number): Entry[] {
	const phones = [...new Set(readPhones(ctx, itemIndex, 'phone', 'Phone'))];
	const input = parseInput(
		ctx.getNode(),
		schema,
		{
			messageType: ctx.getNodeParameter('messageType', itemIndex),
			text: textValue(ctx.getNodeParameter('text', itemIndex, '')),
		},
		itemIndex,
		LABELS,
	);
	return phones.map((phone) => ({
		itemIndex,
		messageType: input.messageType,
		phone,
		text: input.text,
	}));
}

/**
 * Requests of at most `size` messages of one type, in input order, none holding a number twice: each
 * message goes into the first request of its type that has room and does not yet hold its number.
 */
export function batchesOf(entries: Entry[], size: number): Batch[] {
	const batches: Batch[] = [];
	const open = new Map<MessageType, Batch[]>();
	for (const entry of entries) {
		const candidates = open.get(entry.messageType) ?? [];
		let batch = candidates.find((b) => !b.phones.has(entry.phone));
		if (!batch) {
			batch = { messageType: entry.messageType, entries: [], phones: new Set() };
			batches.push(batch);
			candidates.push(batch);
			open.set(entry.messageType, candidates);
		}
		batch.entries.push(entry);
		batch.phones.add(entry.phone);
		if (batch.entries.length >= size) candidates.splice(candidates.indexOf(batch), 1);
	}
	return batches;
}

/** Sends one request; returns the outcome for each of its numbers. */
async function sendBatch(
	ctx: IExecuteFunctions,
	batch: Batch,
): Promise<(phone: string) => Outcome> {
	const texts = new Set(batch.entries.map((e) => e.text));
	const body: IDataObject =
		texts.size === 1
			? {
					messagesType: batch.messageType,
					recipients: batch.entries.map((e) => e.phone),
					text: batch.entries[0].text,
				}
			: {
					messagesType: batch.messageType,
					messages: Object.fromEntries(batch.entries.map((e) => [e.phone, e.text])),
				};
	const answer = await unitalkRequest.call(ctx, '/message/sendBulk', body, {
		action: 'Send Bulk Messages',
		// Sending the request again would send every message in it again.
		idempotent: false,
		itemIndex: batch.entries[0].itemIndex,
	});
	const data = unwrapData(answer);
	const byPhone = new Map<string, IDataObject>();
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		for (const [key, value] of Object.entries(data as IDataObject))
			byPhone.set(key.replace(/\D/g, ''), (value ?? {}) as IDataObject);
	}
	return (phone) => {
		const result = byPhone.get(phone);
		if (!result)
			return {
				phone,
				messageId: null,
				sent: false,
				error:
					'Unitalk accepted the request but reported nothing for this number; check in Unitalk whether it was sent before sending again',
			};
		const error =
			result.error === undefined || result.error === null || result.error === ''
				? null
				: String(result.error);
		return {
			phone,
			messageId: result.id ?? null,
			sent: error === null,
			error,
		};
	};
}

function itemJson(
	results: Array<{ entry: Entry; outcome: Outcome }>,
	itemIndex: number,
): IDataObject {
	const messageType = results[0].entry.messageType;
	const plain = (o: Outcome): IDataObject => ({
		phone: o.phone,
		messageId: o.messageId,
		sent: o.sent,
		error: o.error,
	});
	if (results.length === 1) {
		const { outcome } = results[0];
		// A failed request (continue on fail): the usual error fields, plus the number.
		if (outcome.requestError)
			return {
				messageType,
				...plain(outcome),
				...errorItem(outcome.requestError, itemIndex).json,
			};
		return { messageType, ...plain(outcome) };
	}
	const sentCount = results.filter((r) => r.outcome.sent).length;
	return {
		messageType,
		sentCount,
		failedCount: results.length - sentCount,
		messages: results.map((r) => plain(r.outcome)),
	};
}

/** Says how much was already sent when a later request fails, since running again sends it again. */
function withProgress(error: Error, requests: number, messages: number): Error {
	if (requests === 0) return error;
	const note = `${messages} message(s) in ${requests} earlier request(s) of this run had already been sent; running the node again sends them again.`;
	const e = error as Error & { description?: string | null };
	e.description = e.description ? `${e.description} ${note}` : note;
	return e;
}
