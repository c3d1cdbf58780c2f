/**
 * A long bulk run in the editor: each answered request is reported in the browser console, and after the
 * editor's Stop nothing more is sent and what was not sent is reported as never sent. Shown on Twin24
 * Add to Task, through the shared runBulk and transport every bulk operation uses.
 */
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';
import type { RunOptions } from '../harness/workflow-runner';
import { byId, createTask, twin24Context } from '../twin24/helpers';

jest.setTimeout(60_000);

const ctx = twin24Context();

const leads = (n: number) => Array.from({ length: n }, (_, i) => ({ phone: `7900${1000000 + i}` }));

async function addCandidates(
	taskId: string,
	count: number,
	onConsoleLine: RunOptions['onConsoleLine'],
) {
	return await runWorkflow(
		singleNodeWorkflow(
			'twin24',
			{
				resource: 'candidate',
				operation: 'addToTask',
				task: byId(taskId),
				phone: '={{ $json.phone }}',
			},
			leads(count),
			['twin24Api'],
		),
		{ credentials: ctx.credentials() as never, onConsoleLine },
	);
}

const candidatesIn = (taskId: string) =>
	ctx.sandbox.providers.twin24.state.tasks.get(taskId)!.candidateIds.length;

describe('a bulk run in the editor', () => {
	it('reports each answered request in the browser console', async () => {
		const taskId = await createTask(ctx);
		const lines: string[] = [];
		const result = await addCandidates(taskId, 3000, (line) => lines.push(line));
		expect(result.error()).toBeUndefined();
		expect(lines).toEqual([
			'Request 1 of 3 answered: 1000 of 3000 candidates answered so far',
			'Request 2 of 3 answered: 2000 of 3000 candidates answered so far',
			'Request 3 of 3 answered: 3000 of 3000 candidates answered so far',
		]);
	});

	it('sends nothing more once the user presses Stop, and reports the rest as never sent', async () => {
		const taskId = await createTask(ctx);
		const lines: string[] = [];
		const result = await addCandidates(taskId, 5000, (line, stop) => {
			lines.push(line);
			if (line.startsWith('Request 2 of 5')) stop();
		});
		await result.nodesEnded();
		expect(lines).toHaveLength(2);
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(2);
		expect(candidatesIn(taskId)).toBe(2000);
		// n8n aborts a stopped execution's requests too, which alone would read "outcome unknown":
		// the 3,000 candidates that never left must not send the user checking the task for them.
		const error = result.error('Subject');
		expect(error?.message).toBe('Twin24 Add to Task: not sent, the execution was stopped');
		const bulk = error?.context?.bulk as { counts: Record<string, number> };
		expect(bulk.counts).toMatchObject({ accepted: 2000, notSent: 3000, outcomeUnknown: 0 });
	});
});
