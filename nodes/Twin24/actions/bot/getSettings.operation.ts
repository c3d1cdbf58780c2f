import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { twin24Request } from '../../transport';
import { botField, readId } from '../common';

/** GET {CIS}/botsSettings/{botId} (research §2.10): voice, nodes and the other settings of a script. */
export const getSettings: ItemOperation = {
	kind: 'item',
	value: 'getSettings',
	name: 'Get Settings',
	description: 'Get the settings of a bot script (voice, script nodes)',
	action: 'Get bot settings',
	properties: [botField('bot')],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const botId = readId(this, itemIndex, 'bot', 'Bot Script') as string;
		const answer = await twin24Request.call(this, {
			method: 'GET',
			path: `/botsSettings/${encodeURIComponent(botId)}`,
			action: 'Get Bot Settings',
			idempotent: true,
			itemIndex,
		});
		return { botId, ...((answer ?? {}) as IDataObject) };
	},
};
