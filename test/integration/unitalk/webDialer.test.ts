/**
 * Unitalk → Web Dialer (Send Notification, Hide Notification) against the sandbox: node output and the
 * exact requests recorded. Doc sections "Sending notifications to Web Dialer" and "Hiding
 * notifications in Web Dialer". Seeded users: 12345 and 12346 have Web Dialer connected, 12347 not.
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
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
			{ resource: 'webDialer', ...parameters } as never,
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

describe('Unitalk → Web Dialer → Send Notification', () => {
	it('shows a notification to the chosen users and returns its id', async () => {
		const result = await run(
			{
				operation: 'sendNotification',
				userIds: [12345, 12346],
				notification: {
					contactName: '={{ $json.name }}',
					contactLink: '={{ $json.link }}',
					responsible: 'Manager #1',
					entityName: '',
				},
			},
			[{ name: 'John', link: 'https://www.example-crm.com/leads/1' }],
		);

		expect(result.error()).toBeUndefined();
		const [stored] = [...messaging().notifications.values()];
		expect(result.output('Subject')).toEqual([
			{ json: { notificationId: stored.id, userIds: [12345, 12346] }, pairedItem: { item: 0 } },
		]);
		const requests = unitalkRequests('/widget/sendNotification');
		expect(requests).toHaveLength(1);
		expect(body(requests[0])).toEqual({
			userIds: [12345, 12346],
			data: {
				contactName: 'John',
				contactLink: 'https://www.example-crm.com/leads/1',
				responsible: 'Manager #1',
			},
		});
		expect(stored.shownTo).toEqual([12345, 12346]);
	});

	it('takes user IDs mapped from the input as a list or as comma-separated text', async () => {
		const result = await run(
			{
				operation: 'sendNotification',
				userIds: '={{ $json.users }}',
				notification: { entityName: 'Best deal' },
			},
			[{ users: '12345, 12346' }, { users: [12346] }],
		);

		expect(result.error()).toBeUndefined();
		expect(unitalkRequests('/widget/sendNotification').map((r) => body(r).userIds)).toEqual([
			[12345, 12346],
			[12346],
		]);
	});

	it.each([
		[
			'no users',
			{ userIds: '={{ $json.nobody }}', notification: { contactName: 'John' } },
			/^Item 1: "User Names or IDs" is empty; choose at least one user/,
		],
		[
			'a user that is not an ID',
			{ userIds: '={{ "12345, John" }}', notification: { contactName: 'John' } },
			/^Item 1: "User Names or IDs" contains "John", which is not a user ID/,
		],
		[
			'no notification field',
			{ userIds: [12345], notification: { contactName: '  ' } },
			/^Item 1: "Notification" needs at least one field/,
		],
	])(
		'refuses %s naming the item and the field, and sends nothing',
		async (_, parameters, message) => {
			const result = await run({ operation: 'sendNotification', ...parameters });
			expect(result.error('Subject')?.message).toMatch(message);
			expect(unitalkRequests()).toHaveLength(0);
		},
	);

	it('passes on Unitalk refusing users without Web Dialer, and does not send it again', async () => {
		const result = await run({
			operation: 'sendNotification',
			userIds: [12347],
			notification: { contactName: 'John' },
		});

		expect(result.error('Subject')?.message).toBe(
			'Unitalk Send Web Dialer Notification: No users with connected chrome extension was found: none of these users has Web Dialer (the Unitalk Chrome extension) connected',
		);
		expect(unitalkRequests('/widget/sendNotification')).toHaveLength(1);
	});

	it('does not repeat a notification whose request failed with an unknown outcome', async () => {
		sandbox.injectFault({
			provider: 'unitalk',
			path: '/widget/sendNotification',
			kind: 'http503',
			count: 1,
		});
		const result = await run({
			operation: 'sendNotification',
			userIds: [12345],
			notification: { contactName: 'John' },
		});
		expect(result.error('Subject')?.message).toMatch(/the outcome is unknown/);
		expect(unitalkRequests('/widget/sendNotification')).toHaveLength(1);
	});
});

describe('Unitalk → Web Dialer → Hide Notification', () => {
	it('hides the notification Send Notification returned', async () => {
		const sent = await run({
			operation: 'sendNotification',
			userIds: [12345, 12346],
			notification: { contactName: 'John' },
		});
		const { notificationId } = sent.output('Subject')[0].json;

		const result = await run(
			{
				operation: 'hideNotification',
				userIds: [12345],
				notificationId: '={{ $json.notificationId }}',
			},
			[{ notificationId }],
		);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			notificationId,
			userIds: [12345],
			hidden: true,
		});
		expect(body(unitalkRequests('/widget/hideNotification')[0])).toEqual({
			userIds: [12345],
			notificationId,
		});
		expect(messaging().notifications.get(notificationId as number)?.hiddenFor).toEqual([12345]);
	});

	it('refuses a notification ID that is not a number, and passes on unknown users', async () => {
		const bad = await run(
			{ operation: 'hideNotification', userIds: [12345], notificationId: '={{ $json.id }}' },
			[{ id: '' }],
		);
		expect(bad.error('Subject')?.message).toMatch(
			/^Item 1: "Notification ID" must be a notification ID \(a whole number\), got ""/,
		);
		expect(unitalkRequests()).toHaveLength(0);

		const unknown = await run({
			operation: 'hideNotification',
			userIds: [99999],
			notificationId: '1700000001',
		});
		expect(unknown.error('Subject')?.message).toBe(
			'Unitalk Hide Web Dialer Notification: The specified users are not found or chrome extension not connected: the users do not exist or have not connected Web Dialer (the Unitalk Chrome extension)',
		);
		expect(unitalkRequests('/widget/hideNotification')).toHaveLength(1);
	});
});
