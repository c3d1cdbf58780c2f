import type { INodeProperties } from 'n8n-workflow';

import { allowListOption, dropDuplicatesOption } from '../../shared/trigger';
import { EVENT_OPTIONS } from './events';

/** Where Twin24 documents its webhooks come from (research/twin24.md §3.1). */
export const TWIN24_WEBHOOK_RANGE = '87.251.83.160/27';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'<b>Set up in Twin24</b>: copy the <b>Production URL</b> shown above and add the secret of the credential as a URL parameter, e.g. <code>https://n8n.example.com/webhook/…/webhook?secret=YOUR_SECRET</code>. ' +
			"Task events: put that URL in the task's webhook URLs (the Twin24 node's Create Task has a field for it) and switch on the events there too. " +
			"Inbound calls: set it as the cabinet's inbound-call webhook. " +
			'Twin24 re-sends any delivery not answered with HTTP 200 for 24 hours; this trigger answers at once.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['CALL_ENDED'],
		options: EVENT_OPTIONS,
		description:
			"Which webhooks start the workflow. Others are acknowledged (HTTP 200, so Twin24 does not re-send them) and start nothing. Each item keeps the body as Twin24 sent it, the candidate's callbackData untouched.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				...dropDuplicatesOption(
					'Whether a delivery Twin24 sends again (same event, same call and the same body, within 10 minutes) is answered without starting the workflow again. Task status changes are never dropped.',
				),
			},
			{
				...allowListOption(),
				placeholder: TWIN24_WEBHOOK_RANGE,
				description: `Only accept requests from these addresses or ranges (comma-separated, CIDR allowed); others get HTTP 403. Twin24 documents its webhooks as coming from ${TWIN24_WEBHOOK_RANGE}. Empty: any address. Behind a reverse proxy, n8n must trust it (N8N_PROXY_HOPS) to see the caller's address.`,
			},
		],
	},
];
