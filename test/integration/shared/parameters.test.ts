/**
 * The bulk parameter fast path (nodes/shared/parameters.ts) claims to give exactly what n8n's
 * expression engine gives. Here both read the same parameter for the same items inside a real
 * n8n-core run (test/integration/harness/parameter-probe.ts), and every item must agree.
 */
import type { IDataObject, INode, NodeParameterValueType } from 'n8n-workflow';

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

async function probe(
	value: NodeParameterValueType,
	fallback = '',
): Promise<Array<{ fast: unknown; engine: unknown; withoutEngine: boolean }>> {
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
			parameters: { value, fallback },
		},
	];
	const result = await runWorkflow(
		{ nodes, connections: { Items: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } } },
		{ credentials: {} },
	);
	expect(result.error()).toBeUndefined();
	return result
		.output('Probe')
		.map((i) => i.json as { fast: unknown; engine: unknown; withoutEngine: boolean });
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

	// Collections (a node's "Additional Fields", fixedCollections): built from their constants and plain
	// paths, or, with any other expression in them, left to the engine as a whole.
	it.each([
		[
			'constants and plain paths',
			{ data: '={{ $json.nested }}', id: '={{ $json.phone }}', name: 'constant', n: 3, on: true },
		],
		['a path that finds nothing', { a: '={{ $json.nested.deep.x }}', b: '={{ $json.missing }}' }],
		[
			'a fixedCollection',
			{
				variable: [
					{ name: 'Name', value: '={{ $json.phone }}' },
					{ name: 'Fixed', value: '1' },
				],
			},
		],
		['a list', ['={{ $json.n }}', 'x', 2, null]],
		['nested objects', { outer: { inner: { v: "={{ $json['with space'] }}" }, empty: {} } }],
		['another expression among paths', { a: '={{ $json.phone }}', b: '={{ $json.phone + "" }}' }],
		['an object expression', { data: '={{ { "leadId": $json.phone } }}' }],
	])('a collection with %s', async (_label, value) => {
		const read = await probe(value);
		expect(read).toHaveLength(items.length);
		for (const [i, { fast, engine }] of read.entries())
			expect({ i, value: fast }).toStrictEqual({ i, value: engine });
	});

	// Object literals, the usual way to fill a JSON field such as Twin24 Callback Data: a flat one of
	// plain paths and constants is built without the engine (withoutEngine true), anything else is not.
	it.each([
		['double-quoted keys and a path', '={{ { "leadId": $json.phone } }}', true],
		['bare and single-quoted keys', "={{ {lead: $json.n, 'the source': 'crm'} }}", true],
		[
			'every kind of constant',
			'={{ { s: "a, b } c", t: \'x"y\', n: -12.5, z: 0, yes: true, no: false, nothing: null } }}',
			true,
		],
		[
			'nested and missing paths',
			'={{ { x: $json.nested.deep.x, gone: $json.missing.deeper } }}',
			true,
		],
		['a quoted path key', "={{ { v: $json['with space'], first: $json.nested.list[0] } }}", true],
		['a repeated key (the last wins)', '={{ { a: 1, a: $json.n } }}', true],
		['an empty object', '={{ {} }}', true],
		['a trailing comma', '={{ { a: $json.n, } }}', false],
		['a nested object', '={{ { a: { b: $json.n } } }}', false],
		['an operator', '={{ { a: $json.n + 1 } }}', false],
		['a method call', '={{ { a: $json.phone.toString() } }}', false],
		['an escaped quote', '={{ { a: "x\\"y" } }}', false],
		['a leading-zero number', '={{ { a: 01 } }}', false],
		['__proto__', '={{ { __proto__: $json.nested } }}', false],
		['two expressions', '={{ { a: 1 } }} {{ { b: 2 } }}', false],
	])('an object literal with %s: %s', async (_label, value, withoutEngine) => {
		const read = await probe(value);
		expect(read).toHaveLength(items.length);
		for (const [i, r] of read.entries()) {
			expect({ i, value: r.fast }).toStrictEqual({ i, value: r.engine });
			expect({ i, withoutEngine: r.withoutEngine }).toEqual({ i, withoutEngine });
		}
	});

	it('a missing field with a non-empty fallback', async () => {
		const read = await probe('={{ $json.missing }}', 'fallback-value');
		for (const [i, { fast, engine }] of read.entries())
			expect({ i, value: fast }).toEqual({ i, value: engine });
	});
});
