/**
 * What the benchmarks in real n8n share (npm run bench): boot n8n with the package and the sandbox
 * (test/e2e/package-n8n does the work), run a workflow by hand and time it by n8n's own clock, count
 * the sandbox requests a run sent, watch the peak RSS of n8n main and its task runner, print the
 * load average, and end the script. Figures only: nothing here asserts.
 */
import * as fs from 'fs';
import * as os from 'os';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import type { N8nInstance } from '../../e2e/harness/n8n';
import { BOOT_TIMEOUT_MS, startPackageN8n } from '../../e2e/package-n8n';
import type { PackageN8n } from '../../e2e/package-n8n';

export { manualWorkflow, PACKAGE } from '../../e2e/package-n8n';
export type { N8nInstance, PackageN8n };

/**
 * n8n with the package installed and the sandbox running, or an error after BOOT_TIMEOUT_MS.
 * `heapMb`: room for the items of a large run (n8n keeps them in memory and saves them with the
 * execution).
 */
export function bootN8n(
	label: string,
	options: { heapMb?: number; env?: Record<string, string> } = {},
): Promise<PackageN8n> {
	const env = { ...options.env };
	if (options.heapMb)
		env.NODE_OPTIONS = [env.NODE_OPTIONS, `--max-old-space-size=${options.heapMb}`]
			.filter(Boolean)
			.join(' ');
	let timer: NodeJS.Timeout | undefined;
	return Promise.race([
		startPackageN8n(label, { env }),
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error('n8n did not start')), BOOT_TIMEOUT_MS);
		}),
	]).finally(() => clearTimeout(timer));
}

/** Run `body` against a booted n8n; on failure print n8n's log tail; always stop n8n and the sandbox. */
export async function withN8n<T>(
	env: PackageN8n,
	body: (env: PackageN8n) => Promise<T>,
): Promise<T> {
	try {
		return await body(env);
	} catch (error) {
		console.error(`n8n log tail:\n${env.n8n.readLog().split('\n').slice(-40).join('\n')}`);
		throw error;
	} finally {
		await env.stop();
	}
}

export interface TimedRun {
	status: string;
	error?: string;
	/** n8n's own startedAt → stoppedAt of the execution, seconds. */
	wallS: number;
}

/**
 * A manual run of a saved workflow; only its status is fetched when `includeData` is false (the saved
 * data of a million-item run is hundreds of megabytes).
 */
export async function runTimed(
	n8n: N8nInstance,
	workflowId: string,
	options: { timeoutMs?: number; includeData?: boolean } = {},
): Promise<TimedRun & { run: Awaited<ReturnType<N8nInstance['runWorkflowManually']>> }> {
	const run = await n8n.runWorkflowManually(workflowId, {
		timeoutMs: options.timeoutMs ?? 60 * 60_000,
		includeData: options.includeData ?? false,
	});
	const started = Date.parse(run.raw.startedAt);
	const stopped = Date.parse(run.raw.stoppedAt ?? new Date().toISOString());
	return { run, status: run.status, error: run.error, wallS: (stopped - started) / 1000 };
}

/** The requests one provider received since `before` (an index into sandbox.requests), by endpoint. */
export function requestsSince(
	sandbox: Sandbox,
	before: number,
	provider: RecordedRequest['provider'],
): { sent: RecordedRequest[]; kinds: string; refusal?: RecordedRequest } {
	const sent = sandbox.requests.slice(before).filter((r) => r.provider === provider);
	const kinds = new Map<string, number>();
	for (const r of sent) {
		const kind = r.operation ?? r.path;
		kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
	}
	return {
		sent,
		kinds: [...kinds].map(([kind, n]) => `${kind} ${n}`).join(', '),
		// What the provider said to the first request it refused (an HTTP 200 envelope may refuse too).
		refusal: sent.find((r) => r.outcome === 'rejected'),
	};
}

/** "load average 1.00 0.80 0.50 on 2 cores": printed with every table, the machine may be shared. */
export function loadLine(): string {
	return `load average ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')} on ${os.cpus().length} cores`;
}

/** Peak RSS per process of one n8n (main and task runner), reset before each measured run. */
export class MemoryWatch {
	private peaks = new Map<number, { role: 'main' | 'runner'; kb: number }>();
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly userFolder: string) {}

	/**
	 * n8n main (found by its user folder) and everything below it: the task runner is started with an
	 * environment of its own, so it is found as a descendant, not by its environment.
	 */
	private ours(): Array<{ pid: number; role: 'main' | 'runner' }> {
		const parents = new Map<number, number>();
		const mains = new Set<number>();
		for (const p of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(p)) continue;
			try {
				const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
				parents.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
				const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
				if (!/bin\/n8n\0start/.test(cmd)) continue;
				const environ = fs.readFileSync(`/proc/${p}/environ`, 'utf8');
				if (environ.includes(`N8N_USER_FOLDER=${this.userFolder}\0`)) mains.add(Number(p));
			} catch {
				// gone, or not readable
			}
		}
		const isBelowMain = (pid: number): boolean => {
			for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up))
				if (mains.has(up)) return true;
			return false;
		};
		return [...parents.keys()]
			.filter((pid) => mains.has(pid) || isBelowMain(pid))
			.map((pid) => ({ pid, role: mains.has(pid) ? 'main' : 'runner' }));
	}

	/** VmHWM is the peak since the last reset (clear_refs 5); sampling also catches runners that exit. */
	start(): void {
		this.peaks.clear();
		let known = this.ours();
		for (const { pid } of known) {
			try {
				fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
			} catch {
				// not allowed: the peak then includes earlier runs
			}
		}
		let tick = 0;
		const sample = () => {
			if (++tick % 10 === 0) known = this.ours();
			for (const { pid, role } of known) {
				try {
					const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
					const kb = Number(hwm?.[1] ?? 0);
					const seen = this.peaks.get(pid);
					if (!seen || kb > seen.kb) this.peaks.set(pid, { role, kb });
				} catch {
					// exited
				}
			}
		};
		sample();
		this.timer = setInterval(sample, 100);
	}

	stop(): { mainMb: number; runnerMb: number } {
		clearInterval(this.timer);
		let main = 0;
		let runner = 0;
		for (const { role, kb } of this.peaks.values()) {
			if (role === 'main') main = Math.max(main, kb);
			else runner = Math.max(runner, kb);
		}
		return { mainMb: Math.round(main / 1024), runnerMb: Math.round(runner / 1024) };
	}
}

/**
 * Run a bench script's main and exit explicitly: kept-alive HTTP client sockets would otherwise hold
 * the script open after the tables.
 */
export function runBench(main: () => Promise<void>): void {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
