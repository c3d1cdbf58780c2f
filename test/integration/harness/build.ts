import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { ITEMS_SOURCE_TYPE } from './items-source';
import { PACKAGE } from './registry';
import type { WorkflowJson } from './workflow-runner';

/**
 * A two-node workflow: the given items flow into one node of this package.
 * `credentials` names the credential types the node uses (the harness supplies their data).
 */
export function singleNodeWorkflow(
	nodeName: string,
	parameters: INodeParameters,
	items: object[],
	credentialTypes: string[],
	settings: Partial<INode> = {},
): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: ITEMS_SOURCE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(items) },
		},
		{
			id: 'subject',
			name: 'Subject',
			type: `${PACKAGE}.${nodeName}`,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: Object.fromEntries(credentialTypes.map((t) => [t, { id: t, name: t }])),
			...settings,
		},
	];
	const connections: IConnections = {
		Items: { main: [[{ node: 'Subject', type: 'main', index: 0 }]] },
	};
	return { nodes, connections };
}
