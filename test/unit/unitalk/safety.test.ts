/**
 * Issue 7 §6: no resource starts on a destructive operation, and every operation that costs money or
 * reaches people carries the "Allow Use by AI Agents" switch, off by default, and refuses an agent.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { AGENT_TOGGLE } from '../../../nodes/shared/agentGuard';
import { resources } from '../../../nodes/Unitalk/actions/resources';
import { Unitalk } from '../../../nodes/Unitalk/Unitalk.node';

const DESTRUCTIVE = /^(cancel|delete|remove|hangUp)/i;

describe('default operations', () => {
	it('no resource defaults to a destructive operation unless it has no other', () => {
		const { properties } = new Unitalk().description;
		for (const r of resources) {
			const field = properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === r.value,
			);
			const others = r.operations.filter((o) => !DESTRUCTIVE.test(o.value));
			if (others.length > 0)
				expect([r.value, field?.default]).not.toEqual([
					r.value,
					expect.stringMatching(DESTRUCTIVE),
				]);
		}
		const autodialer = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'autodialer',
		);
		expect(autodialer?.default).toBe('getMany');
	});
});

describe('"Allow Use by AI Agents"', () => {
	const cases: Array<[string, string, string]> = [
		['autodialer', 'create', 'places real phone calls'],
		['incomingWebhookLink', 'addNumbers', 'places real phone calls'],
		['message', 'send', 'sends real messages to people'],
		['message', 'sendBulk', 'sends real messages to people'],
		['messageDistribution', 'create', 'sends real messages to people'],
	];

	it.each(cases)(
		'%s → %s has the switch, off by default, not settable by an expression',
		(resource, operation, effect) => {
			const op = resources
				.find((r) => r.value === resource)
				?.operations.find((o) => o.value === operation);
			const toggle = op?.properties.find((p) => p.name === AGENT_TOGGLE);
			expect(toggle).toMatchObject({ type: 'boolean', default: false, noDataExpression: true });
			expect(toggle?.description).toContain(effect);
		},
	);

	// Create needs a whole valid autodialer before its check; the presence test above covers it.
	it.each(cases.slice(1))(
		'%s → %s refuses to run as an agent tool with the switch off, before sending',
		async (resource, operation, effect) => {
			const op = resources
				.find((r) => r.value === resource)!
				.operations.find((o) => o.value === operation)!;
			const sent: string[] = [];
			const ctx = {
				getNode: () => ({
					name: 'Unitalk',
					type: 'n8n-nodes-dialers.unitalkTool',
					parameters: { [AGENT_TOGGLE]: false },
				}),
				// Enough for Create with numbers to get to the check: every parameter is read from here.
				getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
					name === 'additionalFields' ? { numbers: '380501234567' } : fallback,
				getCredentials: async () => {
					sent.push('credentials');
					return {};
				},
				helpers: {},
				continueOnFail: () => false,
				getTimezone: () => 'UTC',
			} as unknown as IExecuteFunctions;
			const run =
				op.kind === 'batch' ? op.execute.call(ctx, [{ json: {} }]) : op.execute.call(ctx, 0);
			await expect(run).rejects.toThrow(`${effect} and is not allowed for AI agents`);
			expect(sent).toEqual([]);
		},
	);
});
