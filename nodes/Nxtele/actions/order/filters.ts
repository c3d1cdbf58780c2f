import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList as list } from '../../../shared/lists';
import { inputError } from '../../../shared/validation';

/**
 * The `options` filters listOrder and listCall share (research §2.13, §2.15). The docs lost the
 * callStatus and intentLevel enums, so those are typed as numbers.
 */
export function callFilterFields(extra: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...extra,
			{
				displayName: 'Call Duration Between (Seconds)',
				name: 'callDuration',
				type: 'string',
				default: '',
				placeholder: 'e.g. 10-120',
				description:
					'Only calls lasting more than the first and less than the second number of seconds',
			},
			{
				displayName: 'Call Statuses',
				name: 'callStatus',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1, 2',
				description:
					'Only calls with one of these callStatus codes, separated by commas (the docs do not list their meanings)',
			},
			{
				displayName: 'Dialogue Turns Between',
				name: 'turnTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2-20',
				description:
					'Only calls with more than the first and fewer than the second number of dialogue turns',
			},
			{
				displayName: 'Intent IDs',
				name: 'intentID',
				type: 'string',
				default: '',
				placeholder: 'e.g. 11, 12',
				description:
					'Only calls that reached one of these intents of the script template, separated by commas',
			},
			{
				displayName: 'Intent Levels',
				name: 'intentLevel',
				type: 'string',
				default: '',
				placeholder: 'e.g. 0, 1',
				description:
					'Only calls with one of these intent levels, separated by commas (the docs do not list their meanings)',
			},
			{
				displayName: 'Intent Names',
				name: 'intentName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Interested',
				description: 'Only calls that reached one of these intent names, separated by commas',
			},
			{
				displayName: 'Intent Tags',
				name: 'intentTag',
				type: 'string',
				default: '',
				placeholder: 'e.g. hot-lead',
				description: 'Only calls with one of these user-defined intent tags, separated by commas',
			},
		],
	};
}

/** `options` of listOrder / listCall from the Filters of item `itemIndex`. */
export function callFilterOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const f = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options: IDataObject = {};
	const numbers = (key: string, label: string) => {
		const values = list(f[key]);
		if (!values.length) return;
		const bad = values.find((v) => !/^-?\d+$/.test(v));
		if (bad !== undefined)
			throw inputError(node, itemIndex, label, `has "${bad}", which is not a whole number`);
		options[key] = values.map(Number);
	};
	const range = (key: string, label: string) => {
		const text = String(f[key] ?? '').trim();
		if (!text) return;
		const m = /^(\d+)\s*-\s*(\d+)$/.exec(text);
		if (!m)
			throw inputError(
				node,
				itemIndex,
				label,
				`is "${text}": write two whole numbers, e.g. 10-120`,
			);
		options[key] = { gt: Number(m[1]), lt: Number(m[2]), enable: true };
	};
	for (const key of ['intentID', 'intentName', 'intentTag', 'orderID', 'callID'])
		if (list(f[key]).length) options[key] = list(f[key]);
	numbers('callStatus', 'Call Statuses');
	numbers('intentLevel', 'Intent Levels');
	range('callDuration', 'Call Duration Between (Seconds)');
	range('turnTime', 'Dialogue Turns Between');
	if (f.finish === 'finished') options.finish = 1;
	if (f.finish === 'open') options.finish = 0;
	for (const [key, ts] of [
		['startedAfter', 'startTs'],
		['startedBefore', 'endTs'],
	] as const) {
		if (f[key] === undefined || f[key] === '') continue;
		const ms = Date.parse(String(f[key]));
		if (Number.isNaN(ms))
			throw inputError(
				node,
				itemIndex,
				key === 'startedAfter' ? 'Started After' : 'Started Before',
				`is "${String(f[key])}", which is not a date and time`,
			);
		options[ts] = Math.floor(ms / 1000);
	}
	return options;
}
