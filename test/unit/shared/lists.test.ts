/**
 * nodes/shared/lists.ts, nodes/shared/perRequest.ts: list fields, phones, Return All / Limit, the
 * "Per Request" parser.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import {
	applyLimit,
	asItems,
	phonesOf,
	queryString,
	returnAllFields,
	splitList,
} from '../../../nodes/shared/lists';
import { perRequestOption, perRequestSize } from '../../../nodes/shared/perRequest';

const node: INode = {
	id: 'n',
	name: 'Dialer',
	type: 'n8n-nodes-dialers.any',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const ctxWith = (params: Record<string, unknown>) =>
	({
		getNode: () => node,
		getNodeParameter: (name: string, _i: number, fallback: unknown) => params[name] ?? fallback,
	}) as unknown as IExecuteFunctions;

describe('splitList', () => {
	it('splits text on commas, semicolons and new lines and keeps arrays', () => {
		expect(splitList(' a, b;c\n\nd ,')).toEqual(['a', 'b', 'c', 'd']);
		expect(splitList(['1', 2, ' 3 '])).toEqual(['1', '2', '3']);
		expect(splitList('')).toEqual([]);
		expect(splitList(undefined)).toEqual([]);
	});
});

describe('phonesOf', () => {
	it('cleans every number of a text list, an array or a single number to digits', () => {
		expect(phonesOf(node, 0, 'Phone', '+38 (050) 123-45-67; 0044 20 7946 0000')).toEqual([
			'380501234567',
			'442079460000',
		]);
		expect(phonesOf(node, 0, 'Phone', ['380501234567'])).toEqual(['380501234567']);
		expect(phonesOf(node, 0, 'Phone', 380501234567)).toEqual(['380501234567']);
	});

	it('names the item and the field, and says what is allowed', () => {
		expect(() => phonesOf(node, 2, 'Phone', '38050abc')).toThrow(
			'Item 3: "Phone" "38050abc" contains letters: a number must be international, 7 to 15 digits',
		);
		expect(() => phonesOf(node, 0, 'Phones', '')).toThrow(
			'Item 1: "Phones" is empty; give at least one phone number',
		);
		expect(phonesOf(node, 0, 'Phones', '', false)).toEqual([]);
	});
});

describe('Return All / Limit', () => {
	it('declares Limit only when Return All is off, with the provider maximum when given', () => {
		const [returnAll, limit] = returnAllFields(200);
		expect(returnAll.name).toBe('returnAll');
		expect(limit.displayOptions).toEqual({ show: { returnAll: [false] } });
		expect(limit.typeOptions).toEqual({ minValue: 1, maxValue: 200 });
		expect(returnAllFields()[1].typeOptions).toEqual({ minValue: 1 });
	});

	it('cuts to Limit unless Return All is on, and refuses a Limit that is not a whole number', () => {
		const rows = [1, 2, 3, 4];
		expect(applyLimit(ctxWith({ limit: 2 }), 0, rows)).toEqual([1, 2]);
		expect(applyLimit(ctxWith({ returnAll: true, limit: 2 }), 0, rows)).toEqual(rows);
		expect(() => applyLimit(ctxWith({ limit: 0.5 }), 1, rows)).toThrow(
			'Item 2: "Limit" must be a whole number of at least 1, got 0.5',
		);
	});
});

describe('asItems and queryString', () => {
	it('turns arrays entry by entry into rows, scalars into { value }', () => {
		expect(asItems([{ a: 1 }, 'x'])).toEqual([{ a: 1 }, { value: 'x' }]);
		expect(asItems({ a: 1 })).toEqual([{ a: 1 }]);
		expect(asItems(null)).toEqual([]);
		expect(asItems(0)).toEqual([{ value: 0 }]);
	});

	it('encodes URL parameters with %20 and skips undefined ones', () => {
		expect(queryString({ a: 'x y', b: undefined, c: 3 })).toBe('?a=x%20y&c=3');
		expect(queryString({})).toBe('');
	});
});

describe('Per Request', () => {
	const spec = { max: 100, noun: 'numbers' };

	it('the option is named batchSize, labelled from the noun, defaulting to the provider maximum', () => {
		const option = perRequestOption({ ...spec, provider: 'Acme' });
		expect(option).toMatchObject({
			name: 'batchSize',
			displayName: 'Numbers Per Request',
			default: 100,
			typeOptions: { minValue: 1, maxValue: 100 },
		});
		expect(option.description).toBe(
			'How many numbers go into one request (Acme accepts up to 100)',
		);
	});

	it('reads the size, the maximum when left out, and at most a cap learnt at run time', () => {
		expect(perRequestSize(node, {}, spec)).toBe(100);
		expect(perRequestSize(node, { batchSize: '' }, spec)).toBe(100);
		expect(perRequestSize(node, { batchSize: 7 }, spec)).toBe(7);
		expect(perRequestSize(node, { batchSize: 70 }, spec, 50)).toBe(50);
		expect(perRequestSize(node, {}, spec, 50)).toBe(50);
		expect(perRequestSize(node, { batchSize: 7 }, spec, 50)).toBe(7);
	});

	it('refuses anything but a whole number from 1 to the maximum, naming the option', () => {
		for (const bad of [0, 101, 2.5, 'ten', -1])
			expect(() => perRequestSize(node, { batchSize: bad }, spec)).toThrow(
				`Item 1: "Numbers Per Request" must be a whole number from 1 to 100, got ${String(bad)}`,
			);
		expect(() =>
			perRequestSize(node, { batchSize: 100_001 }, { max: 100_000, noun: 'messages' }),
		).toThrow('"Messages Per Request" must be a whole number from 1 to 100,000');
	});
});
