import { createHash } from 'crypto';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ipAllowed, parseAllowList, secretsEqual } from '../shared/webhook';
import { checkPriority, checkRouteAnswer } from './trigger/answers';
import { ANSWERING_EVENTS, deliveryId, detectEvent, type UnitalkEvent } from './trigger/events';
import {
	DEFAULT_SECRET_HEADER,
	DEFAULT_SECRET_QUERY,
	triggerProperties,
} from './trigger/description';

/** How long a delivered call event is remembered to drop an identical repeat, and how many are kept. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
export const DUPLICATE_MEMORY = 500;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

interface TriggerSettings {
	events: string[];
	secret: string;
	location: 'header' | 'query';
	/** Header name (lower case) or query parameter name. */
	secretName: string;
	ranges: string[];
	dropDuplicates: boolean;
	answerFrom: 'parameters' | 'lastNode';
}

type Context = IWebhookFunctions | IHookFunctions;

/** Reads and checks the node's settings; anything unusable is an error that says what to fix. */
function readSettings(ctx: Context): TriggerSettings {
	const node = ctx.getNode();
	const secret = ctx.getNodeParameter('secret', '') as string;
	if (typeof secret !== 'string' || secret === '') {
		throw new NodeOperationError(node, 'The Secret is empty', {
			description:
				'Unitalk does not sign its webhooks, so this trigger only accepts requests that carry a secret. Enter a long random value in "Secret" and add it to the webhook in Unitalk.',
		});
	}
	const location = ctx.getNodeParameter('secretLocation', 'query') as 'header' | 'query';
	let secretName: string;
	if (location === 'header') {
		secretName = String(ctx.getNodeParameter('headerName', DEFAULT_SECRET_HEADER)).trim();
		if (!HEADER_NAME.test(secretName)) {
			throw new NodeOperationError(node, `"${secretName}" is not a valid header name`, {
				description: 'Use letters, digits and dashes, e.g. X-Webhook-Secret.',
			});
		}
		secretName = secretName.toLowerCase();
	} else {
		secretName = String(ctx.getNodeParameter('queryParameterName', DEFAULT_SECRET_QUERY)).trim();
		if (secretName === '') {
			throw new NodeOperationError(node, 'The secret\'s "Parameter Name" is empty', {
				description: 'Enter the name of the URL parameter that carries the secret, e.g. secret.',
			});
		}
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const { ranges, invalid } = parseAllowList(String(options.allowedIps ?? ''));
	if (invalid.length > 0) {
		throw new NodeOperationError(
			node,
			`The IP Allow List has entries that are not addresses or ranges: ${invalid.join(', ')}`,
			{
				description:
					'Use IPv4 or IPv6 addresses or CIDR ranges separated by commas, e.g. 203.0.113.0/24, 198.51.100.7.',
			},
		);
	}
	const events = ctx.getNodeParameter('events', []) as string[];
	const answersNeeded = events.some((e) => ANSWERING_EVENTS.includes(e as UnitalkEvent));
	return {
		events: Array.isArray(events) ? events : [],
		secret,
		location,
		secretName,
		ranges,
		dropDuplicates: options.dropDuplicates !== false,
		answerFrom:
			answersNeeded && ctx.getNodeParameter('answerFrom', 'parameters') === 'lastNode'
				? 'lastNode'
				: 'parameters',
	};
}

function firstString(v: unknown): string | undefined {
	if (Array.isArray(v)) return firstString(v[0]);
	return typeof v === 'string' ? v : undefined;
}

function without(obj: IDataObject, key: string, ignoreCase: boolean): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(obj ?? {})) {
		if (ignoreCase ? k.toLowerCase() === key : k === key) continue;
		out[k] = v;
	}
	return out;
}

interface RequestLike {
	ip?: string;
	socket?: { remoteAddress?: string };
}

interface ResponseLike {
	status(code: number): ResponseLike;
	json(body: unknown): unknown;
}

function reply(ctx: IWebhookFunctions, status: number, body: unknown): void {
	(ctx.getResponseObject() as unknown as ResponseLike).status(status).json(body);
}

/**
 * Repeated deliveries. Kept in the workflow's static data (`getWorkflowStaticData('node')`): static data
 * belongs to one workflow (and here to this node), so two workflows listening to the same Unitalk events
 * each see every event once. n8n saves it after each production request; it is not kept between test
 * ("Listen for test event") calls, and two identical requests arriving at the very same moment may both pass.
 */
function duplicateKey(event: UnitalkEvent, body: unknown): string | undefined {
	const id = deliveryId(event, body);
	if (!id) return undefined;
	const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
	return `${id}:${digest}`;
}

interface Seen {
	k: string;
	t: number;
}

function recentDeliveries(store: IDataObject, now: number): Seen[] {
	const list = Array.isArray(store.deliveries) ? (store.deliveries as unknown as Seen[]) : [];
	return list.filter(
		(s) =>
			s && typeof s.k === 'string' && typeof s.t === 'number' && now - s.t < DUPLICATE_WINDOW_MS,
	);
}

function remember(store: IDataObject, recent: Seen[], key: string, now: number): void {
	store.deliveries = [...recent, { k: key, t: now }].slice(
		-DUPLICATE_MEMORY,
	) as unknown as IDataObject[];
}

export class UnitalkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unitalk Trigger',
		name: 'unitalkTrigger',
		icon: { light: 'file:../../icons/unitalk.svg', dark: 'file:../../icons/unitalk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when Unitalk reports a call, voice menu, autodialer, voice queue or balance event, and answers its routing and queue priority requests',
		defaults: { name: 'Unitalk Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'webhook',
				// Every answer except "Last Node" is written by webhook() itself (noWebhookResponse). responseData
				// is always declared: left out, n8n would answer with the literal text "firstEntryJson".
				responseMode: '={{$parameter["answerFrom"] === "lastNode" ? "lastNode" : "onReceived"}}',
				responseData: '={{$parameter["answerFrom"] === "lastNode" ? "firstEntryJson" : ""}}',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			// Unitalk has no API to register webhooks: the URL is pasted in its account by hand (see the
			// node's notice). These only check the settings, so a broken configuration fails on activation.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				readSettings(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				readSettings(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = readSettings(this);
		const req = this.getRequestObject() as unknown as RequestLike;
		const headers = (this.getHeaderData() ?? {}) as IDataObject;
		const query = (this.getQueryData() ?? {}) as IDataObject;

		const ip = req.ip ?? req.socket?.remoteAddress;
		if (!ipAllowed(ip, settings.ranges)) {
			this.logger?.warn(
				`Unitalk Trigger: refused a request from ${ip ?? 'an unknown address'} (not in the IP Allow List)`,
			);
			reply(this, 403, { message: 'Forbidden' });
			return { noWebhookResponse: true };
		}

		const provided = firstString(
			settings.location === 'header' ? headers[settings.secretName] : query[settings.secretName],
		);
		if (!secretsEqual(provided, settings.secret)) {
			this.logger?.warn(
				`Unitalk Trigger: refused a request ${provided === undefined ? 'without the secret' : 'with a wrong secret'}`,
			);
			reply(this, 401, { message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}

		const body = this.getBodyData() as unknown;
		const event = detectEvent(body, query);
		const answering = ANSWERING_EVENTS.includes(event);

		if (!settings.events.includes(event)) {
			// Answering webhooks get an empty answer: Unitalk then keeps its own routing / queue 5.
			reply(this, 200, answering ? {} : { received: true, started: false, event });
			return { noWebhookResponse: true };
		}

		const now = Date.now();
		const key = settings.dropDuplicates ? duplicateKey(event, body) : undefined;
		// Only bodies with an id touch the static data (a change there makes n8n save the workflow).
		const store = key ? this.getWorkflowStaticData('node') : {};
		const recent = key ? recentDeliveries(store, now) : [];
		if (key && recent.some((s) => s.k === key)) {
			reply(this, 200, { received: true, started: false, event, duplicate: true });
			return { noWebhookResponse: true };
		}

		const payload: IDataObject =
			typeof body === 'object' && body !== null && !Array.isArray(body)
				? (body as IDataObject)
				: { body: body as IDataObject };
		const item: IDataObject = {
			...payload,
			event,
			receivedAt: new Date(now).toISOString(),
			headers: without(headers, settings.location === 'header' ? settings.secretName : '', true),
			query: without(query, settings.location === 'query' ? settings.secretName : '', false),
		};
		const workflowData = [this.helpers.returnJsonArray(item)];

		if (answering && settings.answerFrom === 'lastNode') {
			// n8n answers with the last node's first item when the workflow has finished.
			if (key) remember(store, recent, key, now);
			return { workflowData };
		}

		const answer = answering
			? answerFromParameters(this, event)
			: { received: true, started: true, event };
		if (key) remember(store, recent, key, now);
		reply(this, 200, answer);
		return { noWebhookResponse: true, workflowData };
	}
}

/**
 * The ROUTE / voice queue answer from the node's parameters. getNodeParameter in a webhook has no item:
 * n8n evaluates expressions against the incoming request ($json.body / headers / query), not against
 * other nodes. A value Unitalk cannot use is an error: n8n then answers HTTP 500 and records a failed
 * execution that shows this message.
 */
function answerFromParameters(ctx: IWebhookFunctions, event: UnitalkEvent): IDataObject {
	if (event === 'VOICE_QUEUE_PRIORITY') {
		const p = checkPriority(ctx.getNodeParameter('priority', 5));
		if (!p.ok) throw new NodeOperationError(ctx.getNode(), p.problem);
		return { setPriority: p.value };
	}
	const route = checkRouteAnswer({
		operatorNumber: ctx.getNodeParameter('operatorNumber', '') as string,
		callerName: ctx.getNodeParameter('callerName', '') as string,
		ivrId: ctx.getNodeParameter('ivrId', '') as string,
	});
	if (!route.ok) throw new NodeOperationError(ctx.getNode(), route.problem);
	return { ...route.value };
}
