/**
 * Unitalk → Message Distribution (Get Many, Create, Update, Remove, Pause, Unpause, and the
 * distribution dropdown) against the sandbox: node output and the exact requests recorded. Doc sections
 * "Getting a list of distributions" to "Pausing and unpausing a distribution".
 */
import { createHash } from 'crypto';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { Unitalk } from '../../../nodes/Unitalk/Unitalk.node';
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

const run = async (parameters: Record<string, unknown>, items: object[] = [{}], settings = {}) =>
	await runWorkflow(
		singleNodeWorkflow(
			'unitalk',
			{ resource: 'messageDistribution', ...parameters } as never,
			items,
			['unitalkApi'],
			settings,
		),
		{ credentials: credentials() },
	);

const unitalkRequests = (path?: string): RecordedRequest[] =>
	sandbox.requests.filter((r) => r.provider === 'unitalk' && (!path || r.path === path));

const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, unknown>;

const messaging = () => sandbox.providers.unitalk.state.messaging;

const byId = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });

/** An "image": a PNG signature followed by every byte value, varied by `seed`. */
const image = (seed: number) =>
	Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		Buffer.from(Array.from({ length: 256 }, (_, i) => (i + seed) % 256)),
		Buffer.alloc(64, seed),
	]);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const card = (n: number, extra: Record<string, string> = {}) => ({
	title: `Sneakers ${n}`,
	image: `img${n}`,
	buttonLabel: 'Buy',
	buttonUrl: `https://shop.example/${n}`,
	...extra,
});

const carouselParameters = (cards: object[], extra: Record<string, unknown> = {}) => ({
	operation: 'create',
	name: 'Sneakers carousel',
	messageType: 'VIBER',
	viberMessageType: 'CAROUSEL',
	numbers: '380971234567, 380671234567',
	text: 'New sneakers are here',
	viberTTL: 7200,
	carouselCards: { card: cards },
	...extra,
});

const carouselItem = () =>
	binaryItem(
		{ campaign: 'spring' },
		{
			img1: { bytes: image(1), mimeType: 'image/png', fileName: 'sneakers-a1.png' },
			img2: {
				bytes: image(2),
				mimeType: 'image/jpeg',
				fileName: 'b2_very_long_file_name_photo.jpg',
			},
			img3: { bytes: image(3), mimeType: 'image/png', fileName: 'c3.png' },
			doc: { bytes: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf', fileName: 'terms.pdf' },
		},
	);

describe('Unitalk → Message Distribution → Get Many', () => {
	it('returns every distribution from getAll, one item each, with Limit and filters', async () => {
		const all = await run({ operation: 'getMany', returnAll: true });
		expect(all.error()).toBeUndefined();
		expect(all.output('Subject').map((i) => i.json)).toEqual([
			{
				id: 701,
				name: 'Sandbox spring sale',
				messageType: 'SMS',
				text: 'Spring sale: -20% until Sunday',
				startTime: null,
				paused: false,
				totalNumbersCount: 2,
				currentNumbersCount: 1,
				status: 'IN_PROGRESS',
			},
			expect.objectContaining({ id: 702, status: 'COMPLETED' }),
		]);
		const requests = unitalkRequests('/messageDistribution/getAll');
		expect(requests).toHaveLength(1);
		expect(requests[0].rawBody).toBe(''); // "send an empty request"

		const limited = await run({ operation: 'getMany', returnAll: false, limit: 1 });
		expect(limited.output('Subject').map((i) => i.json.id)).toEqual([701]);

		const filtered = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { statuses: ['COMPLETED'], name: 'REMINDER' },
		});
		expect(filtered.output('Subject').map((i) => i.json.id)).toEqual([702]);
	});
});

describe('Unitalk → Message Distribution → Create', () => {
	it('creates an SMS distribution: cleaned, de-duplicated numbers and a scheduled start', async () => {
		const result = await run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				messageType: 'SMS',
				numbers: '={{ $json.numbers }}',
				text: 'Spring sale starts tomorrow',
				options: { alphaName: 'MyShop', startTime: '2029-07-07T12:00:00' },
			},
			[
				{
					name: 'Spring sale 2029',
					numbers: ['+380 97 123 45 67', '380671234567', '380971234567'],
				},
			],
		);

		expect(result.error()).toBeUndefined();
		const created = [...messaging().distributions.values()].find(
			(d) => d.name === 'Spring sale 2029',
		);
		expect(result.output('Subject')[0]).toEqual({
			json: {
				id: created?.id,
				name: 'Spring sale 2029',
				messageType: 'SMS',
				numbersCount: 2,
				startTime: '2029-07-07 12:00:00',
			},
			pairedItem: { item: 0 },
		});
		const requests = unitalkRequests('/messageDistribution/create');
		expect(requests).toHaveLength(1);
		expect(requests[0].rawBody).toBe(
			JSON.stringify({
				name: 'Spring sale 2029',
				messageType: 'SMS',
				alphaName: 'MyShop',
				numbers: ['380971234567', '380671234567'],
				text: 'Spring sale starts tomorrow',
				startTime: '2029-07-07 12:00:00',
			}),
		);
		expect(messaging().distributionView(created!)).toMatchObject({ status: 'WAITING_START_TIME' });
	});

	it('creates a Viber PROMO distribution with an image from binary data and a button', async () => {
		const bytes = image(7);
		const result = await run(
			{
				operation: 'create',
				name: 'Promo with picture',
				messageType: 'VIBER',
				viberMessageType: 'PROMO',
				numbers: '380971234567',
				text: 'Look at this',
				viberTTL: 3600,
				image: 'data',
				buttonText: 'Buy',
				buttonUrl: 'https://shop.example/promo',
			},
			[binaryItem({}, { data: { bytes, mimeType: 'image/jpeg', fileName: 'promo_image.jpg' } })],
		);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toMatchObject({
			messageType: 'VIBER',
			viberMessageType: 'PROMO',
			numbersCount: 1,
		});
		const sent = body(unitalkRequests('/messageDistribution/create')[0]);
		expect(sent).toEqual({
			name: 'Promo with picture',
			messageType: 'VIBER',
			viberMessageType: 'PROMO',
			numbers: ['380971234567'],
			text: 'Look at this',
			base64Image: bytes.toString('base64'),
			mimeType: 'image/jpeg',
			fileName: 'promo_image',
			buttonText: 'Buy',
			buttonUrl: 'https://shop.example/promo',
			viberTTL: 3600,
		});
		const stored = [...messaging().distributions.values()].find(
			(d) => d.name === 'Promo with picture',
		);
		expect(stored?.image?.sha256).toBe(sha256(bytes));
		expect(stored?.image?.bytes.equals(bytes)).toBe(true);
	});

	it('creates a Viber CAROUSEL of 3 cards whose images come from binary properties, intact', async () => {
		const result = await run(
			carouselParameters([
				card(1),
				card(2, {
					imageFileName: '',
					secondaryButtonLabel: 'Details',
					secondaryButtonUrl: 'https://shop.example/2/info',
				}),
				card(3, { imageFileName: 'c3_custom' }),
			]),
			[carouselItem()],
		);

		expect(result.error()).toBeUndefined();
		const requests = unitalkRequests('/messageDistribution/create');
		expect(requests).toHaveLength(1);
		const sent = body(requests[0]);
		expect(sent).toMatchObject({
			name: 'Sneakers carousel',
			messageType: 'VIBER',
			viberMessageType: 'CAROUSEL',
			numbers: ['380971234567', '380671234567'],
			text: 'New sneakers are here',
			viberTTL: 7200,
		});
		expect(sent.carouselItems).toEqual([
			{
				title: 'Sneakers 1',
				base64Image: image(1).toString('base64'),
				mimeType: 'image/png',
				fileName: 'sneakers-a1',
				primaryButton: { label: 'Buy', actionUrl: 'https://shop.example/1' },
			},
			{
				title: 'Sneakers 2',
				base64Image: image(2).toString('base64'),
				mimeType: 'image/jpeg',
				fileName: 'b2_very_long_file_na', // file name without extension, cut to 20
				primaryButton: { label: 'Buy', actionUrl: 'https://shop.example/2' },
				secondaryButton: { label: 'Details', actionUrl: 'https://shop.example/2/info' },
			},
			{
				title: 'Sneakers 3',
				base64Image: image(3).toString('base64'),
				mimeType: 'image/png',
				fileName: 'c3_custom',
				primaryButton: { label: 'Buy', actionUrl: 'https://shop.example/3' },
			},
		]);
		const stored = [...messaging().distributions.values()].find(
			(d) => d.name === 'Sneakers carousel',
		);
		expect(stored?.carouselItems?.map((c) => c.image.sha256)).toEqual(
			[1, 2, 3].map((n) => sha256(image(n))),
		);
		expect(result.output('Subject')[0].json).toEqual({
			id: stored?.id,
			name: 'Sneakers carousel',
			messageType: 'VIBER',
			viberMessageType: 'CAROUSEL',
			numbersCount: 2,
			startTime: null,
		});
	});

	it('creates a TRANSACTIONAL Viber distribution with SMS fallback', async () => {
		const result = await run({
			operation: 'create',
			name: 'Codes',
			messageType: 'VIBER',
			viberMessageType: 'TRANSACTIONAL',
			numbers: '380971234567',
			text: 'Your code is 1234',
			viberTTL: 60,
			sendSmsAfterViber: true,
			smsText: 'Code: 1234',
			options: { alphaName: 'ShopViber', smsAlphaName: 'ShopSMS' },
		});

		expect(result.error()).toBeUndefined();
		expect(body(unitalkRequests('/messageDistribution/create')[0])).toEqual({
			name: 'Codes',
			messageType: 'VIBER',
			viberMessageType: 'TRANSACTIONAL',
			alphaName: 'ShopViber',
			numbers: ['380971234567'],
			text: 'Your code is 1234',
			viberTTL: 60,
			sendSmsAfterViber: true,
			smsText: 'Code: 1234',
			smsAlphaName: 'ShopSMS',
		});
		expect(result.output('Subject')[0].json).toMatchObject({ sendSmsAfterViber: true });
	});

	const tenThousandAndOne = Array.from({ length: 10_001 }, (_, i) => String(380500000000 + i));

	it.each([
		[
			'a carousel with 1 card',
			carouselParameters([card(1)]),
			/^Item 1: "Carousel Cards" has too few entries: 1 given, at least 2 needed/,
		],
		[
			'a carousel with 6 cards',
			carouselParameters([1, 2, 3, 1, 2, 3].map((n) => card(n))),
			/^Item 1: "Carousel Cards" has too many entries: 6 given, at most 5 allowed/,
		],
		[
			'a name of 46 characters',
			carouselParameters([card(1), card(2)], { name: 'N'.repeat(46) }),
			/^Item 1: "Name" is too long: 46 characters given, at most 45 allowed/,
		],
		[
			'10,001 numbers',
			carouselParameters([card(1), card(2)], { numbers: '={{ $json.numbers }}' }),
			/^Item 1: "Numbers" has too many entries: 10001 given, at most 10000 allowed/,
		],
		[
			'an empty text',
			carouselParameters([card(1), card(2)], { text: '  ' }),
			/^Item 1: "Text" is required/,
		],
		[
			'a card title of one character',
			carouselParameters([card(1), card(2, { title: 'X' })]),
			/^Item 1: "Carousel Cards 2 > Title" is too short: at least 2 characters needed/,
		],
		[
			'a card without a button URL',
			carouselParameters([card(1), card(2, { buttonUrl: 'shop.example' })]),
			/^Item 1: "Carousel Cards 2 > Button URL" must be a web address/,
		],
		[
			'a card image the item does not have',
			carouselParameters([card(1), card(9)]),
			/^Item 1: "Carousel Cards 2 > Image \(Binary Property\)" names the binary property "img9", which the input item does not have \(it has: img1, img2, img3, doc\)/,
		],
		[
			'a card image that is not an image',
			carouselParameters([card(1), card(2, { image: 'doc' })]),
			/^Item 1: "Carousel Cards 2 > Image \(Binary Property\)" names "doc", which holds application\/pdf, not an image/,
		],
		[
			'a time to live under 60 seconds',
			carouselParameters([card(1), card(2)], { viberTTL: 30 }),
			/^Item 1: "Viber Time to Live \(Seconds\)" is too small: 30 given, at least 60 allowed/,
		],
	])(
		'refuses %s naming the item and the field, and sends nothing',
		async (_, parameters, message) => {
			const item = { ...carouselItem(), json: { numbers: tenThousandAndOne } };
			const result = await run(parameters, [item]);

			expect(result.error('Subject')?.message).toMatch(message);
			expect(unitalkRequests()).toHaveLength(0);
		},
	);

	it('passes on Unitalk\'s "The name already exists" with its explanation', async () => {
		const result = await run({
			operation: 'create',
			name: 'Sandbox spring sale',
			messageType: 'SMS',
			numbers: '380971234567',
			text: 'Again',
		});

		expect(result.error('Subject')?.message).toBe(
			'Unitalk Create Distribution: The name already exists: a distribution with this name already exists in the project',
		);
		expect(unitalkRequests('/messageDistribution/create')).toHaveLength(1);
	});
});

describe('Unitalk → Message Distribution → Update', () => {
	it('changes only the given fields; the others and the start time come from the distribution', async () => {
		messaging().distributions.get(701)!.startTime = '2029-01-01 09:00:00';
		const result = await run(
			{
				operation: 'update',
				distribution: byId(701),
				updateFields: { text: '={{ $json.text }}' },
			},
			[{ text: 'Spring sale: -30% now' }],
		);

		expect(result.error()).toBeUndefined();
		expect(unitalkRequests().map((r) => r.path)).toEqual([
			'/messageDistribution/getAll',
			'/messageDistribution/update',
		]);
		expect(body(unitalkRequests('/messageDistribution/update')[0])).toEqual({
			id: 701,
			name: 'Sandbox spring sale',
			messageType: 'SMS',
			text: 'Spring sale: -30% now',
			startTime: '2029-01-01 09:00:00',
		});
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			id: 701,
			name: 'Sandbox spring sale',
			messageType: 'SMS',
			text: 'Spring sale: -30% now',
			startTime: '2029-01-01 09:00:00',
		});
		expect(messaging().distributions.get(701)?.text).toBe('Spring sale: -30% now');
	});

	it('clears the start time with Start Immediately, and reads the list once for all items', async () => {
		const result = await run(
			{
				operation: 'update',
				distribution: byId(701),
				updateFields: { name: '={{ $json.name }}', startImmediately: true },
			},
			[{ name: 'Renamed once' }, { name: 'Renamed twice' }],
		);

		expect(result.error()).toBeUndefined();
		expect(unitalkRequests('/messageDistribution/getAll')).toHaveLength(1);
		expect(unitalkRequests('/messageDistribution/update').map(body)).toEqual([
			expect.objectContaining({ name: 'Renamed once', startTime: null }),
			expect.objectContaining({ name: 'Renamed twice', startTime: null }),
		]);
		expect(messaging().distributions.get(701)?.name).toBe('Renamed twice');
	});

	it('refuses a completed distribution and a 46-character name before updating', async () => {
		const completed = await run({
			operation: 'update',
			distribution: byId(702),
			updateFields: { text: 'x' },
		});
		expect(completed.error('Subject')?.message).toMatch(
			/^Item 1: "Distribution" 702 \("Sandbox finished reminder"\) is completed/,
		);

		const longName = await run({
			operation: 'update',
			distribution: byId(701),
			updateFields: { name: 'N'.repeat(46) },
		});
		expect(longName.error('Subject')?.message).toMatch(
			/^Item 1: "Update Fields > Name" is too long: 46 characters given, at most 45 allowed/,
		);

		const empty = await run({ operation: 'update', distribution: byId(701), updateFields: {} });
		expect(empty.error('Subject')?.message).toMatch(/^Item 1: "Update Fields" is empty/);
		expect(unitalkRequests('/messageDistribution/update')).toHaveLength(0);
	});
});

describe('Unitalk → Message Distribution → Remove, Pause, Unpause', () => {
	it('pauses and unpauses with form-encoded id and paused, and the list shows the state', async () => {
		const paused = await run({ operation: 'pause', distribution: byId(701) });
		expect(paused.error()).toBeUndefined();
		expect(paused.output('Subject')[0].json).toEqual({ status: 'Success', id: 701, paused: true });
		expect(messaging().distributionView(messaging().distributions.get(701)!).status).toBe('PAUSED');

		const unpaused = await run({ operation: 'unpause', distribution: byId(701) });
		expect(unpaused.output('Subject')[0].json).toEqual({
			status: 'Success',
			id: 701,
			paused: false,
		});
		expect(messaging().distributions.get(701)?.paused).toBe(false);

		const requests = unitalkRequests('/messageDistribution/setPaused');
		expect(requests.map((r) => r.rawBody)).toEqual(['id=701&paused=true', 'id=701&paused=false']);
		expect(requests[0].headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
	});

	it('passes on "Message distribution completed" when pausing a completed distribution', async () => {
		const result = await run({ operation: 'pause', distribution: byId(702) });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Pause Distribution: Message distribution completed: the distribution is completed and can no longer be changed',
		);
		expect(unitalkRequests('/messageDistribution/setPaused')).toHaveLength(1);
	});

	it('removes a distribution by the ID mapped from the input', async () => {
		const result = await run(
			{ operation: 'remove', distribution: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			[{ id: 701 }],
		);
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toEqual({ status: 'Success', id: 701, removed: true });
		expect(unitalkRequests('/messageDistribution/remove').map((r) => r.rawBody)).toEqual([
			'id=701',
		]);
		expect(messaging().distributions.has(701)).toBe(false);
	});

	it('refuses a mapped ID that is not a number before sending', async () => {
		const result = await run(
			{ operation: 'remove', distribution: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			[{ id: 'spring sale' }],
		);
		expect(result.error('Subject')?.message).toMatch(
			/^Item 1: "Distribution" must be a distribution ID \(a whole number\), got "spring sale"/,
		);
		expect(unitalkRequests()).toHaveLength(0);
	});
});

describe('Unitalk → Message Distribution dropdown (searchDistributions)', () => {
	/** The bits of a load-options context the method uses; HTTP goes to the sandbox with the key. */
	const loadOptionsContext = () =>
		({
			getNode: () => ({
				id: 'subject',
				name: 'Subject',
				type: 'n8n-nodes-dialers.unitalk',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			getCredentials: async () => credentials().unitalkApi,
			helpers: {
				httpRequestWithAuthentication: async (
					_type: string,
					options: { url: string; method: string; headers: Record<string, string>; body?: string },
				) => {
					const response = await fetch(options.url, {
						method: options.method,
						headers: { ...options.headers, Authorization: sandbox.accounts.unitalk.apiKey },
						body: options.body,
					});
					const headers: Record<string, string> = {};
					response.headers.forEach((value, key) => (headers[key] = value));
					return {
						statusCode: response.status,
						headers,
						body: await response.text(),
					};
				},
			},
		}) as unknown as ILoadOptionsFunctions;

	it('lists distributions newest first with their status, filtered by name or ID', async () => {
		const search = new Unitalk().methods.listSearch.searchDistributions;
		expect(await search.call(loadOptionsContext())).toEqual({
			results: [
				{ name: 'Sandbox finished reminder (COMPLETED)', value: '702' },
				{ name: 'Sandbox spring sale (IN_PROGRESS)', value: '701' },
			],
		});
		expect((await search.call(loadOptionsContext(), 'SPRING')).results).toEqual([
			{ name: 'Sandbox spring sale (IN_PROGRESS)', value: '701' },
		]);
		expect((await search.call(loadOptionsContext(), '702')).results.map((r) => r.value)).toEqual([
			'702',
		]);
		expect(unitalkRequests('/messageDistribution/getAll')).toHaveLength(3);
	});
});
