import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { itemParameterReader } from '../../../nodes/shared/parameters';

/** A fake execute context whose getNodeParameter evaluates `={{ $json.x }}` naively and counts calls. */
function fakeContext(parameters: Record<string, unknown>, items: INodeExecutionData[]) {
	const calls: Array<[string, number]> = [];
	const ctx = {
		getNode: () => ({ parameters }),
		getNodeParameter: (name: string, i: number, fallback: unknown) => {
			calls.push([name, i]);
			const raw = parameters[name];
			if (typeof raw === 'string' && raw.startsWith('={{')) {
				const field = /\$json\.(\w+)/.exec(raw)?.[1] ?? '';
				return `evaluated:${String(items[i].json[field])}`;
			}
			return raw ?? fallback;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
}

const items: INodeExecutionData[] = [
	{ json: { phone: '+1 555 0100', nested: { list: ['a', 'b'] } } },
	{ json: { phone: 4915550101, nested: { list: ['c'] } } },
	{ json: {} },
];

describe('itemParameterReader', () => {
	it('reads a value without an expression once and returns it for every item', () => {
		const { ctx, calls } = fakeContext(
			{ autodialer: { __rl: true, mode: 'id', value: '12345' } },
			items,
		);
		const read = itemParameterReader(ctx, 'autodialer', items, '');
		expect([read(0), read(1), read(2)]).toEqual([
			{ __rl: true, mode: 'id', value: '12345' },
			{ __rl: true, mode: 'id', value: '12345' },
			{ __rl: true, mode: 'id', value: '12345' },
		]);
		expect(calls).toEqual([['autodialer', 0]]);
	});

	it('reads ={{ $json.field }} straight from each item, keeping the value type', () => {
		const { ctx, calls } = fakeContext({ phone: '={{ $json.phone }}' }, items);
		const read = itemParameterReader(ctx, 'phone', items, '');
		// A missing field is undefined, as n8n's engine gives it (test/integration/shared/parameters.test.ts).
		expect([read(0), read(1), read(2)]).toEqual(['+1 555 0100', 4915550101, undefined]);
		expect(calls).toEqual([]);
	});

	it('follows dotted and bracketed paths', () => {
		const { ctx } = fakeContext({ p: "={{ $json.nested['list'][0] }}" }, items);
		const read = itemParameterReader(ctx, 'p', items, 'none');
		expect([read(0), read(1), read(2)]).toEqual(['a', 'c', undefined]);
	});

	it('leaves any other expression to n8n, per item', () => {
		const { ctx, calls } = fakeContext({ phone: '={{ $json.phone.trim() }}' }, items);
		const read = itemParameterReader(ctx, 'phone', items, '');
		expect(read(1)).toBe('evaluated:4915550101');
		expect(read(0)).toBe('evaluated:+1 555 0100');
		expect(calls).toEqual([
			['phone', 1],
			['phone', 0],
		]);
	});

	it('builds a collection of constants and plain paths from each item, without the engine', () => {
		const { ctx, calls } = fakeContext(
			{ data: { name: '={{ $json.phone }}', fixed: 'x', deep: '={{ $json.nested.list[0] }}' } },
			items,
		);
		const read = itemParameterReader(ctx, 'data', items, {});
		expect([read(0), read(1), read(2)]).toEqual([
			{ name: '+1 555 0100', fixed: 'x', deep: 'a' },
			{ name: 4915550101, fixed: 'x', deep: 'c' },
			{ name: undefined, fixed: 'x', deep: undefined },
		]);
		expect(calls).toEqual([]);
	});

	it('treats a collection with any other expression inside as per item', () => {
		const { ctx, calls } = fakeContext({ data: { name: '={{ $json.phone.trim() }}' } }, items);
		const read = itemParameterReader(ctx, 'data', items, {});
		read(0);
		read(1);
		expect(calls).toEqual([
			['data', 0],
			['data', 1],
		]);
	});

	it('leaves a resource locator read as its value to n8n, per item', () => {
		const { ctx, calls } = fakeContext(
			{ task: { __rl: true, mode: 'id', value: '={{ $json.phone }}' } },
			items,
		);
		const read = itemParameterReader(ctx, 'task', items, '', { extractValue: true });
		read(0);
		read(1);
		expect(calls).toEqual([
			['task', 0],
			['task', 1],
		]);
	});
});
