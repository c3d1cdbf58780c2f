import type { ResourceDefinition } from '../../shared/operations';
import { cancel as cancelAutodialer } from './autodialer/cancel.operation';
import { create as createAutodialer } from './autodialer/create.operation';
import { remove as deleteAutodialer } from './autodialer/delete.operation';
import { getConfiguration as getAutodialerConfiguration } from './autodialer/getConfiguration.operation';
import { getMany as getAutodialers } from './autodialer/getMany.operation';
import { pause as pauseAutodialer } from './autodialer/pause.operation';
import { recallNumbers } from './autodialer/recallNumbers.operation';
import { unpause as unpauseAutodialer } from './autodialer/unpause.operation';
import { update as updateAutodialer } from './autodialer/update.operation';
import { add as addNumbers } from './autodialerNumber/add.operation';
import { get as getNumber } from './autodialerNumber/get.operation';
import { getMany as getNumbers } from './autodialerNumber/getMany.operation';
import { remove as removeNumbers } from './autodialerNumber/remove.operation';
import { removeAll as removeAllNumbers } from './autodialerNumber/removeAll.operation';
import { getMany as getAutodialerCalls } from './autodialerCall/getMany.operation';
import { synthesize as synthesizeAudio } from './audio/synthesize.operation';
import { upload as uploadAudio } from './audio/upload.operation';
import { clickToCall } from './call/clickToCall.operation';
import { connectPrompter } from './call/connectPrompter.operation';
import { directCall } from './call/directCall.operation';
import { hangUp } from './call/hangUp.operation';
import { informationalCall } from './call/informationalCall.operation';
import { voiceAnalytics } from './call/voiceAnalytics.operation';
import { get as getDictionary } from './dictionary/get.operation';
import { getMany as getCallHistory } from './callHistory/getMany.operation';
import { get as getOperatorStatistics } from './operatorStatistics/get.operation';
import { getMany as getUsers } from './user/getMany.operation';
import { getWorkHistory } from './user/getWorkHistory.operation';
import { getWorkStatuses } from './user/getWorkStatuses.operation';
import { setWorkStatus } from './user/setWorkStatus.operation';
import { getStatuses as getInternalLineStatuses } from './internalLine/getStatuses.operation';
import { removeNumber as removeGroupNumber } from './group/removeNumber.operation';
import { add as addToBlockedList } from './blockedList/add.operation';
import { get as getBlockedList } from './blockedList/get.operation';
import { remove as removeFromBlockedList } from './blockedList/remove.operation';
import { removeScheduledByPhones } from './eventHandler/removeScheduledByPhones.operation';
import { addNumbers as addNumbersThroughLink } from './incomingWebhookLink/addNumbers.operation';
import { removeNumbers as removeNumbersThroughLink } from './incomingWebhookLink/removeNumbers.operation';
import { send as sendMessage } from './message/send.operation';
import { sendBulk as sendBulkMessages } from './message/sendBulk.operation';
import { getStatus as getMessageStatus } from './message/getStatus.operation';
import { create as createDistribution } from './messageDistribution/create.operation';
import { getMany as getDistributions } from './messageDistribution/getMany.operation';
import { pause as pauseDistribution } from './messageDistribution/pause.operation';
import { remove as removeDistribution } from './messageDistribution/remove.operation';
import { unpause as unpauseDistribution } from './messageDistribution/unpause.operation';
import { update as updateDistribution } from './messageDistribution/update.operation';
import { hideNotification } from './webDialer/hideNotification.operation';
import { sendNotification } from './webDialer/sendNotification.operation';

/**
 * Every resource of the Unitalk node with its operations, in dropdown order. A new operation is a
 * file in actions/<resource>/ and one entry here.
 */
export const resources: ResourceDefinition[] = [
	{
		value: 'autodialer',
		name: 'Autodialer',
		description: 'Autodialers (calling campaigns): create, change, pause, cancel, re-call, delete',
		// Listed alphabetically, Cancel would come first: a new node starts with the harmless Get Many.
		defaultOperation: 'getMany',
		operations: [
			cancelAutodialer,
			createAutodialer,
			deleteAutodialer,
			getAutodialerConfiguration,
			getAutodialers,
			pauseAutodialer,
			recallNumbers,
			unpauseAutodialer,
			updateAutodialer,
		],
	},
	{
		value: 'autodialerNumber',
		name: 'Autodialer Number',
		description: 'Numbers in an autodialer: add, read, remove',
		operations: [addNumbers, getNumber, getNumbers, removeNumbers, removeAllNumbers],
	},
	{
		value: 'autodialerCall',
		name: 'Autodialer Call',
		description: 'Calls an autodialer made, with their results',
		operations: [getAutodialerCalls],
	},
	{
		value: 'call',
		name: 'Call',
		description: 'Place calls, hang up, connect a prompter, run voice analytics',
		operations: [
			clickToCall,
			connectPrompter,
			directCall,
			hangUp,
			informationalCall,
			voiceAnalytics,
		],
	},
	{
		value: 'audio',
		name: 'Audio',
		description: 'Audios of the project: upload files, synthesise from text',
		operations: [synthesizeAudio, uploadAudio],
	},
	{
		value: 'dictionary',
		name: 'Dictionary',
		description: 'IDs and names of project entities (audios, lines, menus, profiles...)',
		operations: [getDictionary],
	},
	{
		value: 'callHistory',
		name: 'Call History',
		description: 'Calls of the project in a period, with filters',
		operations: [getCallHistory],
	},
	{
		value: 'operatorStatistics',
		name: 'Operator Statistics',
		description: 'Call statistics per operator for a period',
		operations: [getOperatorStatistics],
	},
	{
		value: 'user',
		name: 'User',
		description: 'Users of the project, their work statuses and work history',
		operations: [getUsers, getWorkHistory, getWorkStatuses, setWorkStatus],
	},
	{
		value: 'internalLine',
		name: 'Internal Line',
		description: 'Internal (SIP) lines and whether they are online, busy or offline',
		operations: [getInternalLineStatuses],
	},
	{
		value: 'group',
		name: 'Group',
		description: 'Groups (departments) of internal lines',
		operations: [removeGroupNumber],
	},
	{
		value: 'blockedList',
		name: 'Blocked List',
		description: 'Blocked numbers, and numbers that may not be added to autodialers',
		operations: [addToBlockedList, getBlockedList, removeFromBlockedList],
	},
	{
		value: 'eventHandler',
		name: 'Event Handler',
		description: 'Scheduled event handlers of phone numbers',
		operations: [removeScheduledByPhones],
	},
	{
		value: 'incomingWebhookLink',
		name: 'Incoming Webhook Link',
		description: 'Add or remove autodialer numbers through a link generated in Unitalk',
		operations: [addNumbersThroughLink, removeNumbersThroughLink],
	},
	{
		value: 'message',
		name: 'Message',
		description: 'SMS and Viber messages: send one, send in bulk, get the sending status',
		operations: [sendMessage, sendBulkMessages, getMessageStatus],
	},
	{
		value: 'messageDistribution',
		name: 'Message Distribution',
		description: 'SMS and Viber distributions (campaigns): create, list, update, pause, remove',
		operations: [
			createDistribution,
			getDistributions,
			pauseDistribution,
			removeDistribution,
			unpauseDistribution,
			updateDistribution,
		],
	},
	{
		value: 'webDialer',
		name: 'Web Dialer',
		description: 'Notifications in Web Dialer, the Unitalk Chrome extension',
		operations: [sendNotification, hideNotification],
	},
];
