import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_WEBHOOK_URL } from '../nodes/Unitalk/actions/incomingWebhookLink/common';

/**
 * The token of Unitalk "Incoming webhooks" (API page → Generate token / Generate link). It is the
 * only thing that authenticates a link request, so it is kept here, encrypted by n8n, and not in the
 * workflow. Tested by the Unitalk node (testedBy) without calling Unitalk: every link action changes
 * an autodialer, and a declarative test would send the token before its address is checked.
 */
export class UnitalkWebhookLinkApi implements ICredentialType {
	name = 'unitalkWebhookLinkApi';

	displayName = 'Unitalk Incoming Webhook Link API';

	icon: Icon = {
		light: 'file:../icons/unitalk.svg',
		dark: 'file:../icons/unitalk.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'LrqN7GRb1Y1Qx5wRoZHY',
			description:
				'The token for incoming webhooks from the "API" page of your Unitalk account: the value after "token=" in a generated link, e.g. LrqN7GRb1Y1Qx5wRoZHY',
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: DEFAULT_WEBHOOK_URL,
			placeholder: DEFAULT_WEBHOOK_URL,
			description:
				'The part of a generated link before "?", e.g. https://api.unitalk.cloud:8443/tracking/webhook/event. The token is only sent there over https; plain http only to this machine (localhost, 127.x.x.x, ::1, e.g. a local simulator), as that traffic never leaves it.',
		},
	];

	/** Only the token goes along, as the link's `token` query parameter (doc: "Incoming webhooks"). */
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { token: '={{$credentials.token}}' } },
	};
}
