import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * The two shapes an operation can have, and the loop that runs them with n8n's conventions:
 * every output item paired with its input item, and continueOnFail turning an item's error into an
 * output item instead of stopping the run.
 */

/** One request (or a few) per input item. */
export interface ItemOperation {
	kind: 'item';
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/**
 * Input items combined into provider-sized requests. It returns its own output items (paired), and
 * handles continueOnFail itself, since one request serves many items.
 */
export interface BatchOperation {
	kind: 'batch';
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;

export async function runOperation(this: IExecuteFunctions, operation: Operation, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (operation.kind === 'batch') return await operation.execute.call(this, items);

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await operation.execute.call(this, i);
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem: { item: i } });
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
	const e = error as { message?: string; description?: string | null };
	const json: IDataObject = { error: e.message ?? String(error) };
	if (e.description) json.errorDescription = e.description;
	return { json, pairedItem: { item: itemIndex } };
}

export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeOperationError || (error as { node?: unknown }).node) return error as Error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** Limits the fields of an operation to one resource and operation in the editor. */
export function showFor(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((p) => ({
		...p,
		displayOptions: {
			...p.displayOptions,
			show: { ...p.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}
