/**
 * `npm run pack:providers`: one community package per provider (n8n-nodes-unitalk, n8n-nodes-twin24,
 * n8n-nodes-nxtele) from the same source and build as the combined n8n-nodes-dialers package, because
 * n8n only verifies (and so n8n Cloud only installs) packages that integrate one service.
 *
 * Everything is derived from package.json's `n8n.nodes` / `n8n.credentials` and the compiled files:
 * a provider is a folder under nodes/ (nodes/Unitalk -> n8n-nodes-unitalk); its package holds its
 * nodes, the credentials named after it or used by its nodes, and every file those reach through
 * `require("./...")` (so only the parts of nodes/shared it uses) and `file:...svg` icons.
 *
 * Output (git-ignored): dist-providers/<package>/ (package.json, dist/, sources for the scanner's
 * source lint, README.md, LICENSE) and dist-providers/<package>-<version>.tgz.
 * Needs `npm run build` first (the npm script does it).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { providerReadme } from './providers/readme';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'dist-providers');

/** The providers issue 12 asks for; any other folder under nodes/ (except shared) is added too. */
const EXPECTED_PROVIDER_FOLDERS = ['Unitalk', 'Twin24', 'Nxtele'];
const SHARED_FOLDER = 'shared';

export interface CredentialPlan {
	/** dist-relative path, e.g. dist/credentials/UnitalkApi.credentials.js */
	file: string;
	/** Type name in the combined package. */
	name: string;
	/** Type name in the per-provider package (see credentialNameFor). */
	renamed: string;
	displayName: string;
}

export interface ProviderPlan {
	folder: string;
	packageName: string;
	displayName: string;
	/** dist-relative node files from package.json, in its order. */
	nodes: string[];
	credentials: CredentialPlan[];
}

export interface Plan {
	providers: ProviderPlan[];
	/** Why a provider got no package (not an error: its node is not in package.json yet). */
	skipped: string[];
}

interface RootPackageJson {
	name: string;
	version: string;
	license: string;
	author: unknown;
	homepage?: string;
	repository?: unknown;
	peerDependencies?: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; strict?: boolean; nodes: string[]; credentials: string[] };
}

export function readRootPackage(root = REPO_ROOT): RootPackageJson {
	return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as RootPackageJson;
}

export function packageNameFor(folder: string): string {
	return `n8n-nodes-${folder.toLowerCase()}`;
}

/**
 * n8n prefixes node types with the package name, but credential types are global: when two packages
 * define the same credential name, the one loaded last replaces the other's entry (and its list of
 * supported nodes) in n8n's registry (`LoadNodesAndCredentials.postProcessLoaders`). So the
 * per-provider package does for its credentials what n8n does for its nodes: prefix them with the
 * package name, e.g. unitalkApi -> n8nNodesUnitalkUnitalkApi. The combined package keeps its names,
 * so existing credentials keep working.
 */
export function credentialNameFor(packageName: string, name: string): string {
	const camel = packageName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
	return camel + name.charAt(0).toUpperCase() + name.slice(1);
}

/** Loads a compiled n8n class (node or credential) from dist and returns its instance. */
function instantiate<T>(root: string, distFile: string): T {
	const exported = require(path.join(root, distFile)) as Record<string, new () => T>;
	const cls = Object.values(exported).find((v) => typeof v === 'function');
	if (!cls) throw new Error(`${distFile} exports no class`);
	return new cls();
}

/** The node type names (description.name) of a provider's nodes, e.g. ['unitalk', 'unitalkTrigger']. */
export function nodeTypeNames(root: string, provider: ProviderPlan): string[] {
	return provider.nodes.map(
		(file) => instantiate<{ description: { name: string } }>(root, file).description.name,
	);
}

function providerFolderOf(distFile: string): string | undefined {
	return /^dist\/nodes\/([^/]+)\//.exec(distFile)?.[1];
}

export function planProviders(root = REPO_ROOT): Plan {
	const pkg = readRootPackage(root);
	const nodesDir = path.join(root, 'nodes');
	const folders = new Set(EXPECTED_PROVIDER_FOLDERS);
	for (const entry of fs.readdirSync(nodesDir, { withFileTypes: true })) {
		if (entry.isDirectory() && entry.name !== SHARED_FOLDER) folders.add(entry.name);
	}
	const credentials = pkg.n8n.credentials.map((file) => {
		const cred = instantiate<{ name: string; displayName: string }>(root, file);
		return { file, name: cred.name, displayName: cred.displayName };
	});

	const plan: Plan = { providers: [], skipped: [] };
	for (const folder of folders) {
		const nodes = pkg.n8n.nodes.filter((file) => providerFolderOf(file) === folder);
		const packageName = packageNameFor(folder);
		if (nodes.length === 0) {
			plan.skipped.push(
				`${packageName}: skipped, package.json n8n.nodes lists no node under nodes/${folder}/ yet`,
			);
			continue;
		}
		const descriptions = nodes.map(
			(file) =>
				instantiate<{
					description: { displayName: string; credentials?: Array<{ name: string }> };
				}>(root, file).description,
		);
		const usedByNodes = new Set(
			descriptions.flatMap((d) => (d.credentials ?? []).map((c) => c.name)),
		);
		const prefix = folder.toLowerCase();
		const own = credentials.filter(
			(c) => usedByNodes.has(c.name) || c.name.toLowerCase().startsWith(prefix),
		);
		plan.providers.push({
			folder,
			packageName,
			// The action node's display name ("NXTele"), shortest of the provider's nodes.
			displayName: descriptions
				.map((d) => d.displayName)
				.reduce((a, b) => (b.length < a.length ? b : a)),
			nodes,
			credentials: own.map((c) => ({ ...c, renamed: credentialNameFor(packageName, c.name) })),
		});
	}
	return plan;
}

const REQUIRE_PATTERN = /require\("(\.{1,2}\/[^"]+)"\)/g;
const ICON_PATTERN = /file:([^"'`\s]+\.svg)/g;

/**
 * The dist files a provider needs: its nodes and credentials, their codex JSON, and everything they
 * reach through relative requires and `file:` icons, followed transitively.
 */
export function collectFiles(root: string, provider: ProviderPlan): string[] {
	const seen = new Set<string>();
	const pending = [...provider.nodes, ...provider.credentials.map((c) => c.file)];
	while (pending.length > 0) {
		const file = pending.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		if (!file.endsWith('.js')) continue;
		const codex = file.replace(/\.js$/, '.json');
		if (/\.node\.js$/.test(file) && fs.existsSync(path.join(root, codex))) pending.push(codex);
		const text = fs.readFileSync(path.join(root, file), 'utf8');
		const dir = path.posix.dirname(file);
		for (const [, spec] of text.matchAll(REQUIRE_PATTERN)) {
			const target = path.posix.join(dir, spec);
			const candidates = [target, `${target}.js`, `${target}/index.js`];
			const found = candidates.find((c) =>
				fs.statSync(path.join(root, c), { throwIfNoEntry: false })?.isFile(),
			);
			if (!found) throw new Error(`${file}: cannot resolve require("${spec}")`);
			pending.push(found);
		}
		for (const [, icon] of text.matchAll(ICON_PATTERN)) {
			const target = path.posix.join(dir, icon);
			if (!fs.existsSync(path.join(root, target))) throw new Error(`${file}: icon ${icon} missing`);
			pending.push(target);
		}
	}
	return [...seen].sort();
}

/** The TypeScript source of a compiled file, for the scanner's source lint (nodes/, credentials/). */
function sourceOf(distFile: string): string | undefined {
	if (distFile.startsWith('dist/icons/')) return undefined;
	return distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/** Renames the provider's credential types in one file's text (quoted literals only). */
export function renameCredentials(text: string, credentials: CredentialPlan[]): string {
	let out = text;
	for (const c of credentials) {
		out = out.replace(new RegExp(`(['"\`])${c.name}\\1`, 'g'), `$1${c.renamed}$1`);
	}
	return out;
}

/** package.json of a per-provider package; `files` are the dist files it holds. */
export function providerPackageJson(
	root: RootPackageJson,
	provider: ProviderPlan,
	files: string[],
) {
	const inPackage = (list: string[]) => list.filter((f) => files.includes(f));
	return {
		name: provider.packageName,
		version: root.version,
		description: `n8n nodes for ${provider.displayName}: the ${provider.displayName} node${
			provider.nodes.length > 1 ? ', its trigger' : ''
		} and credentials (one provider of n8n-nodes-dialers, as its own verifiable package)`,
		license: 'MIT',
		homepage: root.homepage,
		keywords: ['n8n-community-node-package', 'n8n', provider.folder.toLowerCase()],
		author: root.author,
		// The folder of the repository the scanner lints for this package (scripts/providers/sources.ts).
		repository:
			typeof root.repository === 'object' && root.repository
				? { ...root.repository, directory: `providers/${provider.packageName}` }
				: root.repository,
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: root.n8n.n8nNodesApiVersion,
			strict: true,
			credentials: inPackage(root.n8n.credentials),
			nodes: inPackage(root.n8n.nodes),
		},
		peerDependencies: root.peerDependencies ?? { 'n8n-workflow': '*' },
	};
}

/** The MIT licence text (package.json says MIT; verification requires it in the package). */
export function mitLicence(root: RootPackageJson): string {
	const author =
		typeof root.author === 'object' && root.author
			? (root.author as { name?: string }).name
			: root.author;
	return `MIT License

Copyright (c) ${new Date().getUTCFullYear()} ${String(author ?? root.name)}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;
}

/** Writes dist-providers/<package>/ and returns its path. */
export function buildProviderPackage(
	root: string,
	provider: ProviderPlan,
	outDir = OUTPUT_DIR,
): string {
	const rootPkg = readRootPackage(root);
	const pkgDir = path.join(outDir, provider.packageName);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	const files = collectFiles(root, provider);
	const copy = (from: string) => {
		const target = path.join(pkgDir, from);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (/\.(js|ts|json)$/.test(from)) {
			const text = fs.readFileSync(path.join(root, from), 'utf8');
			fs.writeFileSync(target, renameCredentials(text, provider.credentials));
		} else {
			fs.copyFileSync(path.join(root, from), target);
		}
	};
	for (const file of files) {
		copy(file);
		const source = sourceOf(file);
		// The scanner also lints the sources (nodes/, credentials/ .ts and codex .json).
		if (source && fs.existsSync(path.join(root, source))) copy(source);
	}
	// The icons the sources point at (`file:../../icons/x.svg` from nodes/<P>/) sit beside them too.
	for (const icon of files.filter((f) => f.startsWith('dist/icons/')))
		copy(icon.slice('dist/'.length));
	const pkgJson = providerPackageJson(rootPkg, provider, files);
	fs.writeFileSync(path.join(pkgDir, 'package.json'), `${JSON.stringify(pkgJson, null, 2)}\n`);
	fs.writeFileSync(path.join(pkgDir, 'LICENSE'), mitLicence(rootPkg));
	fs.writeFileSync(
		path.join(pkgDir, 'README.md'),
		providerReadme(root, provider, pkgJson.n8n.nodes),
	);
	return pkgDir;
}

/** `npm pack` of a package folder; returns the tarball path (in outDir). */
export function packTarball(pkgDir: string, outDir = OUTPUT_DIR): string {
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: pkgDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	return path.join(outDir, info.filename);
}

/** The package folders `npm run pack:providers` wrote into outDir. */
export function packageFolders(outDir = OUTPUT_DIR): string[] {
	if (!fs.existsSync(outDir)) return [];
	return fs
		.readdirSync(outDir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && fs.existsSync(path.join(outDir, e.name, 'package.json')))
		.map((e) => path.join(outDir, e.name));
}

export interface PackResult {
	packageName: string;
	dir: string;
	tarball: string;
}

export function packProviders(
	root = REPO_ROOT,
	outDir = OUTPUT_DIR,
): { results: PackResult[]; skipped: string[] } {
	if (!fs.existsSync(path.join(root, 'dist'))) {
		throw new Error('dist/ does not exist: run `npm run build` first');
	}
	const plan = planProviders(root);
	fs.mkdirSync(outDir, { recursive: true });
	// The output holds generated copies of the sources; the repository's own lint leaves them alone
	// (they get the scanner's lint instead: scripts/providers/lint.ts).
	fs.writeFileSync(
		path.join(outDir, 'eslint.config.mjs'),
		"// Generated by scripts/pack-providers.ts: `npm run lint` skips this output folder.\nexport default [{ ignores: ['**/*'] }];\n",
	);
	const results = plan.providers.map((provider) => {
		const dir = buildProviderPackage(root, provider, outDir);
		return { packageName: provider.packageName, dir, tarball: packTarball(dir, outDir) };
	});
	return { results, skipped: plan.skipped };
}

if (require.main === module) {
	const { results, skipped } = packProviders();
	for (const line of skipped) console.log(line);
	for (const r of results)
		console.log(
			`${r.packageName}: ${path.relative(REPO_ROOT, r.dir)}/, ${path.relative(REPO_ROOT, r.tarball)}`,
		);
}
