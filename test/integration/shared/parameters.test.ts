/**
 * The bulk parameter fast path (nodes/shared/parameters.ts) claims to give exactly what n8n's
 * expression engine gives. Here both read the same parameter for the same items inside a real
 * n8n-core run (test/integration/harness/parameter-probe.ts), and every item must agree.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { ITEMS_SOURCE_TYPE } from '../harness/items-source';
import { PARAMETER_PROBE_TYPE } from '../harness/parameter-probe';
import { runWorkflow } from '../harness/workflow-runner';

const items: IDataObject[] = [
	{ phone: '+1 555 0100', n: 0, nested: { list: ['a', 'b'], deep: { x: 'y' } }, 'with space': 's' },
	{ phone: 4915550101, n: 12.5, nested: { list: [] }, flag: false },
	{ phone: null, nested: null, empty: '' },
	{},
	{ phone: '', nested: { deep: { x: 0 } }, list: [1, 2, 3] },
	// Items that came from several inputs (a Merge node, say): the engine reads $json all the same.
	{
		json: { phone: '380501112233', nested: { list: ['m'] } },
		pairedItem: [{ item: 0 }, { item: 1, input: 1 }],
	},
	{ json: { phone: 380501112234 }, pairedItem: [{ item: 2 }, { item: 3 }] },
];

interface Probed {
	fast: unknown;
	engine: unknown;
	fastDetails: unknown;
	engineDetails: unknown;
}

async function probe(
	value: string,
	fallback = '',
	details: INodeParameters = {},
): Promise<Probed[]> {
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
			id: 'probe',
			name: 'Probe',
			type: PARAMETER_PROBE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { value, fallback, details },
		},
	];
	const result = await runWorkflow(
		{ nodes, connections: { Items: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } } },
		{ credentials: {} },
	);
	expect(result.error()).toBeUndefined();
	return result.output('Probe').map((i) => i.json as unknown as Probed);
}

describe('the fast parameter reader gives what the expression engine gives', () => {
	it.each([
		['a top-level field', '={{ $json.phone }}'],
		['a top-level field, no spaces', '={{$json.phone}}'],
		['a number field', '={{ $json.n }}'],
		['a boolean field', '={{ $json.flag }}'],
		['a missing field', '={{ $json.missing }}'],
		['a nested path', '={{ $json.nested.deep.x }}'],
		['a path through null', '={{ $json.nested.list }}'],
		['an array index', '={{ $json.nested.list[0] }}'],
		['a quoted key', "={{ $json['with space'] }}"],
		['a double-quoted key', '={{ $json["phone"] }}'],
		['a whole array', '={{ $json.list }}'],
		['an empty string field', '={{ $json.empty }}'],
		['an expression it does not read itself', '={{ $json.phone + "" }}'],
		['text around an expression', '=+{{ $json.phone }}'],
		['a constant', '380500000000'],
		['an empty constant', ''],
	])('%s: %s', async (_label, value) => {
		const read = await probe(value);
		expect(read).toHaveLength(items.length);
		for (const [i, { fast, engine }] of read.entries())
			expect({ i, value: fast }).toEqual({ i, value: engine });
	});

	it('a missing field with a non-empty fallback', async () => {
		const read = await probe('={{ $json.missing }}', 'fallback-value');
		for (const [i, { fast, engine }] of read.entries())
			expect({ i, value: fast }).toEqual({ i, value: engine });
	});

	it.each([
		['constants and paths', { a: 'fixed', b: '={{ $json.phone }}', c: 7 }],
		[
			'a nested path and a missing field',
			{ a: '={{ $json.nested.deep.x }}', b: '={{ $json.missing }}' },
		],
		['an expression it does not read itself', { a: '={{ $json.phone + "" }}', b: 'x' }],
		['no expression', { a: 'only', c: 3 }],
	])('a collection of %s', async (_label, details) => {
		const read = await probe('', '', details as INodeParameters);
		expect(read).toHaveLength(items.length);
		for (const [i, { fastDetails, engineDetails }] of read.entries())
			expect({ i, value: fastDetails }).toEqual({ i, value: engineDetails });
	});
});
