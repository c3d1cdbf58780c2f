import type { INodeProperties } from 'n8n-workflow';

import { allowListOption, answerFromField, dropDuplicatesOption } from '../../shared/trigger';
import { EVENT_OPTIONS, EVENT_QUERY_PARAMETER } from './events';

const answering = ['ROUTE', 'VOICE_QUEUE_PRIORITY'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'<b>Set up in Unitalk</b>: copy the <b>Production URL</b> shown above (method <b>POST</b>). ' +
			'Call, voice menu, autodialer and voice queue events: on the <b>Event handling</b> page add an action of type Webhook with this URL, method POST, body "Standard JSON", and the secret below. ' +
			'Balance movements: paste the URL on the <b>API</b> page. ' +
			'Choosing the responsible operator and voice queue management: paste it in the incoming script ("Request to Your API" / "Webhook for management"). ' +
			'Those three only take a URL, so send the secret as a query parameter for them. ' +
			`Autodialer events other than call completion arrive with an empty body: add the URL parameter <b>${EVENT_QUERY_PARAMETER}</b> with the event's name (e.g. AUTODIAL_FINISH) to tell them apart.`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['CALL_END'],
		options: EVENT_OPTIONS,
		description:
			'Which webhooks start the workflow. Requests for other events are acknowledged (HTTP 200) and start nothing.',
	},
	{
		displayName:
			'The secret lives in the <b>Unitalk Trigger Secret</b> credential above: a long random value, and whether Unitalk sends it as a URL parameter (works for every Unitalk webhook; append it yourself where Unitalk only takes a URL, e.g. <code>…/webhook?secret=YOUR_SECRET</code>) or as an HTTP header added on the "Event handling" page. Requests without it get HTTP 401 and start nothing.',
		name: 'secretNotice',
		type: 'notice',
		default: '',
	},
	answerFromField(
		{ show: { events: answering } },
		'Where the answer to the routing and voice queue management webhooks comes from. Every other event is answered at once.',
	),
	{
		displayName:
			"Expressions here are evaluated when the request arrives, before any other node runs: they can read the request as <code>{{ $json.body }}</code> (Unitalk's payload, e.g. <code>{{ $json.body.call.from }}</code>), <code>{{ $json.headers }}</code> and <code>{{ $json.query }}</code>, plus $now, $vars and other workflow-wide values; not the output of other nodes.",
		name: 'expressionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { events: answering, answerFrom: ['parameters'] } },
	},
	{
		displayName: 'Operator Number',
		name: 'operatorNumber',
		type: 'string',
		default: '',
		placeholder: '2048',
		displayOptions: { show: { events: ['ROUTE'], answerFrom: ['parameters'] } },
		description:
			'Internal (SIP) line or international phone number of the responsible operator. Empty: no responsible operator (null).',
	},
	{
		displayName: 'Caller Name',
		name: 'callerName',
		type: 'string',
		default: '',
		displayOptions: { show: { events: ['ROUTE'], answerFrom: ['parameters'] } },
		placeholder: 'John Smith (VIP)',
		description:
			"Name shown in the operator's SIP client for this call, e.g. John Smith (VIP). Empty: none (null).",
	},
	{
		displayName: 'IVR ID',
		name: 'ivrId',
		type: 'string',
		default: '',
		placeholder: '487',
		displayOptions: { show: { events: ['ROUTE'], answerFrom: ['parameters'] } },
		description: 'ID of a voice menu to play to the caller. Empty: none (null).',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		default: 5,
		displayOptions: { show: { events: ['VOICE_QUEUE_PRIORITY'], answerFrom: ['parameters'] } },
		description:
			'Queue number from 1 to 10 for the caller; queues are served from 10 down to 1. Unitalk puts calls in queue 5 by default.',
	},
	{
		displayName:
			'The last node must output, as its first item, <code>{"operatorNumber": "2048", "callerName": "Name", "ivrId": null}</code> for routing requests, or <code>{"setPriority": 7}</code> (a whole number from 1 to 10) for voice queue management. n8n sends that item as it is once the workflow has finished, so the trigger cannot check it: a Set node with exactly these fields is the safest last node. If the workflow fails, Unitalk gets HTTP 500 and uses its default.',
		name: 'lastNodeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { events: answering, answerFrom: ['lastNode'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			dropDuplicatesOption(
				'Whether to acknowledge and drop a call event that arrives again with the same call ID and identical content within 10 minutes',
			),
			allowListOption(),
		],
	},
];
