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
};

export function explainUnitalkError(message: string, action: string): string {
	const explanation = EXPLANATIONS[message.trim()];
	return explanation ? `${message}: ${explanation}` : message || `${action} failed`;
}
