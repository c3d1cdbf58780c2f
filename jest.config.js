/** Three layers, see DESIGN.md "Testing layers". `npm test` runs them all. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }];

const project = (name, testMatch, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	testMatch,
	// Jest's default of 5 s per test is a timing assertion: a sandbox test adding 100,000 numbers took
	// longer on a loaded 2-core machine. Tests wait on events, not on the clock; this only bounds a hang.
	testTimeout: 120_000,
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/.n8n-dev/'],
	...extra,
});

module.exports = {
	projects: [
		project('unit', ['<rootDir>/test/unit/**/*.test.ts']),
		project('integration', ['<rootDir>/test/integration/**/*.test.ts']),
		project('e2e', ['<rootDir>/test/e2e/**/*.e2e.test.ts']),
		project('queue', ['<rootDir>/test/queue/**/*.queue.test.ts']),
		project('faults', ['<rootDir>/test/faults/**/*.test.ts']),
		project('browser', ['<rootDir>/test/browser/**/*.browser.test.ts']),
	],
};
