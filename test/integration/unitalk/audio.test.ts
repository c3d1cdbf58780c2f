/**
 * Unitalk → Audio (Upload, Synthesize) against the sandbox: node output and the exact requests the
 * sandbox recorded. Doc sections "Adding audio files to the project", "Synthesizing audio from text".
 */
import { createHash } from 'crypto';

import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { binaryItem } from '../harness/items-source';
import { runWorkflow } from '../harness/workflow-runner';

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
) =>
	await runWorkflow(
		singleNodeWorkflow(
			'unitalk',
			{ resource: 'audio', ...parameters } as never,
			items,
			['unitalkApi'],
			settings,
		),
		{ credentials: credentials() },
	);

const unitalkRequests = (path?: string): RecordedRequest[] =>
	sandbox.requests.filter((r) => r.provider === 'unitalk' && (!path || r.path === path));

const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, unknown>;

const audios = () => sandbox.providers.unitalk.state.calls.audios;

/** Every byte value, then bytes that are not valid UTF-8 and CRLF / boundary-like sequences. */
const awkwardBytes = () =>
	Buffer.concat([
		Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
		Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0d, 0x0a, 0x2d, 0x2d, 0x0d, 0x0a, 0x0d, 0x0a]),
		Buffer.from('\r\n------n8nDialers\r\n--', 'latin1'),
		createHash('sha256').update('unitalk').digest(),
	]);

describe('Unitalk → Audio → Upload', () => {
	it('sends the file bytes intact in a multipart form with name, type and temp', async () => {
		const bytes = awkwardBytes();
		const result = await run(
			{
				operation: 'upload',
				binaryPropertyName: 'recording',
				name: '={{ $json.title }}',
				type: 'AUTODIAL',
				options: { temp: true },
			},
			[
				binaryItem(
					{ title: 'Spring greeting' },
					{ recording: { bytes, mimeType: 'audio/wav', fileName: 'greeting.wav' } },
				),
			],
		);

		expect(result.error()).toBeUndefined();
		const sent = unitalkRequests('/audio/upload');
		expect(sent).toHaveLength(1);
		expect(sent[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(sent[0].outcome).toBe('accepted');
		// The bytes as they arrived on the wire contain the file unchanged...
		expect(sent[0].rawBytes).toBeInstanceOf(Buffer);
		expect(sent[0].rawBytes!.indexOf(bytes)).toBeGreaterThan(0);
		// ...and the sandbox's multipart parser got exactly them.
		const stored = [...audios().values()].find((a) => a.source === 'upload');
		expect(stored).toBeDefined();
		expect(stored!.bytes!.equals(bytes)).toBe(true);
		expect(stored).toMatchObject({
			name: 'Spring greeting',
			type: 'AUTODIAL',
			temp: true,
			fileName: 'greeting.wav',
			contentType: 'audio/wav',
			size: bytes.length,
		});

		const out = result.output('Subject');
		expect(out[0].json).toEqual({
			id: stored!.id,
			name: 'Spring greeting',
			type: 'AUTODIAL',
			temp: true,
			fileName: 'greeting.wav',
			fileSize: bytes.length,
			status: 'Success',
			message: String(stored!.id),
		});
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('names the audio after the file when no name is given, and leaves temp out when off', async () => {
		const bytes = Buffer.from('RIFF....WAVEfmt ', 'latin1');
		const result = await run({ operation: 'upload', type: 'API' }, [
			binaryItem({}, { data: { bytes, mimeType: 'audio/mpeg', fileName: 'hello.mp3' } }),
		]);

		expect(result.error()).toBeUndefined();
		const raw = unitalkRequests('/audio/upload')[0].rawBytes!.toString('latin1');
		expect(raw).toContain('name="name"\r\n\r\nhello.mp3\r\n');
		expect(raw).toContain('name="type"\r\n\r\nAPI\r\n');
		expect(raw).toContain('name="file"; filename="hello.mp3"\r\nContent-Type: audio/mpeg\r\n');
		expect(raw).not.toContain('name="temp"');
		expect(result.output('Subject')[0].json).toMatchObject({ name: 'hello.mp3', temp: false });
	});

	it('uploads one file per item, each paired with its item', async () => {
		const result = await run({ operation: 'upload', name: '={{ $json.title }}', type: 'IVR' }, [
			binaryItem(
				{ title: 'Menu 1' },
				{ data: { bytes: Buffer.from([1, 2, 3]), mimeType: 'audio/wav' } },
			),
			binaryItem(
				{ title: 'Menu 2' },
				{ data: { bytes: Buffer.from([4, 5]), mimeType: 'audio/wav' } },
			),
		]);

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out.map((i) => [i.json.name, i.pairedItem])).toEqual([
			['Menu 1', { item: 0 }],
			['Menu 2', { item: 1 }],
		]);
		expect(unitalkRequests('/audio/upload')).toHaveLength(2);
		expect(out[0].json.id).not.toBe(out[1].json.id);
	});

	it('refuses an audio name of 201 characters before sending anything', async () => {
		const result = await run({ operation: 'upload', name: 'n'.repeat(201), type: 'API' }, [
			binaryItem(
				{},
				{ data: { bytes: Buffer.from([1]), mimeType: 'audio/wav', fileName: 'a.wav' } },
			),
		]);
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Audio Name" is too long: 201 characters given, at most 200 allowed',
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('refuses an item without the binary field before sending anything', async () => {
		const result = await run({ operation: 'upload', name: 'x', type: 'API' }, [
			{ title: 'no file' },
		]);
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Input Binary Field" names "data", which the input item does not have (it has no binary data)',
		);
		expect(unitalkRequests()).toHaveLength(0);
	});
});

describe('Unitalk → Audio → Synthesize', () => {
	const parameters = {
		operation: 'synthesize',
		name: '={{ $json.name }}',
		type: 'API',
		format: 'text',
		text: '={{ $json.text }}',
		settingsId: 18,
	};
	const items = (n: number) =>
		Array.from({ length: n }, (_, i) => ({
			name: `Reminder ${i + 1}`,
			text: `Hello number ${i + 1}`,
		}));

	it('sends 12 items as 3 requests of 5, 5 and 2 and maps each audio ID back to its item', async () => {
		const input = items(12);
		input[6].name = 'API greeting'; // already in the project: Unitalk refuses only this entry
		const result = await run(parameters, input);

		expect(result.error()).toBeUndefined();
		const sent = unitalkRequests('/audio/tts');
		expect(sent.map((r) => (body(r).data as unknown[]).length)).toEqual([5, 5, 2]);
		expect(body(sent[0]).data).toEqual(
			input.slice(0, 5).map((i) => ({
				name: i.name,
				type: 'API',
				tts: { text: i.text, ssml: null, settingsId: 18 },
			})),
		);
		expect((body(sent[2]).data as Array<{ name: string }>).map((d) => d.name)).toEqual([
			'Reminder 11',
			'Reminder 12',
		]);

		const out = result.output('Subject');
		expect(out).toHaveLength(12);
		expect(out.map((o) => o.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		for (let i = 0; i < 12; i++) {
			const json = out[i].json;
			expect(json.name).toBe(input[i].name);
			if (i === 6) {
				expect(json).toMatchObject({
					id: null,
					error: 'Same name already present',
					success: false,
				});
				expect(json.errorDescription).toBe(
					'Same name already present: an audio with this name already exists in the project',
				);
				continue;
			}
			// The ID Unitalk gave is the one of the audio created from this item's text.
			expect(json).toMatchObject({ error: null, success: true, type: 'API' });
			expect(audios().get(json.id as number)).toMatchObject({
				name: input[i].name,
				source: 'tts',
				tts: { text: input[i].text, ssml: null, settingsId: 18 },
			});
		}
	});

	it('sends SSML in the ssml field', async () => {
		const result = await run({ ...parameters, format: 'ssml' }, [
			{ name: 'SSML audio', text: '<speak>Hi <break time="1s"/> there</speak>' },
		]);
		expect(result.error()).toBeUndefined();
		expect(body(unitalkRequests('/audio/tts')[0]).data).toEqual([
			{
				name: 'SSML audio',
				type: 'API',
				tts: { text: null, ssml: '<speak>Hi <break time="1s"/> there</speak>', settingsId: 18 },
			},
		]);
		expect(result.output('Subject')[0].json.success).toBe(true);
	});

	it('refuses a bad item before sending any request, naming the item and the field', async () => {
		const input = items(7);
		input[3].text = 'x'.repeat(4961);
		const result = await run(parameters, input);
		expect(result.error('Subject')?.message).toMatch(
			/^Item 4: "Text" is too long: 4961 characters given, at most 4960 allowed/,
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('with Continue On Fail, sends the good items and returns an error item for the bad one', async () => {
		const input = items(3);
		input[1].name = '';
		const result = await run(parameters, input, { onError: 'continueRegularOutput' });

		const sent = unitalkRequests('/audio/tts');
		expect(sent).toHaveLength(1);
		expect((body(sent[0]).data as Array<{ name: string }>).map((d) => d.name)).toEqual([
			'Reminder 1',
			'Reminder 3',
		]);
		const out = result.output('Subject');
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.error).toBe('Item 2: "Audio Name" is required');
		expect(out[0].json.success).toBe(true);
		expect(out[2].json).toMatchObject({ name: 'Reminder 3', success: true });
	});

	it('does not send a synthesis request again when its outcome is unknown (HTTP 500)', async () => {
		sandbox.injectFault({ provider: 'unitalk', path: '/audio/tts', kind: 'http500', count: 1 });
		const result = await run(parameters, items(2));
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Synthesize Audio: the outcome is unknown',
		);
		expect(unitalkRequests('/audio/tts')).toHaveLength(1);
	});
});
