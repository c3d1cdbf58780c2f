/**
 * Unitalk → Call History → Get Many against the sandbox (2,600 seeded calls in January-March 2024).
 * Doc section "Call history" (/history/get: dateFrom, dateTo, limit 1-1000, offset, filter).
 */
import { jsonBody, useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();

const period = { dateFrom: '2024-01-01T00:00:00', dateTo: '2024-04-01T00:00:00' };

describe('Unitalk → Call History → Get Many', () => {
	it('reads one page of Limit calls, newest first', async () => {
		const result = await kit.run('callHistory', {
			operation: 'getMany',
			...period,
			limit: 10,
			options: { offset: 5 },
		});
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/history/get');
		expect(sent.map(jsonBody)).toEqual([
			{ dateFrom: '2024-01-01 00:00:00', dateTo: '2024-04-01 00:00:00', limit: 10, offset: 5 },
		]);
		const out = result.output('Subject').map((i) => i.json);
		expect(out.map((c) => c.dbid)).toEqual([
			2595, 2594, 2593, 2592, 2591, 2590, 2589, 2588, 2587, 2586,
		]);
		expect(Object.keys(out[0])).toEqual(
			expect.arrayContaining(['id', 'dbid', 'date', 'source', 'direction', 'from', 'to', 'state']),
		);
	});

	it('with Return All, reads every page (3 requests of 1,000) without repeating a call', async () => {
		const result = await kit.run('callHistory', {
			operation: 'getMany',
			...period,
			returnAll: true,
		});
		expect(result.error()).toBeUndefined();
		const bodies = kit.requests('/history/get').map(jsonBody);
		expect(bodies.map((b) => [b.offset, b.limit])).toEqual([
			[0, 1000],
			[1000, 1000],
			[2000, 1000],
		]);
		const out = result.output('Subject');
		expect(out).toHaveLength(2600);
		expect(new Set(out.map((i) => i.json.dbid)).size).toBe(2600);
		expect(out[0].json.dbid).toBe(2600);
		expect(out[2599].json.dbid).toBe(1);
		expect(out[2599].pairedItem).toEqual({ item: 0 });
	});

	it('with Return All and a Page Size, pages through a filtered selection until it ends', async () => {
		const result = await kit.run('callHistory', {
			operation: 'getMany',
			...period,
			returnAll: true,
			filter: { direction: 'IN' },
			options: { pageSize: 500 },
		});
		expect(result.error()).toBeUndefined();
		const bodies = kit.requests('/history/get').map(jsonBody);
		const total = result.output('Subject').length;
		expect(total).toBeGreaterThan(1000);
		expect(bodies).toHaveLength(Math.ceil(total / 500) + (total % 500 === 0 ? 1 : 0));
		expect(bodies.every((b) => (b.filter as { direction: string }).direction === 'IN')).toBe(true);
		expect(result.output('Subject').every((i) => i.json.direction === 'IN')).toBe(true);
	});

	it('sends every filter as the doc names it, and Unitalk applies them', async () => {
		const result = await kit.run('callHistory', {
			operation: 'getMany',
			...period,
			limit: 1000,
			filter: {
				direction: 'OUT',
				minDuration: 30,
				calledFrom: '1111, 2222',
				calledTo: '+38097',
				outerNum: '380441234567',
				exactPhone: '',
				newLead: 'false',
				answered: 'true',
				lost: 'false',
				voiceMessage: 'false',
			},
		});
		expect(result.error()).toBeUndefined();
		const body = jsonBody(kit.requests('/history/get')[0]);
		expect(body.filter).toEqual({
			direction: 'OUT',
			minDuration: 30,
			calledFrom: ['1111', '2222'],
			calledTo: ['38097'],
			outerNum: ['380441234567'],
			newLead: false,
			answered: true,
			lost: false,
			voiceMessage: false,
		});
		const calls = result.output('Subject').map((i) => i.json);
		expect(calls.length).toBeGreaterThan(0);
		for (const c of calls) {
			expect(c.direction).toBe('OUT');
			expect(c.state).toBe('ANSWER');
			expect(c.secondsTalk as number).toBeGreaterThanOrEqual(30);
			expect(['1111', '2222']).toContain(c.from);
			expect(c.outerNumber).toBe('380441234567');
		}
	});

	it('finds the calls of exact phones', async () => {
		const first = await kit.run('callHistory', { operation: 'getMany', ...period, limit: 1 });
		const phone = first.output('Subject')[0].json;
		const client = phone.direction === 'IN' ? phone.from : (phone.to as string[])[0];
		const result = await kit.run('callHistory', {
			operation: 'getMany',
			...period,
			returnAll: true,
			filter: { exactPhone: `+${String(client)}` },
		});
		const calls = result.output('Subject').map((i) => i.json);
		expect(calls.length).toBeGreaterThan(0);
		for (const c of calls) expect([c.from, ...(c.to as string[])]).toContain(client);
		expect(
			(jsonBody(kit.requests('/history/get')[1]).filter as { exactPhone: string[] }).exactPhone,
		).toEqual([client]);
	});

	it('refuses a Limit of 1001 before sending, naming the item and the field', async () => {
		const result = await kit.run('callHistory', { operation: 'getMany', ...period, limit: 1001 });
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Limit" is too large: 1001 given, at most 1000 allowed',
		);
		expect(kit.requests()).toHaveLength(0);
	});

	it('refuses a period that ends before it starts, and a called-from part with letters', async () => {
		const reversed = await kit.run('callHistory', {
			operation: 'getMany',
			dateFrom: '2024-02-01T00:00:00',
			dateTo: '2024-01-01T00:00:00',
		});
		expect(reversed.error('Subject')?.message).toBe(
			'Item 1: "Date To" (2024-01-01 00:00:00) is before Date From (2024-02-01 00:00:00)',
		);
		const letters = await kit.run('callHistory', {
			operation: 'getMany',
			...period,
			filter: { calledFrom: '38097, abc' },
		});
		expect(letters.error('Subject')?.message).toBe(
			'Item 1: "Filters > Called From 2" must contain digits only (a whole number or a part of one) (got "abc")',
		);
		expect(kit.requests()).toHaveLength(0);
	});
});
