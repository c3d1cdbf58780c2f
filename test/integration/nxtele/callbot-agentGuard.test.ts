/**
 * The Callbot operations that make NXTele dial people refuse to run for an AI agent (node type
 * `nxteleTool`) unless the flow builder turned on "Allow Use by AI Agents"; nothing is sent then.
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';
import { callbotCredentials, callbotRequests, task, taskParameters } from './callbot-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const order = { phone: '+85261234567', task: task('t-1') };
const cases: Array<[string, Record<string, unknown>]> = [
	[
		'Create and Call',
		{ resource: 'task', operation: 'createAndCall', ...taskParameters(), phone: '+85261234567' },
	],
	['Add', { resource: 'order', operation: 'add', ...order }],
	['Import Latest Batch', { resource: 'order', operation: 'importLatestBatch', ...order }],
	['Start Task', { resource: 'task', operation: 'start', task: task('t-1') }],
];

const run = async (nodeName: string, parameters: Record<string, unknown>) =>
	await runWorkflow(singleNodeWorkflow(nodeName, parameters as never, [{}], ['nxteleCallbotApi']), {
		credentials: callbotCredentials(sandbox),
	});

describe.each(cases)('NXTele %s as an AI agent tool', (label, parameters) => {
	it('is refused without the toggle, and nothing is sent', async () => {
		const result = await run('nxteleTool', parameters);
		expect(result.error('Subject')?.message).toBe(
			`NXTele ${label} places real phone calls and is not allowed for AI agents`,
		);
		expect(callbotRequests(sandbox)).toHaveLength(0);
	});

	it('is sent when the flow builder allowed it', async () => {
		await run('nxteleTool', { ...parameters, allowAgentUse: true });
		expect(callbotRequests(sandbox).length).toBeGreaterThan(0);
	});
});
