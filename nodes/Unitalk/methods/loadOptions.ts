import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { autodialAction } from '../transport';
import { accountLists } from './accountLists';
import { dictionaryLoadOptions } from './dictionary';

/**
 * Dropdowns filled from the project's autodialer configuration data (GET_WITH_DATA returns every
 * list an autodialer can refer to: audios, melodies, groups, SIP lines, scenarios, TTS profiles,
 * voice robots, event handlers, call states).
 */
async function configurationData(ctx: ILoadOptionsFunctions): Promise<IDataObject> {
	return (await autodialAction.call(
		ctx,
		'GET_WITH_DATA',
		{},
		{ action: 'Get Configuration', idempotent: true },
	)) as IDataObject;
}

/** `{ "1234": "Title" }` -> dropdown options "Title (1234)", sorted by title. */
function idTitleOptions(map: unknown): INodePropertyOptions[] {
	if (!map || typeof map !== 'object') return [];
	if (Array.isArray(map)) return map.map((v) => ({ name: String(v), value: String(v) }));
	return Object.entries(map as Record<string, unknown>)
		.map(([id, title]) => ({
			name: `${String(title)} (${id})`,
			value: /^\d+$/.test(id) ? Number(id) : id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

function fromConfiguration(key: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return idTitleOptions((await configurationData(this))[key]);
	};
}

/** Call states with their titles; `subset` picks one of the state lists (repeatable, refreshable...). */
function callStates(subset?: 'repeatableStates' | 'refreshableStates') {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const info = ((await configurationData(this)).autodialNumberStatesInfo ?? {}) as IDataObject;
		const titles = (info.statesAndTitles ?? {}) as Record<string, string>;
		const states = (subset ? info[subset] : (info.orderedStates ?? Object.keys(titles))) as
			| string[]
			| undefined;
		return (states ?? []).map((state) => ({
			name: titles[state] ? `${state}: ${titles[state]}` : state,
			value: state,
		}));
	};
}

export const loadOptions = {
	...dictionaryLoadOptions,
	...accountLists,
	getAudios: fromConfiguration('audios'),
	getHoldMelodies: fromConfiguration('moh'),
	getGroups: fromConfiguration('groups'),
	getSipLines: fromConfiguration('pseudoGroupOperators'),
	getIncomingScenarios: fromConfiguration('scenarios'),
	getOutgoingScenarios: fromConfiguration('outScenarios'),
	getTtsSettings: fromConfiguration('ttsSettings'),
	getVoiceRobots: fromConfiguration('voiceSecretaries'),
	getTriggerActionEvents: fromConfiguration('triggerActionEvents'),
	getDynamicValues: fromConfiguration('audioSynthesisDynamicValues'),
	getCallStates: callStates(),
	getRepeatableCallStates: callStates('repeatableStates'),
	getRefreshableCallStates: callStates('refreshableStates'),
	/** States a repeat-call setting may name: the repeatable ones and ANSWER (the doc's own example). */
	async getRepeatCallSettingStates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const repeatable = await callStates('repeatableStates').call(this);
		const answer = (await callStates().call(this)).filter((o) => o.value === 'ANSWER');
		return [...answer, ...repeatable.filter((o) => o.value !== 'ANSWER')];
	},

	/** Event handlers available for the event chosen in the same trigger-action entry. */
	async getTriggerActions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const event = this.getCurrentNodeParameter('&event') as string | undefined;
		const byEvent = ((await configurationData(this)).triggerActionEventsAndTriggerActions ??
			{}) as IDataObject;
		if (event) return idTitleOptions(byEvent[event]);
		return idTitleOptions(
			Object.assign({}, ...Object.values(byEvent).map((v) => v as IDataObject)),
		);
	},
};
