import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	handleUnsignedDelivery,
	readAllowList,
	readSecretCredential,
	secretCredentialTest,
	settingsOnlyWebhookMethods,
	webhookResponse,
} from '../shared/trigger';
import type { UnsignedTriggerSettings } from '../shared/trigger';
import { triggerProperties } from './trigger/description';
import { choicesSubtitle } from '../shared/subtitle';
import { deliveryId, detectEvent, EVENT_OPTIONS } from './trigger/events';

const CREDENTIAL = 'twin24TriggerApi';

/** Reads and checks the settings; anything unusable is an error that says what to fix. */
async function readSettings(
	ctx: IWebhookFunctions | IHookFunctions,
): Promise<UnsignedTriggerSettings> {
	const secret = await readSecretCredential(ctx, CREDENTIAL, 'Twin24');
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const events = ctx.getNodeParameter('events', []) as unknown;
	return {
		events: Array.isArray(events) ? (events as string[]) : [],
		secret,
		ranges: readAllowList(ctx.getNode(), options.allowedIps),
		dropDuplicates: options.dropDuplicates !== false,
	};
}

export class Twin24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twin24 Trigger',
		name: 'twin24Trigger',
		icon: { light: 'file:../../icons/twin24.svg', dark: 'file:../../icons/twin24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: choicesSubtitle('events', EVENT_OPTIONS),
		description:
			'Starts the workflow when Twin24 reports a call task event (call ended, candidate processed, redirect, recall, efficiency, task status) or an inbound call',
		defaults: { name: 'Twin24 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'twin24TriggerApi', required: true, testedBy: 'twin24TriggerSecret' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', path: 'webhook', ...webhookResponse(false) }],
		properties: triggerProperties,
	};

	methods = { credentialTest: secretCredentialTest('twin24TriggerSecret', 'Twin24') };

	// The URL goes into each task's webhookUrls (or the cabinet setting), which needs the user's Twin24
	// login, not this trigger's.
	webhookMethods = settingsOnlyWebhookMethods(readSettings);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Events not listened to are acknowledged with 200 too: Twin24 would re-send them for 24 hours.
		return handleUnsignedDelivery(this, {
			triggerName: 'Twin24 Trigger',
			settings: await readSettings(this),
			detectEvent,
			deliveryId,
		});
	}
}
