/**
 * What n8n 2.x sends for a production webhook after the trigger's webhook() returned (the receivers
 * of the trigger tests stand in for n8n's webhook server): nothing more when the node answered itself
 * (noWebhookResponse); for a started run in "onReceived" mode, webhookResponse once the execution is
 * created (a string as text, anything else as JSON); in "lastNode" mode the last node's first item;
 * with no run and no webhookResponse, n8n's own "Webhook call received". Read from
 * dist/webhooks/webhook-helpers.js and webhook-request-handler.js of the pinned runtime.
 */
import type { IWebhookResponseData } from 'n8n-workflow';

export interface N8nAnswer {
	status: number;
	body: string;
	/** Unset: express's default for the body (text/html for a string). */
	contentType?: string;
}

export function n8nAnswer(
	result: IWebhookResponseData,
	lastNodeJson?: unknown,
): N8nAnswer | undefined {
	if (result.noWebhookResponse) return undefined;
	const json = (value: unknown): N8nAnswer => ({
		status: 200,
		body: JSON.stringify(value),
		contentType: 'application/json',
	});
	if (result.webhookResponse !== undefined) {
		return typeof result.webhookResponse === 'string'
			? { status: 200, body: result.webhookResponse }
			: json(result.webhookResponse);
	}
	if (result.workflowData === undefined) return json({ message: 'Webhook call received' });
	return json(lastNodeJson);
}
