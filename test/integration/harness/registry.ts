import * as path from 'path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import * as pkg from '../../../package.json';

/** The package's node types under the names a real install registers them with. */
export const PACKAGE = 'n8n-nodes-dialers';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * The classes package.json lists (`dist/nodes/Unitalk/Unitalk.node.js` is the class `Unitalk` of
 * nodes/Unitalk/Unitalk.node.ts), so a node or credential registered for n8n is registered here too.
 */
function instances<T>(distFiles: string[]): T[] {
	return distFiles.map((file) => {
		const source = path.join(REPO_ROOT, file.replace(/^dist\//, '').replace(/\.js$/, ''));
		const className = path.basename(source).split('.')[0];
		const exported = require(source) as Record<string, new () => T>;
		if (typeof exported[className] !== 'function')
			throw new Error(`${file}: ${source}.ts does not export a class ${className}`);
		return new exported[className]();
	});
}

/**
 * Each node as `<package>.<name>`, and, like n8n, nodes declared usableAsTool also as
 * `<package>.<name>Tool` (the type they run under when an AI agent uses them).
 */
export function nodeTypesByName(): Record<string, INodeType> {
	const nodes = instances<INodeType>(pkg.n8n.nodes);
	return Object.fromEntries(
		nodes.flatMap((n) => {
			const name = `${PACKAGE}.${n.description.name}`;
			return n.description.usableAsTool
				? [
						[name, n],
						[`${name}Tool`, n],
					]
				: [[name, n]];
		}),
	);
}

export function credentialTypesByName(): Record<string, ICredentialType> {
	const credentials = instances<ICredentialType>(pkg.n8n.credentials);
	return Object.fromEntries(credentials.map((c) => [c.name, c]));
}
