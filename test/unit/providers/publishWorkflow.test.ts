/**
 * .github/workflows/publish.yml cannot run here, so it is checked with action-validator (npm
 * @action-validator/core: GitHub's workflow schema compiled to WebAssembly, nothing downloaded at
 * install or run time), plus the points n8n's verification needs: provenance, the OIDC permission,
 * and all four packages.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const WORKFLOW = path.join(REPO_ROOT, '.github', 'workflows', 'publish.yml');
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

if (!validator) {
	console.warn(
		`publish.yml not schema-checked: devDependency ${VALIDATOR}@0.6.0 is not installed (npm i -D ${VALIDATOR}@0.6.0)`,
	);
}

(validator ? describe : describe.skip)(
	`publish.yml against the GitHub workflow schema (${VALIDATOR})`,
	() => {
		it('is a valid workflow', () => {
			expect(validator!.validateWorkflow(workflow).errors).toEqual([]);
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

	it('publishes the combined package and every per-provider package with --provenance', () => {
		const publishes = workflow.split('\n').filter((l) => /\bnpm publish\b/.test(l));
		expect(publishes).toHaveLength(2);
		for (const line of publishes) expect(line).toContain('--provenance');
		expect(workflow).toContain('for dir in dist-providers/*/');
		expect(workflow).toContain('npm run pack:providers');
		expect(workflow).toContain('scripts/providers/lint.ts');
	});
});
