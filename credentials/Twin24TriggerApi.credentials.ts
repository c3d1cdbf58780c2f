import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { secretCredentialProperties } from '../nodes/shared/trigger';

/**
 * The secret a Twin24 Trigger checks. Twin24 signs nothing and sends webhooks to a bare URL, so the
 * secret travels as a URL parameter of the trigger's production URL. Kept here, where n8n keeps
 * secrets, rather than in a node parameter exported with the workflow.
 */
export class Twin24TriggerApi implements ICredentialType {
	name = 'twin24TriggerApi';

	displayName = 'Twin24 Trigger API';

	icon: Icon = {
		light: 'file:../icons/twin24.svg',
		dark: 'file:../icons/twin24.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#twin24-trigger';

	properties: INodeProperties[] = secretCredentialProperties({
		provider: 'Twin24',
		locations: ['query'],
		queryHelp:
			'A URL parameter of the webhook URL given to Twin24 (task "webhookUrls" or the cabinet\'s inbound-call webhook)',
	});
}
