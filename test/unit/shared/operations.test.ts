import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	asNodeError,
	errorItem,
	resourceProperties,
	runOperation,
	selectOperation,
	showFor,
} from '../../../nodes/shared/operations';
import type {
	BatchOperation,
	ItemOperation,
	ResourceDefinition,
} from '../../../nodes/shared/operations';

const node: INode = {
	id: 'node-1',
	name: 'NXTele',
	type: 'n8n-nodes-dialers.nxtele',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function fakeContext(
	items: INodeExecutionData[],
	opts: { continueOnFail?: boolean; params?: IDataObject } = {},
) {
	return {
		getNode: () => node,
		continueOnFail: () => opts.continueOnFail ?? false,
		getInputData: () => items,
		getNodeParameter: (name: string) => opts.params?.[name],
	} as unknown as IExecuteFunctions;
}

const itemsOf = (...values: number[]): INodeExecutionData[] => values.map((n) => ({ json: { n } }));

function itemOperation(execute: ItemOperation['execute']): ItemOperation {
	return {
		kind: 'item',
		value: 'op',
		name: 'Op',
		description: 'Op',
		action: 'Op',
		properties: [],
		execute,
	};
}

/** Reads item i through `this`, as real operations do. */
const double = itemOperation(async function (this: IExecuteFunctions, i: number) {
	return { doubled: (this.getInputData()[i].json.n as number) * 2, index: i };
});

async function thrownBy(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error, the promise resolved');
}

describe('runOperation: item operations', () => {
	it('no input items, no output', async () => {
		const items: INodeExecutionData[] = [];
		expect(await runOperation.call(fakeContext(items), double, items)).toEqual([]);
	});

	it('one item: computed from that item, paired with it', async () => {
		const items = itemsOf(21);
		expect(await runOperation.call(fakeContext(items), double, items)).toEqual([
			{ json: { doubled: 42, index: 0 }, pairedItem: { item: 0 } },
		]);
	});

	it('every output item is paired with the input item it came from', async () => {
		const items = itemsOf(1, 2, 3, 4);
		const out = await runOperation.call(fakeContext(items), double, items);
		expect(out.map((o) => o.json.doubled)).toEqual([2, 4, 6, 8]);
		expect(out.map((o) => o.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	it('an array result fans out into several items, all paired with the same input item', async () => {
		const items = itemsOf(2, 0, 3);
		const fanOut = itemOperation(async function (this: IExecuteFunctions, i: number) {
			const n = this.getInputData()[i].json.n as number;
			return Array.from({ length: n }, (_, k) => ({ from: i, k }));
		});
		const out = await runOperation.call(fakeContext(items), fanOut, items);
		expect(out).toEqual([
			{ json: { from: 0, k: 0 }, pairedItem: { item: 0 } },
			{ json: { from: 0, k: 1 }, pairedItem: { item: 0 } },
			{ json: { from: 2, k: 0 }, pairedItem: { item: 2 } },
			{ json: { from: 2, k: 1 }, pairedItem: { item: 2 } },
			{ json: { from: 2, k: 2 }, pairedItem: { item: 2 } },
		]);
	});

	it('runs the items one after another, in order', async () => {
		const items = itemsOf(1, 2, 3);
		const seen: number[] = [];
		const op = itemOperation(async (i) => {
			seen.push(i);
			return {};
		});
		await runOperation.call(fakeContext(items), op, items);
		expect(seen).toEqual([0, 1, 2]);
	});

	const failOnOdd = itemOperation(async function (this: IExecuteFunctions, i: number) {
		const n = this.getInputData()[i].json.n as number;
		if (n % 2 === 1) throw new Error(`odd number ${n}`);
		return { n };
	});

	it('continueOnFail: a failed item becomes an {error} item in its place, the others go on', async () => {
		const items = itemsOf(2, 3, 4, 5);
		const out = await runOperation.call(
			fakeContext(items, { continueOnFail: true }),
			failOnOdd,
			items,
		);
		expect(out).toEqual([
			{ json: { n: 2 }, pairedItem: { item: 0 } },
			{ json: { error: 'odd number 3' }, pairedItem: { item: 1 } },
			{ json: { n: 4 }, pairedItem: { item: 2 } },
			{ json: { error: 'odd number 5' }, pairedItem: { item: 3 } },
		]);
	});

	it('continueOnFail keeps the description of a node error', async () => {
		const items = itemsOf(1);
		const op = itemOperation(async function (this: IExecuteFunctions) {
			throw new NodeOperationError(this.getNode(), 'Item 1: "Task Name" is required', {
				description: 'Nothing was sent for this item.',
			});
		});
		const out = await runOperation.call(fakeContext(items, { continueOnFail: true }), op, items);
		expect(out).toEqual([
			{
				json: {
					error: 'Item 1: "Task Name" is required',
					errorDescription: 'Nothing was sent for this item.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('without continueOnFail the error is thrown as a node error naming the item', async () => {
		const items = itemsOf(2, 4, 7, 8);
		const error = await thrownBy(runOperation.call(fakeContext(items), failOnOdd, items));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('odd number 7');
		expect((error as NodeOperationError).context.itemIndex).toBe(2);
		expect((error as NodeOperationError).node).toBe(node);
	});

	it('a node error thrown by the operation is passed on as it is', async () => {
		const items = itemsOf(1, 2);
		const original = new NodeOperationError(node, 'Item 2: bad value', { itemIndex: 1 });
		const op = itemOperation(async (i) => {
			if (i === 1) throw original;
			return {};
		});
		const error = await thrownBy(runOperation.call(fakeContext(items), op, items));
		expect(error).toBe(original);
		expect(original.context.itemIndex).toBe(1);
	});

	it('a provider error without an item index gets the index of the item that failed', async () => {
		const items = itemsOf(1, 2, 3);
		const op = itemOperation(async (i) => {
			if (i === 2)
				throw new NodeApiError(node, { message: 'refused' }, { message: 'NXTele Ping: refused' });
			return {};
		});
		const error = await thrownBy(runOperation.call(fakeContext(items), op, items));
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).context.itemIndex).toBe(2);
	});

	it('a provider error that already names an item keeps it', async () => {
		const items = itemsOf(1, 2);
		const op = itemOperation(async () => {
			throw new NodeApiError(node, { message: 'x' }, { message: 'x', itemIndex: 5 });
		});
		const error = await thrownBy(runOperation.call(fakeContext(items), op, items));
		expect((error as NodeApiError).context.itemIndex).toBe(5);
	});

	it('odd things thrown (a string, null) still become errors or error items', async () => {
		const items = itemsOf(1, 2);
		const op = itemOperation(async (i) => {
			throw i === 0 ? 'plain text' : null;
		});
		const out = await runOperation.call(fakeContext(items, { continueOnFail: true }), op, items);
		expect(out).toEqual([
			{ json: { error: 'plain text' }, pairedItem: { item: 0 } },
			{ json: { error: 'null' }, pairedItem: { item: 1 } },
		]);
		const error = await thrownBy(runOperation.call(fakeContext(items), op, items));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('plain text');
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
	});
});

describe('runOperation: batch operations', () => {
	it('hands all items to execute once, with the node context, and returns its items unchanged', async () => {
		const items = itemsOf(1, 2, 3);
		const calls: INodeExecutionData[][] = [];
		const batch: BatchOperation = {
			kind: 'batch',
			value: 'b',
			name: 'B',
			description: 'B',
			action: 'B',
			properties: [],
			async execute(this: IExecuteFunctions, input: INodeExecutionData[]) {
				calls.push(input);
				return [
					{
						json: { count: input.length, node: this.getNode().name },
						pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
					},
				];
			},
		};
		const out = await runOperation.call(
			fakeContext(items, { continueOnFail: false }),
			batch,
			items,
		);
		expect(calls).toEqual([items]);
		expect(out).toEqual([
			{ json: { count: 3, node: 'NXTele' }, pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] },
		]);
	});
});

describe('errorItem and asNodeError', () => {
	it('errorItem: message and description of an error', () => {
		const error = Object.assign(new Error('boom'), { description: 'details' });
		expect(errorItem(error, 3)).toEqual({
			json: { error: 'boom', errorDescription: 'details' },
			pairedItem: { item: 3 },
		});
		expect(errorItem(new Error('boom'), 0)).toEqual({
			json: { error: 'boom' },
			pairedItem: { item: 0 },
		});
	});

	it('asNodeError wraps a plain error with the node and item index', () => {
		const ctx = fakeContext([]);
		const wrapped = asNodeError(ctx, new Error('socket hang up'), 4) as NodeOperationError;
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('socket hang up');
		expect(wrapped.context.itemIndex).toBe(4);
		expect(wrapped.node).toBe(node);
	});
});

describe('showFor', () => {
	const props: INodeProperties[] = [
		{ displayName: 'Task Name', name: 'taskName', type: 'string', default: '' },
		{
			displayName: 'Voice',
			name: 'voice',
			type: 'string',
			default: '',
			displayOptions: { show: { mode: ['tts'], resource: ['old'] }, hide: { simple: [true] } },
		},
	];

	it('shows each field only for the resource and operation', () => {
		const out = showFor('callbot', 'createTask', props);
		expect(out[0]).toEqual({
			...props[0],
			displayOptions: { show: { resource: ['callbot'], operation: ['createTask'] } },
		});
	});

	it('keeps other show and hide conditions, replaces resource and operation', () => {
		const out = showFor('callbot', 'createTask', props);
		expect(out[1].displayOptions).toEqual({
			show: { mode: ['tts'], resource: ['callbot'], operation: ['createTask'] },
			hide: { simple: [true] },
		});
	});

	it('does not change the fields it was given, and an empty list stays empty', () => {
		const before = JSON.parse(JSON.stringify(props));
		showFor('callbot', 'createTask', props);
		expect(props).toEqual(before);
		expect(showFor('a', 'b', [])).toEqual([]);
	});
});

describe('resourceProperties and selectOperation', () => {
	const op = (value: string, properties: INodeProperties[] = []): ItemOperation => ({
		kind: 'item',
		value,
		name: value.toUpperCase(),
		description: `Does ${value}`,
		action: `Do ${value}`,
		properties,
		execute: async () => ({ op: value }),
	});
	const resources: ResourceDefinition[] = [
		{
			value: 'callbot',
			name: 'Callbot',
			description: 'Voice robots',
			operations: [
				op('ping'),
				op('createTask', [
					{ displayName: 'Task Name', name: 'taskName', type: 'string', default: '' },
				]),
			],
		},
		{ value: 'voice', name: 'Voice', description: 'Broadcasts', operations: [op('send')] },
	];

	it('builds the resource dropdown, one operation dropdown per resource and the scoped fields', () => {
		const props = resourceProperties(resources);
		expect(props.map((p) => p.name)).toEqual(['resource', 'operation', 'taskName', 'operation']);
		expect(props[0].default).toBe('callbot');
		expect(props[0].options?.map((o) => (o as { value: string }).value)).toEqual([
			'callbot',
			'voice',
		]);
		expect(props[1].displayOptions).toEqual({ show: { resource: ['callbot'] } });
		expect(props[1].default).toBe('ping');
		expect(props[2].displayOptions).toEqual({
			show: { resource: ['callbot'], operation: ['createTask'] },
		});
		expect(props[3].displayOptions).toEqual({ show: { resource: ['voice'] } });
		expect(props[3].default).toBe('send');
	});

	it('selectOperation finds the operation the node is set to', () => {
		const ctx = fakeContext([], { params: { resource: 'callbot', operation: 'createTask' } });
		expect(selectOperation(ctx, resources).value).toBe('createTask');
	});

	it('selectOperation refuses an operation of another resource', () => {
		const ctx = fakeContext([], { params: { resource: 'voice', operation: 'ping' } });
		expect(() => selectOperation(ctx, resources)).toThrow(
			'The operation "ping" of "voice" is not supported',
		);
	});
});
