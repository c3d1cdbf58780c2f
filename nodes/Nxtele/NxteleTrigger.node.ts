import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ipAllowed } from '../shared/webhook';
import {
	allowListOption,
	clientIp,
	deliveryGuard,
	deliveryKey,
	dropDuplicatesOption,
	payloadFields,
	readAllowList,
	readSecretCredential,
	refuseUnauthorised,
	reply,
	startWorkflow,
	webhookResponse,
} from '../shared/trigger';
import type { CallbotAlgorithm } from './signatures';
import { choicesSubtitle } from '../shared/subtitle';
import { callbackKind, deliveryIdOf, EVENT_OPTIONS, type NxteleEvent } from './trigger/events';
import { verifyCallback } from './trigger/verify';

/** The answer the Callbot platform reads as "received" (research §8: not documented, retCode 0 as its API). */
const CALLBACK_RECEIVED = { retCode: 0, retMsg: 'success' };
/** The documented answer to a voice receipt (§4.11): the plain text `success`. */
const RECEIPT_RECEIVED = 'success';
const DEFAULT_MAX_SKEW_SECONDS = 300;

interface RequestLike {
	rawBody?: Buffer | string;
	headers?: Record<string, unknown>;
}

interface TextResponseLike {
	status(code: number): TextResponseLike;
	type(contentType: string): TextResponseLike;
	send(body: string): unknown;
}

/** A plain-text answer (the voice receipt's `success`). */
function replyText(ctx: IWebhookFunctions, status: number, text: string): IWebhookResponseData {
	(ctx.getResponseObject() as unknown as TextResponseLike)
		.status(status)
		.type('text/plain')
		.send(text);
	return { noWebhookResponse: true };
}

/** How a delivery is answered: at once when nothing starts, or by n8n once it has started the run. */
interface Answer {
	now(): IWebhookResponseData;
	afterStart(): unknown;
}

function callbackAnswer(ctx: IWebhookFunctions): Answer {
	return { now: () => reply(ctx, 200, CALLBACK_RECEIVED), afterStart: () => CALLBACK_RECEIVED };
}

function receiptAnswer(ctx: IWebhookFunctions): Answer {
	return {
		now: () => replyText(ctx, 200, RECEIPT_RECEIVED),
		afterStart: () => {
			// n8n sends a text answer as HTML unless the type is already set.
			(ctx.getResponseObject() as unknown as TextResponseLike).type('text/plain');
			return RECEIPT_RECEIVED;
		},
	};
}

function isFormPost(ctx: IWebhookFunctions): boolean {
	const type = String((ctx.getHeaderData() as IDataObject)['content-type'] ?? '');
	return type.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The body exactly as received: the signature covers these bytes, not a re-serialised object. */
function rawBodyText(ctx: IWebhookFunctions): string {
	const raw = (ctx.getRequestObject() as unknown as RequestLike).rawBody;
	if (Buffer.isBuffer(raw)) return raw.toString('utf8');
	if (typeof raw === 'string') return raw;
	// Only when the server kept no raw body: compact JSON, as the platform sends it.
	return JSON.stringify(ctx.getBodyData());
}

export class NxteleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXTele Trigger',
		name: 'nxteleTrigger',
		icon: { light: 'file:../../icons/nxtele.svg', dark: 'file:../../icons/nxtele.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: choicesSubtitle('events', EVENT_OPTIONS),
		description:
			'Starts the workflow when NXTele Callbot reports a task, order or call, or NXCloud sends a voice receipt',
		defaults: { name: 'NXTele Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'nxteleCallbotApi', required: true },
			{
				name: 'nxteleApi',
				required: true,
				displayOptions: { show: { events: ['voiceReceipt'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'webhook',
				...webhookResponse(false),
			},
		],
		properties: [
			{
				displayName:
					"Put this trigger's Production URL in the callback URLs of Create and Call / Add Orders (add ?callback=task, ?callback=order or ?callback=call to tell them apart), and, for voice receipts, in the NXCloud console with ?secret=YOUR_RECEIPT_SECRET.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: ['task', 'order', 'call'],
				required: true,
				description:
					'Which deliveries start the workflow. The others are still answered as received, so the platform does not send them again.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					allowListOption(),
					dropDuplicatesOption(
						'Whether a delivery identical to one received in the last 10 minutes (same call, order, task status or receipt, same body) is answered but does not start the workflow again',
					),
					{
						displayName: 'Max Clock Difference (Seconds)',
						name: 'maxSkewSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_MAX_SKEW_SECONDS,
						description:
							"A Callbot callback whose createTs is further from the n8n server's clock than this is refused as stale (HTTP 401). NXTele documents no window; 300 seconds is assumed.",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// NXTele has no API to register callback URLs: they travel in each Create and Call / Add Orders
			// request, and the receipt URL is a console setting. These only check the settings, so a broken
			// configuration fails on activation.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				readAllowList(
					this.getNode(),
					(this.getNodeParameter('options', {}) as IDataObject).allowedIps,
				);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				readAllowList(
					this.getNode(),
					(this.getNodeParameter('options', {}) as IDataObject).allowedIps,
				);
				const events = this.getNodeParameter('events', []) as NxteleEvent[];
				if (events.includes('voiceReceipt'))
					await readSecretCredential(this, 'nxteleApi', 'NXCloud');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const ranges = readAllowList(this.getNode(), options.allowedIps);
		const events = (this.getNodeParameter('events', []) as NxteleEvent[]) ?? [];
		const dropDuplicates = options.dropDuplicates !== false;
		const now = Date.now();

		if (isFormPost(this)) return await voiceReceipt.call(this, events, ranges, dropDuplicates, now);

		const ip = clientIp(this);
		if (!ipAllowed(ip, ranges)) {
			this.logger?.warn(
				`NXTele Trigger: refused a callback from ${ip ?? 'an unknown address'} (not in the IP Allow List)`,
			);
			return reply(this, 403, { retCode: 6003, retMsg: 'forbidden' });
		}
		const credentials = await this.getCredentials('nxteleCallbotApi');
		const verdict = verifyCallback(
			(this.getHeaderData() ?? {}) as IDataObject,
			rawBodyText(this),
			{
				uuid: String(credentials.uuid ?? ''),
				secretKey: String(credentials.secretKey ?? ''),
				algorithm: (credentials.algorithm === 'SHA256' ? 'SHA256' : 'MD5') as CallbotAlgorithm,
			},
			now,
			Number(options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS),
		);
		if (!verdict.ok) {
			this.logger?.warn(`NXTele Trigger: refused a callback: ${verdict.reason}`);
			return reply(this, 401, { retCode: 6, retMsg: 'incorrect signature' });
		}

		const body = payloadFields(this.getBodyData());
		const kind = callbackKind(body, (this.getQueryData() as IDataObject).callback);
		if (!events.includes(kind)) return reply(this, 200, CALLBACK_RECEIVED);
		return start.call(this, kind, body, dropDuplicates, now, callbackAnswer(this));
	}
}

/** Voice receipts are not signed (§4.11): they must carry the receipt secret of the nxteleApi credential. */
async function voiceReceipt(
	this: IWebhookFunctions,
	events: NxteleEvent[],
	ranges: string[],
	dropDuplicates: boolean,
	now: number,
): Promise<IWebhookResponseData> {
	if (!events.includes('voiceReceipt')) return replyText(this, 200, RECEIPT_RECEIVED);
	const secret = await readSecretCredential(this, 'nxteleApi', 'NXCloud');
	const refused = refuseUnauthorised(this, { secret, ranges, triggerName: 'NXTele Trigger' });
	if (refused) return refused;
	return start.call(
		this,
		'voiceReceipt',
		payloadFields(this.getBodyData()),
		dropDuplicates,
		now,
		receiptAnswer(this),
	);
}

/**
 * Drops a repeat (answered like the first, so the platform stops), otherwise starts the workflow with
 * the delivery (n8n answers once the run is created): the body's fields untouched (the order's `other`
 * as sent), plus `event`.
 */
function start(
	this: IWebhookFunctions,
	event: NxteleEvent,
	body: IDataObject,
	dropDuplicates: boolean,
	now: number,
	answer: Answer,
): IWebhookResponseData {
	const id = dropDuplicates ? deliveryIdOf(event, body) : undefined;
	const repeat = deliveryGuard(this, id ? deliveryKey(id, body) : undefined, now);
	if (repeat.seen) return answer.now();
	repeat.remember();
	const item: IDataObject = { event, ...body, receivedAt: new Date(now).toISOString() };
	return startWorkflow(this, item, answer.afterStart());
}
