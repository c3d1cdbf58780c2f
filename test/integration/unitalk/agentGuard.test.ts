/**
 * Operations that make Unitalk dial people refuse to run for an AI agent (node type `unitalkTool`)
 * unless the flow builder turned on "Allow Use by AI Agents"; nothing is sent when they refuse.
 */
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

const autodialer = { __rl: true, mode: 'id', value: '12345' };

/** An AUTODIAL / FIXED autodialer the sandbox accepts (audio 46615 is seeded); `extra` adds fields. */
const createAutodialer = (additionalFields: Record<string, unknown> = {}) => ({
	resource: 'autodialer',
	operation: 'create',
	name: 'Agent campaign',
	autodialerType: 'AUTODIAL',
	autodialerMode: 'FIXED',
	startDate: '2026-01-15',
	endDate: '2026-02-15',
	callHours: { monday: { from: '09:00', to: '18:00' } },
	compositeAudio: { part: [{ kind: 'audio', audioId: 46615 }] },
	threadCount: 1,
	additionalFields,
});

/** [what the refusal names, parameters]. */
const cases: Array<[string, Record<string, unknown>]> = [
	[
		'Add Numbers',
		{ resource: 'autodialerNumber', operation: 'add', autodialer, phone: '+380501112233' },
	],
	[
		'Re-Call Numbers',
		{ resource: 'autodialer', operation: 'recallNumbers', autodialer, callStates: ['NOANSWER'] },
	],
	['Unpause Autodialer', { resource: 'autodialer', operation: 'unpause', autodialer }],
	[
		'Create Autodialer with numbers',
		// With an event handler the node reads the project's handlers first: not even that is sent.
		createAutodialer({
			numbers: '+380501112233, +380501112234',
			triggerActions: { entry: [{ event: 'AUTODIAL_FINISH', handlers: [123] }] },
		}),
	],
];

const run = async (nodeName: string, parameters: Record<string, unknown>) =>
	await runWorkflow(singleNodeWorkflow(nodeName, parameters as never, [{}], ['unitalkApi']), {
		credentials: {
			unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
		},
	});

const unitalkRequests = () => sandbox.requests.filter((r) => r.provider === 'unitalk');

describe.each(cases)('Unitalk %s as an AI agent tool', (label, parameters) => {
	it('is refused without the toggle, and nothing is sent', async () => {
		const result = await run('unitalkTool', parameters);
		expect(result.error('Subject')?.message).toBe(
			`Unitalk ${label} places real phone calls and is not allowed for AI agents`,
		);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('runs when the flow builder allowed it', async () => {
		if (label === 'Re-Call Numbers') sandbox.providers.unitalk.state.simulateCalls(12345);
		const result = await run('unitalkTool', { ...parameters, allowAgentUse: true });
		expect(result.error('Subject')).toBeUndefined();
		expect(unitalkRequests().length).toBeGreaterThan(0);
	});

	it('runs as a normal node without the toggle', async () => {
		if (label === 'Re-Call Numbers') sandbox.providers.unitalk.state.simulateCalls(12345);
		const result = await run('unitalk', parameters);
		expect(result.error('Subject')).toBeUndefined();
	});
});

describe('Unitalk Create Autodialer as an AI agent tool', () => {
	it('creates an autodialer without numbers without the toggle: nobody is called', async () => {
		const result = await run('unitalkTool', createAutodialer());
		expect(result.error('Subject')).toBeUndefined();
		expect(unitalkRequests().map((r) => JSON.parse(r.rawBody).action)).toEqual(['ADD']);
	});

	it('with numbers and the toggle on, creates the autodialer with them', async () => {
		const result = await run('unitalkTool', {
			...createAutodialer({ numbers: '+380501112233, +380501112234' }),
			allowAgentUse: true,
		});
		expect(result.error('Subject')).toBeUndefined();
		const id = result.output('Subject')[0].json.autodialerId as number;
		expect(
			sandbox.providers.unitalk.state.autodialers.get(id)?.numbers.map((n) => n.phone),
		).toEqual(['380501112233', '380501112234']);
	});
});
