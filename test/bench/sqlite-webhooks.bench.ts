/**
 * What holds n8n's SQLite write lock when webhook deliveries pour in (issue 8; findings in
 * /work/wt/_findings/sqlite.md). One real n8n (the e2e harness), BENCH_EVENTS deliveries (default
 * 2,000, each a new event) with K in flight (BENCH_IN_FLIGHT, default 1,4,16) into:
 *   webhook   n8n's Webhook node (answers on receipt) -> No Operation
 *   twin24    our Twin24 Trigger, secret in the URL, Drop Repeated Deliveries off -> No Operation
 *   twin24dd  the same with Drop Repeated Deliveries on
 * each with the workflow saving successful executions (n8n's default, `all`) or not (`none`)
 * (BENCH_RECEIVERS, BENCH_SAVE). BENCH_N8N_ENV (JSON) adds n8n settings, e.g. {"DB_SQLITE_POOL_SIZE":"0"}.
 *
 * Per run: answers/s, executions/s (first send to last execution finished, from n8n's own
 * n8n_workflow_success_total / _failed_total metrics: no REST polling that would touch the DB),
 * lock timeouts ("Timeout waiting for lock SqliteWriteConnectionMutex" in n8n's log), and from the
 * probe preloaded into n8n (harness/sqlite-probe.cjs): write-lock holds per execution, longest wait,
 * most waiters at once, and what held the lock longest. With the duplicate drop: how many of the
 * deliveries n8n's static data still remembers (lost updates of concurrent deliveries).
 * Prints a table; asserts nothing.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { N8N_BIN } from '../e2e/harness/n8n';
import type { N8nInstance } from '../e2e/harness/n8n';
import { bootN8n, loadLine, PACKAGE, runBench, withN8n } from './harness/n8n';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const IN_FLIGHT = (process.env.BENCH_IN_FLIGHT ?? '1,4,16').split(',').map(Number);
const RECEIVERS = (process.env.BENCH_RECEIVERS ?? 'webhook,twin24,twin24dd').split(',');
const SAVE = (process.env.BENCH_SAVE ?? 'all,none').split(',');
const EXTRA_ENV = JSON.parse(process.env.BENCH_N8N_ENV ?? '{}') as Record<string, string>;
/** A run that has not finished its executions by then is reported as such. */
const DRAIN_LIMIT_MS = Number(process.env.BENCH_DRAIN_LIMIT_MS ?? 180_000);
const SECRET = 'bench-sqlite-secret-5d1e';
const LOCK_TIMEOUT = /Timeout waiting for lock SqliteWriteConnectionMutex/g;

interface Probe {
	acquisitions: number;
	maxWaiting: number;
	maxWaitMs: number;
	holdMsTotal: number;
	timeouts: number;
	byStatement: Record<string, { n: number; holdMs: number; maxHoldMs: number }>;
}

function readProbe(file: string): Probe {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as Probe;
	} catch {
		return {
			acquisitions: 0,
			maxWaiting: 0,
			maxWaitMs: 0,
			holdMsTotal: 0,
			timeouts: 0,
			byStatement: {},
		};
	}
}

/** Sum of the counters named `name` in n8n's /metrics text. */
async function metric(n8n: N8nInstance, name: string): Promise<number> {
	const text = await (await fetch(`${n8n.baseUrl}/metrics`)).text();
	let sum = 0;
	for (const line of text.split('\n'))
		if (line.startsWith(name)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
	return sum;
}

const finishedExecutions = async (n8n: N8nInstance) =>
	(await metric(n8n, 'n8n_workflow_success_total')) +
	(await metric(n8n, 'n8n_workflow_failed_total'));

function trigger(receiver: string, webhookId: string, credentials: Record<string, unknown>) {
	if (receiver === 'webhook')
		return {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId,
			parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'onReceived', options: {} },
		};
	return {
		type: `${PACKAGE}.twin24Trigger`,
		typeVersion: 1,
		webhookId,
		parameters: { events: ['CALL_ENDED'], options: { dropDuplicates: receiver === 'twin24dd' } },
		credentials,
	};
}

runBench(async () => {
	const probeFile = path.join(os.tmpdir(), `sqlite-probe-${process.pid}.json`);
	const env = await bootN8n('bench-sqlite', {
		env: {
			N8N_METRICS: 'true',
			N8N_METRICS_INCLUDE_MESSAGE_EVENT_BUS_METRICS: 'true',
			NODE_OPTIONS: `--require ${path.join(__dirname, 'harness', 'sqlite-probe.cjs')}`,
			SQLITE_PROBE_FILE: probeFile,
			SQLITE_PROBE_FROM: path.dirname(path.dirname(N8N_BIN)),
			...EXTRA_ENV,
		},
	});
	const rows: Array<Record<string, unknown>> = [];
	try {
		await withN8n(env, async ({ n8n }) => {
			const credentialId = await n8n.createCredential('twin24TriggerApi', 'bench trigger', {
				secret: SECRET,
				queryParameterName: 'secret',
			});
			const credentials = { twin24TriggerApi: { id: credentialId, name: 'bench trigger' } };
			let serial = 0;
			for (const receiver of RECEIVERS)
				for (const save of SAVE)
					for (const inFlight of IN_FLIGHT) {
						const webhookId = randomUUID();
						const workflowId = await n8n.createWorkflow({
							name: `sqlite bench ${receiver} ${save} ${inFlight}`,
							settings: { saveDataSuccessExecution: save, saveDataErrorExecution: 'all' },
							nodes: [
								{
									id: 't',
									name: 'Trigger',
									position: [0, 0],
									...trigger(receiver, webhookId, credentials),
								},
								{
									id: 'n',
									name: 'No Operation',
									type: 'n8n-nodes-base.noOp',
									typeVersion: 1,
									position: [240, 0],
									parameters: {},
								},
							],
							connections: {
								Trigger: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] },
							},
						});
						await n8n.activateWorkflow(workflowId);
						const url =
							receiver === 'webhook'
								? `${n8n.baseUrl}/webhook/${webhookId}`
								: `${n8n.baseUrl}/webhook/${webhookId}/webhook?secret=${SECRET}`;
						fs.writeFileSync(`${probeFile}.reset`, '');
						await new Promise((r) => setTimeout(r, 1200));
						const doneBefore = await finishedExecutions(n8n);
						const probeBefore = readProbe(probeFile);
						const logBefore = (n8n.readLog().match(LOCK_TIMEOUT) ?? []).length;
						const answers: Record<string, number> = {};
						let next = 0;
						const started = performance.now();
						const base = serial;
						serial += EVENTS;
						await Promise.all(
							Array.from({ length: inFlight }, async () => {
								for (let i = next++; i < EVENTS; i = next++) {
									const body = JSON.stringify({
										event: 'CALL_ENDED',
										id: `call-${base + i}`,
										taskId: 't',
										callbackData: { n: i },
									});
									let key: string;
									try {
										const res = await fetch(url, {
											method: 'POST',
											headers: { 'content-type': 'application/json', connection: 'close' },
											body,
										});
										await res.text();
										key = String(res.status);
									} catch (error) {
										key = `failed: ${(error as Error).message}`;
									}
									answers[key] = (answers[key] ?? 0) + 1;
								}
							}),
						);
						const answerS = (performance.now() - started) / 1000;
						const expected = answers['200'] ?? 0;
						let finished = 0;
						let drainS = Number.NaN;
						for (const until = Date.now() + DRAIN_LIMIT_MS; Date.now() < until; ) {
							finished = (await finishedExecutions(n8n)) - doneBefore;
							if (finished >= expected) {
								drainS = (performance.now() - started) / 1000;
								break;
							}
							await new Promise((r) => setTimeout(r, 200));
						}
						await new Promise((r) => setTimeout(r, 1500)); // the probe writes once a second
						const probe = readProbe(probeFile);
						const holds = probe.acquisitions - probeBefore.acquisitions;
						const top = Object.entries(probe.byStatement)
							.map(([k, v]) => {
								const b = probeBefore.byStatement[k] ?? { n: 0, holdMs: 0 };
								return { k, n: v.n - b.n, ms: v.holdMs - b.holdMs, max: v.maxHoldMs };
							})
							.filter((s) => s.n > 0)
							.sort((a, b) => b.ms - a.ms)
							.slice(0, 3)
							.map((s) => `${s.k} x${s.n} ${Math.round(s.ms)}ms`)
							.join(' | ');
						let remembered: number | string = '-';
						if (receiver === 'twin24dd') {
							const wf = await n8n.api<{ staticData?: Record<string, any> }>(
								'GET',
								`/workflows/${workflowId}`,
							);
							const kept = (wf.staticData?.['node:Trigger']?.deliveries ?? []) as unknown[];
							remembered = `${kept.length}/${Math.min(EVENTS, 500)}`;
						}
						const row = {
							receiver,
							save,
							inFlight,
							answersPerS: Math.round(EVENTS / answerS),
							answers: Object.entries(answers)
								.map(([k, v]) => `${k}:${v}`)
								.join(' '),
							finished,
							execPerS: Number.isNaN(drainS)
								? `>${DRAIN_LIMIT_MS / 1000}s`
								: (finished / drainS).toFixed(1),
							lockTimeouts: (n8n.readLog().match(LOCK_TIMEOUT) ?? []).length - logBefore,
							probeTimeouts: probe.timeouts - probeBefore.timeouts,
							holdsPerExec: (holds / Math.max(1, finished)).toFixed(1),
							holdMsPerExec: (
								(probe.holdMsTotal - probeBefore.holdMsTotal) /
								Math.max(1, finished)
							).toFixed(1),
							maxWaitMs: probe.maxWaitMs,
							maxWaiting: probe.maxWaiting,
							remembered,
							top,
						};
						rows.push(row);
						console.log(`SQLITE-BENCH-ROW ${JSON.stringify(row)}`);
						await n8n.deactivateWorkflow(workflowId);
					}
			console.log(
				`\n${EVENTS} deliveries per row; n8n env ${JSON.stringify(EXTRA_ENV)}; ${loadLine()}`,
			);
			console.table(rows.map(({ top: _top, ...r }) => r));
		});
	} finally {
		fs.rmSync(probeFile, { force: true });
	}
});
