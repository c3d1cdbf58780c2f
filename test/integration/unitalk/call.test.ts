/**
 * Unitalk → Call (Direct Call, Click-to-Call, Informational Call, Hang Up, Connect Prompter, Voice
 * Analytics) against the sandbox: node output and the exact requests the sandbox recorded. Doc
 * sections "Calls initiation", "Call termination", "Calling the prompter", "Voice analytics".
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

// The editor registers a node declared `usableAsTool` a second time as `<type>Tool` (what an AI agent
// runs). The harness knows only the plain type, so the Tool name is added here for the agent tests.

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({
	unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
});

const run = async (
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	settings: Record<string, unknown> = {},
	nodeName = 'unitalk',
) =>
	await runWorkflow(
		singleNodeWorkflow(
			nodeName,
			{ resource: 'call', ...parameters } as never,
			items,
			['unitalkApi'],
			settings,
		),
		{ credentials: credentials() },
	);

const unitalkRequests = (path?: string): RecordedRequest[] =>
	sandbox.requests.filter((r) => r.provider === 'unitalk' && (!path || r.path === path));

const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, unknown>;

const calls = () => sandbox.providers.unitalk.state.calls;

/** An active call of internal line `sip`, started directly in the sandbox (as if placed earlier). */
const activeCallOn = (sip: string, phone = '380501112233') =>
	calls().startCall({ kind: 'DIRECT', phone, sip, separateRecords: false });

describe('Unitalk → Call → Direct Call', () => {
	it("sends the documented form body (sip, number, meta) and returns Unitalk's answer", async () => {
		const result = await run(
			{
				operation: 'directCall',
				sip: '1111',
				phone: '={{ $json.phone }}',
				options: { meta: 'deal-42' },
			},
			[{ phone: '+380 (50) 444-33-22' }],
		);

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual({
			status: 'Success',
			message: 'Called',
			sip: '1111',
			number: '380504443322',
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });

		const sent = unitalkRequests();
		expect(sent).toHaveLength(1);
		expect(sent[0].path).toBe('/phones/directCall');
		expect(sent[0].method).toBe('POST');
		expect(sent[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(sent[0].rawBody).toBe('sip=1111&number=380504443322&meta=deal-42');
		expect(sent[0].outcome).toBe('accepted');
		const placed = calls().activeCalls();
		expect(placed).toHaveLength(1);
		expect(placed[0]).toMatchObject({ kind: 'DIRECT', sip: '1111', phone: '380504443322' });
		expect(calls().innerPhones.get('1111')?.status).toBe('busy');
	});

	it('leaves meta out of the form when it is not set', async () => {
		const result = await run({ operation: 'directCall', sip: '2222', phone: '380504443322' });
		expect(result.error()).toBeUndefined();
		expect(unitalkRequests()[0].rawBody).toBe('sip=2222&number=380504443322');
	});

	it('reports "Sip not ready" with its explanation and does not send the call again', async () => {
		const result = await run({ operation: 'directCall', sip: '3333', phone: '380504443322' });

		expect(result.error('Subject')?.message).toBe(
			'Unitalk Direct Call: Sip not ready: the internal line is offline or busy',
		);
		expect(unitalkRequests()).toHaveLength(1);
		expect(calls().activeCalls()).toHaveLength(0);
	});

	it('refuses meta of 1001 characters before sending anything', async () => {
		const result = await run({
			operation: 'directCall',
			sip: '1111',
			phone: '380504443322',
			options: { meta: 'm'.repeat(1001) },
		});

		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Meta" is too long: 1001 characters given, at most 1000 allowed',
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('refuses a number that is not international, naming the item and the field', async () => {
		const result = await run({ operation: 'directCall', sip: '1111', phone: '12-34' });
		expect(result.error('Subject')?.message).toMatch(/^Item 1: "Phone" "12-34" has 4 digits/);
		expect(unitalkRequests()).toHaveLength(0);
	});
});

describe('Unitalk → Call → Click-to-Call', () => {
	const steps = {
		step: [
			{ type: 'SIP', sip: '5455', awaitingTime: 20 },
			{ type: 'GROUP', group: '455', awaitingTime: 60 },
			{ type: 'GSM', phone: '+380 50 111 22 33', awaitingTime: 300 },
		],
	};

	it('sends the client number and every step with its ring time, in order', async () => {
		const result = await run({
			operation: 'clickToCall',
			clientNumber: '0038 067 123 45 67',
			steps,
		});

		expect(result.error()).toBeUndefined();
		const sent = unitalkRequests('/calls/originateC2c');
		expect(sent).toHaveLength(1);
		expect(sent[0].headers['content-type']).toBe('application/json');
		const expected = {
			clientNumber: '380671234567',
			steps: [
				{ type: 'SIP', to: '5455', awaitingTime: 20 },
				{ type: 'GROUP', to: '455', awaitingTime: 60 },
				{ type: 'GSM', to: '380501112233', awaitingTime: 300 },
			],
		};
		expect(body(sent[0])).toEqual(expected);
		expect(result.output('Subject')[0].json).toEqual({ status: 'Success', ...expected });
		expect(calls().activeCalls()[0]).toMatchObject({ kind: 'C2C', phone: '380671234567' });
	});

	it('refuses a step ringing 4 seconds, naming the item, the step and the field; nothing is sent', async () => {
		const result = await run(
			{
				operation: 'clickToCall',
				clientNumber: '380671234567',
				steps: { step: [{ type: 'SIP', sip: '5455', awaitingTime: '={{ $json.seconds }}' }] },
			},
			[{ seconds: 4 }],
		);

		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Steps 1 > Ring Time (Seconds)" is too small: 4 given, at least 5 allowed',
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('refuses a ring time above 300 seconds and a call without steps', async () => {
		const tooLong = await run({
			operation: 'clickToCall',
			clientNumber: '380671234567',
			steps: { step: [{ type: 'GSM', phone: '380501112233', awaitingTime: 301 }] },
		});
		expect(tooLong.error('Subject')?.message).toBe(
			'Item 1: "Steps 1 > Ring Time (Seconds)" is too large: 301 given, at most 300 allowed',
		);
		const none = await run({ operation: 'clickToCall', clientNumber: '380671234567', steps: {} });
		expect(none.error('Subject')?.message).toBe(
			'Item 1: "Steps" has too few entries: 0 given, at least 1 needed',
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('names the second item when only it is wrong (the first is placed)', async () => {
		const result = await run(
			{
				operation: 'clickToCall',
				clientNumber: '380671234567',
				steps: { step: [{ type: 'GSM', phone: '={{ $json.to }}', awaitingTime: 30 }] },
			},
			[{ to: '380501112233' }, { to: 'call me' }],
		);
		expect(result.error('Subject')?.message).toMatch(
			/^Item 2: "Steps 1 > Target" contains letters/,
		);
		expect(unitalkRequests()).toHaveLength(1);
	});
});

describe('Unitalk → Call → Informational Call', () => {
	const audio = (source: string, fields: Record<string, unknown> = {}) => ({ source, ...fields });

	it('sends the documented body: audios (id / text / SSML), voice menu, voice robot, outer line, meta', async () => {
		const result = await run({
			operation: 'informationalCall',
			phone: '+380 50 333 22 11',
			audios: {
				audio: [
					audio('id', { audioId: '4953' }),
					audio('text', { text: 'Your parcel has arrived', settingsId: 18 }),
					audio('ssml', { text: '<speak>Goodbye</speak>', settingsId: '16' }),
				],
			},
			options: { outerLine: '+380 44 123 45 67', meta: '238', ivrId: '211', voiceSecretaryId: 321 },
		});

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toEqual({ status: 'Success', phone: '380503332211' });
		const sent = unitalkRequests('/calls/originateNew');
		expect(sent).toHaveLength(1);
		expect(body(sent[0])).toEqual({
			phone: '380503332211',
			outerLine: '380441234567',
			meta: '238',
			ivrId: 211,
			voiceSecretaryId: 321,
			audios: [
				{ id: 4953, tts: null },
				{ id: null, tts: { text: 'Your parcel has arrived', ssml: null, settingsId: 18 } },
				{ id: null, tts: { text: null, ssml: '<speak>Goodbye</speak>', settingsId: 16 } },
			],
		});
		expect(calls().activeCalls()[0]).toMatchObject({ kind: 'INFO', phone: '380503332211' });
	});

	it('sends nulls for what is not set (a voice menu alone is enough)', async () => {
		const result = await run({
			operation: 'informationalCall',
			phone: '380503332211',
			options: { ivrId: 211 },
		});
		expect(result.error()).toBeUndefined();
		expect(body(unitalkRequests()[0])).toEqual({
			phone: '380503332211',
			outerLine: null,
			meta: null,
			ivrId: 211,
			voiceSecretaryId: null,
			audios: null,
		});
	});

	it.each([
		[
			'6 audios',
			{ audio: Array.from({ length: 6 }, () => ({ source: 'id', audioId: 4953 })) },
			{},
			'Item 1: "Audios" has too many entries: 6 given, at most 5 allowed',
		],
		[
			'3 speech syntheses',
			{
				audio: [1, 2, 3].map((n) => ({ source: 'text', text: `Text ${n}`, settingsId: 18 })),
			},
			{},
			'Item 1: "Audios" has 3 speech syntheses, at most 2 allowed',
		],
		[
			'meta of 1001 characters',
			{ audio: [{ source: 'id', audioId: 4953 }] },
			{ meta: 'x'.repeat(1001) },
			'Item 1: "Meta" is too long: 1001 characters given, at most 1000 allowed',
		],
		[
			'a text of 4961 characters',
			{ audio: [{ source: 'text', text: 'a'.repeat(4961), settingsId: 18 }] },
			{},
			'Item 1: "Audios 1 > Text" is too long: 4961 characters given, at most 4960 allowed',
		],
		[
			'SSML without <speak>',
			{ audio: [{ source: 'ssml', text: 'Hello', settingsId: 18 }] },
			{},
			'Item 1: "Audios 1 > Text" must begin with <speak> and end with </speak>',
		],
		[
			'a speech synthesis without a TTS profile',
			{ audio: [{ source: 'text', text: 'Hello', settingsId: '' }] },
			{},
			'Item 1: "Audios 1 > TTS Profile" is required for speech synthesis',
		],
		[
			'no audio, voice menu or voice robot',
			{},
			{},
			'Item 1: "Audios" is empty: give at least one audio, a voice menu or a voice robot',
		],
	])('refuses %s before sending anything', async (_what, audios, options, message) => {
		const result = await run({
			operation: 'informationalCall',
			phone: '380503332211',
			audios,
			options,
		});
		expect(result.error('Subject')?.message.startsWith(message)).toBe(true);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('reports an audio outside the "API calls" section with Unitalk\'s words and an explanation', async () => {
		const result = await run({
			operation: 'informationalCall',
			phone: '380503332211',
			audios: { audio: [{ source: 'id', audioId: 4954 }] },
		});
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Informational Call: audios: Wrong type of audio: the audio is not in the "API calls" section of the project',
		);
		expect(unitalkRequests()).toHaveLength(1);
	});

	it('is not sent again when the outcome is unknown (HTTP 500), so nobody is called twice', async () => {
		sandbox.injectFault({
			provider: 'unitalk',
			path: '/calls/originateNew',
			kind: 'http500',
			count: 1,
		});
		const result = await run({
			operation: 'informationalCall',
			phone: '380503332211',
			options: { ivrId: 211 },
		});
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Informational Call: the outcome is unknown',
		);
		expect(unitalkRequests()).toHaveLength(1);
	});
});

describe('Unitalk → Call → Hang Up', () => {
	it('ends a call by its ID', async () => {
		const call = activeCallOn('1111');
		const result = await run({ operation: 'hangUp', by: 'id', callId: String(call.id) });

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			message: 'Found: 1',
			found: 1,
			id: call.id,
		});
		const sent = unitalkRequests('/calls/hangup');
		expect(sent).toHaveLength(1);
		expect(body(sent[0])).toEqual({ number: null, id: call.id });
		expect(calls().calls.get(call.id)?.active).toBe(false);
		expect(calls().innerPhones.get('1111')?.status).toBe('online');
	});

	it('ends the calls of a line number', async () => {
		activeCallOn('5455');
		const result = await run({ operation: 'hangUp', by: 'number', number: '5455' });
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json.found).toBe(1);
		expect(body(unitalkRequests()[0])).toEqual({ number: '5455', id: null });
		expect(calls().activeCalls()).toHaveLength(0);
	});

	it('refuses an empty call ID before sending anything', async () => {
		const result = await run({ operation: 'hangUp', by: 'id', callId: '={{ $json.callId }}' }, [
			{ callId: '' },
		]);
		expect(result.error('Subject')?.message).toBe('Item 1: "Call ID" is required');
		expect(unitalkRequests()).toHaveLength(0);
	});
});

describe('Unitalk → Call → Connect Prompter', () => {
	it('connects the prompter line to the active call of the target line', async () => {
		const call = activeCallOn('1111');
		const result = await run({ operation: 'connectPrompter', target: '1111', source: '2222' });

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			target: '1111',
			source: '2222',
		});
		expect(body(unitalkRequests('/calls/connectAsPrompter')[0])).toEqual({
			target: '1111',
			source: '2222',
		});
		expect(calls().calls.get(call.id)?.prompters).toEqual(['2222']);
	});

	it('reports a target line that is not in a call', async () => {
		const result = await run({ operation: 'connectPrompter', target: '1111', source: '2222' });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Connect Prompter: Target is not in call: the internal line is not in a call at the moment',
		);
		expect(unitalkRequests()).toHaveLength(1);
	});
});

describe('Unitalk → Call → Voice Analytics', () => {
	it('sends callId and profileId in the URL and returns the analytics, parsed too', async () => {
		const result = await run({
			operation: 'voiceAnalytics',
			callId: '1474427802',
			profileId: '123',
		});

		expect(result.error()).toBeUndefined();
		const json = result.output('Subject')[0].json;
		expect(json).toMatchObject({
			callId: 1474427802,
			profileId: 123,
			profileName: 'Sample Name',
			operatorTag: 'Operator',
			plainTranscription: 'Operator: Hello! This is sample speech',
			analytics: { dialogTopic: { metricName: 'Dialog topic', value: 'Voice message' } },
		});
		expect(typeof json.analyticsJson).toBe('string');
		const sent = unitalkRequests('/calls/analytics/create');
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({ callId: '1474427802', profileId: '123' });
		expect(sent[0].rawBody).toBe('');
	});

	it('reports a call without separate records', async () => {
		const result = await run({ operation: 'voiceAnalytics', callId: '1474427803', profileId: 123 });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Voice Analytics: Analytics is not available for this call: the call has no separate records, which voice analytics needs',
		);
	});

	it('refuses a call ID that is not a number before sending anything', async () => {
		const result = await run({ operation: 'voiceAnalytics', callId: 'abc', profileId: 123 });
		expect(result.error('Subject')?.message).toBe('Item 1: "Call ID" must be a number, got "abc"');
		expect(unitalkRequests()).toHaveLength(0);
	});
});

describe('Unitalk → Call, run by an AI agent (node type unitalkTool)', () => {
	const asTool = async (parameters: Record<string, unknown>) =>
		await run(parameters, [{}], {}, 'unitalkTool');

	it.each([
		['Direct Call', { operation: 'directCall', sip: '1111', phone: '380504443322' }],
		[
			'Click-to-Call',
			{
				operation: 'clickToCall',
				clientNumber: '380671234567',
				steps: { step: [{ type: 'SIP', sip: '5455', awaitingTime: 20 }] },
			},
		],
		[
			'Informational Call',
			{ operation: 'informationalCall', phone: '380503332211', options: { ivrId: 211 } },
		],
		['Connect Prompter', { operation: 'connectPrompter', target: '1111', source: '2222' }],
	])(
		'refuses %s unless "Allow Use by AI Agents" is on; nothing is sent',
		async (name, parameters) => {
			const result = await asTool(parameters);
			expect(result.error('Subject')?.message).toBe(
				`Unitalk ${name} places real phone calls and is not allowed for AI agents`,
			);
			expect(unitalkRequests()).toHaveLength(0);
		},
	);

	it('does not take an expression as consent', async () => {
		const result = await asTool({
			operation: 'directCall',
			sip: '1111',
			phone: '380504443322',
			allowAgentUse: '={{ true }}',
		});
		expect(result.error('Subject')?.message).toMatch(/is not allowed for AI agents/);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('places the call when the toggle is on', async () => {
		const result = await asTool({
			operation: 'directCall',
			sip: '1111',
			phone: '380504443322',
			allowAgentUse: true,
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json.message).toBe('Called');
		expect(unitalkRequests('/phones/directCall')).toHaveLength(1);
	});

	it('leaves operations that place no call usable (Hang Up)', async () => {
		const call = activeCallOn('1111');
		const result = await asTool({ operation: 'hangUp', by: 'id', callId: String(call.id) });
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json.found).toBe(1);
	});
});
