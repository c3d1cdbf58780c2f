/**
 * Unitalk's error messages (as listed per action in its documentation) in words a flow builder can
 * act on. The provider's own text is kept at the start so it can still be searched for.
 */
const EXPLANATIONS: Record<string, string> = {
	'Task not found': 'no autodialer has this ID in the project',
	'task is null': 'the autodialer settings are missing',
	'Please confirm phone number':
		'unverified projects cannot create autodialers; confirm the phone number in Unitalk first',
	'Billing not allow':
		'autodialers are not available on this tariff, or the tariff has not been paid',
	'Name already present': 'an autodialer with this name already exists in the project',
	'Wrong name': 'the name must not be empty or longer than 45 characters',
	'Wrong dates': 'the call dates are missing, or the start date is after the end date',
	'Wrong time ranges':
		'each weekday needs a start and an end time with the start before the end, and at least one day must be set',
	'Prefix is too long': 'the caller ID prefix must not exceed 20 characters',
	'Numbers is null or empty': 'no numbers were given',
	'Too many numbers': 'more than 100,000 numbers in one request',
	'Numbers limit exceeded': 'the autodialer would hold more than 1,000,000 numbers',
	'Numbers not added': 'none of the numbers were added',
	'Wrong numbers': 'some numbers are not valid international numbers',
	'Wrong audios': 'some numbers carry audios that are not valid',
	'Too many params': 'a number has more than 10 parameters',
	'Wrong parameter key': 'parameter keys must be numbers from 1 to 10',
	'Limit range is 1-5000': 'the limit must be between 1 and 5000',
	'Offset cannot be negative': 'the offset must not be negative',
	'Try again later':
		're-calling the same autodialer is allowed once a minute; wait a minute and run it again',
	'Tasks limit exceeded': 'the project already has the most autodialers it may have',
	'Tarif not allow': 'this feature is not included in the tariff',
	// Calls: /phones/directCall, /calls/originateC2c, /calls/originateNew, /calls/hangup,
	// /calls/connectAsPrompter, /calls/analytics/create
	'Sip not found': 'no internal line has this number in the project',
	'Sip not ready': 'the internal line is offline or busy',
	'Wrong phone': 'the phone number is not a valid international number',
	'Meta info is too big': 'the meta text is longer than 1,000 characters',
	'Call already in progress':
		'the previous call to this number has not ended yet; try again after it ends',
	'Outer line not found': 'no external line with this number exists in the project',
	'Outer line is tracked':
		'this external line is used for call tracking and cannot place outgoing calls',
	'No audio and IVR': 'give at least one audio, a voice menu or a voice robot',
	'IVR can be used for SIPs only':
		'the voice menu may only transfer to internal lines or groups of internal lines and play messages',
	'Service not paid':
		'the tariff is not active: the balance may be empty, or API calls are not included in the tariff',
	'Limit of Simultaneously calls has reached':
		'Unitalk is already running 20 calls at once; try again later',
	'audios: Too many audios': 'at most 5 audios per call',
	'audios: Too many text to speech': 'at most 2 of the audios may be synthesised from text',
	'audios: Audio is null': 'one of the audios is empty',
	'audios: Audio not found by id': 'no audio has this ID in the project',
	'audios: Wrong type of audio': 'the audio is not in the "API calls" section of the project',
	'audios: Audio is empty': 'an audio has neither an audio ID nor a text to synthesise',
	'audios: Text to speech ‘text’ and ‘ssml’ is null':
		'a speech synthesis has neither text nor SSML',
	'audios: Text to speech ‘text’ not valid':
		'the text to synthesise is longer than 4,960 characters',
	'audios: Text to speech ‘ssml’ not valid':
		'the SSML is longer than 5,000 characters or does not begin with <speak> and end with </speak>',
	'audios: Text to speech ‘settingsId’ is null': 'a speech synthesis has no TTS profile',
	'audios: Text to speech settings not found by id':
		'no speech synthesis (TTS) profile has this ID in the project',
	'audios: Text to speech failed': 'Unitalk could not synthesise the text; try again later',
	'Empty request': 'give the call ID or the line number of the call to end',
	'Target not found': 'the internal line in the call does not exist in the project',
	'Target is not in call': 'the internal line is not in a call at the moment',
	'Source not found': 'the prompter line does not exist in the project',
	'Source is offline': 'the prompter line is offline',
	'Only 50 concurrent requests are allowed':
		'Unitalk is already analysing 50 calls; try again later',
	'Call does not exist': 'no call has this ID',
	'Profile does not exist': 'no voice analytics profile has this ID',
	'Analytics is not available for this call':
		'the call has no separate records, which voice analytics needs',
	'Voice analytics is already in progress': 'the analysis of this call has already started',
	'Voice analytics is not available': 'the voice analytics service is unavailable; try again later',
	'Insufficient funds': 'the project balance is too low',
	// Audio: /audio/upload, /audio/tts (request errors and the per-audio `error` of the answer)
	'Allowed only one simultaneous text to speech request per project':
		'another speech synthesis request of this project is still running; nothing was synthesised, run it again once it has finished',
	'data is null': 'no audios to synthesise were sent',
	'data is empty': 'no audios to synthesise were sent',
	'Too many elements in data': 'at most 5 audios can be synthesised per request',
	'type is null': 'the audio section is missing',
	'Name is empty': 'the audio name is missing',
	'Name length more than 200 chars': 'the audio name is longer than 200 characters',
	'Same name already present': 'an audio with this name already exists in the project',
	'tts is null': 'the text to synthesise is missing',
	'Text to speech ‘text’ and ‘ssml’ is null': 'a speech synthesis has neither text nor SSML',
	'Text to speech ‘text’ not valid': 'the text to synthesise is longer than 4,960 characters',
	'Text to speech ‘ssml’ not valid':
		'the SSML is longer than 5,000 characters or does not begin with <speak> and end with </speak>',
	'Text to speech ‘settingsId’ is null': 'a speech synthesis has no TTS profile',
	'Text to speech settings not found by id':
		'no speech synthesis (TTS) profile has this ID in the project',
	'Text to speech failed': 'Unitalk could not synthesise the text; try again later',
	'Internal error': 'Unitalk failed with an unknown error while synthesising',
	// Autodialer numbers and calls: GET_NUMBER(S), REMOVE_(ALL_)NUMBERS, GET_CALLS_HISTORY
	'Wrong phone number': 'the number is not a valid international number',
	'Call not found': 'this number is not in the autodialer',
	'Offset is less than 0': 'the offset must not be negative',
	'callHistoryRequest is null': 'the call history request is missing',
	'Invalid date from': 'the "from" date must be a date and time written as yyyy-MM-dd HH:mm:ss',
	'Invalid date to': 'the "to" date must be a date and time written as yyyy-MM-dd HH:mm:ss',
	'numbers and states is null': 'give either numbers or call states to remove',
	'Phones not found': 'none of the given numbers is a valid international number',
	'Numbers not found': 'none of these numbers is in the autodialer',
	'Numbers not found by states': 'no number of the autodialer is in these call states',
	// The same message means another limit for another action ("<action>: <message>").
	'Remove Numbers: Too many numbers': 'more than 10,000 numbers in one request',
	'Get Calls: Limit range is 1-5000': 'the limit must be between 1 and 1000',
	// Users, statistics, call history (/users/workHistory, /operator/statistic, /history/get)
	'Future data is absent': 'the date is in the future; work history exists only up to today',
	'Wrong FROM date':
		'the start of the period is missing or not a date and time written as yyyy-MM-dd HH:mm:ss',
	'Wrong TO date':
		'the end of the period is missing or not a date and time written as yyyy-MM-dd HH:mm:ss',
	'Limit range is 1-1000': 'the limit must be between 1 and 1000',
	// Scheduled event handlers (/eventHandlers/removeScheduledByPhones)
	'Phones is not specified': 'no phone numbers were given',
	'Too many phones': 'more than 100 phone numbers in one request',
	'Invalid phones': 'some numbers are not valid international numbers (listed in the details)',
	'Wait until the previous request is processed':
		'another removal of scheduled event handlers is running in the project; nothing was removed, run it again when it has finished',
	// Incoming webhook links (/tracking/webhook/event)
	'Token not found':
		'Unitalk does not know the token of the link; generate the link again on the "API" page',
	'Action not found': 'the link has no action; use a link generated by Unitalk',
	'Id is null': 'the link has no autodialer ID; use a link generated by Unitalk',
	'Autodial not found': 'no autodialer has the ID of the link',
	'Empty phones': 'no phone numbers were given',
	'Phones not added':
		'no number was added to the autodialer; perhaps the numbers are already in it',
	'Calls not found': 'no number was removed; perhaps none of them is in the autodialer',
	// Messages (/message/send, /message/sendBulk, /message/getStatus)
	'Message service not connected':
		'the message sending service is not connected; enable it on the "Message sending service" page of the "Integration" section in Unitalk',
	'Validation error':
		'Unitalk refused the message: wrong recipient number, destination or message type not allowed by the message sending service, SMS or Viber disabled there, or an empty, too long or invalid text',
	'UniTalk did not allow sending':
		'the destination is unavailable, the balance is too low or the project is not active',
	'Service response':
		'the message sending service refused the message (for example the number is blocked, the sender name is not valid or the balance is too low; see the details)',
	'Unknown error': 'the message sending service failed for an unknown reason',
	'messagesType is null': 'no message type (SMS or Viber) was given',
	'Messages not specified': 'neither messages nor recipients were given',
	'Too many messages': 'more than 100 messages in one request',
	'messages is empty': 'no messages were given',
	'messages contains null key': 'a message has no phone number',
	'messages contains null value': 'a message has no text',
	'Too many recipients': 'more than 100 recipients in one request',
	'recipients is empty': 'no recipients were given',
	'recipients contains null': 'a recipient has no phone number',
	'text is null or empty': 'the message text is empty',
	'Invalid id': 'the message ID is missing or not valid',
	'Message not found': 'no message has this ID',
	// Message distributions (/messageDistribution/*)
	'The project does not have a messaging service connected':
		'the message sending service is not connected; enable it on the "Message sending service" page of the "Integration" section in Unitalk',
	'The name cannot be empty or contain more than 45 characters':
		'the distribution name must not be empty or longer than 45 characters',
	'The name already exists': 'a distribution with this name already exists in the project',
	'No customer numbers are listed': 'no numbers were given',
	'There can be no more than 10000 numbers in the message distribution':
		'a distribution holds at most 10,000 numbers',
	'Create Distribution: Wrong numbers':
		'some numbers are not valid international numbers (listed in the details)',
	'Incorrect time format': 'the start time must be written as yyyy-MM-dd HH:mm:ss',
	'id is not specified': 'no distribution ID was given',
	'Message distribution not found': 'no distribution has this ID in the project',
	'Message distribution completed': 'the distribution is completed and can no longer be changed',
	// Web Dialer (/widget/sendNotification, /widget/hideNotification)
	'No users was specified for notifications send': 'no users were given',
	'Data fields is all null': 'the notification has no field filled in',
	'No users with connected chrome extension was found':
		'none of these users has Web Dialer (the Unitalk Chrome extension) connected',
	'No users was specified for notifications hide': 'no users were given',
	'NotificationId not specified': 'no notification ID was given',
	'The specified users are not found or chrome extension not connected':
		'the users do not exist or have not connected Web Dialer (the Unitalk Chrome extension)',
	// Autodialers (ADD, UPDATE, REFRESH, PAUSE, UNPAUSE, CANCEL)
	'groupId and pseudoGroupOperators is null':
		'a Guaranteed Autodialer, and every autodialer in FREE or SMART mode, needs a group of internal lines or SIP lines',
	'Create Autodialer: Group not found': 'no group of internal lines has this ID in the project',
	'Update Autodialer: Group not found': 'no group of internal lines has this ID in the project',
	'Wrong group type': 'the group is not a group of internal lines',
	'Moh not found': 'no hold melody has this ID in the project',
	'Wrong audio type: moh':
		'the hold music must come from the "Melodies of waiting on the line and queues" section',
	'In scenario not found': 'no incoming scenario has this ID in the project',
	'Not found in scenario and audio':
		'an Autodialer (AUTODIAL) needs audio parts, an incoming scenario, or both',
	'voiceSecretaryId is null': 'a Voice Robot autodialer needs its voice robot',
	'Create Autodialer: Voice secretary not found': 'no voice robot has this ID in the project',
	'Update Autodialer: Voice secretary not found': 'no voice robot has this ID in the project',
	'Not found out scenario': 'no outgoing scenario has this ID in the project',
	'Repeat call states is empty':
		'repeat calls are switched on, but no call state to repeat was given',
	'Repeat call state is not allowed': 'one of the call states cannot be repeated automatically',
	'Not found text to speech settings':
		'no speech synthesis (TTS) profile has this ID in the project',
	'Wrong trigger action event': 'one of the events given for event handlers does not exist',
	'triggerActionIds is null': 'an event was given without its list of handlers',
	'Too many trigger actions': 'an event has more than 5 handlers',
	'Trigger action not found': 'no event handler has this ID in the project',
	'Few trigger actions with same type':
		'an event has two handlers of the same type; give at most one of each type per event',
	'Not compatible trigger action': 'an event handler cannot be used for the event it was given to',
	'crmMode is null': 'the "Send to CRM" setting is missing',
	'clientCalledMode is null': 'the "Skip Numbers That Called In" setting is missing',
	'Task is finished':
		'the autodialer has finished; it can no longer be paused, unpaused or canceled',
	'Task is canceled':
		'the autodialer has been canceled; it can no longer be paused, unpaused or canceled',
	'states is null or empty': 'no call states were given',
	'state is not allowed': 'one of the call states cannot be re-called (NEW and DIALING cannot)',
};

/** Messages that carry a detail after a fixed beginning ("Operator not found: 1005"). */
const PREFIX_EXPLANATIONS: Array<[string, string]> = [
	['Operator not found: ', 'this SIP line does not exist in the project'],
	[
		'compositeAudio',
		'the audio parts are not valid: at most 20 parts, audios of the "Autodialers" section, silences of 1 to 10,000 ms, speech synthesis of a known value with an existing TTS profile',
	],
];

export function explainUnitalkError(message: string, action: string): string {
	const explanation =
		EXPLANATIONS[`${action}: ${message.trim()}`] ??
		EXPLANATIONS[message.trim()] ??
		PREFIX_EXPLANATIONS.find(([prefix]) => message.trim().startsWith(prefix))?.[1];
	return explanation ? `${message}: ${explanation}` : message || `${action} failed`;
}
