// Lint rules for the code that never ships (sandbox/, test/, scripts/). The package itself (nodes/,
// credentials/, package.json) is linted by the unchanged n8n config in eslint.config.mjs; `npm run
// lint` turns on ESLint's per-folder config lookup so these folders use this file instead, since the
// n8n Cloud rules (no process, no timers, no node:http) make no sense for a test server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, ...tseslint.configs.recommended],
	rules: {
		'@typescript-eslint/no-explicit-any': 'off',
		'@typescript-eslint/no-require-imports': 'off',
		'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
	},
});
