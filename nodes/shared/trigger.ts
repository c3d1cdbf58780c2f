import { createHash } from 'crypto';
import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INode,
	INodeCredentialTestResult,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ipAllowed, parseAllowList, secretsEqual } from './webhook';

/**
 * The plumbing of a webhook trigger for a provider that does not sign its webhooks, so that a
 * provider's trigger only adds its events and payloads. Its `webhook()` is:
 *
 *   return handleUnsignedDelivery(this, {
 *     triggerName: 'Acme Trigger',
 *     settings: { events, secret: await readSecretCredential(this, 'acmeTriggerApi', 'Acme'),
 *                 ranges: readAllowList(this.getNode(), options.allowedIps), dropDuplicates },
 *     detectEvent, deliveryId,            // the provider's own: which event, which delivery
 *   });                                   // optional: notListenedAnswer, startAnswer
 *
 * and the parts (refuseUnauthorised, requestWithoutSecret, deliveryGuard, startWorkflow...) serve a
 * trigger whose flow differs (a signed provider checks its signature instead of a secret).
 *
 * Editor fields: `secretCredentialProperties` (the credential holding the secret and where it travels;
 * declare `credentials: [{ name, required: true, testedBy }]` and `methods.credentialTest` with
 * `secretCredentialTest`), `allowListOption`, `dropDuplicatesOption`, `answerFromField` and
 * `webhookResponse(...)` for the webhook description. The secret is compared in constant time
 * (webhook.ts); it is a fixed value: a credential field, never evaluated against the request.
 */

export const DEFAULT_SECRET_HEADER = 'X-Webhook-Secret';
export const DEFAULT_SECRET_QUERY = 'secret';

export type SecretLocation = 'header' | 'query';

/** A usable secret and where the request carries it. */
export interface SecretSettings {
	secret: string;
	location: SecretLocation;
	/** Header name (lower case: Node's http module gives header names so) or query parameter name. */
	name: string;
}

/** The raw values as entered (node parameters or credential fields of the same names). */
export interface SecretInput {
	secret?: unknown;
	secretLocation?: unknown;
	headerName?: unknown;
	queryParameterName?: unknown;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Checks the values; anything unusable is an error that says what to fix (never an open door). */
export function checkSecretSettings(
	node: INode,
	input: SecretInput,
	provider: string,
): SecretSettings {
	const problem = secretProblem(input, provider);
	if (problem) throw new NodeOperationError(node, problem.message, { description: problem.fix });
	const location: SecretLocation = input.secretLocation === 'header' ? 'header' : 'query';
	return {
		secret: String(input.secret),
		location,
		name:
			location === 'header'
				? String(input.headerName ?? DEFAULT_SECRET_HEADER)
						.trim()
						.toLowerCase()
				: String(input.queryParameterName ?? DEFAULT_SECRET_QUERY).trim(),
	};
}

function secretProblem(
	input: SecretInput,
	provider: string,
): { message: string; fix: string } | undefined {
	if (typeof input.secret !== 'string' || input.secret === '')
		return {
			message: 'The Secret is empty',
			fix: `${provider} does not sign its webhooks, so this trigger only accepts requests that carry a secret. Enter a long random value in "Secret" and add it to the webhook in ${provider}.`,
		};
	if (input.secretLocation === 'header') {
		const name = String(input.headerName ?? DEFAULT_SECRET_HEADER).trim();
		if (!HEADER_NAME.test(name))
			return {
				message: `"${name}" is not a valid header name`,
				fix: 'Use letters, digits and dashes, e.g. X-Webhook-Secret.',
			};
	} else if (String(input.queryParameterName ?? DEFAULT_SECRET_QUERY).trim() === '') {
		return {
			message: 'The secret\'s "Parameter Name" is empty',
			fix: 'Enter the name of the URL parameter that carries the secret, e.g. secret.',
		};
	}
	return undefined;
}

/** The secret settings kept in the trigger's credential (fields of secretCredentialProperties). */
export async function readSecretCredential(
	ctx: IWebhookFunctions | IHookFunctions,
	credentialType: string,
	provider: string,
): Promise<SecretSettings> {
	const data = await ctx.getCredentials(credentialType);
	return checkSecretSettings(ctx.getNode(), data as SecretInput, provider);
}

/** For a trigger's `methods.credentialTest`: the credential is usable (nothing is sent anywhere). */
export function testSecretCredential(
	data: ICredentialDataDecryptedObject | undefined,
	provider: string,
): INodeCredentialTestResult {
	const problem = secretProblem((data ?? {}) as SecretInput, provider);
	return problem
		? { status: 'Error', message: `${problem.message}. ${problem.fix}` }
		: { status: 'OK', message: 'The secret is set' };
}

/**
 * A trigger's `methods.credentialTest`, under the name its credential's `testedBy` gives: the secret is
 * only checked to be usable, nothing is called.
 */
export function secretCredentialTest(
	testedBy: string,
	provider: string,
): Record<
	string,
	(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	) => Promise<INodeCredentialTestResult>
> {
	return {
		[testedBy]: async (credential: ICredentialsDecrypted) =>
			testSecretCredential(credential.data, provider),
	};
}

/**
 * `webhookMethods` of a trigger whose URL is set up outside n8n (pasted in the provider's account, or
 * sent with each task by the user's own flow): there is nothing to register, so activation only reads the
 * settings, and a broken configuration fails there instead of on the first delivery.
 */
export function settingsOnlyWebhookMethods(
	readSettings: (ctx: IHookFunctions) => Promise<unknown>,
): {
	default: Record<'checkExists' | 'create' | 'delete', (this: IHookFunctions) => Promise<boolean>>;
} {
	return {
		default: {
			async checkExists(this: IHookFunctions) {
				await readSettings(this);
				return true;
			},
			async create(this: IHookFunctions) {
				await readSettings(this);
				return true;
			},
			async delete() {
				return true;
			},
		},
	};
}

export interface SecretFieldsSpec {
	provider: string;
	/** Where the provider can send the secret; the first is the default. */
	locations: SecretLocation[];
	/** Extra words for each location option (where to set it up in the provider). */
	headerHelp?: string;
	queryHelp?: string;
}

/**
 * The secret's fields, for a trigger credential's `properties`: Secret (a password field) and, when
 * the provider can send it in both places, where it travels and under which name.
 */
export function secretCredentialProperties(spec: SecretFieldsSpec): INodeProperties[] {
	const [defaultLocation] = spec.locations;
	const both = spec.locations.length > 1;
	const fields: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. 3f9c2a7e5b1d4c8f9a0b6e2d7c4f1a8b',
			description: `A long random value that only you and ${spec.provider} know. ${spec.provider} does not sign its webhooks: requests without this secret are refused (HTTP 401) and start nothing.`,
		},
	];
	if (both)
		fields.push({
			displayName: 'Secret Location',
			name: 'secretLocation',
			type: 'options',
			options: [
				{
					name: 'Header',
					value: 'header',
					description:
						spec.headerHelp ?? `An HTTP header that ${spec.provider} adds to the request`,
				},
				{
					name: 'Query Parameter',
					value: 'query',
					description: spec.queryHelp ?? 'A URL parameter',
				},
			],
			default: defaultLocation,
			description: `Where ${spec.provider} sends the secret`,
		});
	else
		fields.push({
			displayName: 'Secret Location',
			name: 'secretLocation',
			type: 'hidden',
			default: defaultLocation,
		});
	if (spec.locations.includes('header'))
		fields.push({
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			required: true,
			default: DEFAULT_SECRET_HEADER,
			displayOptions: both ? { show: { secretLocation: ['header'] } } : undefined,
			description:
				'HTTP header that carries the secret (upper or lower case does not matter), e.g. X-Webhook-Secret',
		});
	if (spec.locations.includes('query'))
		fields.push({
			displayName: 'Parameter Name',
			name: 'queryParameterName',
			type: 'string',
			required: true,
			default: DEFAULT_SECRET_QUERY,
			displayOptions: both ? { show: { secretLocation: ['query'] } } : undefined,
			description:
				'URL parameter that carries the secret: the webhook URL becomes …/webhook?secret=YOUR_SECRET',
		});
	return fields;
}

/** The IP Allow List option (put it in the trigger's Options collection; read it with readAllowList). */
export function allowListOption(): INodeProperties {
	return {
		displayName: 'IP Allow List',
		name: 'allowedIps',
		type: 'string',
		default: '',
		placeholder: '203.0.113.0/24, 198.51.100.7',
		description:
			"Only accept requests from these addresses or ranges (comma-separated, IPv4 or IPv6, CIDR allowed); others get HTTP 403. Empty: any address. Behind a reverse proxy, n8n must be told to trust it (N8N_PROXY_HOPS) to see the caller's address.",
	};
}

/** The checked ranges of the IP Allow List; an entry that is not an address or range is an error. */
export function readAllowList(node: INode, text: unknown): string[] {
	const { ranges, invalid } = parseAllowList(String(text ?? ''));
	if (invalid.length > 0)
		throw new NodeOperationError(
			node,
			`The IP Allow List has entries that are not addresses or ranges: ${invalid.join(', ')}`,
			{
				description:
					'Use IPv4 or IPv6 addresses or CIDR ranges separated by commas, e.g. 203.0.113.0/24, 198.51.100.7.',
			},
		);
	return ranges;
}

/** The Drop Repeated Deliveries option (on by default); `description` says what counts as a repeat. */
export function dropDuplicatesOption(description: string): INodeProperties {
	return {
		displayName: 'Drop Repeated Deliveries',
		name: 'dropDuplicates',
		type: 'boolean',
		default: true,
		description,
	};
}

interface RequestLike {
	ip?: string;
	socket?: { remoteAddress?: string };
}

interface ResponseLike {
	status(code: number): ResponseLike;
	json(body: unknown): unknown;
}

/** Writes the HTTP answer now; the returned value tells n8n not to write another. */
export function reply(ctx: IWebhookFunctions, status: number, body: unknown): IWebhookResponseData {
	(ctx.getResponseObject() as unknown as ResponseLike).status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Starts the workflow with one item; n8n answers `answer` (HTTP 200, JSON or a text) once it has
 * created the execution, as its own Webhook node does. Answering earlier, from webhook(), would let a
 * provider send the next delivery before n8n has stored this one: under load the executions then pile
 * up behind the database (SQLite has a single writer) until n8n gives up on them.
 */
export function startWorkflow(
	ctx: IWebhookFunctions,
	item: IDataObject,
	answer: unknown,
): IWebhookResponseData {
	return { webhookResponse: answer, workflowData: [ctx.helpers.returnJsonArray(item)] };
}

/** The caller's address as n8n's HTTP server sees it. */
export function clientIp(ctx: IWebhookFunctions): string | undefined {
	const req = ctx.getRequestObject() as unknown as RequestLike;
	return req.ip ?? req.socket?.remoteAddress;
}

function firstString(v: unknown): string | undefined {
	if (Array.isArray(v)) return firstString(v[0]);
	return typeof v === 'string' ? v : undefined;
}

/**
 * The IP check (403), then the secret check (401, constant time). Undefined when the request may go
 * on; otherwise the answer has been written and the value is what `webhook()` returns. A refusal is
 * logged as a warning without the secret.
 */
export function refuseUnauthorised(
	ctx: IWebhookFunctions,
	guard: { secret: SecretSettings; ranges: string[]; triggerName: string },
): IWebhookResponseData | undefined {
	const ip = clientIp(ctx);
	if (!ipAllowed(ip, guard.ranges)) {
		ctx.logger?.warn(
			`${guard.triggerName}: refused a request from ${ip ?? 'an unknown address'} (not in the IP Allow List)`,
		);
		return reply(ctx, 403, { message: 'Forbidden' });
	}
	const { secret } = guard;
	const source =
		secret.location === 'header'
			? ((ctx.getHeaderData() ?? {}) as IDataObject)
			: ((ctx.getQueryData() ?? {}) as IDataObject);
	const provided = firstString(source[secret.name]);
	if (!secretsEqual(provided, secret.secret)) {
		ctx.logger?.warn(
			`${guard.triggerName}: refused a request ${provided === undefined ? 'without the secret' : 'with a wrong secret'}`,
		);
		return reply(ctx, 401, { message: 'Unauthorized' });
	}
	return undefined;
}

function without(obj: IDataObject, key: string, ignoreCase: boolean): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(obj ?? {})) {
		if (ignoreCase ? k.toLowerCase() === key : k === key) continue;
		out[k] = v;
	}
	return out;
}

/** The request's headers and query for the output item, without the secret. */
export function requestWithoutSecret(
	ctx: IWebhookFunctions,
	secret: SecretSettings,
): { headers: IDataObject; query: IDataObject } {
	const headers = (ctx.getHeaderData() ?? {}) as IDataObject;
	const query = (ctx.getQueryData() ?? {}) as IDataObject;
	return {
		headers: without(headers, secret.location === 'header' ? secret.name : '', true),
		query: without(query, secret.location === 'query' ? secret.name : '', false),
	};
}

/** An object body as the item's fields; anything else (an array, text) under `body`. */
export function payloadFields(body: unknown): IDataObject {
	return typeof body === 'object' && body !== null && !Array.isArray(body)
		? (body as IDataObject)
		: { body: body as IDataObject };
}

/** How long a delivery is remembered to drop an identical repeat, and how many are kept. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
export const DUPLICATE_MEMORY = 500;

/**
 * The key of a delivery: the provider's id of what it reports (call id + event...) and a digest of the
 * whole body, so a changed body with the same id is not a repeat.
 */
export function deliveryKey(id: string, body: unknown): string {
	const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
	return `${id}:${digest}`;
}

interface Seen {
	k: string;
	t: number;
}

/** What this process knows of one delivery: when it arrived, and whether it still counts as received. */
interface Known {
	t: number;
	received: boolean;
}

/**
 * The deliveries this n8n process has taken in, per trigger node (`workflowId:nodeId`). n8n hands
 * every concurrent request its own copy of the static data and saves each copy whole afterwards, so
 * two deliveries in flight overwrite each other's list there; here the check and the record happen in
 * one synchronous step. Module level on purpose (one per process, like the governor's queues).
 */
const knownByNode = new Map<string, Map<string, Known>>();
/** Trigger nodes whose memory is kept; past it the one least recently used is forgotten. */
const MAX_NODES_REMEMBERED = 1000;

function nodeMemory(ctx: IWebhookFunctions): Map<string, Known> | undefined {
	const workflowId = ctx.getWorkflow?.()?.id;
	const nodeId = ctx.getNode?.()?.id;
	if (!workflowId || !nodeId) return undefined;
	const scope = `${workflowId}:${nodeId}`;
	let known = knownByNode.get(scope);
	if (known) knownByNode.delete(scope);
	else known = new Map();
	knownByNode.set(scope, known); // last in the Map = most recently used
	if (knownByNode.size > MAX_NODES_REMEMBERED)
		knownByNode.delete(knownByNode.keys().next().value as string);
	return known;
}

/** Drops what is older than the window or beyond `memory` entries (a Map keeps arrival order). */
function prune(known: Map<string, Known>, now: number, windowMs: number, memory: number): void {
	for (const [k, v] of known) {
		if (now - v.t < windowMs && known.size <= memory) break;
		known.delete(k);
	}
}

/** The status n8n (or a node) wrote when the response ends; `once` is express's EventEmitter API. */
interface FinishingResponse {
	statusCode?: number;
	once?(event: 'finish', listener: () => void): unknown;
}

/**
 * Repeated deliveries. Two memories, because each covers what the other cannot:
 * - this process's (`knownByNode`): exact under concurrent deliveries, lost on restart;
 * - the workflow's static data (`getWorkflowStaticData('node')`), which n8n saves after each
 *   production request: it outlives a restart, but concurrent saves overwrite each other, so each
 *   save writes the union of both memories and the list heals with the next delivery.
 * Both belong to one workflow and node, so two workflows listening to the same events each see every
 * event once. A delivery that n8n answers with an error (for example it could not start the run)
 * is forgotten here, so the provider's repeat runs. In queue mode with several webhook processes only
 * the static data is shared between them. The static data is not kept between test ("Listen for test
 * event") calls. Without a key (nothing identifies the delivery) nothing is dropped and the static
 * data is not touched (a change there makes n8n save the workflow).
 */
export function deliveryGuard(
	ctx: IWebhookFunctions,
	key: string | undefined,
	now: number,
	windowMs = DUPLICATE_WINDOW_MS,
	memory = DUPLICATE_MEMORY,
): { seen: boolean; remember(): void } {
	if (!key) return { seen: false, remember: () => undefined };
	const known = nodeMemory(ctx);
	if (known) prune(known, now, windowMs, memory);
	const store = ctx.getWorkflowStaticData('node');
	const stored = (
		Array.isArray(store.deliveries) ? (store.deliveries as unknown as Seen[]) : []
	).filter((s) => s && typeof s.k === 'string' && typeof s.t === 'number' && now - s.t < windowMs);
	const here = known?.get(key);
	const seen = here ? here.received : stored.some((s) => s.k === key);
	return {
		seen,
		remember: () => {
			const merged = new Map(stored.map((s) => [s.k, s.t]));
			if (known) {
				known.delete(key);
				known.set(key, { t: now, received: true });
				forgetIfAnsweredWithError(ctx, known, key);
				for (const [k, v] of known) {
					if (v.received) merged.set(k, v.t);
					else merged.delete(k);
				}
			}
			merged.set(key, now);
			store.deliveries = [...merged]
				.map(([k, t]) => ({ k, t }))
				.sort((a, b) => a.t - b.t)
				.slice(-memory) as unknown as IDataObject[];
		},
	};
}

function forgetIfAnsweredWithError(
	ctx: IWebhookFunctions,
	known: Map<string, Known>,
	key: string,
): void {
	const res = ctx.getResponseObject?.() as unknown as FinishingResponse | undefined;
	res?.once?.('finish', () => {
		const entry = known.get(key);
		if (entry && (res.statusCode ?? 200) >= 300) entry.received = false;
	});
}

/**
 * "Answer From" for webhooks the provider expects an answer to: from the node's parameters at once,
 * or from the workflow's last node when it has finished. `displayOptions`: where it shows.
 */
export function answerFromField(
	displayOptions: INodeProperties['displayOptions'],
	description: string,
): INodeProperties {
	return {
		displayName: 'Answer From',
		name: 'answerFrom',
		type: 'options',
		options: [
			{
				name: 'Node Parameters',
				value: 'parameters',
				description: 'Answer at once with the values below; the workflow runs afterwards',
			},
			{
				name: 'Last Node',
				value: 'lastNode',
				description:
					'Wait for the workflow to finish and answer with the first item of the last node that ran (keep the workflow short: the caller is waiting)',
			},
		],
		default: 'parameters',
		displayOptions,
		description,
	};
}

/**
 * The `responseMode` / `responseData` of the webhook description. A refusal or an answer without a
 * run is written by webhook() itself (noWebhookResponse); a started run is answered by n8n with the
 * `webhookResponse` of startWorkflow, or from the last node. responseData is always declared: left
 * out, n8n would answer with the literal text "firstEntryJson"; empty, it answers `webhookResponse`.
 * `withLastNode`: the trigger has answerFromField.
 */
export function webhookResponse(withLastNode: boolean): {
	responseMode: string;
	responseData: string;
} {
	return withLastNode
		? {
				responseMode: '={{$parameter["answerFrom"] === "lastNode" ? "lastNode" : "onReceived"}}',
				responseData: '={{$parameter["answerFrom"] === "lastNode" ? "firstEntryJson" : ""}}',
			}
		: { responseMode: 'onReceived', responseData: '' };
}

/** The settings every trigger for an unsigned provider reads (from its credential and Options). */
export interface UnsignedTriggerSettings {
	/** The events the node listens to. */
	events: string[];
	secret: SecretSettings;
	ranges: string[];
	dropDuplicates: boolean;
}

/** From `answer`: n8n answers with the first item of the workflow's last node once it has finished. */
export const ANSWER_FROM_LAST_NODE = Symbol('answer from the last node');

/** What a trigger for an unsigned provider decides itself; `handleUnsignedDelivery` does the rest. */
export interface UnsignedTrigger<E extends string> {
	/** "Acme Trigger", for the warnings logged on a refusal. */
	triggerName: string;
	settings: UnsignedTriggerSettings;
	detectEvent(body: unknown, query: IDataObject): E;
	/** The provider's id of what a delivery reports, for dropping repeats; undefined: never dropped. */
	deliveryId(event: E, body: unknown): string | undefined;
	/**
	 * The answer to an event the node does not listen to (still HTTP 200, or the provider sends it
	 * again). Default `{ received: true, started: false, event }`.
	 */
	notListenedAnswer?(event: E): unknown;
	/**
	 * The answer when the workflow starts, or ANSWER_FROM_LAST_NODE. Default `{ received: true,
	 * started: true, event }`. It may throw: n8n then answers HTTP 500 and the delivery is not
	 * remembered as received, so the provider's repeat is not dropped.
	 */
	startAnswer?(event: E): unknown;
}

/**
 * `webhook()` of a trigger for a provider that does not sign its webhooks: IP allow list and secret
 * (403 / 401, nothing starts), events the node does not listen to answered 200 without a run,
 * repeated deliveries dropped, then one run with the body's fields, `event`, `receivedAt` and the
 * request's headers and query without the secret.
 */
export function handleUnsignedDelivery<E extends string>(
	ctx: IWebhookFunctions,
	trigger: UnsignedTrigger<E>,
): IWebhookResponseData {
	const { settings } = trigger;
	const refused = refuseUnauthorised(ctx, {
		secret: settings.secret,
		ranges: settings.ranges,
		triggerName: trigger.triggerName,
	});
	if (refused) return refused;

	const body = ctx.getBodyData() as unknown;
	const event = trigger.detectEvent(body, (ctx.getQueryData() ?? {}) as IDataObject);
	if (!settings.events.includes(event))
		return reply(
			ctx,
			200,
			trigger.notListenedAnswer?.(event) ?? { received: true, started: false, event },
		);

	const now = Date.now();
	const id = settings.dropDuplicates ? trigger.deliveryId(event, body) : undefined;
	const repeat = deliveryGuard(ctx, id ? deliveryKey(id, body) : undefined, now);
	if (repeat.seen)
		return reply(ctx, 200, { received: true, started: false, event, duplicate: true });

	const { headers, query } = requestWithoutSecret(ctx, settings.secret);
	const item: IDataObject = {
		...payloadFields(body),
		event,
		receivedAt: new Date(now).toISOString(),
		headers,
		query,
	};
	const answer = trigger.startAnswer?.(event) ?? { received: true, started: true, event };
	repeat.remember();
	if (answer === ANSWER_FROM_LAST_NODE)
		return { workflowData: [ctx.helpers.returnJsonArray(item)] };
	return startWorkflow(ctx, item, answer);
}
