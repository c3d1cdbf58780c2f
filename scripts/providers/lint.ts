/**
 * The lint n8n's verification scanner (@n8n/scan-community-package) runs, on one per-provider
 * package folder from `npm run pack:providers`: the @n8n/community-nodes `recommended` rules (the
 * strict, n8n Cloud set), `no-console`, and the eslint-plugin-n8n-nodes-base `community`,
 * `credentials` and `nodes` sets (on .ts sources) with the overrides n8n uses, over the sources
 * (package.json, nodes/ and credentials/) and over the tarball (its .js and package.json). Inline
 * `eslint-disable` comments are ignored, as the scanner does (allowInlineConfig: false).
 *
 *   tsx scripts/providers/lint.ts [--json] [dist-providers/n8n-nodes-x ...]   (default: all of them)
 * Exit code 1 on any error or warning.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';

import type { ESLint as ESLintType, Linter } from 'eslint';

import { packageFolders } from '../pack-providers';

// The plugin is installed as a dependency of @n8n/node-cli (not hoisted), so resolve it from there.
const cliRequire = createRequire(require.resolve('@n8n/node-cli/eslint'));
const { n8nCommunityNodesPlugin } = cliRequire('@n8n/eslint-plugin-community-nodes') as {
	n8nCommunityNodesPlugin: { configs: { recommended: Linter.Config } };
};
const n8nNodesBase = cliRequire('eslint-plugin-n8n-nodes-base') as {
	configs: Record<'community' | 'credentials' | 'nodes', { rules: Linter.RulesRecord }>;
};
const tseslint = cliRequire('typescript-eslint') as { parser: Linter.Parser };
const { ESLint } = cliRequire('eslint') as { ESLint: typeof ESLintType };

const recommended = n8nCommunityNodesPlugin.configs.recommended;

/** The source leg: what `n8n-node lint` covers (the scanner lints the provenance-attested source). */
export const SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
/** The tarball leg: the compiled JavaScript and the published package.json. */
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

/**
 * The scanner's flat config, rebuilt from its description (research/n8n.md section 2.3 and
 * scan-community-package's buildScanConfig): the n8n-nodes-base sets only on .ts sources, since
 * on compiled .js they no-op or false-positive on file names.
 */
export function scannerConfig(): Linter.Config[] {
	return [
		{ ignores: ['node_modules/**', '**/package-lock.json'] },
		recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesBase as never } },
		{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json', '**/*.ts'], languageOptions: { parser: tseslint.parser } },
	];
}

export interface LintFinding {
	file: string;
	line: number;
	rule: string | null;
	severity: 'error' | 'warning';
	message: string;
}

export interface LintReport {
	/** Files linted in each leg (so a run that lints nothing is visible). */
	sourceFiles: string[];
	tarballFiles: string[];
	findings: LintFinding[];
}

async function lintLeg(
	dir: string,
	patterns: string[],
	leg: string,
): Promise<{ files: string[]; findings: LintFinding[] }> {
	const eslint = new ESLint({
		cwd: dir,
		overrideConfigFile: true,
		overrideConfig: scannerConfig(),
		allowInlineConfig: false,
		errorOnUnmatchedPattern: false,
	});
	const results = await eslint.lintFiles(patterns);
	return {
		files: results.map((r) => path.relative(dir, r.filePath)).sort(),
		findings: results.flatMap((r) =>
			r.messages.map((m) => ({
				file: `${leg}:${path.relative(dir, r.filePath)}`,
				line: m.line,
				rule: m.ruleId,
				severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
				message: m.message,
			})),
		),
	};
}

/**
 * Lints one package the way the scanner does: its source folder, and its tarball (extracted to a
 * temporary folder, as the scanner does with the published one). Empty findings = clean.
 */
export async function lintProviderPackage(pkgDir: string, tarball: string): Promise<LintReport> {
	const extracted = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-tarball-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=1']);
		const source = await lintLeg(pkgDir, SOURCE_PATTERNS, 'source');
		const packed = await lintLeg(extracted, TARBALL_PATTERNS, 'tarball');
		return {
			sourceFiles: source.files,
			tarballFiles: packed.files,
			findings: [...source.findings, ...packed.findings],
		};
	} finally {
		fs.rmSync(extracted, { recursive: true, force: true });
	}
}

/** The tarball `npm run pack:providers` wrote for a package folder. */
export function tarballOf(pkgDir: string): string {
	const { name, version } = JSON.parse(
		fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'),
	) as {
		name: string;
		version: string;
	};
	return path.join(path.dirname(pkgDir), `${name}-${version}.tgz`);
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const json = args[0] === '--json';
	const given = json ? args.slice(1) : args;
	const dirs = given.length > 0 ? given.map((d) => path.resolve(d)) : packageFolders();
	if (dirs.length === 0) {
		console.error('no package folders: run `npm run pack:providers` first');
		process.exit(1);
	}
	let failed = false;
	const reports: Record<string, LintReport> = {};
	for (const dir of dirs) {
		const report = await lintProviderPackage(dir, tarballOf(dir));
		reports[dir] = report;
		if (
			report.findings.length > 0 ||
			report.sourceFiles.length === 0 ||
			report.tarballFiles.length === 0
		) {
			failed = true;
		}
		if (json) continue;
		console.log(
			`${path.basename(dir)}: ${report.sourceFiles.length} source + ${report.tarballFiles.length} tarball files linted, ${report.findings.length} findings`,
		);
		for (const f of report.findings) {
			console.log(`  ${f.severity} ${f.file}:${f.line} ${f.rule ?? ''} ${f.message}`);
		}
	}
	// --json: the reports by folder on stdout (for the unit test, which runs this in a child process
	// because the ESLint plugin is an ES module jest cannot load).
	if (json) process.stdout.write(JSON.stringify(reports));
	process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
