/** Workflow JSON builders shared by the e2e tests and the `npm start` example workflows. */

export type NodeJson = Record<string, any>;

export interface WorkflowJson {
	name: string;
	nodes: NodeJson[];
	connections: Record<string, any>;
	settings?: Record<string, any>;
}

export const manualTrigger: NodeJson = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The given nodes connected one after the other (main output 0 to main input 0). */
export function chainWorkflow(name: string, nodes: NodeJson[]): WorkflowJson {
	const all: NodeJson[] = nodes.map((n, i) => ({ typeVersion: 1, position: [240 * i, 0], ...n }));
	const connections: Record<string, any> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

/** A Manual Trigger followed by the given nodes. */
export function manualWorkflow(name: string, nodes: NodeJson[]): WorkflowJson {
	return chainWorkflow(name, [manualTrigger, ...nodes]);
}
