/**
 * Debian's chromium driven by playwright-core, logged into a real n8n (test/e2e/harness/n8n.ts).
 * One browser and one page for a whole test file: reloading the editor costs seconds on 2 cores.
 * Screenshots go to browser-artifacts/ (gitignored; CI keeps the folder as an artifact).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { chromium, selectors } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';

import { REPO_ROOT } from '../../e2e/harness/n8n';
import type { N8nInstance } from '../../e2e/harness/n8n';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(REPO_ROOT, 'browser-artifacts');

/**
 * The closed network here refuses chromium's own background connections (updates, sync, field
 * trials); without these flags it keeps retrying them.
 */
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface ConsoleEntry {
	type: string;
	text: string;
}

export interface EditorBrowser {
	page: Page;
	context: BrowserContext;
	/** Console errors and uncaught page errors since the last `takeConsoleErrors()`. */
	takeConsoleErrors(): ConsoleEntry[];
	screenshot(name: string, target?: Locator): Promise<string>;
	close(): Promise<void>;
}

/** Installs chromium from Debian when missing (scripts/ensure-chromium.sh, idempotent). */
export function ensureChromium(): void {
	execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'ensure-chromium.sh')], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
}

/** n8n's editor marks its elements with data-test-id, not playwright's data-testid. */
let testIdSet = false;

export async function openEditor(n8n: N8nInstance): Promise<EditorBrowser> {
	ensureChromium();
	if (!testIdSet) {
		selectors.setTestIdAttribute('data-test-id');
		testIdSet = true;
	}
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialers-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1440, height: 900 },
	});
	context.setDefaultTimeout(30_000);
	const page = context.pages()[0] ?? (await context.newPage());
	let errors: ConsoleEntry[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push({ type: 'console', text: m.text() });
	});
	page.on('pageerror', (e) => errors.push({ type: 'pageerror', text: e.message }));

	// The owner's login, as the sign-in form sends it; the cookie lands in this browser context.
	const login = await context.request.post(`${n8n.baseUrl}/rest/login`, {
		data: { emailOrLdapLoginId: n8n.owner.email, password: n8n.owner.password },
	});
	if (!login.ok()) throw new Error(`editor login failed: HTTP ${login.status()}`);

	return {
		page,
		context,
		takeConsoleErrors() {
			const taken = errors;
			errors = [];
			return taken;
		},
		async screenshot(name, target) {
			const file = path.join(ARTIFACTS, `${name.replace(/[^\w./-]+/g, '_')}.png`);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			await (target ?? page).screenshot({ path: file });
			return file;
		},
		async close() {
			await context.close();
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Opens a workflow on the canvas (a full editor load). */
export async function openWorkflow(
	page: Page,
	n8n: N8nInstance,
	workflowId: string,
): Promise<void> {
	// Not the "load" event (every asset of the editor, long on a busy machine): the canvas is what counts.
	await page.goto(`${n8n.baseUrl}/workflow/${workflowId}`, { waitUntil: 'commit' });
	await page.getByTestId('canvas-node').first().waitFor({ timeout: 120_000 });
}

/** Opens a canvas node's parameter panel by double-clicking it, as a user does. */
export async function openNode(page: Page, nodeName: string): Promise<Locator> {
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
	await node.scrollIntoViewIfNeeded();
	await node.dblclick();
	const params = page.getByTestId('node-parameters');
	await params.waitFor();
	return params;
}

export async function closeNode(page: Page): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('node-parameters').waitFor({ state: 'detached' });
}

/** The dropdown the editor shows right now (element-plus renders it into the page body). */
export function openPopper(page: Page): Locator {
	return page.locator('.el-popper:visible, [data-test-id="resource-locator-dropdown"]:visible');
}
