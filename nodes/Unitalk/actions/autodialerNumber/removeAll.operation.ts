import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialAction } from '../../transport';
import { autodialerField, autodialerId } from '../common';

/**
 * REMOVE_ALL_NUMBERS ("Delete all numbers"). An autodialer that has no numbers is a result, not an
 * error ("Numbers not found"): removing is idempotent, so the request is also safe to repeat.
 */
export const removeAll: ItemOperation = {
	kind: 'item',
	value: 'removeAll',
	name: 'Remove All',
	description: 'Remove every number from an autodialer',
	action: 'Remove all numbers from an autodialer',
	properties: [autodialerField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const id = autodialerId(this, itemIndex);
		try {
			const answer = (await autodialAction.call(
				this,
				'REMOVE_ALL_NUMBERS',
				{ id },
				{ action: 'Remove All Numbers', idempotent: true, itemIndex },
			)) as IDataObject;
			return { autodialerId: id, removed: true, ...answer };
		} catch (error) {
			const body = (
				error instanceof NodeApiError ? (error.errorResponse ?? {}) : {}
			) as IDataObject;
			if (String(body.message ?? '').trim() !== 'Numbers not found')
				throw new NodeApiError(this.getNode(), error as JsonObject);
			return {
				autodialerId: id,
				removed: false,
				message: 'Numbers not found: the autodialer has no numbers (any more)',
			};
		}
	},
};
