import type { INodePropertyOptions } from 'n8n-workflow';

import type { ResourceDefinition } from './operations';

/**
 * The node's subtitle on the canvas, in words: the action of the chosen operation ("Add numbers to
 * an autodialer") instead of the raw values (`add: autodialerNumber`).
 *
 * n8n evaluates the subtitle as an expression over the node's parameters (defaults included), so the
 * words are a lookup table keyed by `resource:operation`. The table is one flat object literal: a
 * nested one would put `}}` inside the expression and end it early.
 */
export function operationSubtitle(resources: ResourceDefinition[]): string {
	const actions: Record<string, string> = {};
	for (const r of resources)
		for (const o of r.operations) actions[`${r.value}:${o.value}`] = o.action;
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/**
 * The subtitle of a node that has no resources (a trigger): the names of the options chosen in a
 * multi-select field, in words ("Call Ended, Route Request") instead of their values (`CALL_END, ROUTE`).
 * A value the table does not know shows as it is.
 */
export function choicesSubtitle(parameter: string, options: INodePropertyOptions[]): string {
	const names = Object.fromEntries(options.map((o) => [String(o.value), o.name]));
	return `={{ ($parameter["${parameter}"] || []).map((v) => (${JSON.stringify(names)}[v] || v)).join(", ") }}`;
}
