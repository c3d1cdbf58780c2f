/**
 * A real n8n queue-mode setup for the queue test layer: Redis and PostgreSQL (Debian packages, from
 * scripts/queue-services.sh) on loopback ports in a temp folder, one n8n main and `workers` n8n
 * worker processes of the pinned runtime, the packed package installed for each, and the provider
 * sandbox in the test process. Test code only.
 *
 *   const cluster = await startQueueCluster('label');
 *   cluster.main;                       // N8nInstance (test/e2e/harness/n8n.ts): API, webhooks...
 *   cluster.workerOf(executionId);      // which worker ran it, from the workers' own logs
 *   await cluster.stop();
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import {
	baseEnv,
	ensureRuntime,
	freePort,
	harnessFetch,
	installPackage,
	N8N_BIN,
	packRepo,
	REPO_ROOT,
	RUNTIME_NODE,
	startN8n,
	watchdogFile,
} from '../e2e/harness/n8n';
import type { N8nInstance } from '../e2e/harness/n8n';

/** Boot of three n8n processes on a busy machine, plus a cold runtime install when there is none. */
export const CLUSTER_BOOT_TIMEOUT_MS = 20 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ServiceBins {
	redisBin: string;
	postgresBin: string;
}

/** Installs Redis / PostgreSQL when missing (idempotent) and says where their binaries are. */
export function ensureQueueServices(): ServiceBins {
	const out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'queue-services.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const redisBin = /REDIS_BIN=(\S+)/.exec(out)?.[1];
	const postgresBin = /POSTGRES_BIN=(\S+)/.exec(out)?.[1];
	if (!redisBin || !postgresBin) throw new Error(`queue-services.sh said: ${out}`);
	return { redisBin, postgresBin };
}

// ---------------------------------------------------------------------------------------------------
// Child processes (servers we start and must stop, whatever happens to the test)

interface Service {
	name: string;
	child: ChildProcess;
	logFile: string;
	exited: () => boolean;
	/** SIGTERM (or `signal`), SIGKILL after `graceMs`; the whole process group. */
	stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const services = new Set<Service>();
process.on('exit', () => {
	for (const s of services) killGroup(s.child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

function spawnService(
	name: string,
	command: string,
	args: string[],
	options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number },
): Service {
	const logFd = fs.openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		uid: options.uid,
		gid: options.gid,
		stdio: ['ignore', logFd, logFd],
		detached: true, // own process group: stop() reaches its children too
	});
	fs.closeSync(logFd);
	let hasExited = false;
	const exit = new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.once('error', () => resolve());
	}).then(() => {
		hasExited = true;
		services.delete(service);
	});
	const service: Service = {
		name,
		child,
		logFile: options.logFile,
		exited: () => hasExited,
		async stop(signal = 'SIGTERM', graceMs = 20_000) {
			if (!hasExited) {
				killGroup(child, signal);
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await exit;
				clearTimeout(timer);
			}
			killGroup(child, 'SIGKILL');
		},
	};
	services.add(service);
	return service;
}

function tail(file: string, lines = 30): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Polls `ready` until it says yes; fails with the service's log when it exits or times out. */
async function waitReady(
	service: Service,
	ready: () => Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		if (service.exited())
			throw new Error(`${service.name} exited. Log ${service.logFile}:\n${tail(service.logFile)}`);
		if (await ready().catch(() => false)) return;
		if (Date.now() > until) {
			await service.stop();
			throw new Error(`${service.name} not ready in ${timeoutMs} ms:\n${tail(service.logFile)}`);
		}
		await sleep(250);
	}
}

/** One Redis command over a fresh connection (RESP inline form); resolves with the raw answer. */
function redisCommand(port: number, command: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis timeout')));
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (d) => {
			answer += d.toString('utf8');
			if (answer.endsWith('\r\n')) socket.end();
		});
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}

async function startRedis(bin: string, dir: string, timeoutMs: number) {
	const port = await freePort();
	fs.mkdirSync(dir, { recursive: true });
	const service = spawnService(
		'redis-server',
		path.join(bin, 'redis-server'),
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		{ logFile: path.join(dir, 'redis.log') },
	);
	await waitReady(
		service,
		async () => (await redisCommand(port, 'PING')).startsWith('+PONG'),
		timeoutMs,
	);
	return { port, service };
}

/** uid/gid of the `postgres` account when we are root (PostgreSQL refuses to run as root). */
function postgresAccount(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

async function startPostgres(bin: string, dir: string, timeoutMs: number) {
	const port = await freePort();
	const account = postgresAccount();
	const data = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	if (account.uid !== undefined) fs.chownSync(dir, account.uid, account.gid as number);
	const asPostgres = { cwd: dir, uid: account.uid, gid: account.gid };
	execFileSync(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ ...asPostgres, stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const service = spawnService(
		'postgres',
		path.join(bin, 'postgres'),
		[
			'-D',
			data,
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-k',
			dir, // unix socket in our folder, not /var/run/postgresql
			'-c',
			'fsync=off', // a throw-away test database
			'-c',
			'max_connections=100',
		],
		{ ...asPostgres, logFile: path.join(dir, 'postgres.log') },
	);
	const isReady = path.join(bin, 'pg_isready');
	await waitReady(
		service,
		async () => {
			try {
				execFileSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], {
					stdio: 'ignore',
				});
				return true;
			} catch {
				return false;
			}
		},
		timeoutMs,
	);
	return { port, service };
}

// ---------------------------------------------------------------------------------------------------
// n8n workers

export interface QueueWorker {
	name: string;
	logFile: string;
	/** Execution ids this worker has started, from its log ("Worker started execution N (job M)"). */
	executionsStarted(): string[];
	readLog(): string;
	stop(): Promise<void>;
}

async function startWorker(
	name: string,
	userFolder: string,
	packageDir: string,
	queueEnv: Record<string, string>,
	concurrency: number,
	timeoutMs: number,
): Promise<QueueWorker> {
	fs.mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder, packageDir);
	const healthPort = await freePort();
	const logFile = path.join(userFolder, 'n8n-worker.log');
	const env: Record<string, string> = {
		...baseEnv(),
		NODE_ENV: 'production',
		PATH: [path.dirname(RUNTIME_NODE), process.env.PATH ?? ''].join(path.delimiter),
		N8N_USER_FOLDER: userFolder,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_HARNESS_PARENT_PID: String(process.pid),
		...queueEnv,
	};
	const service = spawnService(
		name,
		RUNTIME_NODE,
		['--require', watchdogFile(), N8N_BIN, 'worker', `--concurrency=${concurrency}`],
		{ logFile, env, cwd: userFolder },
	);
	await waitReady(
		service,
		async () => (await harnessFetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok,
		timeoutMs,
	);
	const readLog = () => fs.readFileSync(logFile, 'utf8');
	const failed = readLog()
		.split('\n')
		.filter((l) => l.includes('Failed to load package'));
	if (failed.length) {
		await service.stop();
		throw new Error(`${name} could not load the package:\n${failed.join('\n')}`);
	}
	return {
		name,
		logFile,
		readLog,
		executionsStarted: () =>
			[...readLog().matchAll(/Worker started execution (\d+) \(job/g)].map((m) => m[1]),
		stop: async () => await service.stop(),
	};
}

// ---------------------------------------------------------------------------------------------------
// The cluster

export interface QueueCluster {
	main: N8nInstance;
	workers: QueueWorker[];
	sandbox: Sandbox;
	/** The worker whose log says it started this execution (undefined: none, or several). */
	workerOf(executionId: string): string | undefined;
	stop(): Promise<void>;
}

export async function startQueueCluster(
	label: string,
	options: { workers?: number; workerConcurrency?: number } = {},
): Promise<QueueCluster> {
	const { workers: workerCount = 2, workerConcurrency = 2 } = options;
	ensureRuntime();
	const bins = ensureQueueServices();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-queue-${label}-`));
	fs.chmodSync(tmp, 0o755); // the postgres account must reach its folder inside
	const started: Array<{ stop(): Promise<void> }> = [];
	const stopAll = async () => {
		for (const s of started.reverse()) await s.stop().catch(() => undefined);
		started.length = 0;
	};
	try {
		const deadline = Date.now() + CLUSTER_BOOT_TIMEOUT_MS;
		const left = () => Math.max(1000, deadline - Date.now());
		const redis = await startRedis(bins.redisBin, path.join(tmp, 'redis'), left());
		started.push(redis.service);
		const postgres = await startPostgres(bins.postgresBin, path.join(tmp, 'postgres'), left());
		started.push({ stop: () => postgres.service.stop('SIGINT') }); // SIGINT: fast shutdown
		const sandbox = await startSandbox();
		started.push({ stop: () => sandbox.close() });

		const packageDir =
			process.env.E2E_PACKAGE_DIR ?? packRepo(REPO_ROOT, path.join(tmp, 'package'));
		// What makes the processes one n8n: the same queue, the same database, the same key.
		const queueEnv: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		};
		// The main process first: it creates the schema the workers then find.
		const main = await startN8n({
			userFolder: path.join(tmp, 'main'),
			packageDir,
			env: queueEnv,
			bootTimeoutMs: left(),
		});
		started.push(main);
		const workers: QueueWorker[] = [];
		for (let i = 1; i <= workerCount; i++) {
			const worker = await startWorker(
				`worker-${i}`,
				path.join(tmp, `worker-${i}`),
				packageDir,
				queueEnv,
				workerConcurrency,
				left(),
			);
			started.push(worker);
			workers.push(worker);
		}
		return {
			main,
			workers,
			sandbox,
			workerOf(executionId) {
				const ran = workers.filter((w) => w.executionsStarted().includes(executionId));
				return ran.length === 1 ? ran[0].name : undefined;
			},
			async stop() {
				await stopAll();
				fs.rmSync(tmp, { recursive: true, force: true });
			},
		};
	} catch (err) {
		await stopAll();
		throw err;
	}
}
