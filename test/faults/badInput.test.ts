/**
 * Bad-input suite (issue 7 §4): for every provider in providers/index.ts, at least 500 generated
 * cases of one malformed item among good ones (fast-check; a failure shrinks to the smallest case).
 * Continue On Fail is on. Each case must end with: an error item for the bad item that names the item
 * and the field; nothing sent for it; every good item sent once and answered without error; no crash
 * (the node does not stop); no secret in anything the run produced or logged.
 *
 * Each case gets its own sandbox and key, so cases do not wait for one key's rate window.
 * BAD_INPUT_RUNS=<n> changes the number of cases (default 500).
 */
import fc from 'fast-check';

import { startSandbox } from '../../sandbox';
import { singleNodeWorkflow } from '../integration/harness/build';
import { runWorkflow } from '../integration/harness/workflow-runner';
import { FAULT_SUITES } from './providers';
import { logLines } from './harness/runner';
import { findSecrets, stringsOf } from './harness/secrets';
import type { BadInputCase, ProviderFaultSuite } from './harness/types';
import { pairedIndex } from './harness/verdicts';

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 500);
jest.setTimeout(20 * 60_000);

let caseNumber = 0;

/** Runs one case; returns what is wrong with it (empty when it is answered as it must be). */
async function check(
	suite: ProviderFaultSuite,
	c: BadInputCase,
	secrets: string[],
): Promise<string[]> {
	const sandbox = await startSandbox(suite.sandboxOptions(`bad-input-${++caseNumber}`));
	try {
		suite.badInput.prepare?.(sandbox);
		const node = c.build(sandbox);
		const logsBefore = logLines.length;
		const result = await runWorkflow(
			singleNodeWorkflow(node.node, node.parameters as never, node.items, node.credentialTypes, {
				onError: 'continueRegularOutput',
			}),
			{ credentials: suite.credentials(sandbox) },
		);
		const problems: string[] = [];
		const stopped = result.error('Subject') ?? result.error();
		if (stopped) problems.push(`the run stopped: ${stopped.message}`);

		const output = result.output('Subject');
		const errors = output.filter((item) => typeof item.json.error === 'string');
		const badErrors = errors.filter((item) => pairedIndex(item) === c.badIndex);
		if (badErrors.length !== 1)
			problems.push(`expected one error item for item ${c.badIndex + 1}, got ${badErrors.length}`);
		for (const item of badErrors) {
			const text = `${String(item.json.error)}`;
			if (!text.includes(`Item ${c.badIndex + 1}`))
				problems.push(`the error does not name item ${c.badIndex + 1}: ${text}`);
			if (!text.includes(c.field))
				problems.push(`the error does not name the field "${c.field}": ${text}`);
		}
		const otherErrors = errors.filter((item) => pairedIndex(item) !== c.badIndex);
		for (const item of otherErrors)
			problems.push(
				`good item ${(pairedIndex(item) ?? -1) + 1} failed: ${String(item.json.error)}`,
			);

		const sent = sandbox.requests
			.filter((r) => r.provider === suite.provider)
			.flatMap((r) => suite.badInput.numbersIn(r))
			.sort();
		const expected = [...c.goodNumbers].sort();
		if (JSON.stringify(sent) !== JSON.stringify(expected))
			problems.push(
				`sent ${JSON.stringify(sent)}, expected exactly the good items' ${JSON.stringify(expected)}`,
			);

		const leaked = findSecrets(
			[
				...stringsOf(output),
				...stringsOf(result.run.data.resultData),
				...logLines.slice(logsBefore),
			],
			[...secrets, ...suite.secrets(sandbox)],
		);
		if (leaked.length > 0) problems.push(`secrets in the output: ${leaked.length}`);
		return problems;
	} finally {
		await sandbox.close();
	}
}

for (const suite of FAULT_SUITES) {
	describe(`${suite.title}: bad input`, () => {
		it(`answers ${RUNS} generated malformed items with an error naming the item and the field, sends nothing for them and still sends the good items`, async () => {
			const seen = new Map<string, number>();
			await fc.assert(
				fc.asyncProperty(suite.badInput.cases, async (c) => {
					const key = `${c.operation} / ${c.field}`;
					seen.set(key, (seen.get(key) ?? 0) + 1);
					const problems = await check(suite, c, []);
					if (problems.length > 0) throw new Error(problems.join('\n'));
				}),
				{ numRuns: RUNS },
			);
			const lines = [...seen].sort().map(([k, n]) => `  ${k}: ${n}`);
			process.stdout.write(
				`\n${suite.title}: bad-input cases per operation and field\n${lines.join('\n')}\n`,
			);
			// Every field of every operation was tried.
			expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(RUNS);
		});
	});
}
