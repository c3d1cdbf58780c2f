/**
 * The source folder of each per-provider package, for n8n's verification scanner.
 *
 * The scanner does not take the published tarball's word for its sources: it reads the npm
 * provenance of the version, downloads the GitHub repository at the attested commit and lints the
 * folder whose package.json has the package's name (`findPackageRoot` in @n8n/scan-community-package;
 * no such folder fails the scan). So the commit a per-provider package is published from must hold
 * `providers/<package>/`: its package.json, nodes/, credentials/, icons/, README.md and LICENSE, the
 * same files `npm run pack:providers` puts beside the package's dist/ (dist-providers/<package>/).
 * The publish workflow writes them into a release commit and publishes from a run on that commit
 * (.github/workflows/publish.yml, publish-providers.yml).
 *
 *   tsx scripts/providers/sources.ts write [target]   copy every package's source folder to target/<package>/
 *   tsx scripts/providers/sources.ts check [target]   exit 1 unless target/<package>/ is exactly that
 * target defaults to providers/; needs `npm run pack:providers` first.
 */
import * as fs from 'fs';
import * as path from 'path';

import { OUTPUT_DIR, packageFolders, REPO_ROOT } from '../pack-providers';

export const SOURCES_DIR = path.join(REPO_ROOT, 'providers');

/** What is compiled (dist/) stays out: the scanner lints sources here and the tarball on its own. */
const BUILT = 'dist';

/** The files of a package folder that make its source folder, relative, sorted. */
export function sourceTreeFiles(pkgDir: string): string[] {
	return (fs.readdirSync(pkgDir, { recursive: true }) as string[])
		.map((f) => String(f).split(path.sep).join('/'))
		.filter((f) => f !== BUILT && !f.startsWith(`${BUILT}/`))
		.filter((f) => fs.statSync(path.join(pkgDir, f)).isFile())
		.sort();
}

export function writeSourceTree(pkgDir: string, target: string): void {
	fs.rmSync(target, { recursive: true, force: true });
	for (const file of sourceTreeFiles(pkgDir)) {
		fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
		fs.copyFileSync(path.join(pkgDir, file), path.join(target, file));
	}
}

export interface TreeDifference {
	missing: string[];
	extra: string[];
	changed: string[];
}

/** How `target` differs from the source folder of `pkgDir` (all empty: it is exactly that). */
export function compareSourceTree(pkgDir: string, target: string): TreeDifference {
	const want = sourceTreeFiles(pkgDir);
	const have = fs.existsSync(target) ? sourceTreeFiles(target) : [];
	return {
		missing: want.filter((f) => !have.includes(f)),
		extra: have.filter((f) => !want.includes(f)),
		changed: want.filter(
			(f) =>
				have.includes(f) &&
				!fs.readFileSync(path.join(pkgDir, f)).equals(fs.readFileSync(path.join(target, f))),
		),
	};
}

function main(): void {
	const [mode, targetArg] = process.argv.slice(2);
	const target = path.resolve(targetArg ?? SOURCES_DIR);
	const dirs = packageFolders(OUTPUT_DIR);
	if ((mode !== 'write' && mode !== 'check') || dirs.length === 0) {
		console.error(
			dirs.length === 0
				? 'no package folders: run `npm run pack:providers` first'
				: 'usage: sources.ts write|check [target]',
		);
		process.exit(1);
	}
	let stale = false;
	for (const dir of dirs) {
		const into = path.join(target, path.basename(dir));
		if (mode === 'write') {
			writeSourceTree(dir, into);
			console.log(`${path.basename(dir)}: ${path.relative(REPO_ROOT, into)}/`);
			continue;
		}
		const diff = compareSourceTree(dir, into);
		const problems = [
			...diff.missing.map((f) => `missing ${f}`),
			...diff.extra.map((f) => `not made by the build ${f}`),
			...diff.changed.map((f) => `differs ${f}`),
		];
		if (problems.length > 0) stale = true;
		console.log(
			`${path.basename(dir)}: ${problems.length === 0 ? 'as built' : problems.join(', ')}`,
		);
	}
	process.exit(stale ? 1 : 0);
}

if (require.main === module) main();
