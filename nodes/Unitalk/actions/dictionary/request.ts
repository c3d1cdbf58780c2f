import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../../shared/transport';
import { unitalkRequest } from '../../transport';

/**
 * /dictionary?type=… ("Dictionaries / Main Entities"): the IDs and names of a project's entities.
 * The documentation lists the types and puts `type` in the query string, but shows no answer. What
 * comes back is read in every shape it could plausibly have: an `"ID": "Name"` map like the ones
 * GET_WITH_DATA returns, or a list of `{id, name}` objects, either bare or inside the usual
 * `{status, data}` envelope.
 */

export interface DictionaryEntry extends IDataObject {
	id: string | number;
	name: string;
}

/** Asks Unitalk for one dictionary and returns the raw answer. */
export async function requestDictionary(
	ctx: RequestContext,
	type: string,
	itemIndex?: number,
): Promise<unknown> {
	return await unitalkRequest.call(
		ctx,
		`/dictionary?${new URLSearchParams({ type }).toString()}`,
		undefined,
		{ action: 'Get Dictionary', idempotent: true, itemIndex },
	);
}

function isPlainObject(v: unknown): v is IDataObject {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The entries of a dictionary answer as `{id, name}` objects (list entries keep all their fields),
 * or undefined when the answer has none of the expected shapes.
 */
export function dictionaryEntries(answer: unknown): IDataObject[] | undefined {
	let data: unknown = answer;
	if (isPlainObject(answer) && 'data' in answer && ('status' in answer || 'message' in answer))
		data = answer.data;
	if (Array.isArray(data)) {
		return data.map((e) =>
			isPlainObject(e) ? e : ({ id: e as string | number, name: String(e) } as IDataObject),
		);
	}
	if (isPlainObject(data)) {
		const values = Object.values(data);
		if (values.every((v) => typeof v === 'string' || typeof v === 'number' || v === null)) {
			return Object.entries(data).map(([id, name]) => ({
				id,
				name: name === null ? '' : String(name),
			}));
		}
	}
	return undefined;
}
