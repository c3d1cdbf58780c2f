/**
 * /calls/analytics/create – "Voice analytics": `callId` and `profileId` (the doc gives no
 * Content-Type: read from the query string, a form or a JSON body). The answer is the doc's bare
 * analytics object (no status envelope), sent at once (the real service answers once the call has
 * been processed, which can take minutes).
 * Errors: "Call does not exist", "Profile does not exist", "Analytics is not available for this call"
 * (no separate records: sandbox calls placed through the API have none; seeded call 1474427803
 * neither), "Voice analytics is already in progress" (seeded call 1474427804).
 * Not simulated: "Only 50 concurrent requests are allowed", "Voice analytics is not available",
 * "Insufficient funds".
 */
import { failure, bare, type EndpointHandler } from '../handler';
import { given } from './common';

export const analyticsCreate: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	const call = given(params.callId) ? calls.calls.get(Number(params.callId)) : undefined;
	if (!call) return failure('Call does not exist');
	const profileId = given(params.profileId) ? Number(params.profileId) : NaN;
	const profileName = calls.analyticsProfiles.get(profileId);
	if (profileName === undefined) return failure('Profile does not exist');
	if (!call.separateRecords) return failure('Analytics is not available for this call');
	if (call.analytics === 'in-progress') return failure('Voice analytics is already in progress');
	call.analytics = 'done';
	const analytics = {
		dialogTopic: {
			metricId: 1234,
			metricName: 'Dialog topic',
			value: 'Voice message',
			position: 0,
		},
	};
	const schema = {
		$schema: 'http://json-schema.org/draft-04/schema#',
		type: 'object',
		properties: {
			dialogTopic: {
				type: 'object',
				properties: {
					metricId: { type: 'integer' },
					metricName: { type: 'string' },
					value: { type: 'string' },
					position: { type: 'integer' },
				},
			},
		},
	};
	return bare({
		profileId,
		profileName,
		transcription: '00:00:00,000-->00:00:15,000\nOperator: Hello! This is sample speech',
		operatorTag: 'Operator',
		analyticsJson: JSON.stringify(analytics),
		analyticsSchema: JSON.stringify(schema),
		languageData: {
			operatorLanguage: 'english',
			clientLanguage: 'english',
			transcriptionLanguageCode: 'en',
			analyticsLanguageCode: 'en',
			translatedLangCode: null,
			translatedLangName: null,
		},
		plainTranscription: 'Operator: Hello! This is sample speech',
	});
};
