import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import {
	allowAgentUse,
	assertAgentMayPlaceCalls,
	SENDS_MESSAGES,
} from '../../../shared/agentGuard';
import { planRequests, runBulk } from '../../../shared/batching';
import type { BatchEntry } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { errorItem } from '../../../shared/operations';
import { itemParameterReader } from '../../../shared/parameters';
import type { ItemParameterReader } from '../../../shared/parameters';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { phonesOf } from '../../../shared/lists';
import { perRequestOption, perRequestSize } from '../../../shared/perRequest';
import { unwrapData } from '../projectHelpers';
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

interface Message {
	messageType: MessageType;
	phone: string;
	text: string;
}

/** Requests never mix message types, and never hold a number twice (the answer is keyed by number). */
const requestGroup = (m: Message): string => m.messageType;
const requestKey = (m: Message): string => m.phone;

export const sendBulk: BatchOperation = {
	kind: 'batch',
	value: 'sendBulk',
	name: 'Send Bulk',
	description:
		'Send SMS or Viber messages to many numbers; all input items are sent in requests of up to 100 messages',
	action: 'Send messages in bulk',
	properties: [
		allowAgentUse(SENDS_MESSAGES),
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
			placeholder: 'Your order is ready for pickup',
			description:
				'The message, e.g. Your order is ready for pickup. The same text for every item, or a different one per item with an expression. Viber allows up to 1,000 characters.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				perRequestOption({ max: MAX_MESSAGES_PER_REQUEST, noun: 'messages', provider: 'Unitalk' }),
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		assertAgentMayPlaceCalls(this, 'Unitalk Send Bulk Messages', 0, SENDS_MESSAGES);
		const node = this.getNode();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const size = perRequestSize(node, options, { max: MAX_MESSAGES_PER_REQUEST, noun: 'messages' });
		const read: ItemReaders = {
			messageType: itemParameterReader(this, 'messageType', items, undefined),
			phone: itemParameterReader(this, 'phone', items, ''),
			text: itemParameterReader(this, 'text', items, ''),
		};
		return await runBulk<Message>(this, items.length, {
			read: (i) => {
				const entries = readItem(node, i, read);
				return { group: requestGroup(entries[0]), entries };
			},
			perRequest: size,
			distinct: requestKey,
			send: async (_group, batch) => await sendBatch(this, batch),
			noun: 'messages',
			accepted: (outcome) => outcome.sent === true,
			// A failed request (continue on fail): each of its numbers reports the error, and whether the
			// message may have gone out all the same (outcomeUnknown) or surely did not.
			requestFailed: (error, batch, state) =>
				batch.map((e) => ({
					phone: e.value.phone,
					messageId: null,
					sent: false,
					outcome: state,
					...errorItem(error, e.itemIndex).json,
				})),
			progressNote: (requests, messages) =>
				`${messages} message(s) in ${requests} earlier request(s) of this run had already been sent (their IDs are in the error's context.bulk.results); running the node again for every item sends them again.`,
			summarise: (outcomes) => {
				const messageType = outcomes[0].entry.value.messageType;
				if (outcomes.length === 1) return { messageType, ...outcomes[0].json };
				const sentCount = outcomes.filter((o) => o.json.sent === true).length;
				return {
					messageType,
					sentCount,
					failedCount: outcomes.length - sentCount,
					messages: outcomes.map(({ json: { phone, messageId, sent, error, outcome } }) => ({
						phone,
						messageId,
						sent,
						error,
						...(outcome === undefined ? {} : { outcome }),
					})),
				};
			},
		});
	},
};

interface ItemReaders {
	messageType: ItemParameterReader<unknown>;
	phone: ItemParameterReader<unknown>;
	text: ItemParameterReader<unknown>;
}

/** `node` is passed in: getNode() copies the whole node, too slow to call per item. */
function readItem(node: INode, itemIndex: number, read: ItemReaders): Message[] {
	const phones = [...new Set(phonesOf(node, itemIndex, 'Phone', read.phone(itemIndex)))];
	const input = parseInput(
		node,
		schema,
		{ messageType: read.messageType(itemIndex), text: textValue(read.text(itemIndex)) },
		itemIndex,
		LABELS,
	);
	return phones.map((phone) => ({ messageType: input.messageType, phone, text: input.text }));
}

/** A message of input item `itemIndex`. */
type Entry = Message & { itemIndex: number };

/** The requests Send Bulk makes of `entries`, as runBulk forms them with the rule above (for tests). */
export function batchesOf(
	entries: Entry[],
	size: number,
): Array<{ messageType: MessageType; entries: Entry[] }> {
	const groups = new Map<string, Entry[]>();
	for (const entry of entries) {
		const group = requestGroup(entry);
		let list = groups.get(group);
		if (!list) groups.set(group, (list = []));
		list.push(entry);
	}
	return planRequests(groups, size, requestKey).map(({ batch }) => ({
		messageType: batch[0].messageType,
		entries: batch,
	}));
}

/** Sends one request; says what happened to each of its messages. */
async function sendBatch(
	ctx: IExecuteFunctions,
	batch: Array<BatchEntry<Message>>,
): Promise<IDataObject[]> {
	const messages = batch.map((e) => e.value);
	const messageType = messages[0].messageType;
	const texts = new Set(messages.map((m) => m.text));
	const body: IDataObject =
		texts.size === 1
			? {
					messagesType: messageType,
					recipients: messages.map((m) => m.phone),
					text: messages[0].text,
				}
			: {
					messagesType: messageType,
					messages: Object.fromEntries(messages.map((m) => [m.phone, m.text])),
				};
	const answer = await unitalkRequest.call(ctx, '/message/sendBulk', body, {
		action: 'Send Bulk Messages',
		// Sending the request again would send every message in it again.
		idempotent: false,
		itemIndex: batch[0].itemIndex,
	});
	const data = unwrapData(answer);
	const byPhone = new Map<string, IDataObject>();
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		for (const [key, value] of Object.entries(data as IDataObject))
			byPhone.set(key.replace(/\D/g, ''), (value ?? {}) as IDataObject);
	}
	return messages.map(({ phone }) => {
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
	});
}
