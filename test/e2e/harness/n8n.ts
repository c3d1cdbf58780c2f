/**
 * Starts and drives a real n8n (the pinned runtime from scripts/ensure-runtime.sh) for the e2e tests
 * and for `npm start`. Test code only: never shipped with the package.
 *
 *   const dir = packRepo(REPO_ROOT, path.join(tmp, 'pkg'));          // after `npm run build`
 *   const n8n = await startN8n({ userFolder: tmp, packageDir: dir });
 *   const wf = await n8n.createWorkflow(json);
 *   const run = await n8n.runWorkflowManually(wf);                    // per-node output items / errors
 *   await n8n.stop();
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

// Same paths as scripts/runtime-env.sh (keep both in step).
export const RUNTIME_DIR = process.env.DIALERS_RUNTIME_DIR
	? path.resolve(process.env.DIALERS_RUNTIME_DIR)
	: path.join(REPO_ROOT, '.cache', 'runtime');
export const RUNTIME_NODE = path.join(RUNTIME_DIR, 'node', 'bin', 'node');
export const N8N_BIN = path.join(RUNTIME_DIR, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n');
const RUNTIME_MARKER = path.join(RUNTIME_DIR, 'installed.txt');

/** Login used when the caller gives none. Dev/test only: the instance listens on 127.0.0.1. */
export const DEFAULT_OWNER = { email: 'owner@example.com', password: 'E2e-owner-pw1' };
const API_KEY_LABEL = 'harness';

export interface StartN8nOptions {
	/** N8N_USER_FOLDER; n8n keeps its database and settings in `<userFolder>/.n8n`. */
	userFolder: string;
	/** Fixed port (fails if busy); a free one is picked when omitted. */
	port?: number;
	/** A folder with the package's package.json + dist/, copied to `.n8n/nodes/node_modules/<name>`. */
	packageDir?: string;
	/** Extra environment for n8n; wins over the harness defaults. */
	env?: Record<string, string>;
	/** n8n's stdout + stderr; default `<userFolder>/n8n.log`. */
	logFile?: string;
	/** Owner to create on a fresh instance, or to log in with on a reused one. */
	owner?: { email: string; password: string };
	/** Start even if n8n could not load the package (default: throw with n8n's reason). */
	allowPackageErrors?: boolean;
	/** How long to wait for n8n to become ready (default 180 s, N8N_BOOT_TIMEOUT_MS). */
	bootTimeoutMs?: number;
}

export interface WebhookRequest {
	method?: string;
	/** An object is sent as JSON; a string or Buffer is sent as is. */
	body?: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string | number | boolean>;
}

export interface WebhookResponse {
	status: number;
	headers: Record<string, string>;
	/** Parsed JSON when the answer is JSON, else the text. */
	body: unknown;
	text: string;
}

export interface NodeItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
	[key: string]: unknown;
}

export interface NodeRun {
	/** Output items of the node's last run, one array per output (`main[0]` is the usual one). */
	outputs: NodeItem[][];
	/** Shortcut: the `json` of the first output's items. */
	json: Array<Record<string, unknown>>;
	/** Error message when the node failed (description appended when n8n gives one). */
	error?: string;
	/** How many times the node ran in this execution. */
	runs: number;
}

export interface RunResult {
	executionId: string;
	status: string;
	finished: boolean;
	/** Error of the whole execution, if any. */
	error?: string;
	lastNodeExecuted?: string;
	nodes: Record<string, NodeRun>;
	/** The execution as the public API returned it. */
	raw: Execution;
}

/** An execution as the public API returns it (`data` only with includeData). */
export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData?: {
			runData?: Record<string, Array<Record<string, any>>>;
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

export interface WorkflowSummary {
	id: string;
	name: string;
	active: boolean;
}

export interface N8nInstance {
	baseUrl: string;
	port: number;
	userFolder: string;
	logFile: string;
	owner: { email: string; password: string };
	apiKey: string;
	/** n8n's complaints about loading the installed package ("Failed to load package ..." + reason). */
	packageErrors: string[];
	/** What n8n has logged since this start (the log file may hold earlier runs too). */
	readLog(): string;
	/** Settles when the n8n process has exited (after stop() or on its own). */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>;
	/** Public API (X-N8N-API-KEY), path below /api/v1. Throws on a non-2xx answer. */
	api<T = any>(method: string, apiPath: string, body?: unknown): Promise<T>;
	/** Internal REST API with the owner's login cookie, path below /rest. Returns the `data` field. */
	rest<T = any>(method: string, restPath: string, body?: unknown): Promise<T>;
	/** Node type names the instance knows, e.g. `n8n-nodes-dialers.unitalk`. */
	listNodeTypes(): Promise<string[]>;
	createCredential(type: string, name: string, data: Record<string, unknown>): Promise<string>;
	/** Accepts an editor export; fields the public API refuses are dropped, `webhookId`s kept. */
	createWorkflow(workflow: Record<string, any>): Promise<string>;
	listWorkflows(): Promise<WorkflowSummary[]>;
	/** Publishes the workflow and waits until its triggers are live (throws with n8n's error if not). */
	activateWorkflow(id: string): Promise<void>;
	deactivateWorkflow(id: string): Promise<void>;
	/** Calls the production webhook URL `<baseUrl>/webhook/<path>`. */
	callWebhook(webhookPath: string, req?: WebhookRequest): Promise<WebhookResponse>;
	/**
	 * Newest first, up to `limit` (default 100; more than 250 are read page by page). n8n's public API
	 * leaves out the executions still running unless `status` is 'running' (then it lists only those).
	 */
	getExecutions(
		workflowId: string,
		opts?: { includeData?: boolean; limit?: number; status?: string },
	): Promise<Execution[]>;
	/** Polls until an execution of the workflow matches (default: any finished one); newest first. */
	waitForExecution(
		workflowId: string,
		predicate?: (e: Execution) => boolean,
		timeoutMs?: number,
	): Promise<Execution>;
	/** Runs a workflow that starts with a Manual Trigger, as the editor's "Execute workflow" does. */
	runWorkflowManually(
		id: string,
		/** includeData false: only the status (the data of a million-item run is too big to fetch). */
		opts?: { triggerNode?: string; timeoutMs?: number; includeData?: boolean },
	): Promise<RunResult>;
	/** SIGTERM, then SIGKILL after a bound; also kills n8n's task runner children. */
	stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// Runtime, ports, package

/** Installs the pinned runtime when missing (minutes on a cold machine, nothing when warm). */
export function ensureRuntime(): void {
	if (fs.existsSync(RUNTIME_MARKER) && fs.existsSync(RUNTIME_NODE) && fs.existsSync(N8N_BIN))
		return;
	execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'ensure-runtime.sh')], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
}

/** A port that was free a moment ago (the OS picks it for a listen on port 0). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address() as net.AddressInfo;
			srv.close(() => resolve(addr.port));
		});
	});
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, host, () => srv.close(() => resolve(true)));
	});
}

/**
 * `npm pack` of the repo (dist/ must be built), extracted into destDir: the same files a user's
 * community install puts on disk. Returns destDir.
 */
export function packRepo(repoDir: string, destDir: string): string {
	if (!fs.existsSync(path.join(repoDir, 'dist'))) {
		throw new Error(`packRepo: ${repoDir}/dist does not exist; run \`npm run build\` first`);
	}
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	try {
		const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
			cwd: repoDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const [info] = JSON.parse(out) as Array<{ filename: string }>;
		fs.rmSync(destDir, { recursive: true, force: true });
		fs.mkdirSync(destDir, { recursive: true });
		// Tarball entries start with `package/`.
		execFileSync('tar', [
			'-xzf',
			path.join(tmp, info.filename),
			'-C',
			destDir,
			'--strip-components=1',
		]);
		return destDir;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** Copies a packed package into the user folder where n8n loads community packages from. */
export function installPackage(userFolder: string, packageDir: string): string {
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
		name: string;
	};
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
	if (path.resolve(target) === path.resolve(packageDir)) return target;
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(packageDir, target, { recursive: true });
	return target;
}

// ---------------------------------------------------------------------------------------------------
// Process handling

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		// n8n runs in its own process group (detached), so this reaches its task runners too.
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const child of live) killGroup(child, 'SIGKILL');
	});
}

/**
 * Preloaded into n8n: if the process that started n8n disappears without calling stop() (a killed jest
 * worker, a crashed tsx), n8n shuts itself down instead of lingering on its port.
 */
const WATCHDOG_SOURCE = `'use strict';
const parent = Number(process.env.N8N_HARNESS_PARENT_PID);
if (parent > 1) {
	const t = setInterval(() => {
		try { process.kill(parent, 0); } catch {
			clearInterval(t);
			process.kill(process.pid, 'SIGTERM');
			setTimeout(() => process.exit(1), 20000).unref();
		}
	}, 1000);
	t.unref();
}
`;

export function watchdogFile(): string {
	const file = path.join(os.tmpdir(), 'n8n-harness-watchdog.cjs');
	if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== WATCHDOG_SOURCE) {
		fs.writeFileSync(file, WATCHDOG_SOURCE);
	}
	return file;
}

function tail(file: string, lines = 40): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Environment n8n gets: the caller's minus anything that changes n8n's behaviour under jest/tsx. */
export function baseEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (v === undefined) continue;
		// NODE_ENV=test (set by jest) switches n8n internals; NODE_OPTIONS may carry tsx/jest loaders.
		if (k === 'NODE_ENV' || k === 'NODE_OPTIONS' || k.startsWith('JEST_')) continue;
		if (k.startsWith('N8N_') || k.startsWith('DB_') || k === 'WEBHOOK_URL') continue;
		if (k.startsWith('npm_')) continue;
		env[k] = v;
	}
	return env;
}

// ---------------------------------------------------------------------------------------------------
// HTTP

export class HttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} -> HTTP ${status}: ${body.slice(0, 500)}`);
	}
}

/**
 * Every harness request to n8n goes through here. Each one uses a connection of its own
 * (`connection: close`): a busy n8n can close an idle kept-alive socket at the moment the client
 * reuses it, which fails the request with ECONNRESET although n8n never saw it. Without keep-alive
 * that race cannot happen; a request that still fails before an answer arrives is repeated only when
 * its method is safe to repeat (GET, HEAD).
 */
export async function harnessFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
	const method = (init.method ?? 'GET').toUpperCase();
	const safe = method === 'GET' || method === 'HEAD';
	const headers = new Headers(init.headers);
	headers.set('connection', 'close');
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, { ...init, headers });
		} catch (err) {
			const dropped = err instanceof TypeError && /fetch failed/.test(err.message);
			if (!safe || !dropped || attempt >= 3) throw err;
			await sleep(200 * attempt);
		}
	}
}

async function httpJson(
	method: string,
	url: string,
	body: unknown,
	headers: Record<string, string>,
): Promise<{ json: any; res: Response }> {
	const res = await harnessFetch(url, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new HttpError(method, url, res.status, text);
	return { json: text ? JSON.parse(text) : undefined, res };
}

// Fields the public API accepts (additionalProperties: false in n8n's openapi.yml).
const WORKFLOW_FIELDS = [
	'name',
	'nodes',
	'connections',
	'settings',
	'staticData',
	'pinData',
	'description',
];
const NODE_FIELDS = [
	'id',
	'name',
	'webhookId',
	'disabled',
	'notesInFlow',
	'notes',
	'type',
	'typeVersion',
	'executeOnce',
	'alwaysOutputData',
	'retryOnFail',
	'maxTries',
	'waitBetweenTries',
	'continueOnFail',
	'onError',
	'position',
	'parameters',
	'credentials',
];
const SETTINGS_FIELDS = [
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'binaryMode',
	'callerPolicy',
	'callerIds',
];

function pick(obj: Record<string, any>, keys: string[]): Record<string, any> {
	const out: Record<string, any> = {};
	for (const k of keys) if (obj[k] !== undefined && obj[k] !== null) out[k] = obj[k];
	return out;
}

/** Reduces an editor export to what `POST /api/v1/workflows` accepts. */
export function toPublicWorkflow(wf: Record<string, any>): Record<string, any> {
	const out = pick(wf, WORKFLOW_FIELDS);
	out.nodes = ((wf.nodes ?? []) as Array<Record<string, any>>).map((n) => pick(n, NODE_FIELDS));
	out.connections = wf.connections ?? {};
	out.settings = { executionOrder: 'v1', ...pick(wf.settings ?? {}, SETTINGS_FIELDS) };
	return out;
}

const DONE = new Set(['success', 'error', 'crashed', 'canceled']);
export const isDone = (e: Execution): boolean =>
	DONE.has(e.status) || (e.finished && e.status !== 'running');

/** Per-node outputs and errors of an execution fetched with includeData. */
export function toRunResult(e: Execution): RunResult {
	const resultData = e.data?.resultData ?? {};
	const nodes: Record<string, NodeRun> = {};
	for (const [name, runs] of Object.entries(resultData.runData ?? {})) {
		const last = runs[runs.length - 1] ?? {};
		const outputs = ((last.data?.main ?? []) as Array<NodeItem[] | null>).map((o) => o ?? []);
		const err = last.error as { message?: string; description?: string } | undefined;
		nodes[name] = {
			outputs,
			json: (outputs[0] ?? []).map((i) => i.json),
			error: err ? [err.message, err.description].filter(Boolean).join(': ') : undefined,
			runs: runs.length,
		};
	}
	const err = resultData.error;
	return {
		executionId: e.id,
		status: e.status,
		finished: e.finished,
		error: err ? [err.message, err.description].filter(Boolean).join(': ') : undefined,
		lastNodeExecuted: resultData.lastNodeExecuted,
		nodes,
		raw: e,
	};
}

// ---------------------------------------------------------------------------------------------------
// startN8n

export async function startN8n(opts: StartN8nOptions): Promise<N8nInstance> {
	ensureRuntime();
	const userFolder = path.resolve(opts.userFolder);
	fs.mkdirSync(userFolder, { recursive: true });
	if (opts.packageDir) installPackage(userFolder, opts.packageDir);

	const port = opts.port ?? (await freePort());
	const brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const logFile = path.resolve(opts.logFile ?? path.join(userFolder, 'n8n.log'));
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const owner = opts.owner ?? DEFAULT_OWNER;
	const bootTimeoutMs = opts.bootTimeoutMs ?? Number(process.env.N8N_BOOT_TIMEOUT_MS ?? 180_000);

	const env: Record<string, string> = {
		...baseEnv(),
		NODE_ENV: 'production',
		// n8n starts its JS task runner as plain `node` from PATH: make that the Node 24 runtime too.
		PATH: [path.dirname(RUNTIME_NODE), process.env.PATH ?? ''].join(path.delimiter),
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		// N8N_WEBHOOK_URL is the current name of WEBHOOK_URL (n8n 2.41 logs a deprecation for the old one).
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_DISABLED: 'false',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		// Activation goes through an outbox polled every 15 s by default; poll faster.
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '500',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		// n8n pings its database every 2 s and answers every request with 503 "Database is not ready!"
		// once a ping has waited 5 s. SQLite on a busy machine (an execution of 250,000 items being
		// saved) can make a ping wait that long although nothing is wrong: wait as long as it takes.
		DB_PING_TIMEOUT_MS: '600000',
		// The same for the Code node's task runner: on a loaded machine it can take longer than the
		// default 2 s to accept a task or 30 s to answer a heartbeat while it is busy with a big one.
		N8N_RUNNERS_TASK_ACCEPT_TIMEOUT: '60',
		N8N_RUNNERS_TASK_REQUEST_TIMEOUT: '600',
		N8N_RUNNERS_HEARTBEAT_INTERVAL: '300',
		N8N_HARNESS_PARENT_PID: String(process.pid),
		...(opts.env ?? {}),
	};

	const logFd = fs.openSync(logFile, 'a');
	const logStart = fs.fstatSync(logFd).size;
	const readLog = (): string => {
		try {
			return fs.readFileSync(logFile).subarray(logStart).toString('utf8');
		} catch {
			return '';
		}
	};
	const child = spawn(RUNTIME_NODE, ['--require', watchdogFile(), N8N_BIN, 'start'], {
		cwd: userFolder,
		env,
		stdio: ['ignore', logFd, logFd],
		detached: true, // own process group: stop() can signal n8n and its task runners together
	});
	fs.closeSync(logFd);
	installExitHook();
	live.add(child);
	let exited: { code: number | null; signal: NodeJS.Signals | null; error?: string } | undefined;
	const exitPromise = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exited = { code, signal };
			live.delete(child);
			resolve();
		});
		child.once('error', (err) => {
			exited = { code: null, signal: null, error: err.message };
			live.delete(child);
			resolve();
		});
	});

	async function stop(): Promise<void> {
		if (!exited) {
			killGroup(child, 'SIGTERM');
			const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
			await exitPromise;
			clearTimeout(timer);
		}
		// Sweep what may be left in the group (task runners) once the main process is gone.
		killGroup(child, 'SIGKILL');
		live.delete(child);
	}

	const fail = async (why: string): Promise<never> => {
		await stop();
		throw new Error(`n8n did not start (${why}). Log ${logFile}, last lines:\n${tail(logFile)}`);
	};

	// /healthz answers before migrations are done; /healthz/readiness once the DB is usable.
	const deadline = Date.now() + bootTimeoutMs;
	for (;;) {
		if (exited) await fail(exited.error ?? `process exited with ${exited.code ?? exited.signal}`);
		if (Date.now() > deadline) await fail(`not ready after ${bootTimeoutMs} ms`);
		try {
			const ready = await harnessFetch(`${baseUrl}/healthz/readiness`);
			if (ready.ok) {
				const settings = await harnessFetch(`${baseUrl}/rest/settings`);
				if (settings.ok) break;
			}
		} catch {
			// not listening yet
		}
		await sleep(250);
	}

	// n8n starts even when a community package fails to load; its nodes are then just missing.
	const packageErrors: string[] = [];
	const logLines = readLog().split('\n');
	logLines.forEach((line, i) => {
		if (line.includes('Failed to load package'))
			packageErrors.push(`${line.trim()}: ${(logLines[i + 1] ?? '').trim()}`);
	});
	if (packageErrors.length && opts.packageDir && !opts.allowPackageErrors) {
		await stop();
		throw new Error(`n8n could not load the installed package:\n${packageErrors.join('\n')}`);
	}

	// --- owner, login cookie, API key -----------------------------------------------------------------
	let cookie = '';
	const cookieFrom = (res: Response): void => {
		for (const c of res.headers.getSetCookie()) {
			const m = /^n8n-auth=([^;]*)/.exec(c);
			if (m) cookie = `n8n-auth=${m[1]}`;
		}
	};

	async function rest<T = any>(method: string, restPath: string, body?: unknown): Promise<T> {
		const { json } = await httpJson(method, `${baseUrl}/rest${restPath}`, body, { cookie });
		return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
	}

	let apiKey = '';
	async function api<T = any>(method: string, apiPath: string, body?: unknown): Promise<T> {
		const { json } = await httpJson(method, `${baseUrl}/api/v1${apiPath}`, body, {
			'x-n8n-api-key': apiKey,
		});
		return json as T;
	}

	try {
		const settings = (await (await harnessFetch(`${baseUrl}/rest/settings`)).json()) as {
			data: { userManagement: { showSetupOnFirstLoad?: boolean } };
		};
		if (settings.data.userManagement.showSetupOnFirstLoad) {
			await httpJson(
				'POST',
				`${baseUrl}/rest/owner/setup`,
				{ ...owner, firstName: 'Dev', lastName: 'Owner' },
				{},
			);
		}
		const login = await httpJson(
			'POST',
			`${baseUrl}/rest/login`,
			{ emailOrLdapLoginId: owner.email, password: owner.password },
			{},
		);
		cookieFrom(login.res);
		if (!cookie) throw new Error('login answered without an n8n-auth cookie');

		// The raw key is only shown at creation: replace the harness's key from an earlier run.
		type Key = { id: string; label: string };
		const listed = await rest<Key[] | { items: Key[] }>(
			'GET',
			`/api-keys?label=${API_KEY_LABEL}&take=100`,
		);
		const keys = Array.isArray(listed) ? listed : listed.items;
		for (const k of keys.filter((k) => k.label === API_KEY_LABEL))
			await rest('DELETE', `/api-keys/${k.id}`);
		const scopes = await rest<string[]>('GET', '/api-keys/scopes');
		const created = await rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label: API_KEY_LABEL,
			scopes,
			expiresAt: null,
		});
		apiKey = created.rawApiKey;
	} catch (err) {
		const hint =
			err instanceof HttpError && err.url.endsWith('/rest/login')
				? ` (the user folder ${userFolder} has an owner with another password?)`
				: '';
		await stop();
		throw new Error(`n8n bootstrap failed${hint}: ${(err as Error).message}`);
	}

	async function getExecutions(
		workflowId: string,
		o: { includeData?: boolean; limit?: number; status?: string } = {},
	): Promise<Execution[]> {
		// The public API gives at most 250 per page; a larger limit follows nextCursor.
		const limit = o.limit ?? 100;
		const out: Execution[] = [];
		let cursor: string | null | undefined;
		do {
			const q = new URLSearchParams({
				workflowId,
				includeData: String(o.includeData ?? false),
				limit: String(Math.min(250, limit - out.length)),
				...(o.status ? { status: o.status } : {}),
				...(cursor ? { cursor } : {}),
			});
			const page = await api<{ data: Execution[]; nextCursor?: string | null }>(
				'GET',
				`/executions?${q}`,
			);
			out.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor && out.length < limit);
		return out;
	}

	async function waitForPublication(id: string, want: (status: string) => boolean): Promise<void> {
		const until = Date.now() + 60_000;
		for (;;) {
			const s = await rest<{
				status: string;
				triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
			}>('GET', `/workflows/${id}/publication-status`);
			if (want(s.status)) return;
			if (s.status === 'failed' || s.status === 'partial') {
				const errors = s.triggers
					.filter((t) => t.errorMessage)
					.map((t) => `${t.nodeId}: ${t.errorMessage}`);
				throw new Error(`workflow ${id} activation ${s.status}: ${errors.join('; ')}`);
			}
			if (Date.now() > until)
				throw new Error(`workflow ${id} publication still '${s.status}' after 60 s`);
			await sleep(200);
		}
	}

	const instance: N8nInstance = {
		baseUrl,
		port,
		userFolder,
		logFile,
		owner,
		apiKey,
		packageErrors,
		readLog,
		exited: exitPromise.then(() => exited ?? { code: null, signal: null }),
		api,
		rest,

		async listNodeTypes() {
			// The editor's own catalogue (needs the login cookie); includes community packages.
			const { json } = await httpJson('GET', `${baseUrl}/types/nodes.json`, undefined, { cookie });
			return [...new Set((json as Array<{ name: string }>).map((t) => t.name))].sort();
		},

		async createCredential(type, name, data) {
			const res = await api<{ id: string }>('POST', '/credentials', { type, name, data });
			return res.id;
		},

		async createWorkflow(workflow) {
			const res = await api<{ id: string }>('POST', '/workflows', toPublicWorkflow(workflow));
			return res.id;
		},

		async listWorkflows() {
			const all: WorkflowSummary[] = [];
			let cursor: string | null | undefined;
			do {
				const q = new URLSearchParams({ limit: '250', excludePinnedData: 'true' });
				if (cursor) q.set('cursor', cursor);
				const page = await api<{ data: WorkflowSummary[]; nextCursor?: string | null }>(
					'GET',
					`/workflows?${q}`,
				);
				all.push(...page.data.map(({ id, name, active }) => ({ id, name, active })));
				cursor = page.nextCursor;
			} while (cursor);
			return all;
		},

		async activateWorkflow(id) {
			await api('POST', `/workflows/${id}/activate`);
			await waitForPublication(id, (s) => s === 'published');
		},

		async deactivateWorkflow(id) {
			await api('POST', `/workflows/${id}/deactivate`);
			await waitForPublication(id, (s) => s === 'not_published');
		},

		async callWebhook(webhookPath, req = {}) {
			const url = new URL(`${baseUrl}/webhook/${webhookPath.replace(/^\/+/, '')}`);
			for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
			const headers: Record<string, string> = { ...(req.headers ?? {}) };
			let body: BodyInit | undefined;
			if (typeof req.body === 'string') {
				body = req.body;
			} else if (Buffer.isBuffer(req.body)) {
				body = new Uint8Array(req.body); // exact bytes, e.g. for signature tests
			} else if (req.body !== undefined) {
				body = JSON.stringify(req.body);
				if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
					headers['content-type'] = 'application/json';
				}
			}
			const res = await harnessFetch(url, { method: req.method ?? 'POST', headers, body });
			const text = await res.text();
			const resHeaders: Record<string, string> = {};
			res.headers.forEach((v, k) => (resHeaders[k] = v));
			let parsed: unknown = text;
			if ((resHeaders['content-type'] ?? '').includes('json') && text) {
				try {
					parsed = JSON.parse(text);
				} catch {
					// keep the text
				}
			}
			return { status: res.status, headers: resHeaders, body: parsed, text };
		},

		getExecutions,

		async waitForExecution(workflowId, predicate = isDone, timeoutMs = 120_000) {
			const until = Date.now() + timeoutMs;
			for (;;) {
				const list = await getExecutions(workflowId, { includeData: true });
				const hit = list.find(predicate);
				if (hit) return hit;
				if (Date.now() > until) {
					const seen = list.map((e) => `${e.id}:${e.status}`).join(', ') || 'none';
					throw new Error(
						`no matching execution of workflow ${workflowId} after ${timeoutMs} ms (seen: ${seen})`,
					);
				}
				await sleep(250);
			}
		},

		async runWorkflowManually(id, o = {}) {
			let trigger = o.triggerNode;
			if (!trigger) {
				const wf = await api<{ nodes: Array<{ name: string; type: string }> }>(
					'GET',
					`/workflows/${id}`,
				);
				trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name;
				if (!trigger) throw new Error(`workflow ${id} has no Manual Trigger; pass triggerNode`);
			}
			// The editor's "Execute workflow": starts the run and answers with its id at once.
			const started = await rest<{ executionId?: string; waitingForWebhook?: boolean }>(
				'POST',
				`/workflows/${id}/run`,
				{ triggerToStartFrom: { name: trigger } },
			);
			if (!started?.executionId) {
				throw new Error(`manual run of ${id} did not start: ${JSON.stringify(started)}`);
			}
			const until = Date.now() + (o.timeoutMs ?? 180_000);
			for (;;) {
				try {
					const e = await api<Execution>(
						'GET',
						`/executions/${started.executionId}?includeData=${o.includeData !== false}`,
					);
					if (isDone(e)) return toRunResult(e);
				} catch (err) {
					// The execution row may not be readable for a moment after the start, and a busy n8n
					// (a million items on its event loop) can drop a kept-alive connection: poll again.
					const notYet = err instanceof HttpError && err.status === 404;
					const dropped = err instanceof TypeError && /fetch failed/.test(err.message);
					if (!notYet && !dropped) throw err;
				}
				if (Date.now() > until)
					throw new Error(`execution ${started.executionId} not finished in time`);
				await sleep(200);
			}
		},

		stop,
	};
	return instance;
}
