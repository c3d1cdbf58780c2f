import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { autodialAction } from '../../transport';
import { createProperties } from './fields';
import { applies } from './schema';
import {
	belongsTo,
	checkInput,
	configuration,
	newTask,
	onlyApplicable,
	readFields,
	requireComplete,
	requireUsableHandlers,
} from './task';

/** Type- and mode-specific fields Create shows at the top (fields.ts, CREATE_MAIN). */
const MAIN_SCOPED = [
	'compositeAudio',
	'scenarioId',
	'voiceSecretaryId',
	'groupId',
	'pseudoGroupOperators',
	'threadCount',
];

/** ADD ("Creating and updating autodialers"): one autodialer per input item. */
export const create: ItemOperation = {
	kind: 'item',
	value: 'create',
	name: 'Create',
	description: 'Create an autodialer, optionally with its first numbers',
	action: 'Create an autodialer',
	properties: [allowAgentUseField, ...createProperties()],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const param = (name: string, fallback?: unknown) =>
			this.getNodeParameter(name, itemIndex, fallback) as unknown;
		const type = String(param('autodialerType'));
		const mode = String(param('autodialerMode'));
		const raw: Record<string, unknown> = {
			...(param('additionalFields', {}) as IDataObject),
			name: param('name', ''),
			autodialerType: type,
			autodialerMode: mode,
			startDate: param('startDate', ''),
			endDate: param('endDate', ''),
			crmMode: param('crmMode', 'DONT_SEND'),
			clientCalledMode: param('clientCalledMode', 'NEVER'),
		};
		if (param('callHoursInput', 'days') === 'lists') {
			raw.timeFrom = param('timeFrom', '');
			raw.timeTo = param('timeTo', '');
		} else raw.callHours = param('callHours', {});
		for (const field of MAIN_SCOPED)
			if (applies(field, type, mode)) raw[field] = param(field, undefined);

		// 1. Every field checked before anything is sent.
		const input = checkInput(
			this,
			onlyApplicable(readFields(raw), belongsTo(type, mode)),
			itemIndex,
		);
		const task = newTask(input);
		requireComplete(this, task, itemIndex);
		const handlers = Object.values((task.triggerActions ?? {}) as IDataObject);
		if (handlers.some((ids) => Array.isArray(ids) && ids.length > 0))
			requireUsableHandlers(this, task, await configuration(this, itemIndex), itemIndex);

		// 2. ADD creates an autodialer (and queues its numbers): never repeated blindly.
		const numbers = Array.isArray(task.numbers) ? task.numbers.length : 0;
		// Its numbers will be called: with numbers, an AI agent needs the flow builder's consent.
		if (numbers > 0)
			assertAgentMayPlaceCalls(this, 'Unitalk Create Autodialer with numbers', itemIndex);
		const answer = (await autodialAction.call(
			this,
			'ADD',
			{ task },
			{
				action: 'Create Autodialer',
				idempotent: false,
				itemIndex,
				timeoutMs: numbers > 10_000 ? 180_000 : undefined,
			},
		)) as IDataObject;
		const sent = { ...task };
		delete sent.numbers;
		return {
			autodialerId: answer.data,
			...answer,
			task: sent,
			...(numbers ? { numbersAdded: numbers } : {}),
		};
	},
};
