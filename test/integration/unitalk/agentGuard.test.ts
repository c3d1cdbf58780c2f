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

const cases: Array<[string, Record<string, unknown>]> = [
	[
		'Add Numbers',
		{ resource: 'autodialerNumber', operation: 'add', autodialer, phone: '+380501112233' },
	],
	[
		'Re-Call Numbers',
		{ resource: 'autodialer', operation: 'recallNumbers', autodialer, callStates: ['NOANSWER'] },
	],
	['Unpause', { resource: 'autodialer', operation: 'unpause', autodialer }],
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
			`Unitalk ${label === 'Unpause' ? 'Unpause Autodialer' : label} places real phone calls and is not allowed for AI agents`,
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
