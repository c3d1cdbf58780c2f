/**
 * Unitalk → Operator Statistics → Get against the sandbox. Doc section "Operator statistics"
 * (/operator/statistic with from, to and an optional filter).
 */
import { jsonBody, useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();

describe('Unitalk → Operator Statistics → Get', () => {
	it('sends the period and every filter, and outputs one item per operator', async () => {
		const result = await kit.run('operatorStatistics', {
			operation: 'get',
			from: '2024-01-01T00:00:00',
			to: '2024-01-31 23:59:59',
			filter: {
				callTypes: 'REGULAR, AUTODIAL',
				innerPhones: ['1111', '2222'],
				minTimeSeconds: 10,
				minTimeAwaitingSeconds: 0,
				maxTimeAwaitingSeconds: 30,
			},
		});
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/operator/statistic');
		expect(sent).toHaveLength(1);
		expect(jsonBody(sent[0])).toEqual({
			from: '2024-01-01 00:00:00',
			to: '2024-01-31 23:59:59',
			filter: {
				callTypes: ['REGULAR', 'AUTODIAL'],
				innerPhones: ['1111', '2222'],
				minTimeSeconds: 10,
				minTimeAwaitingSeconds: 0,
				maxTimeAwaitingSeconds: 30,
			},
		});
		const out = result.output('Subject').map((i) => i.json);
		expect(out.map((r) => r.operatorPhone)).toEqual(['1111', '2222']);
		expect(out[0].operatorName).toBe('1111 (John Callid)');
		expect(out[0].totalCount).toBeGreaterThan(0);
		expect(out[0]).toHaveProperty('inAverageAwaitingTime');
	});

	it('sends no filter when none is set, and converts a time with a zone to the workflow zone', async () => {
		const result = await kit.run('operatorStatistics', {
			operation: 'get',
			from: '2024-02-01T00:00:00Z',
			to: '2024-02-02T00:00:00',
		});
		expect(result.error()).toBeUndefined();
		const body = jsonBody(kit.requests('/operator/statistic')[0]);
		expect(Object.keys(body)).toEqual(['from', 'to']);
		expect(body.from).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/);
		expect(result.output('Subject')).toHaveLength(5);
	});

	it('refuses a From that is not a date, and waiting bounds the wrong way round, before sending', async () => {
		const bad = await kit.run('operatorStatistics', {
			operation: 'get',
			from: 'yesterday',
			to: '2024-02-02T00:00:00',
		});
		expect(bad.error('Subject')?.message).toBe(
			'Item 1: "From" must be a date and time such as 2024-01-31 18:00:00, got "yesterday"',
		);
		const bounds = await kit.run('operatorStatistics', {
			operation: 'get',
			from: '2024-02-01T00:00:00',
			to: '2024-02-02T00:00:00',
			filter: { minTimeAwaitingSeconds: 60, maxTimeAwaitingSeconds: 10 },
		});
		expect(bounds.error('Subject')?.message).toBe(
			'Item 1: "Max Waiting Seconds" must not be less than Min Waiting Seconds (got 10)',
		);
		expect(kit.requests()).toHaveLength(0);
	});
});
