/**
 * .github/workflows/publish.yml and publish-providers.yml cannot run here, so they are checked with
 * action-validator (npm @action-validator/core: GitHub's workflow schema compiled to WebAssembly,
 * nothing downloaded at install or run time), plus the points n8n's verification needs: provenance,
 * the OIDC permission, all four packages, and the per-provider packages published from a commit that
 * holds their source folders (scripts/providers/sources.ts).
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const WORKFLOW = path.join(REPO_ROOT, '.github', 'workflows', 'publish.yml');
const PROVIDERS_WORKFLOW = path.join(REPO_ROOT, '.github', 'workflows', 'publish-providers.yml');
const VALIDATOR = '@action-validator/core';

interface ValidationState {
	errors: unknown[];
}
type Validator = { validateWorkflow(src: string): ValidationState };

function loadValidator(): Validator | undefined {
	try {
		// Node's own require (not jest's): the package loads a .wasm file next to it.
		return createRequire(path.join(REPO_ROOT, 'package.json'))(VALIDATOR) as Validator;
	} catch {
		return undefined;
	}
}

const validator = loadValidator();
const workflow = fs.readFileSync(WORKFLOW, 'utf8');
const providersWorkflow = fs.readFileSync(PROVIDERS_WORKFLOW, 'utf8');

if (!validator) {
	console.warn(
		`publish.yml not schema-checked: devDependency ${VALIDATOR}@0.6.0 is not installed (npm i -D ${VALIDATOR}@0.6.0)`,
	);
}

(validator ? describe : describe.skip)(
	`publish.yml against the GitHub workflow schema (${VALIDATOR})`,
	() => {
		it('both are valid workflows', () => {
			expect(validator!.validateWorkflow(workflow).errors).toEqual([]);
			expect(validator!.validateWorkflow(providersWorkflow).errors).toEqual([]);
		});

		it('the validator rejects a broken copy (a misspelt job key)', () => {
			const broken = workflow.replace(/\n {4}steps:/, '\n    stepz:');
			expect(broken).not.toBe(workflow);
			expect(validator!.validateWorkflow(broken).errors.length).toBeGreaterThan(0);
		});
	},
);

describe('publish.yml publishes what verification needs', () => {
	it('runs on a version tag with the OIDC permission npm provenance signs with', () => {
		expect(workflow).toMatch(/on:\n\s+push:\n\s+tags:\n\s+- 'v\*\.\*\.\*'/);
		expect(workflow).toMatch(/\n\s+id-token: write\n/);
	});

	it('publishes the combined package with --provenance', () => {
		const publishes = workflow.split('\n').filter((l) => /\bnpm publish\b/.test(l));
		expect(publishes).toEqual(['        run: npm publish --provenance --access public']);
		expect(workflow).toContain('npm run pack:providers');
		expect(workflow).toContain('scripts/providers/lint.ts');
	});

	it('commits the per-provider source folders on top of the tag and starts publish-providers.yml there', () => {
		expect(workflow).toContain('npx tsx scripts/providers/sources.ts write providers');
		expect(workflow).toContain('git add -f providers');
		expect(workflow).toContain('git push origin "providers-${GITHUB_REF_NAME}"');
		expect(workflow).toContain(
			'gh workflow run publish-providers.yml --ref "providers-${GITHUB_REF_NAME}"',
		);
		expect(workflow).toMatch(/\n\s+contents: write\n\s+actions: write\n/);
	});

	it('publish-providers.yml publishes every per-provider package with --provenance, from that commit only, after checking its sources', () => {
		expect(providersWorkflow).toMatch(/on:\n\s+workflow_dispatch:\n/);
		expect(providersWorkflow).toContain("if: startsWith(github.ref, 'refs/tags/providers-v')");
		expect(providersWorkflow).toMatch(/\n\s+id-token: write\n/);
		const publishes = providersWorkflow.split('\n').filter((l) => /\bnpm publish\b/.test(l));
		expect(publishes).toHaveLength(1);
		expect(publishes[0]).toContain('--provenance');
		expect(providersWorkflow).toContain('for dir in dist-providers/*/');
		const check = providersWorkflow.indexOf('scripts/providers/sources.ts check providers');
		expect(check).toBeGreaterThan(providersWorkflow.indexOf('npm run pack:providers'));
		expect(check).toBeLessThan(providersWorkflow.indexOf('npm publish'));
	});
});
