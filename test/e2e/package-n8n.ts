/**
 * One real n8n per e2e test file (needs `npm run build` first: the package is packed from dist/), with this package packed and installed the way a community
 * install puts it on disk, and the provider sandbox running in the test process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { packRepo, REPO_ROOT, startN8n } from './harness/n8n';
import type { N8nInstance } from './harness/n8n';

export const PACKAGE = 'n8n-nodes-dialers';
/** n8n boots in 10-60 s; a cold runtime install adds minutes (normally done by scripts/test.sh first). */
export const BOOT_TIMEOUT_MS = 15 * 60_000;

export interface PackageN8n {
	n8n: N8nInstance;
	sandbox: Sandbox;
	stop(): Promise<void>;
}

export async function startPackageN8n(
	label: string,
	options: { env?: Record<string, string> } = {},
): Promise<PackageN8n> {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${label}-`));
	const sandbox = await startSandbox();
	// E2E_PACKAGE_DIR: an already packed or built package (package.json + dist/) instead of packing dist/.
	const packageDir = process.env.E2E_PACKAGE_DIR ?? packRepo(REPO_ROOT, path.join(tmp, 'package'));
	const n8n = await startN8n({ userFolder: path.join(tmp, 'user'), packageDir, env: options.env });
	return {
		n8n,
		sandbox,
		async stop() {
			await n8n.stop();
			await sandbox.close();
			fs.rmSync(tmp, { recursive: true, force: true });
		},
	};
}

export { chainWorkflow, manualWorkflow } from './harness/workflows';
