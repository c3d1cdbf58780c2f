/**
 * The node and credential types of the package, read from package.json's `n8n` section: what n8n
 * loads is what the UX checks cover, so a node another engineer adds is covered the moment it is
 * registered there. The classes are loaded from their TypeScript sources (the built dist/ files are
 * the same code, and jest hides dist/ from its module loader).
 */
import * as fs from 'fs';
import * as path from 'path';

import type { ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const PACKAGE_NAME = 'n8n-nodes-dialers';

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

const packageJson = JSON.parse(
	fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
) as PackageJson;

function sourceOf(distFile: string): string {
	return path.join(REPO_ROOT, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/** The classes a module exports (a node file may export helpers beside its class). */
function exportedInstances<T>(file: string, isWanted: (o: unknown) => o is T): T[] {
	const mod = module.require(file) as Record<string, unknown>;
	const found: T[] = [];
	for (const value of Object.values(mod)) {
		if (typeof value !== 'function') continue;
		let instance: unknown;
		try {
			instance = new (value as new () => unknown)();
		} catch {
			continue;
		}
		if (isWanted(instance)) found.push(instance);
	}
	if (found.length === 0) throw new Error(`${file} exports no n8n type`);
	return found;
}

const isNode = (o: unknown): o is INodeType =>
	!!o && typeof o === 'object' && 'description' in o && !!(o as INodeType).description?.name;
const isCredential = (o: unknown): o is ICredentialType =>
	!!o &&
	typeof o === 'object' &&
	'properties' in o &&
	typeof (o as ICredentialType).name === 'string';

export interface PackageNode {
	/** File in package.json, e.g. dist/nodes/Unitalk/Unitalk.node.js. */
	file: string;
	/** Type name a community install registers: `n8n-nodes-dialers.unitalk`. */
	type: string;
	description: INodeTypeDescription;
	node: INodeType;
}

export function packageNodes(): PackageNode[] {
	return packageJson.n8n.nodes.flatMap((file) =>
		exportedInstances(sourceOf(file), isNode).map((node) => ({
			file,
			type: `${PACKAGE_NAME}.${node.description.name}`,
			description: node.description,
			node,
		})),
	);
}

export function packageCredentials(): ICredentialType[] {
	return packageJson.n8n.credentials.flatMap((file) =>
		exportedInstances(sourceOf(file), isCredential),
	);
}
