/**
 * `npm run pack:providers` on the real build (dist/, from `npm run build`): what each per-provider
 * package holds, its package.json and README, the credential renaming, and the lint n8n's
 * verification scanner runs, which must pass on every package and must catch a planted violation.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import {
	credentialNameFor,
	packProviders,
	planProviders,
	readRootPackage,
	renameCredentials,
	REPO_ROOT,
} from '../../../scripts/pack-providers';
import type { PackResult, ProviderPlan } from '../../../scripts/pack-providers';
import type { LintReport } from '../../../scripts/providers/lint';

jest.setTimeout(600_000);

/** scripts/providers/lint.ts in a child process (its ESLint plugin is an ES module jest cannot load). */
function scannerLint(dirs: string[]): Record<string, LintReport> {
	const run = spawnSync(
		process.execPath,
		[
			path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
			'scripts/providers/lint.ts',
			'--json',
			...dirs,
		],
		// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base then treats every file as a node file.
		{
			cwd: REPO_ROOT,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			env: { ...process.env, NODE_ENV: '' },
		},
	);
	if (!run.stdout) throw new Error(`lint.ts printed nothing (exit ${run.status}): ${run.stderr}`);
	return JSON.parse(run.stdout) as Record<string, LintReport>;
}

describe('credential names', () => {
	it('prefixes a credential type with the camel-cased package name, as n8n does for node types', () => {
		expect(credentialNameFor('n8n-nodes-unitalk', 'unitalkApi')).toBe('n8nNodesUnitalkUnitalkApi');
		expect(credentialNameFor('n8n-nodes-nxtele', 'nxteleCallbotApi')).toBe(
			'n8nNodesNxteleNxteleCallbotApi',
		);
	});

	it('renames only quoted whole names, never a longer name that starts the same', () => {
		const credentials = [{ file: '', name: 'nxteleApi', renamed: 'pkgNxteleApi', displayName: '' }];
		const text = `name = 'nxteleApi'; x("nxteleApi"); y('nxteleApiKey'); z(nxteleApi); \`nxteleApi\``;
		expect(renameCredentials(text, credentials)).toBe(
			`name = 'pkgNxteleApi'; x("pkgNxteleApi"); y('nxteleApiKey'); z(nxteleApi); \`pkgNxteleApi\``,
		);
	});
});

/** The n8n class a compiled node or credential file exports, instantiated. */
function instanceFrom<T>(file: string): T {
	const exported = require(file) as Record<string, unknown>;
	const cls = Object.values(exported).find((v) => typeof v === 'function') as new () => T;
	return new cls();
}

const built = fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes'));
if (!built) {
	// Not silent: the layer says why these did not run. scripts/test.sh builds before jest.
	console.warn('test/unit/providers: dist/ missing, run `npm run build` to check the packages');
}

(built ? describe : describe.skip)('packages built from dist/', () => {
	// Inside the repository, so the compiled classes can be loaded (n8n-workflow resolves from here).
	const outDir = path.join(REPO_ROOT, '.cache', `providers-unit-${process.pid}`);
	const rootPkg = readRootPackage();
	let results: PackResult[];
	let skipped: string[];
	const plan = built ? planProviders() : { providers: [], skipped: [] };
	const pkgJson = (dir: string) =>
		JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const filesIn = (dir: string, sub = 'dist'): string[] =>
		(fs.readdirSync(path.join(dir, sub), { recursive: true }) as string[])
			.map((f) => path.posix.join(sub, String(f).split(path.sep).join('/')))
			.filter((f) => fs.statSync(path.join(dir, f)).isFile());

	beforeAll(() => {
		({ results, skipped } = packProviders(REPO_ROOT, outDir));
	});
	afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

	it('builds one package per provider folder that package.json lists a node for, and skips the rest', () => {
		const folders = new Set(
			rootPkg.n8n.nodes.map((f) => /^dist\/nodes\/([^/]+)\//.exec(f)?.[1]).filter(Boolean),
		);
		expect(results.map((r) => r.packageName).sort()).toEqual(
			[...folders].map((f) => `n8n-nodes-${f!.toLowerCase()}`).sort(),
		);
		for (const expected of ['n8n-nodes-unitalk', 'n8n-nodes-twin24', 'n8n-nodes-nxtele']) {
			const built = results.some((r) => r.packageName === expected);
			const skip = skipped.find((s) => s.startsWith(`${expected}: skipped`));
			expect(built !== Boolean(skip)).toBe(true);
		}
		for (const r of results) expect(fs.existsSync(r.tarball)).toBe(true);
	});

	it('writes a verifiable package.json: MIT, the keyword, strict, no dependencies, only its own nodes', () => {
		for (const r of results) {
			const pkg = pkgJson(r.dir);
			const folder = plan.providers.find((p) => p.packageName === r.packageName)!.folder;
			expect(pkg).toMatchObject({ name: r.packageName, version: rootPkg.version, license: 'MIT' });
			expect(pkg.keywords).toContain('n8n-community-node-package');
			expect(pkg.n8n.strict).toBe(true);
			expect(pkg.dependencies).toBeUndefined();
			expect(pkg.n8n.nodes.length).toBeGreaterThan(0);
			for (const node of pkg.n8n.nodes) {
				expect(node.startsWith(`dist/nodes/${folder}/`)).toBe(true);
				expect(rootPkg.n8n.nodes).toContain(node);
			}
			for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
				expect(fs.existsSync(path.join(r.dir, file))).toBe(true);
			}
			expect(fs.readFileSync(path.join(r.dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		}
	});

	it("holds no other provider's files, and of nodes/shared only what its files require", () => {
		const providerFolders = plan.providers.map((p) => p.folder);
		for (const r of results) {
			const own = plan.providers.find((p) => p.packageName === r.packageName)!;
			const files = filesIn(r.dir);
			for (const other of providerFolders.filter((f) => f !== own.folder)) {
				expect(files.filter((f) => f.startsWith(`dist/nodes/${other}/`))).toEqual([]);
			}
			const js = files.filter((f) => f.endsWith('.js'));
			const text = js.map((f) => fs.readFileSync(path.join(r.dir, f), 'utf8')).join('\n');
			for (const shared of js.filter((f) => f.startsWith('dist/nodes/shared/'))) {
				expect(text).toContain(`/${path.posix.basename(shared, '.js')}")`);
			}
			// Every icon a file points at is in the package.
			for (const [, icon] of text.matchAll(/file:\.\.\/(?:\.\.\/)?icons\/([\w.-]+\.svg)/g)) {
				expect(files).toContain(`dist/icons/${icon}`);
			}
		}
	});

	it('renames the credential types everywhere in the package; loading it gives the new names', () => {
		for (const r of results) {
			const own: ProviderPlan = plan.providers.find((p) => p.packageName === r.packageName)!;
			expect(own.credentials.length).toBeGreaterThan(0);
			const files = [
				...filesIn(r.dir),
				...filesIn(r.dir, 'nodes'),
				...filesIn(r.dir, 'credentials'),
			];
			const text = files
				.filter((f) => /\.(js|ts)$/.test(f))
				.map((f) => fs.readFileSync(path.join(r.dir, f), 'utf8'))
				.join('\n');
			for (const c of own.credentials) {
				expect(text).not.toMatch(new RegExp(`['"\`]${c.name}['"\`]`));
				expect(text).toContain(`'${c.renamed}'`);
			}
			const pkg = pkgJson(r.dir);
			const credentialNames = pkg.n8n.credentials.map(
				(f: string) => instanceFrom<{ name: string }>(path.join(r.dir, f)).name,
			);
			expect(credentialNames.sort()).toEqual(own.credentials.map((c) => c.renamed).sort());
			for (const f of pkg.n8n.nodes) {
				const node = instanceFrom<{ description: { credentials?: Array<{ name: string }> } }>(
					path.join(r.dir, f),
				);
				for (const c of node.description.credentials ?? []) {
					expect(credentialNames).toContain(c.name);
				}
			}
		}
	});

	it('writes a README from the repository README tables: install, credentials, operations, compatibility', () => {
		const main = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
		for (const r of results) {
			const own = plan.providers.find((p) => p.packageName === r.packageName)!;
			const readme = fs.readFileSync(path.join(r.dir, 'README.md'), 'utf8');
			for (const heading of [
				'Installation',
				'Credentials',
				'Operations',
				'Example workflows',
				'Compatibility',
			]) {
				expect(readme).toContain(`\n## ${heading}\n`);
			}
			expect(readme).toContain(`install \`${r.packageName}\``);
			for (const c of own.credentials) {
				const row = main.split('\n').find((l) => l.startsWith(`| ${c.displayName} |`));
				if (row) expect(readme).toContain(row);
				expect(readme).toContain(c.renamed);
			}
			expect(readme).toContain(`### ${own.displayName}\n`);
			// Another provider's operations table stays out.
			for (const other of plan.providers.filter((p) => p !== own)) {
				expect(readme).not.toContain(`### ${other.displayName}\n`);
			}
		}
	});

	it("passes the verification scanner's lint on each package's sources and tarball", () => {
		const reports = scannerLint(results.map((r) => r.dir));
		for (const r of results) {
			const report = reports[r.dir];
			expect(report.sourceFiles).toContain('package.json');
			expect(report.sourceFiles.some((f) => f.endsWith('.node.ts'))).toBe(true);
			expect(report.tarballFiles.some((f) => f.endsWith('.node.js'))).toBe(true);
			expect(report.findings).toEqual([]);
		}
	});

	it('the lint catches a console call and a runtime dependency planted in a package', () => {
		const source = results[0];
		const planted = path.join(outDir, 'planted');
		fs.cpSync(source.dir, planted, { recursive: true });
		const pkg = pkgJson(planted);
		pkg.dependencies = { axios: '1.0.0' };
		fs.writeFileSync(path.join(planted, 'package.json'), JSON.stringify(pkg, null, 2));
		const nodeTs = pkg.n8n.nodes[0].replace(/^dist\//, '').replace(/\.js$/, '.ts');
		fs.appendFileSync(path.join(planted, nodeTs), '\nconsole.log("planted");\n');

		// lint.ts lints a folder's tarball from beside it: the planted copy sits next to the real one.
		const report = scannerLint([planted])[planted];
		const rules = report.findings.map((f) => `${f.file.split(':')[0]} ${f.rule}`);
		expect(rules).toEqual(
			expect.arrayContaining([
				'source @n8n/community-nodes/no-runtime-dependencies',
				'source no-console',
			]),
		);
	});
});
