/**
 * Unitalk → Dictionary → Get against the sandbox: node output and the exact requests the sandbox
 * recorded. Doc section "Dictionaries / Main Entities" (POST /dictionary?type=…).
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { get } from '../../../nodes/Unitalk/actions/dictionary/get.operation';
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

const run = async (parameters: Record<string, unknown>, items: object[] = [{}]) =>
	await runWorkflow(
		singleNodeWorkflow(
			'unitalk',
			{ resource: 'dictionary', operation: 'get', ...parameters } as never,
			items,
			['unitalkApi'],
		),
		{ credentials: credentials() },
	);

const unitalkRequests = (): RecordedRequest[] =>
	sandbox.requests.filter((r) => r.provider === 'unitalk');

/** The documented types, as the node's dropdown offers them. */
const documentedTypes = (
	get.properties.find((p) => p.name === 'type')?.options as Array<{ value: string }>
)
	.map((o) => o.value)
	.filter((v) => v !== '__custom');

describe('Unitalk → Dictionary → Get', () => {
	it('offers every type the documentation lists', () => {
		expect([...documentedTypes].sort()).toEqual(
			[
				'IVR',
				'INNER_PHONE',
				'USER',
				'SITE',
				'IN_SCENARIO',
				'OUT_SCENARIO',
				'TTS_PROFILE',
				'STT_PROFILE',
				'PHONE_GROUP',
				'TRIGGER_ACTION',
				'VOICE_ROBOT',
				'MESSAGE_DISTRIBUTION',
				'CONTACT_FORMS',
				'VOICE_ANALYTICS_PROFILE',
				'AUDIO_ALL',
				'AUDIO_GENERAL',
				'AUDIO_IVR',
				'AUDIO_AUTODIAL',
				'AUDIO_MELODY',
				'AUDIO_API',
				'AUDIO_VOICE_ROBOT',
				'AUDIO_VOICE_QUEUE',
				'AUTODIAL_ALL',
				'AUTODIAL_AUTODIALER',
				'AUTODIAL_PREDICTIVE',
				'AUTODIAL_ROBOT',
			].sort(),
		);
	});

	it('passes the type in the query string of a POST without body, one item per entity', async () => {
		const result = await run({ type: 'IVR', returnAll: true });

		expect(result.error()).toBeUndefined();
		const sent = unitalkRequests();
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ method: 'POST', path: '/dictionary', query: { type: 'IVR' } });
		expect(sent[0].rawBody).toBe('');
		const out = result.output('Subject');
		expect(out.map((o) => o.json)).toEqual([
			{ id: '211', name: 'Main menu' },
			{ id: '212', name: 'Menu with GSM transfer' },
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('lists the audios of one section, uploaded ones included', async () => {
		sandbox.providers.unitalk.state.calls.addAudio({
			name: 'Fresh upload',
			type: 'API',
			temp: false,
			source: 'upload',
			size: 1,
		});
		const result = await run({ type: 'AUDIO_API', returnAll: true });
		expect(result.output('Subject').map((o) => o.json.name)).toEqual([
			'API greeting',
			'Fresh upload',
		]);
	});

	it('returns at most Limit entities unless Return All is on', async () => {
		const limited = await run({ type: 'INNER_PHONE', returnAll: false, limit: 2 });
		expect(limited.output('Subject')).toHaveLength(2);
		const all = await run({ type: 'INNER_PHONE', returnAll: true });
		expect(all.output('Subject').map((o) => o.json.id)).toEqual([
			'1111',
			'2222',
			'3333',
			'4444',
			'5455',
		]);
		expect(all.output('Subject')[0].json).toEqual({ id: '1111', name: 'John Callid' });
	});

	it('accepts a type the documentation does not list, typed in', async () => {
		const result = await run({ type: '__custom', customType: 'AUTODIAL_ROBOT', returnAll: true });
		expect(result.error()).toBeUndefined();
		expect(unitalkRequests()[0].query).toEqual({ type: 'AUTODIAL_ROBOT' });
	});

	it('refuses a typed-in type that is not a type name before sending anything', async () => {
		const result = await run({ type: '__custom', customType: 'voice robots', returnAll: true });
		expect(result.error('Subject')?.message).toMatch(
			/^Item 1: "Custom Type" must be a type name such as AUDIO_API/,
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('reports a type Unitalk does not know', async () => {
		const result = await run({ type: '__custom', customType: 'NO_SUCH_TYPE', returnAll: true });
		expect(result.error('Subject')?.message).toBe('Unitalk Get Dictionary: Wrong type');
		expect(unitalkRequests()).toHaveLength(1);
	});

	// Last in the file: its 26 requests fill the governor's 30-per-10-seconds window.
	it('answers every documented type (one request per item, the type set by expression)', async () => {
		const result = await run(
			{ type: '={{ $json.type }}', returnAll: true },
			documentedTypes.map((type) => ({ type })),
		);
		expect(result.error()).toBeUndefined();
		const sent = unitalkRequests();
		expect(sent.map((r) => r.query.type)).toEqual(documentedTypes);
		expect(sent.every((r) => r.outcome === 'accepted')).toBe(true);
		const out = result.output('Subject');
		const robots = out.filter(
			(o) =>
				o.pairedItem &&
				(o.pairedItem as { item: number }).item === documentedTypes.indexOf('AUTODIAL_ROBOT'),
		);
		expect(robots.map((o) => o.json)).toEqual([{ id: '12346', name: 'Sandbox voice robot' }]);
	}, 30_000);
});
