import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = (overrides: Record<string, string> = {}) => ({
	nxteleCallbotApi: {
		uuid: sandbox.accounts.nxteleCallbot.uuid,
		secretKey: sandbox.accounts.nxteleCallbot.secretKey,
		algorithm: 'MD5',
		baseUrl: sandbox.baseUrls.nxteleCallbot,
		...overrides,
	},
});

const pingWorkflow = (items: object[] = [{}], settings = {}) =>
	singleNodeWorkflow(
		'nxtele',
		{ resource: 'callbot', operation: 'ping', echo: '={{ $json.echo ?? "hello" }}' },
		items,
		['nxteleCallbotApi'],
		settings,
	);

describe('NXTele Callbot → Ping', () => {
	it.each(['MD5', 'SHA256'])(
		'is accepted by the sandbox with a %s signature over the exact bytes sent',
		async (algorithm) => {
			const result = await runWorkflow(pingWorkflow([{ echo: 'één' }, { echo: 'two' }]), {
				credentials: credentials({ algorithm }),
			});

			expect(result.error()).toBeUndefined();
			const out = result.output('Subject');
			expect(out.map((i) => i.json.data)).toEqual(['één', 'two']);
			expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			const pings = sandbox.requests.filter((r) => r.provider === 'nxteleCallbot');
			expect(pings).toHaveLength(2);
			expect(pings.every((r) => r.outcome === 'accepted')).toBe(true);
			expect(pings[0].rawBody).toBe('{"data":"één"}');
			expect(pings[0].headers.algorithm).toBe(algorithm);
		},
	);

	it('reports a wrong secret key as a credential problem, and the sandbox logs the rejected signature', async () => {
		const result = await runWorkflow(pingWorkflow(), {
			credentials: credentials({ secretKey: 'not-the-secret' }),
		});

		const error = result.error('Subject');
		expect(error?.message).toMatch(/NXTele Callbot Ping: NXTele Callbot refused the credentials/);
		expect((error as { failure?: { cause: string } }).failure?.cause).toBe('credential-invalid');
		const rejected = sandbox.requests.filter((r) => r.provider === 'nxteleCallbot');
		expect(rejected).toHaveLength(1); // a refused signature is not retried
		expect(rejected[0].outcome).toBe('rejected');
		expect(rejected[0].reason).toMatch(/sign/i);
	});

	it('with Continue On Fail, turns the failure into an error item paired with its input', async () => {
		const result = await runWorkflow(pingWorkflow([{}, {}], { onError: 'continueRegularOutput' }), {
			credentials: credentials({ secretKey: 'wrong' }),
		});
		const out = result.output('Subject');
		expect(out).toHaveLength(2);
		expect(out[1].json.error).toMatch(/refused the credentials/);
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});

	it('retries a "system busy" answer and succeeds without a second accepted ping', async () => {
		sandbox.injectFault({
			provider: 'nxteleCallbot',
			path: '/callcentre/api/v3/ping',
			kind: 'busy',
			count: 1,
		});
		const result = await runWorkflow(pingWorkflow(), { credentials: credentials() });
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json.code).toBe(0);
		const outcomes = sandbox.requests
			.filter((r) => r.provider === 'nxteleCallbot')
			.map((r) => r.outcome);
		expect(outcomes).toEqual(['fault', 'accepted']);
	});

	it('retries an idempotent request after a 503', async () => {
		sandbox.injectFault({
			provider: 'nxteleCallbot',
			path: '/callcentre/api/v3/ping',
			kind: 'http503',
			count: 1,
		});
		const result = await runWorkflow(pingWorkflow(), { credentials: credentials() });
		expect(result.error()).toBeUndefined();
		expect(sandbox.requests.filter((r) => r.provider === 'nxteleCallbot')).toHaveLength(2);
	});
});
