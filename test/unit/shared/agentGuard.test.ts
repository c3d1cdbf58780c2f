import type { IExecuteFunctions, INode } from 'n8n-workflow';

import {
	allowAgentUseField,
	assertAgentMayPlaceCalls,
	runsAsAgentTool,
} from '../../../nodes/shared/agentGuard';

const ctx = (type: string, parameters: INode['parameters'] = {}) =>
	({
		getNode: () =>
			({
				id: 'n',
				name: 'Unitalk',
				type,
				typeVersion: 1,
				position: [0, 0],
				parameters,
			}) as INode,
	}) as unknown as IExecuteFunctions;

describe('agent guard for operations that place calls', () => {
	it('tells a tool node from a plain one by the type name', () => {
		expect(runsAsAgentTool(ctx('n8n-nodes-dialers.unitalkTool'))).toBe(true);
		expect(runsAsAgentTool(ctx('n8n-nodes-dialers.unitalk'))).toBe(false);
	});

	it('lets a plain node place calls without the toggle', () => {
		expect(() => assertAgentMayPlaceCalls(ctx('n8n-nodes-dialers.unitalk'), 'X', 0)).not.toThrow();
	});

	it('refuses a tool node without the toggle, naming the item and what to switch on', () => {
		let error: (Error & { description?: string; context?: { itemIndex?: number } }) | undefined;
		try {
			assertAgentMayPlaceCalls(ctx('n8n-nodes-dialers.unitalkTool'), 'Unitalk Direct Call', 2);
		} catch (e) {
			error = e as typeof error;
		}
		expect(error?.message).toBe(
			'Unitalk Direct Call places real phone calls and is not allowed for AI agents',
		);
		expect(error?.description).toMatch(/"Allow Use by AI Agents"/);
		expect(error?.context?.itemIndex).toBe(2);
	});

	it('accepts only a plain true set in the editor, not an expression', () => {
		const tool = 'n8n-nodes-dialers.unitalkTool';
		expect(() =>
			assertAgentMayPlaceCalls(ctx(tool, { allowAgentUse: true }), 'X', 0),
		).not.toThrow();
		expect(() =>
			assertAgentMayPlaceCalls(ctx(tool, { allowAgentUse: '={{ $fromAI("allow") }}' }), 'X', 0),
		).toThrow(/not allowed for AI agents/);
		expect(() => assertAgentMayPlaceCalls(ctx(tool, { allowAgentUse: false }), 'X', 0)).toThrow();
	});

	it('is off by default and cannot be set by expression in the editor', () => {
		expect(allowAgentUseField).toMatchObject({
			name: 'allowAgentUse',
			type: 'boolean',
			default: false,
			noDataExpression: true,
		});
	});
});
