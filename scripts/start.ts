/**
 * `npm start` (after scripts/start.sh has installed, built and fetched the runtime): the provider
 * sandbox in-process plus a real n8n with this package installed as a community package, credentials
 * pointing at the sandbox and the example workflows imported. Ctrl-C stops both.
 *
 * The n8n user folder is `.n8n-dev/` in the repo (gitignored) and is kept between runs, so workflows
 * made in the editor survive. Ports: N8N_DEV_PORT (default 5678) and SANDBOX_PORT (default 5680); a
 * busy default is replaced by a free port.
 */
import * as path from 'path';

import { startSandbox } from '../sandbox';
import {
	freePort,
	isPortFree,
	packRepo,
	REPO_ROOT,
	startN8n,
	type N8nInstance,
} from '../test/e2e/harness/n8n';
import {
	devCredentials,
	devWorkflows,
	linkCredentials,
	type DevCredential,
	type DevWorkflow,
} from './dev-fixtures';

const DEV_FOLDER = path.join(REPO_ROOT, '.n8n-dev');
/** Local-only login of the dev instance (it listens on 127.0.0.1). */
const DEV_OWNER = { email: 'dev@example.com', password: 'Dialers-dev-1' };

const log = (msg: string) => process.stdout.write(`[start] ${msg}\n`);

async function choosePort(envName: string, preferred: number, what: string): Promise<number> {
	const fromEnv = process.env[envName];
	if (fromEnv) return Number(fromEnv); // explicit choice: let a busy port fail loudly
	if (await isPortFree(preferred)) return preferred;
	const port = await freePort();
	log(`${what} port ${preferred} is busy, using ${port}`);
	return port;
}

/** Creates each dev credential, or updates the one with the same name and type. Returns name -> id. */
async function upsertCredentials(
	n8n: N8nInstance,
	wanted: DevCredential[],
): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	if (wanted.length === 0) return ids;
	const existing: Array<{ id: string; name: string; type: string }> = [];
	let cursor: string | undefined;
	do {
		const q = new URLSearchParams({ limit: '250' });
		if (cursor) q.set('cursor', cursor);
		const page = await n8n.api<{ data: typeof existing; nextCursor?: string | null }>(
			'GET',
			`/credentials?${q}`,
		);
		existing.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);

	for (const c of wanted) {
		const found = existing.find((e) => e.name === c.name && e.type === c.type);
		if (found) {
			await n8n.api('PATCH', `/credentials/${found.id}`, {
				name: c.name,
				type: c.type,
				data: c.data,
			});
			ids.set(c.name, found.id);
		} else {
			ids.set(c.name, await n8n.createCredential(c.type, c.name, c.data));
		}
	}
	return ids;
}

async function importWorkflows(
	n8n: N8nInstance,
	wanted: DevWorkflow[],
	credIds: Map<string, string>,
): Promise<{ imported: string[]; kept: number }> {
	const present = new Set((await n8n.listWorkflows()).map((w) => w.name));
	const imported: string[] = [];
	for (const wf of wanted) {
		if (present.has(wf.name)) continue;
		const id = await n8n.createWorkflow(linkCredentials(wf, credIds));
		imported.push(wf.name);
		if (wf.active) {
			try {
				await n8n.activateWorkflow(id);
			} catch (err) {
				log(`could not activate "${wf.name}": ${(err as Error).message}`);
			}
		}
	}
	return { imported, kept: wanted.length - imported.length };
}

async function main(): Promise<void> {
	const sandboxPort = await choosePort('SANDBOX_PORT', 5680, 'sandbox');
	const n8nPort = await choosePort('N8N_DEV_PORT', 5678, 'n8n');

	const sandbox = await startSandbox({ port: sandboxPort, host: '127.0.0.1' });
	let n8n: N8nInstance | undefined;
	let stopping = false;

	const shutdown = async (code: number): Promise<never> => {
		stopping = true;
		await n8n?.stop().catch(() => undefined);
		await sandbox.close().catch(() => undefined);
		process.exit(code);
	};
	const onSignal = (signal: NodeJS.Signals) => {
		if (stopping) {
			// Second Ctrl-C: leave now; the harness's exit hook kills n8n.
			process.exit(130);
		}
		log(`${signal}: stopping n8n and the sandbox...`);
		void shutdown(0);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	try {
		// The same files a user's community install puts on disk, straight into the dev user folder.
		const pkgDir = packRepo(
			REPO_ROOT,
			path.join(DEV_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-dialers'),
		);
		log(`starting n8n (log: ${path.relative(REPO_ROOT, path.join(DEV_FOLDER, 'n8n.log'))})...`);
		const t0 = Date.now();
		n8n = await startN8n({
			userFolder: DEV_FOLDER,
			port: n8nPort,
			packageDir: pkgDir,
			logFile: path.join(DEV_FOLDER, 'n8n.log'),
			owner: DEV_OWNER,
			allowPackageErrors: true, // still start, so the editor is usable; warn below
		});
		for (const e of n8n.packageErrors) log(`WARNING ${e}`);
		log(`n8n ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		void n8n.exited.then(({ code, signal }) => {
			if (stopping) return;
			log(`n8n exited on its own (${code ?? signal}); see .n8n-dev/n8n.log`);
			void shutdown(1);
		});

		const credIds = await upsertCredentials(n8n, devCredentials(sandbox.url));
		const { imported, kept } = await importWorkflows(n8n, devWorkflows(), credIds);

		const lines = [
			'',
			'n8n-nodes-dialers dev environment',
			`  n8n editor   ${n8n.baseUrl}`,
			`  login        ${DEV_OWNER.email} / ${DEV_OWNER.password}`,
			`  sandbox      ${sandbox.url}`,
			`  credentials  ${credIds.size} pointing at the sandbox`,
			`  workflows    ${imported.length} imported${imported.length ? ` (${imported.join(', ')})` : ''}, ${kept} already there`,
			`  n8n log      ${path.join(DEV_FOLDER, 'n8n.log')}`,
			'Ctrl-C stops both.',
			'',
		];
		process.stdout.write(lines.join('\n'));
	} catch (err) {
		process.stderr.write(`[start] ${(err as Error).message}\n`);
		await shutdown(1);
	}
}

main().catch((err: unknown) => {
	process.stderr.write(`[start] failed: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exit(1);
});
