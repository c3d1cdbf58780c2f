import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	ANSWER_FROM_LAST_NODE,
	handleUnsignedDelivery,
	readAllowList,
	readSecretCredential,
	secretCredentialTest,
	settingsOnlyWebhookMethods,
	webhookResponse,
} from '../shared/trigger';
import type { UnsignedTriggerSettings } from '../shared/trigger';
import { checkPriority, checkRouteAnswer } from './trigger/answers';
import { choicesSubtitle } from '../shared/subtitle';
import {
	ANSWERING_EVENTS,
	deliveryId,
	detectEvent,
	EVENT_OPTIONS,
	type UnitalkEvent,
} from './trigger/events';
import { triggerProperties } from './trigger/description';

export { DUPLICATE_MEMORY, DUPLICATE_WINDOW_MS } from '../shared/trigger';

interface TriggerSettings extends UnsignedTriggerSettings {
	answerFrom: 'parameters' | 'lastNode';
}

type Context = IWebhookFunctions | IHookFunctions;

export const TRIGGER_CREDENTIAL = 'unitalkTriggerApi';

/**
 * Reads and checks the node's settings; anything unusable is an error that says what to fix. The
 * secret is a fixed value in the trigger's credential, never evaluated against the request.
 */
async function readSettings(ctx: Context): Promise<TriggerSettings> {
	const node = ctx.getNode();
	const secret = await readSecretCredential(ctx, TRIGGER_CREDENTIAL, 'Unitalk');
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const ranges = readAllowList(node, options.allowedIps);
	const events = ctx.getNodeParameter('events', []) as string[];
	const answersNeeded = events.some((e) => ANSWERING_EVENTS.includes(e as UnitalkEvent));
	return {
		events: Array.isArray(events) ? events : [],
		secret,
		ranges,
		dropDuplicates: options.dropDuplicates !== false,
		answerFrom:
			answersNeeded && ctx.getNodeParameter('answerFrom', 'parameters') === 'lastNode'
				? 'lastNode'
				: 'parameters',
	};
}

export class UnitalkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unitalk Trigger',
		name: 'unitalkTrigger',
		icon: { light: 'file:../../icons/unitalk.svg', dark: 'file:../../icons/unitalk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: choicesSubtitle('events', EVENT_OPTIONS),
		description:
			'Starts the workflow when Unitalk reports a call, voice menu, autodialer, voice queue or balance event, and answers its routing and queue priority requests',
		defaults: { name: 'Unitalk Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unitalkTriggerApi', required: true, testedBy: 'unitalkTriggerSecret' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'webhook',
				...webhookResponse(true),
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: secretCredentialTest('unitalkTriggerSecret', 'Unitalk') };

	// Unitalk has no API to register webhooks: the URL is pasted in its account by hand (see the node's
	// notice).
	webhookMethods = settingsOnlyWebhookMethods(readSettings);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = await readSettings(this);
		return handleUnsignedDelivery<UnitalkEvent>(this, {
			triggerName: 'Unitalk Trigger',
			settings,
			detectEvent,
			deliveryId,
			// Answering webhooks get an empty answer: Unitalk then keeps its own routing / queue 5.
			notListenedAnswer: (event) => (ANSWERING_EVENTS.includes(event) ? {} : undefined),
			startAnswer: (event) => {
				if (!ANSWERING_EVENTS.includes(event)) return undefined;
				return settings.answerFrom === 'lastNode'
					? ANSWER_FROM_LAST_NODE
					: answerFromParameters(this, event);
			},
		});
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
