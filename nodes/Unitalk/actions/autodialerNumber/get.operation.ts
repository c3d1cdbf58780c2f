import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { autodialAction } from '../../transport';
import { autodialerField, autodialerId } from '../common';
import { readPhones } from '../../../shared/lists';

/**
 * GET_NUMBER ("Obtaining information about the autodialer number"): one number of an autodialer
 * with its last call state, call counters and data, exactly as Unitalk returns it.
 */
export const get: ItemOperation = {
	kind: 'item',
	value: 'get',
	name: 'Get',
	description: 'Get one number of an autodialer with its call state and data',
	action: 'Get a number of an autodialer',
	properties: [
		autodialerField,
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			required: true,
			placeholder: '380971234567',
			description: 'The number in international format. Spaces, brackets and dashes are removed.',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const id = autodialerId(this, itemIndex);
		const phones = readPhones(this, itemIndex, 'phone', 'Phone');
		if (phones.length > 1)
			throw inputError(
				this.getNode(),
				itemIndex,
				'Phone',
				`holds ${phones.length} numbers; give one number per item`,
			);
		return (await autodialAction.call(
			this,
			'GET_NUMBER',
			{ id, number: phones[0] },
			{ action: 'Get Number', idempotent: true, itemIndex },
		)) as IDataObject;
	},
};
