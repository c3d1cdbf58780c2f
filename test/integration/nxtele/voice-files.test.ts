/**
 * NXTele → Voice File (Upload, Get Many) and Voice Record → Get Many against the sandbox
 * (research/nxcloud.md §4.5, §4.7, §4.8).
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { FILE_LIST_PATH, RECORD_QUERY_PATH, UPLOAD_PATH } from '../../../sandbox/nxcloud/router';
import { parseMultipart } from '../../../sandbox/util';
import { binaryItem } from '../harness/items-source';
import { APP_KEY, formOf, nxcloudRequests, runVoice } from './voice-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const voiceBytes = Buffer.from([0x49, 0x44, 0x33, 0, 0xff, 0xfb, 0x0d, 0x0a, 0x2d, 0x2d]);

describe('NXTele → Voice File → Upload', () => {
	it('sends the binary field with the app key as multipart, bytes intact, and returns the URL', async () => {
		const result = await runVoice(sandbox, 'voiceFile', 'upload', { binaryPropertyName: 'data' }, [
			binaryItem(
				{},
				{ data: { bytes: voiceBytes, mimeType: 'audio/mpeg', fileName: 'hello.mp3' } },
			),
		]);

		expect(result.error()).toBeUndefined();
		const [request] = nxcloudRequests(sandbox, UPLOAD_PATH);
		expect(request.headers).toMatchObject({ biztype: '7', action: 'upload' });
		const parts = parseMultipart(request.rawBytes as Buffer, request.headers['content-type']);
		expect(parts?.find((p) => p.name === 'appkey')?.data.toString()).toBe(APP_KEY);
		const file = parts?.find((p) => p.name === 'file');
		expect(file?.filename).toBe('hello.mp3');
		expect(file?.data.equals(voiceBytes)).toBe(true);
		const out = result.output('Subject')[0].json;
		expect(out).toMatchObject({ fileName: 'hello.mp3', size: voiceBytes.length });
		expect(out.url).toBe(sandbox.providers.nxcloud.state.files[0].url);
	});

	it('refuses a file over 2 MB and a credential without the app key before sending', async () => {
		const big = await runVoice(sandbox, 'voiceFile', 'upload', { binaryPropertyName: 'data' }, [
			binaryItem(
				{},
				{ data: { bytes: Buffer.alloc(2 * 1024 * 1024 + 1), mimeType: 'audio/mpeg' } },
			),
		]);
		expect(big.error('Subject')?.message).toBe(
			'Item 1: "Input Binary Field" holds 2.0 MB; NXCloud accepts voice files of at most 2 MB',
		);
		const noKey = await runVoice(
			sandbox,
			'voiceFile',
			'upload',
			{ binaryPropertyName: 'data' },
			[binaryItem({}, { data: { bytes: voiceBytes, mimeType: 'audio/mpeg' } })],
			{ credentials: { appKey: '' } },
		);
		expect(noKey.error('Subject')?.message).toMatch(
			/^Item 1: "Voice App Key" is empty in the NXCloud credential/,
		);
		expect(nxcloudRequests(sandbox)).toHaveLength(0);
	});
});

describe('NXTele → Voice File → Get Many', () => {
	const seedFiles = (n: number) => {
		for (let i = 0; i < n; i++)
			sandbox.providers.nxcloud.state.files.push({
				gmt_create: '2026-06-01 10:00:00',
				file_name: `file-${i}.mp3`,
				url: `https://files.invalid/${i}.mp3`,
				appkey: APP_KEY,
				size: 10,
			});
	};

	it('reads every page with Return All, sending the console login the docs ask for', async () => {
		seedFiles(230);
		const result = await runVoice(sandbox, 'voiceFile', 'getMany', { returnAll: true });
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')).toHaveLength(230);
		const pages = nxcloudRequests(sandbox, FILE_LIST_PATH).map(formOf);
		expect(pages.map((p) => [p.page, p.page_size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(pages[0]).toMatchObject({ account: 'owner@example.com', password: 'console-pass' });
	});

	it('stops at the limit and passes the filters', async () => {
		seedFiles(30);
		const result = await runVoice(sandbox, 'voiceFile', 'getMany', {
			limit: 5,
			filters: { queryName: 'file-2', startTime: '2026-06-01' },
		});
		expect(result.output('Subject').map((i) => i.json.file_name)).toEqual([
			'file-2.mp3',
			'file-20.mp3',
			'file-21.mp3',
			'file-22.mp3',
			'file-23.mp3',
		]);
		const bad = await runVoice(sandbox, 'voiceFile', 'getMany', {
			filters: { endTime: '1.6.2026' },
		});
		expect(bad.error('Subject')?.message).toBe(
			'Item 1: "Uploaded Until" must be a day as yyyy-MM-dd, got "1.6.2026"',
		);
	});
});

describe('NXTele → Voice Record → Get Many', () => {
	const span = () => {
		const now = Date.now();
		return {
			startTime: new Date(now - 3600_000).toISOString(),
			endTime: new Date(now + 60_000).toISOString(),
		};
	};

	it('lists the records of a group call after its calls were made', async () => {
		await runVoice(sandbox, 'groupCall', 'create', {
			appId: 'app',
			taskName: 'Records',
			numbers: '8613242926514, 8613242926515',
			source: 'tts',
			text: 'Hi',
			language: 'EN',
		});
		await sandbox.providers.nxcloud.voice.dial({});
		const taskId = sandbox.providers.nxcloud.state.groupCalls[0].taskId;
		const result = await runVoice(sandbox, 'voiceRecord', 'getMany', {
			voiceType: 0,
			...span(),
			returnAll: true,
			options: { messageId: String(taskId) },
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((i) => i.json.phone)).toEqual([
			'8613242926514',
			'8613242926515',
		]);
		expect(formOf(nxcloudRequests(sandbox, RECORD_QUERY_PATH)[0])).toMatchObject({
			voiceType: '0',
			messageid: String(taskId),
			page: '1',
		});
	});

	it('keeps the documented 1 request per second across items: no violation', async () => {
		const result = await runVoice(
			sandbox,
			'voiceRecord',
			'getMany',
			{ voiceType: 1, ...span(), returnAll: true },
			[{}, {}, {}],
		);
		expect(result.error()).toBeUndefined();
		const queries = nxcloudRequests(sandbox, RECORD_QUERY_PATH);
		expect(queries).toHaveLength(3);
		expect(queries.every((r) => r.outcome === 'accepted')).toBe(true);
		expect(sandbox.violations).toEqual([]);
	});

	it('refuses a span over 24 hours before sending', async () => {
		const now = Date.now();
		const result = await runVoice(sandbox, 'voiceRecord', 'getMany', {
			voiceType: 0,
			startTime: new Date(now - 30 * 3600_000).toISOString(),
			endTime: new Date(now).toISOString(),
		});
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Until" is more than 24 hours after "From"; NXCloud lists at most 24 hours per query',
		);
		expect(nxcloudRequests(sandbox)).toHaveLength(0);
	});
});
