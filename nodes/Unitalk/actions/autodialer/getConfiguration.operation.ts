import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialAction } from '../../transport';

/**
 * GET_WITH_DATA ("Obtaining complete information about autodialers with additional data"): every
 * autodialer with its whole configuration, plus the project's audios, melodies, groups, SIP lines,
 * scenarios, TTS profiles, voice robots, event handlers, the dictionaries and limits. Output as one
 * item, exactly as Unitalk sends it.
 */
export const getConfiguration: ItemOperation = {
	kind: 'item',
	value: 'getConfiguration',
	name: 'Get Configuration',
	description:
		'Get every autodialer with its full settings, and the lists and dictionaries they refer to',
	action: 'Get the autodialer configuration',
	properties: [],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return (await autodialAction.call(
			this,
			'GET_WITH_DATA',
			{},
			{ action: 'Get Configuration', idempotent: true, itemIndex },
		)) as IDataObject;
	},
};
