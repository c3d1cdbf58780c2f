import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The two shapes an operation can have, and the loop that runs them with n8n's conventions:
 * every output item paired with its input item, and continueOnFail turning an item's error into an
 * output item instead of stopping the run.
 */

interface OperationBase {
	/** Value of the `operation` parameter. */
	value: string;
	/** Name in the operation dropdown ("Add Numbers"). */
	name: string;
	/** One sentence for the dropdown. */
	description: string;
	/** What the action list shows ("Add numbers to an autodialer"). */
	action: string;
	/** The operation's fields; shown only for its resource and operation (see resourceProperties). */
	properties: INodeProperties[];
}

/** One request (or a few) per input item. */
export interface ItemOperation extends OperationBase {
	kind: 'item';
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/**
 * Input items combined into provider-sized requests. It returns its own output items (paired), and
 * handles continueOnFail itself, since one request serves many items.
 */
export interface BatchOperation extends OperationBase {
	kind: 'batch';
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;

export interface ResourceDefinition {
	value: string;
	name: string;
	description: string;
	operations: Operation[];
	/**
	 * The operation a new node starts with (default: the first). Operations are listed alphabetically,
	 * so set it where the first is destructive (Cancel, Delete, Remove): no resource defaults to one.
	 */
	defaultOperation?: string;
}

/**
 * The editor fields for a set of resources: the resource dropdown, one operation dropdown per
 * resource, and every operation's own fields, each shown only where it belongs.
 */
export function resourceProperties(resources: ResourceDefinition[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const resourceField: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => ({
			name: r.name,
			value: r.value,
			description: r.description,
		})),
		default: firstResource,
	};
	const perResource = resources.flatMap((r) => {
		const firstOperation = r.defaultOperation ?? r.operations[0].value;
		return [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [r.value] } },
				options: r.operations.map((o) => ({
					name: o.name,
					value: o.value,
					description: o.description,
					action: o.action,
				})),
				default: firstOperation,
			} as INodeProperties,
			...r.operations.flatMap((o) => showFor(r.value, o.value, o.properties)),
		];
	});
	return [resourceField, ...perResource];
}

/** The operation the node is set to, or a clear error. */
export function selectOperation(
	ctx: IExecuteFunctions,
	resources: ResourceDefinition[],
): Operation {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const found = resources
		.find((r) => r.value === resource)
		?.operations.find((o) => o.value === operation);
	if (!found)
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	return found;
}

export async function runOperation(
	this: IExecuteFunctions,
	operation: Operation,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (operation.kind === 'batch') return await operation.execute.call(this, items);

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await operation.execute.call(this, i);
			for (const json of Array.isArray(result) ? result : [result])
				output.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, i));
				continue;
			}
			throw asNodeError(this, error, i);
		}
	}
	return output;
}

/** The output item continueOnFail puts in place of a failed item. */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const e = (error ?? {}) as { message?: string; description?: string | null };
	const json: IDataObject = { error: e.message ?? String(error) };
	if (e.description) json.errorDescription = e.description;
	return { json, pairedItem: { item: itemIndex } };
}

export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const nodeError = error as { node?: unknown; context?: IDataObject } | null | undefined;
	if (error instanceof NodeOperationError || nodeError?.node) {
		// A node error raised without the item (by transport, say) still names the item that failed.
		if (nodeError?.context && nodeError.context.itemIndex === undefined)
			nodeError.context.itemIndex = itemIndex;
		return error as Error;
	}
	return new NodeOperationError(ctx.getNode(), (error ?? String(error)) as Error, { itemIndex });
}

/** Limits the fields of an operation to one resource and operation in the editor. */
export function showFor(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((p) => ({
		...p,
		displayOptions: {
			...p.displayOptions,
			show: {
				...p.displayOptions?.show,
				resource: [resource],
				operation: [operation],
			},
		},
	}));
}
