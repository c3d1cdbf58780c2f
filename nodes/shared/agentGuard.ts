import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Operations that place real phone calls (or send messages, or add numbers that will be called) must not be run by an AI agent unless the person who built
 * the flow said so. Nodes declared `usableAsTool` are also registered as `<type>Tool`; when the node
 * runs under that type, an operation that places calls refuses unless its "Allow Use by AI Agents"
 * toggle is on.
 *
 * The toggle is read from the node's saved parameters, not through an expression: only a plain `true`
 * set in the editor counts, so an agent cannot switch it on by filling in a `$fromAI()` value.
 */

export const AGENT_TOGGLE = 'allowAgentUse';

/** What an operation does that needs the flow builder's consent, as the toggle and errors word it. */
export const PLACES_CALLS = 'places real phone calls';
export const SENDS_MESSAGES = 'sends real messages to people';

/** The toggle for an operation that `effect` (PLACES_CALLS, SENDS_MESSAGES, or own words). */
export function allowAgentUse(effect: string): INodeProperties {
	return {
		displayName: 'Allow Use by AI Agents',
		name: AGENT_TOGGLE,
		type: 'boolean',
		default: false,
		noDataExpression: true,
		description: `Whether an AI agent may run this operation when the node is connected to it as a tool. Off by default, because the operation ${effect}.`,
	};
}

/** The toggle, placed among the fields of every operation that places calls. */
export const allowAgentUseField: INodeProperties = allowAgentUse(PLACES_CALLS);

/** True when the node is running as an AI agent's tool (type name ending in "Tool"). */
export function runsAsAgentTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/**
 * Throws unless this operation may run here. `what` names it ("Unitalk Direct Call"); `effect` says
 * what it does (PLACES_CALLS by default).
 */
export function assertAgentMayPlaceCalls(
	ctx: IExecuteFunctions,
	what: string,
	itemIndex: number,
	effect: string = PLACES_CALLS,
): void {
	if (!runsAsAgentTool(ctx)) return;
	if (ctx.getNode().parameters?.[AGENT_TOGGLE] === true) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${what} ${effect} and is not allowed for AI agents`,
		{
			itemIndex,
			description:
				'Nothing was sent. To let an AI agent use this operation, open the node connected to the agent and turn on "Allow Use by AI Agents".',
		},
	);
}
