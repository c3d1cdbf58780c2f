/**
 * The per-provider source folders the verification scanner lints (scripts/providers/sources.ts): the
 * folder written from `npm run pack:providers` holds exactly the sources the package's dist/ was
 * built from (renamed credentials included) and the files verification reads, the scanner's way of
 * finding it (a package.json with the package's name) finds it, and the check catches any drift.
 */
import * as fs from 'fs';
import * as path from 'path';

import { packProviders, planProviders, REPO_ROOT } from '../../../scripts/pack-providers';
import type { PackResult } from '../../../scripts/pack-providers';
import {
	compareSourceTree,
	sourceTreeFiles,
	writeSourceTree,
} from '../../../scripts/providers/sources';

jest.setTimeout(300_000);

const built = fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes'));
if (!built) console.warn('test/unit/providers/sources: dist/ missing, run `npm run build` first');

/** The folders under `root` whose package.json is named `name`, as the scanner's findPackageRoot looks. */
function foldersNamed(root: string, name: string): string[] {
	return (fs.readdirSync(root, { recursive: true }) as string[])
		.map(String)
		.filter((f) => path.basename(f) === 'package.json' && !f.includes('node_modules'))
		.filter((f) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')).name === name)
		.map((f) => path.dirname(f));
}

(built ? describe : describe.skip)('per-provider source folders', () => {
	const work = path.join(REPO_ROOT, '.cache', `providers-sources-${process.pid}`);
	const repoCopy = path.join(work, 'repo'); // stands for the release commit's checkout
	let results: PackResult[];

	beforeAll(() => {
		results = packProviders(REPO_ROOT, path.join(work, 'out')).results;
		for (const r of results)
			writeSourceTree(r.dir, path.join(repoCopy, 'providers', r.packageName));
	});
	afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

	it('holds the package.json, README, LICENSE and the source of every compiled file, nothing built', () => {
		expect(results.map((r) => r.packageName).sort()).toEqual(
			planProviders()
				.providers.map((p) => p.packageName)
				.sort(),
		);
		for (const r of results) {
			const tree = sourceTreeFiles(path.join(repoCopy, 'providers', r.packageName));
			expect(tree).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
			expect(tree.filter((f) => f.startsWith('dist/'))).toEqual([]);
			const compiled = (fs.readdirSync(path.join(r.dir, 'dist'), { recursive: true }) as string[])
				.map((f) => String(f).split(path.sep).join('/'))
				.filter((f) => f.endsWith('.js'));
			expect(compiled.length).toBeGreaterThan(0);
			for (const js of compiled) expect(tree).toContain(js.replace(/\.js$/, '.ts'));
			// Each source is the repository's own, with only the package's credential names changed.
			const nodeTs = tree.find((f) => f.endsWith('.node.ts'))!;
			const original = fs.readFileSync(path.join(REPO_ROOT, nodeTs), 'utf8');
			const copied = fs.readFileSync(
				path.join(repoCopy, 'providers', r.packageName, nodeTs),
				'utf8',
			);
			expect(copied.replace(/'n8nNodes[A-Z]\w+'/g, '')).toEqual(
				original.replace(/'[a-z]\w*Api'/g, ''),
			);
		}
	});

	it("is found by the scanner's rule: the one folder of the checkout whose package.json has the name", () => {
		for (const r of results) {
			expect(foldersNamed(repoCopy, r.packageName)).toEqual([
				path.join('providers', r.packageName),
			]);
			const pkg = JSON.parse(fs.readFileSync(path.join(r.dir, 'package.json'), 'utf8'));
			expect(pkg.repository.directory).toBe(`providers/${r.packageName}`);
		}
	});

	it('the check passes on the folder as written and names every file that drifted', () => {
		const r = results[0];
		const target = path.join(repoCopy, 'providers', r.packageName);
		expect(compareSourceTree(r.dir, target)).toEqual({ missing: [], extra: [], changed: [] });

		const tree = sourceTreeFiles(target);
		const edited = tree.find((f) => f.endsWith('.node.ts'))!;
		const removed = tree.find((f) => f.startsWith('credentials/'))!;
		fs.appendFileSync(path.join(target, edited), '\n// edited by hand\n');
		fs.rmSync(path.join(target, removed));
		fs.writeFileSync(path.join(target, 'nodes', 'Stray.node.ts'), 'export {};\n');
		expect(compareSourceTree(r.dir, target)).toEqual({
			missing: [removed],
			extra: ['nodes/Stray.node.ts'],
			changed: [edited],
		});
	});
});
