/**
 * The per-provider packages in a real n8n: the tarballs from `npm run pack:providers` installed
 * together as community packages, next to the combined n8n-nodes-dialers, load with no error, and a
 * workflow per provider runs against the sandbox through each of them (needs `npm run build` first).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { nodeTypeNames, packProviders, planProviders } from '../../scripts/pack-providers';
import type { PackResult, ProviderPlan } from '../../scripts/pack-providers';
import { installPackage, packRepo, REPO_ROOT, startN8n } from './harness/n8n';
import type { N8nInstance } from './harness/n8n';
import { manualWorkflow } from './harness/workflows';
import { BOOT_TIMEOUT_MS, PACKAGE as COMBINED } from './package-n8n';

jest.setTimeout(240_000);

const plan = planProviders(REPO_ROOT);
const provider = (folder: string): ProviderPlan | undefined =>
	plan.providers.find((p) => p.folder === folder);

let tmp: string;
let sandbox: Sandbox;
let n8n: N8nInstance;
let packed: PackResult[];

beforeAll(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-providers-'));
	packed = packProviders(REPO_ROOT, path.join(tmp, 'out')).results;
	const userFolder = path.join(tmp, 'user');
	for (const { packageName, tarball } of packed) {
		// What `npm install <tarball>` puts on disk, beside each other in .n8n/nodes/node_modules.
		const dir = path.join(tmp, 'extracted', packageName);
		fs.mkdirSync(dir, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		installPackage(userFolder, dir);
	}
	sandbox = await startSandbox();
	// The combined package goes in through startN8n, which also fails on any "Failed to load package".
	n8n = await startN8n({ userFolder, packageDir: packRepo(REPO_ROOT, path.join(tmp, 'combined')) });
}, BOOT_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

async function runNode(name: string, node: Record<string, unknown>) {
	const workflowId = await n8n.createWorkflow(manualWorkflow(name, [{ id: 'n', name, ...node }]));
	return (await n8n.runWorkflowManually(workflowId)).nodes[name];
}

it('loads every per-provider package and the combined one side by side, with no error', async () => {
	expect(packed.map((p) => p.packageName).sort()).toEqual(
		plan.providers.map((p) => p.packageName).sort(),
	);
	const types = await n8n.listNodeTypes();
	for (const p of plan.providers) {
		for (const name of nodeTypeNames(REPO_ROOT, p)) {
			expect(types).toContain(`${p.packageName}.${name}`);
			expect(types).toContain(`${COMBINED}.${name}`);
		}
	}
	expect(n8n.packageErrors).toEqual([]);
	expect(n8n.readLog()).not.toMatch(/Failed to load package|already (been )?registered|duplicate/i);
});

describe('Unitalk', () => {
	const unitalk = provider('Unitalk');

	async function getManyAutodialers(packageName: string, credentialType: string) {
		sandbox.reset();
		const credentialId = await n8n.createCredential(credentialType, `Unitalk ${packageName}`, {
			apiKey: sandbox.accounts.unitalk.apiKey,
			baseUrl: sandbox.baseUrls.unitalk,
		});
		const result = await runNode(`Autodialers via ${packageName}`, {
			type: `${packageName}.unitalk`,
			parameters: { resource: 'autodialer', operation: 'getMany' },
			credentials: { [credentialType]: { id: credentialId, name: `Unitalk ${packageName}` } },
		});
		const requests = sandbox.requests.filter((r) => r.provider === 'unitalk');
		return { result, requests };
	}

	(unitalk ? it : it.skip)('runs Autodialer Get Many through n8n-nodes-unitalk', async () => {
		const credential = unitalk!.credentials.find((c) => c.name === 'unitalkApi')!;
		const { result, requests } = await getManyAutodialers(unitalk!.packageName, credential.renamed);

		expect(result.error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ outcome: 'accepted' });
		expect(JSON.parse(requests[0].rawBody)).toMatchObject({ action: 'GET_LIST' });
		expect(requests[0].headers.authorization).toContain(sandbox.accounts.unitalk.apiKey);
	});

	it('runs the same operation through the combined package in the same n8n', async () => {
		const { result, requests } = await getManyAutodialers(COMBINED, 'unitalkApi');

		expect(result.error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ outcome: 'accepted' });
	});
});

describe('NXTele', () => {
	const nxtele = provider('Nxtele');

	(nxtele ? it : it.skip)('runs Callbot Ping through n8n-nodes-nxtele', async () => {
		sandbox.reset();
		const type = nxtele!.credentials.find((c) => c.name === 'nxteleCallbotApi')!.renamed;
		const credentialId = await n8n.createCredential(type, 'Callbot', {
			uuid: sandbox.accounts.nxteleCallbot.uuid,
			secretKey: sandbox.accounts.nxteleCallbot.secretKey,
			algorithm: 'SHA256',
			baseUrl: sandbox.baseUrls.nxteleCallbot,
		});
		const result = await runNode('Ping', {
			type: `${nxtele!.packageName}.nxtele`,
			parameters: { resource: 'callbot', operation: 'ping', echo: 'per-provider package' },
			credentials: { [type]: { id: credentialId, name: 'Callbot' } },
		});

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			expect.objectContaining({ code: 0, data: 'per-provider package' }),
		]);
		const requests = sandbox.requests.filter((r) => r.provider === 'nxteleCallbot');
		expect(requests).toHaveLength(1);
		expect(requests[0].outcome).toBe('accepted');
	});
});

describe('Twin24', () => {
	const twin24 = provider('Twin24');

	(twin24 ? it : it.skip)('runs Bot Get Many through n8n-nodes-twin24', async () => {
		sandbox.reset();
		const account = sandbox.accounts.twin24;
		const type = twin24!.credentials.find((c) => c.name === 'twin24Api')!.renamed;
		const credentialId = await n8n.createCredential(type, 'Twin24', {
			email: account.email,
			password: account.password,
			companyId: '',
			lifetime: 86400,
			iamBaseUrl: sandbox.baseUrls.twin24Iam,
			apiBaseUrl: sandbox.baseUrls.twin24,
			botApiBaseUrl: `${sandbox.baseUrls.twin24}/bot/api/v1`,
		});
		const result = await runNode('Bots', {
			type: `${twin24!.packageName}.twin24`,
			parameters: { resource: 'bot', operation: 'getMany', returnAll: true },
			credentials: { [type]: { id: credentialId, name: 'Twin24' } },
		});

		expect(result.error).toBeUndefined();
		const seeded = [...sandbox.providers.twin24.state.bots.keys()];
		expect(seeded.length).toBeGreaterThan(0);
		expect(result.json.map((b) => b.id).sort()).toEqual([...seeded].sort());
		// The sandbox saw the login with the credential's password, then the list with its token.
		const requests = sandbox.requests.filter((r) => r.provider === 'twin24');
		expect(
			requests.map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')} ${r.outcome}`),
		).toEqual(['POST auth/login accepted', 'GET v1/bots accepted']);
		expect(JSON.parse(requests[0].rawBody)).toMatchObject({ password: account.password });
		expect(requests[1].headers.authorization).toMatch(/^Bearer \S+/);
	});
});
