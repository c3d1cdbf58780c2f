import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { secretCredentialProperties } from '../nodes/shared/trigger';

/**
 * The secret the Unitalk Trigger checks on every request (Unitalk does not sign its webhooks). Kept
 * here, where n8n keeps secrets, rather than as a node parameter exported with the workflow and open to
 * expressions evaluated against the incoming request. Checked by the trigger (testedBy).
 */
export class UnitalkTriggerApi implements ICredentialType {
	name = 'unitalkTriggerApi';

	displayName = 'Unitalk Trigger Secret API';

	icon: Icon = {
		light: 'file:../icons/unitalk.svg',
		dark: 'file:../icons/unitalk.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = secretCredentialProperties({
		provider: 'Unitalk',
		locations: ['query', 'header'],
		headerHelp:
			'An HTTP header added to the action on the "Event handling" page (not possible for balance, routing and voice queue management webhooks)',
		queryHelp: 'A URL parameter: works for every Unitalk webhook',
	});
}
