/**
 * Fault suite (issue 7 §4): every bulk and call-placing operation of every provider in
 * providers/index.ts, under every fault of STANDARD_FAULTS, with Continue On Fail on and off. Each
 * scenario has its own sandbox and key; they run side by side (FAULTS_CONCURRENCY, default 8).
 * What the sandbox counted must show 0 lost, 0 placed twice, 0 misreported, 0 limit breaches, and no
 * secret in anything the runs produced. `npm run test:faults` prints the tables.
 *
 * FAULTS_ONLY=<text> / FAULTS_FAULT=<text> run only the operations / faults whose name contains it;
 * FAULTS_SUITE=<text> only the providers whose table title contains it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { FAULT_SUITES } from './providers';
import {
	logLines,
	pool,
	usedSecrets,
	runScenario,
	STANDARD_FAULTS,
	type Mode,
	type ScenarioResult,
} from './harness/runner';
import { findSecrets } from './harness/secrets';
import { formatTable, saveResults } from './harness/table';

const MODES: Mode[] = ['continue', 'stop'];
const only = process.env.FAULTS_ONLY?.toLowerCase();
const onlyFault = process.env.FAULTS_FAULT?.toLowerCase();
const onlySuite = process.env.FAULTS_SUITE?.toLowerCase();
// Everything (n8n-core, the node, the sandbox) shares one event loop: too many 10,000-item runs at
// once stall it for seconds, and a stalled loop makes requests time out on the client and arrive
// bunched at the sandbox. The table footer shows the worst stall seen.
const concurrency = Number(process.env.FAULTS_CONCURRENCY ?? 8);

// A bound on a hang: the timeout scenarios wait CLIENT_TIMEOUT_MS (runner.ts), not the node's 180 s.
jest.setTimeout(30 * 60_000);

for (const suite of FAULT_SUITES) {
	if (onlySuite && !suite.title.toLowerCase().includes(onlySuite)) continue;
	const operations = suite.operations.filter((op) => !only || op.name.toLowerCase().includes(only));
	const faults = (suite.faults ?? STANDARD_FAULTS).filter(
		(f) => !onlyFault || f.label.toLowerCase().includes(onlyFault),
	);
	const scenarios = operations.flatMap((op) =>
		faults.flatMap((fault) => MODES.map((mode) => ({ op, fault, mode }))),
	);
	// FAULTS_ONLY / FAULTS_FAULT may leave a provider nothing to run.
	if (scenarios.length === 0) continue;
	const name = (s: (typeof scenarios)[number]) => `${s.op.name} / ${s.fault.label} / ${s.mode}`;

	describe(`${suite.title}: faults`, () => {
		const results = new Map<string, ScenarioResult>();
		beforeAll(async () => {
			const lag = monitorEventLoopDelay({ resolution: 20 });
			lag.enable();
			const rows = await pool(
				concurrency,
				scenarios.map((s) => async () => {
					const started = Date.now();
					const row = await runScenario(suite, s.op, s.fault, s.mode);
					results.set(name(s), row);
					// Progress on stderr (jest shows console output only at the end).
					process.stderr.write(
						`[faults ${results.size}/${scenarios.length}] ${name(s)}: ${row.requests} requests, lost ${row.lost}, duplicated ${row.duplicated}, misreported ${row.misreported}, breaches ${row.breaches} (${Math.round((Date.now() - started) / 1000)} s)\n`,
					);
					return row;
				}),
			);
			lag.disable();
			const table = `${formatTable(suite.title, rows)}event loop: longest stall ${Math.round(lag.max / 1e6)} ms, 99th percentile ${Math.round(lag.percentile(99) / 1e6)} ms; ${concurrency} scenarios at a time\n`;
			saveResults(suite.title, rows, table);
			process.stdout.write(table);
		});

		it.each(scenarios.map((s) => [name(s), s]))('%s', (label) => {
			const row = results.get(label as string);
			expect(row).toBeDefined();
			const r = row as ScenarioResult;
			// The fault-free run proves the scenario does its work: every number reached the provider.
			if (r.fault === 'none') expect([r.sent, r.accepted]).toEqual([r.numbers, r.numbers]);
			expect({
				lost: r.lost,
				duplicated: r.duplicated,
				misreported: r.misreported,
				breaches: r.breaches,
				secretsFound: r.secretsFound,
				examples: r.examples,
			}).toEqual({
				lost: 0,
				duplicated: 0,
				misreported: 0,
				breaches: 0,
				secretsFound: [],
				examples: [],
			});
		});

		it('writes no secret into the n8n log lines', () => {
			expect(logLines.length).toBeGreaterThan(0);
			expect(findSecrets(logLines, usedSecrets)).toEqual([]);
		});
	});
}
