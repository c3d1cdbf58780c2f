import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { dictionaryEntries, requestDictionary } from '../actions/dictionary/request';

/** Dropdown options "Name (ID)" from one /dictionary type, sorted by name. */
function fromDictionary(type: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const entries = dictionaryEntries(await requestDictionary(this, type)) ?? [];
		return entries
			.filter((e) => e.id !== undefined && e.id !== null && e.id !== '')
			.map((e) => {
				const id = String(e.id);
				const name = String(e.name ?? e.title ?? '').trim();
				return {
					name: name && name !== id ? `${name} (${id})` : id,
					value: id,
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name));
	};
}

/** Dropdowns of the call and audio operations (merged into loadOptions.ts). */
export const dictionaryLoadOptions = {
	getApiAudios: fromDictionary('AUDIO_API'),
	getInnerPhones: fromDictionary('INNER_PHONE'),
	getIvrMenus: fromDictionary('IVR'),
	getPhoneGroups: fromDictionary('PHONE_GROUP'),
	getVoiceAnalyticsProfiles: fromDictionary('VOICE_ANALYTICS_PROFILE'),
};
