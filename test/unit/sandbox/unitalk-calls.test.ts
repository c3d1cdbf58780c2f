/**
 * The sandbox's Unitalk call, audio and dictionary endpoints answer with the documented shapes and
 * error strings (provider-docs/unitalk-api.txt "Calls initiation", "Call termination", "Calling the
 * prompter", "Voice analytics", "Audio", "Dictionaries"), independently of the node.
 */
import { DEFAULT_ACCOUNTS, startSandbox, type Sandbox } from '../../../sandbox';

const KEY = DEFAULT_ACCOUNTS.unitalk.apiKey;
let sb: Sandbox;

beforeAll(async () => {
	// Request limits out of the way: these tests send many requests at once.
	sb = await startSandbox({
		unitalk: {
			limits: { tempBlockThreshold: 10_000, permBlockThreshold: 20_000, perSecond: 10_000 },
		},
	});
});
afterAll(async () => await sb.close());
beforeEach(() => sb.reset());

async function post(
	path: string,
	body?: unknown,
	kind: 'json' | 'form' | 'none' | 'multipart' = 'json',
): Promise<Record<string, unknown>> {
	const headers: Record<string, string> = { Authorization: KEY };
	let payload: string | FormData | undefined;
	if (kind === 'json') {
		headers['Content-Type'] = 'application/json';
		payload = JSON.stringify(body);
	} else if (kind === 'form') {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams(body as Record<string, string>).toString();
	} else if (kind === 'multipart') payload = body as FormData;
	const r = await fetch(`${sb.baseUrls.unitalk}${path}`, {
		method: 'POST',
		headers,
		body: payload,
	});
	return (await r.json()) as Record<string, unknown>;
}

const calls = () => sb.providers.unitalk.state.calls;
const error = (message: string) => ({ status: 'Error', message });

describe('sandbox /phones/directCall', () => {
	it('places the call from a form body and answers "Called"', async () => {
		expect(
			await post('/phones/directCall', { sip: '1111', number: '380504443322' }, 'form'),
		).toEqual({
			status: 'Success',
			message: 'Called',
		});
		expect(calls().activeCalls()).toHaveLength(1);
	});

	it('also takes URL parameters', async () => {
		expect(
			await post('/phones/directCall?sip=2222&number=380504443322', undefined, 'none'),
		).toEqual({
			status: 'Success',
			message: 'Called',
		});
	});

	it.each([
		['Sip not found', { sip: '9999', number: '380504443322' }],
		['Sip not ready', { sip: '3333', number: '380504443322' }],
		['Sip not ready', { sip: '4444', number: '380504443322' }],
		['Wrong phone', { sip: '1111', number: '12' }],
		['Meta info is too big', { sip: '1111', number: '380504443322', meta: 'm'.repeat(1001) }],
	])('answers %s', async (message, form) => {
		expect(await post('/phones/directCall', form, 'form')).toEqual(error(message));
		expect(calls().activeCalls()).toHaveLength(0);
	});
});

describe('sandbox /calls/originateNew', () => {
	const ok = { phone: '380503332211', audios: [{ id: 4953 }] };

	it('answers {"status":"Success"} and keeps the call', async () => {
		expect(await post('/calls/originateNew', ok)).toEqual({ status: 'Success' });
		expect(await post('/calls/originateNew', ok)).toEqual(error('Call already in progress'));
	});

	const tts = (t: Record<string, unknown>) => ({ ...ok, audios: [{ id: null, tts: t }] });
	it.each([
		['Wrong phone', { phone: 'x', audios: [{ id: 4953 }] }],
		['Meta info is too big', { ...ok, meta: 'm'.repeat(1001) }],
		['No audio and IVR', { phone: '380503332211' }],
		['Outer line not found', { ...ok, outerLine: '380440000000' }],
		['Outer line is tracked', { ...ok, outerLine: '380441234568' }],
		['IVR can be used for SIPs only', { phone: '380503332211', ivrId: 212 }],
		['audios: Too many audios', { ...ok, audios: Array(6).fill({ id: 4953 }) }],
		[
			'audios: Too many text to speech',
			{ ...ok, audios: Array(3).fill({ tts: { text: 'a', settingsId: 18 } }) },
		],
		['audios: Audio is null', { ...ok, audios: [null] }],
		['audios: Audio not found by id', { ...ok, audios: [{ id: 1 }] }],
		['audios: Wrong type of audio', { ...ok, audios: [{ id: 46615 }] }],
		[
			'audios: Text to speech \u2018text\u2019 and \u2018ssml\u2019 is null',
			tts({ settingsId: 18 }),
		],
		[
			'audios: Text to speech \u2018text\u2019 not valid',
			tts({ text: 'a'.repeat(4961), settingsId: 18 }),
		],
		['audios: Text to speech \u2018ssml\u2019 not valid', tts({ ssml: 'hello', settingsId: 18 })],
		['audios: Text to speech \u2018settingsId\u2019 is null', tts({ text: 'hello' })],
		['audios: Text to speech settings not found by id', tts({ text: 'hello', settingsId: 99 })],
		['audios: Audio is empty', { ...ok, audios: [{ id: null, tts: null }] }],
	])('answers %s', async (message, body) => {
		expect(await post('/calls/originateNew', body)).toEqual(error(message));
		expect(calls().activeCalls()).toHaveLength(0);
	});

	it('uses the id when an audio has both id and tts (not counted as speech synthesis)', async () => {
		const both = { id: 4953, tts: { text: 'a', settingsId: 18 } };
		expect(await post('/calls/originateNew', { ...ok, audios: [both, both, both] })).toEqual({
			status: 'Success',
		});
	});

	it('refuses the 21st simultaneous call', async () => {
		for (let i = 0; i < 20; i++)
			expect(await post('/calls/originateNew', { ...ok, phone: String(380500000000 + i) })).toEqual(
				{
					status: 'Success',
				},
			);
		expect(await post('/calls/originateNew', ok)).toEqual(
			error('Limit of Simultaneously calls has reached'),
		);
	});
});

describe('sandbox /calls/originateC2c, /calls/hangup, /calls/connectAsPrompter', () => {
	it('places a click-to-call call and hangs it up by id; "Found: 0" afterwards', async () => {
		const steps = [{ type: 'SIP', to: '5455', awaitingTime: 20 }];
		expect(await post('/calls/originateC2c', { clientNumber: '380671234567', steps })).toEqual({
			status: 'Success',
		});
		const id = calls().activeCalls()[0].id;
		expect(await post('/calls/hangup', { number: null, id })).toEqual({
			status: 'Success',
			message: 'Found: 1',
		});
		expect(await post('/calls/hangup', { number: null, id })).toEqual({
			status: 'Success',
			message: 'Found: 0',
		});
		expect(await post('/calls/hangup', { number: null, id: null })).toEqual(error('Empty request'));
	});

	it('refuses a click-to-call step outside 5-300 seconds', async () => {
		for (const awaitingTime of [4, 301])
			expect(
				await post('/calls/originateC2c', {
					clientNumber: '380671234567',
					steps: [{ type: 'GSM', to: '380501112233', awaitingTime }],
				}),
			).toEqual(error('Wrong awaiting time'));
	});

	it('answers the prompter errors in the documented order', async () => {
		const prompter = (target: string, source: string) =>
			post('/calls/connectAsPrompter', { target, source });
		expect(await prompter('9999', '2222')).toEqual(error('Target not found'));
		expect(await prompter('1111', '2222')).toEqual(error('Target is not in call'));
		calls().startCall({
			kind: 'DIRECT',
			phone: '380501112233',
			sip: '1111',
			separateRecords: false,
		});
		expect(await prompter('1111', '9999')).toEqual(error('Source not found'));
		expect(await prompter('1111', '4444')).toEqual(error('Source is offline'));
		expect(await prompter('1111', '2222')).toEqual({ status: 'Success' });
	});
});

describe('sandbox /calls/analytics/create', () => {
	it('answers the bare analytics object for a call with separate records', async () => {
		const r = await post(
			'/calls/analytics/create?callId=1474427802&profileId=123',
			undefined,
			'none',
		);
		expect(r).toMatchObject({
			profileId: 123,
			profileName: 'Sample Name',
			operatorTag: 'Operator',
		});
		expect(JSON.parse(r.analyticsJson as string)).toHaveProperty('dialogTopic');
	});

	it.each([
		['Call does not exist', 'callId=1&profileId=123'],
		['Profile does not exist', 'callId=1474427802&profileId=1'],
		['Analytics is not available for this call', 'callId=1474427803&profileId=123'],
		['Voice analytics is already in progress', 'callId=1474427804&profileId=123'],
	])('answers %s', async (message, query) => {
		expect(await post(`/calls/analytics/create?${query}`, undefined, 'none')).toEqual(
			error(message),
		);
	});
});

describe('sandbox /audio/upload and /audio/tts', () => {
	const form = (fields: Record<string, string>, file?: Buffer) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) f.append(k, v);
		if (file) f.append('file', new Blob([new Uint8Array(file)]), 'a.wav');
		return f;
	};

	it('keeps the uploaded bytes and answers the new id in message', async () => {
		const bytes = Buffer.from([0, 255, 13, 10, 45, 45, 128]);
		const r = await post(
			'/audio/upload',
			form({ name: 'a', type: 'API', temp: 'true' }, bytes),
			'multipart',
		);
		expect(r).toEqual({ status: 'Success', message: expect.stringMatching(/^\d+$/) });
		const audio = calls().audios.get(Number(r.message));
		expect(audio?.bytes?.equals(bytes)).toBe(true);
		expect(audio).toMatchObject({ name: 'a', type: 'API', temp: true });
	});

	it.each([
		['Name is empty', { type: 'API' }],
		['Name length more than 200 chars', { name: 'n'.repeat(201), type: 'API' }],
		['type is null', { name: 'a' }],
		['Wrong type', { name: 'a', type: 'VOICE' }],
	])('upload answers %s', async (message, fields) => {
		expect(await post('/audio/upload', form(fields, Buffer.from([1])), 'multipart')).toEqual(
			error(message),
		);
	});

	it('refuses an upload without a file', async () => {
		expect(await post('/audio/upload', form({ name: 'a', type: 'API' }), 'multipart')).toEqual(
			error('File is null'),
		);
	});

	it('answers per entry, with the documented per-entry errors', async () => {
		const tts = { text: 'hello', ssml: null, settingsId: 18 };
		const r = await post('/audio/tts', {
			data: [
				{ name: 'one', type: 'AUTODIAL', tts },
				{ name: 'API greeting', type: 'API', tts },
				{ name: 'two', type: null, tts },
				{ name: '', type: 'API', tts },
				{ name: 'three', type: 'API', tts: null },
			],
		});
		expect(r).toMatchObject({ status: 'Success', message: 'Success' });
		const data = r.data as Array<{ name: string; id: number | null; error: string | null }>;
		expect(data.map((d) => d.error)).toEqual([
			null,
			'Same name already present',
			'type is null',
			'Name is empty',
			'tts is null',
		]);
		expect(calls().audios.get(data[0].id as number)).toMatchObject({ name: 'one', source: 'tts' });
	});

	it.each([
		['data is null', {}],
		['data is empty', { data: [] }],
		['Too many elements in data', { data: Array(6).fill({}) }],
	])('tts answers %s', async (message, body) => {
		expect(await post('/audio/tts', body)).toEqual(error(message));
	});
});

describe('sandbox /dictionary', () => {
	it('reads the type from the query string and answers an "ID": "Name" map', async () => {
		expect(await post('/dictionary?type=TTS_PROFILE', undefined, 'none')).toEqual({
			status: 'Success',
			data: { '16': 'Calm man voice', '18': 'Pretty woman voice' },
		});
		expect(await post('/dictionary?type=AUTODIAL_AUTODIALER', undefined, 'none')).toEqual({
			status: 'Success',
			data: { '12345': 'Sandbox autodialer' },
		});
	});

	it('refuses a missing or unknown type', async () => {
		expect(await post('/dictionary', undefined, 'none')).toEqual(error('type is null'));
		expect(await post('/dictionary?type=NOPE', undefined, 'none')).toEqual(error('Wrong type'));
	});
});
