import type { INodeProperties } from 'n8n-workflow';

import { allowAgentUseField } from '../../../shared/agentGuard';
import { binaryPropertyField, GROUP_CALL_LANGUAGES, timeZoneOption } from '../voice/fields';
import { endpointOptions, type VoiceEndpoint } from '../voice/transport';
import { MAX_NUMBERS_PER_TASK } from './schema';

/**
 * The NEW group call page was not found (research §4.2 [U]); the parameters are the seed table's, the
 * path follows the analog API the research documents (`/voice/group/call/send`) under NXCloud's `/v1`
 * prefix, bizType 7 as on NXCloud's voice upload page.
 */
export const GROUP_CALL_ENDPOINT: VoiceEndpoint = {
	path: '/v1/voice/group/call/send',
	bizType: '7',
	action: 'groupCall',
};

const whenSms = { show: { hangUpSms: [true] } };
const whenAgents = { show: { transferToAgents: [true] } };

export const groupCallFields: INodeProperties[] = [
	allowAgentUseField,
	{
		displayName: 'App ID',
		name: 'appId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. iaAJ6COV',
		description: 'ID of the voice application in the NXCloud console (appId)',
	},
	{
		displayName: 'Task Name',
		name: 'taskName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. June reminder',
		description:
			'2 to 64 characters; NXCloud refuses a name used before. When the numbers need several tasks, each name gets " 1/3", " 2/3"..., and (see Options) a short key of this run.',
	},
	{
		displayName: 'Numbers',
		name: 'numbers',
		type: 'string',
		default: '={{ $json.phone }}',
		required: true,
		placeholder: 'e.g. 8613242926514',
		description:
			"This item's numbers, with the country code, separated by commas. All items' numbers go into as few tasks as possible (200,000 numbers each). A number that is not 7 to 15 digits, or repeats one already listed, is left out and reported with the reason.",
	},
	{
		displayName: 'Display Number',
		name: 'displayNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1008122211',
		description: 'Number shown to the people called, 0 to 20 digits; empty lets NXCloud choose',
	},
	{
		displayName: 'Voice Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Text to Speech',
				value: 'tts',
				description: 'A text read by a synthetic voice',
			},
			{
				name: 'Uploaded Voice File',
				value: 'file',
				description: 'A voice file already in NXCloud, by its ID',
			},
			{
				name: 'Upload From Binary Field',
				value: 'upload',
				description: 'A voice file of the input item, uploaded with the task',
			},
		],
		default: 'tts',
		description: 'What the people called hear (source 3, 1 or 2)',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: { source: ['tts'] } },
		placeholder: 'e.g. Your appointment is tomorrow at 10 am',
		description: 'What the voice reads, at most 1000 characters',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: GROUP_CALL_LANGUAGES,
		default: 'EN',
		displayOptions: { show: { source: ['tts'] } },
		description: 'Language of the synthetic voice (lan), e.g. English',
	},
	{
		displayName: 'Voice File ID',
		name: 'voiceFileId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { source: ['file'] } },
		placeholder: 'e.g. 1559045130474',
		description:
			"ID of a voice file in your NXCloud account (voiceFileId). NXCloud's docs do not say where the API shows it; take it from the console.",
	},
	{ ...binaryPropertyField, displayOptions: { show: { source: ['upload'] } } },
	{
		displayName: 'Upload Name',
		name: 'uploadName',
		type: 'string',
		default: '',
		displayOptions: { show: { source: ['upload'] } },
		placeholder: 'e.g. june-reminder.mp3',
		description:
			"Name of the uploaded file, 5 to 32 characters; empty: the binary field's file name",
	},
	{
		displayName: 'Play Count',
		name: 'loopCount',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 9 },
		default: 1,
		description: 'How many times the message is played in a call, 1 to 9 (loopCount)',
	},
	{
		displayName: 'Max Call Seconds',
		name: 'maxCallSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 999 },
		default: 60,
		description:
			'The call is hung up this many seconds after it is answered, at most 999 (maxCalls)',
	},
	{
		displayName: 'Max Ringing Seconds',
		name: 'maxRingingSeconds',
		type: 'number',
		typeOptions: { minValue: 20, maxValue: 120 },
		default: 60,
		description:
			'How long a number may ring before the call is given up, 20 to 120 (maxRingingTime)',
	},
	{
		displayName: 'Send Time',
		name: 'sendTime',
		type: 'dateTime',
		default: '',
		description:
			'When the calls start, e.g. 2026-06-21T09:00:00; empty: now. Sent as yyyy-MM-dd HH:mm:ss in the provider time zone (see Options).',
	},
	{
		displayName: 'Allowed Send Periods',
		name: 'allowedSendPeriods',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: 3 },
		default: {},
		placeholder: 'Add Period',
		description:
			'Up to 3 daily time windows in which calls may be made (allowSendTime), e.g. 09:00 to 12:00',
		options: [
			{
				displayName: 'Period',
				name: 'periods',
				values: [
					{
						displayName: 'Start',
						name: 'start',
						type: 'string',
						default: '09:00',
						placeholder: 'e.g. 09:00',
						description: 'Start of the window, HH:mm',
					},
					{
						displayName: 'End',
						name: 'end',
						type: 'string',
						default: '18:00',
						placeholder: 'e.g. 18:00',
						description: 'End of the window, HH:mm, after the start',
					},
				],
			},
		],
	},
	{
		displayName: 'Hang-Up SMS',
		name: 'hangUpSms',
		type: 'boolean',
		default: false,
		description: 'Whether an SMS is sent after the call (hangUpSms)',
	},
	{
		displayName: 'SMS App ID',
		name: 'smsAppId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: whenSms,
		placeholder: 'e.g. 9obbP7Nl',
		description: 'ID of the SMS application in the NXCloud console (smsAppId)',
	},
	{
		displayName: 'SMS Text',
		name: 'smsContent',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		displayOptions: whenSms,
		placeholder: 'e.g. Thanks for your time. Reply STOP to opt out.',
		description: 'Text of the SMS, at most 1000 characters (smsContent)',
	},
	{
		displayName: 'Sender ID',
		name: 'senderId',
		type: 'string',
		default: '',
		displayOptions: whenSms,
		placeholder: 'e.g. MyShop',
		description: 'Sender shown on the SMS, at most 32 characters (senderId)',
	},
	{
		displayName: 'SMS On Key Press',
		name: 'feedbackPush',
		type: 'boolean',
		default: false,
		displayOptions: whenSms,
		description:
			'Whether the SMS is sent when the person presses a given key (feedbackPush). At least one of the four "SMS ..." moments must be on.',
	},
	{
		displayName: 'Key Pressed',
		name: 'feedbackValue',
		type: 'string',
		default: '1',
		displayOptions: { show: { hangUpSms: [true], feedbackPush: [true] } },
		placeholder: 'e.g. 1',
		description: 'The key, 0 to 9, that sends the SMS (feedbackValue)',
	},
	{
		displayName: 'SMS After Successful Call',
		name: 'successPush',
		type: 'boolean',
		default: false,
		displayOptions: whenSms,
		description: 'Whether the SMS is sent after an answered call (successPush)',
	},
	{
		displayName: 'SMS Delay After Success (Seconds)',
		name: 'successPushTime',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 9999 },
		default: 10,
		displayOptions: { show: { hangUpSms: [true], successPush: [true] } },
		description:
			'Seconds after the answered call before the SMS is sent, 0 to 9999 (successPushTime)',
	},
	{
		displayName: 'SMS After Failed Call',
		name: 'failedPush',
		type: 'boolean',
		default: false,
		displayOptions: whenSms,
		description: 'Whether the SMS is sent when the call fails (failedPush)',
	},
	{
		displayName: 'SMS On Ringing',
		name: 'ringPush',
		type: 'boolean',
		default: false,
		displayOptions: whenSms,
		description: 'Whether the SMS is sent once the phone rings (ringPush)',
	},
	{
		displayName: 'Transfer to Agents',
		name: 'transferToAgents',
		type: 'boolean',
		default: false,
		description: 'Whether calls are passed to human agents (toSeat)',
	},
	{
		displayName: 'Agent Group ID',
		name: 'sipGroupId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: whenAgents,
		placeholder: 'e.g. 1000019',
		description: 'ID of the agent group that takes the calls (sipGroupId)',
	},
	{
		displayName: 'Outbound Control',
		name: 'outboundControl',
		type: 'options',
		options: [{ name: 'Proportional', value: 1, description: 'Calls in proportion to the agents' }],
		default: 1,
		displayOptions: whenAgents,
		description:
			'How the calls are paced for the agents (outboundControl); NXCloud documents one mode',
	},
	{
		displayName: 'Call Rate',
		name: 'calloutRate',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 1,
		displayOptions: whenAgents,
		description: 'Calls per available agent, 1 to 100 (calloutRate)',
	},
	{
		displayName: 'Transfer When',
		name: 'toSeatType',
		type: 'options',
		options: [
			{ name: 'After the Message', value: 1, description: 'Once the message has been played' },
			{ name: 'On Key Press', value: 2, description: 'When the person presses the transfer key' },
		],
		default: 1,
		displayOptions: whenAgents,
		description: 'When the call goes to an agent (toSeatType)',
	},
	{
		displayName: 'Transfer Key',
		name: 'toSeatKey',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 9 },
		default: 0,
		displayOptions: { show: { transferToAgents: [true], toSeatType: [2] } },
		description: 'The key, 0 to 9, that passes the call to an agent (toSeatKey)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Run Key to Names',
				name: 'runKey',
				type: 'boolean',
				default: true,
				description:
					'Whether each task name ends with a short key made from this execution and node (e.g. "#3f9a1c"). Task names must be unique, so with the key a repeated request (a retry, or n8n\'s Retry On Fail) can never create a second task: NXCloud refuses the same name, and the node reports that task as already created. Without the key a request whose outcome is unknown (a dropped connection) is not sent again: its numbers are reported as possibly called.',
			},
			{
				displayName: 'Numbers Per Task',
				name: 'numbersPerTask',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_NUMBERS_PER_TASK },
				default: MAX_NUMBERS_PER_TASK,
				description: `Most numbers in one task; NXCloud takes at most ${MAX_NUMBERS_PER_TASK.toLocaleString('en-US')}. More numbers make several tasks.`,
			},
			timeZoneOption,
			endpointOptions(
				GROUP_CALL_ENDPOINT,
				"NXCloud's current group call page was not found: the path follows the analog API in the research and the action is a guess; the bizType is the voice upload page's.",
			),
		],
	},
];
