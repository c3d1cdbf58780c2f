import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPairedItemData,
} from 'n8n-workflow';

/**
 * Start node for integration workflows: emits the items given in its `items` parameter (JSON array).
 * An entry is the item's JSON, or `{ json, binary }` for an item with binary data, where `binary` maps
 * property names to `{ data: <base64>, mimeType, fileName? }` (see binaryItem / isItemWithBinary).
 */
export const ITEMS_SOURCE_TYPE = 'test.itemsSource';

export class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items Source',
		name: 'itemsSource',
		group: ['input'],
		version: 1,
		description: 'Test start node',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [
			items.map((entry) =>
				isItemWithBinary(entry)
					? { json: entry.json ?? {}, binary: entry.binary }
					: isItemWithPairing(entry)
						? { json: entry.json, pairedItem: entry.pairedItem }
						: { json: entry },
			),
		];
	}
}

/** `{ json, pairedItem }`: an item that says which earlier items it came from (several inputs, say). */
function isItemWithPairing(
	entry: IDataObject,
): entry is { json: IDataObject; pairedItem: IPairedItemData[] } {
	return (
		Object.keys(entry).length === 2 &&
		typeof entry.json === 'object' &&
		Array.isArray(entry.pairedItem)
	);
}

export interface BinaryInput {
	/** The bytes, base64-encoded. */
	data: string;
	mimeType: string;
	fileName?: string;
}

/** An items entry carrying binary data: only `json` (an object) and `binary` (an object) keys. */
export function isItemWithBinary(
	entry: unknown,
): entry is { json?: IDataObject; binary: NonNullable<INodeExecutionData['binary']> } {
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return false;
	const { json, binary, ...rest } = entry as Record<string, unknown>;
	return (
		Object.keys(rest).length === 0 &&
		binary !== null &&
		typeof binary === 'object' &&
		!Array.isArray(binary) &&
		(json === undefined || (json !== null && typeof json === 'object' && !Array.isArray(json)))
	);
}

/** `{ json, binary }` entry for the items list, from Buffers: `binaryItem({ id: 1 }, { image: { bytes, mimeType, fileName } })`. */
export function binaryItem(
	json: IDataObject,
	binary: Record<string, { bytes: Buffer; mimeType: string; fileName?: string }>,
): { json: IDataObject; binary: Record<string, BinaryInput> } {
	return {
		json,
		binary: Object.fromEntries(
			Object.entries(binary).map(([name, b]) => [
				name,
				{ data: b.bytes.toString('base64'), mimeType: b.mimeType, fileName: b.fileName },
			]),
		),
	};
}
