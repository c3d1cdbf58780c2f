/** Three layers, see DESIGN.md "Testing layers". `npm test` runs them all. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }];

const project = (name, testMatch, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	testMatch,
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/.n8n-dev/'],
	...extra,
});

module.exports = {
	projects: [
		project('unit', ['<rootDir>/test/unit/**/*.test.ts']),
		project('integration', ['<rootDir>/test/integration/**/*.test.ts']),
		project('e2e', ['<rootDir>/test/e2e/**/*.e2e.test.ts']),
		project('browser', ['<rootDir>/test/browser/**/*.browser.test.ts']),
	],
};
