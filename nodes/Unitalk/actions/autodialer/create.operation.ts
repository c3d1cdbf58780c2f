import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { sendTakingBackRefused } from '../../../shared/refusals';
import { autodialAction } from '../../transport';
import { refusedAutodialerNumbers } from '../refusals';
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
		const numbers = Array.isArray(task.numbers) ? (task.numbers as string[]) : [];
		delete task.numbers;
		// Its numbers will be called: with numbers, an AI agent needs the flow builder's consent.
		if (numbers.length > 0)
			assertAgentMayPlaceCalls(this, 'Unitalk Create Autodialer with numbers', itemIndex);
		const handlers = Object.values((task.triggerActions ?? {}) as IDataObject);
		if (handlers.some((ids) => Array.isArray(ids) && ids.length > 0))
			requireUsableHandlers(this, task, await configuration(this, itemIndex), itemIndex);

		// 2. ADD creates an autodialer (and queues its numbers): never repeated blindly. Unitalk refuses
		// the whole ADD ("Wrong numbers", nothing created) when it will not take some numbers, for
		// example ones on BLOCKED_FOR_AUTODIAL_PHONES: those are taken back and the rest sent again.
		const add = async (withNumbers: string[]) =>
			(await autodialAction.call(
				this,
				'ADD',
				{ task: withNumbers.length ? { ...task, numbers: withNumbers } : task },
				{
					action: 'Create Autodialer',
					idempotent: false,
					itemIndex,
					timeoutMs: withNumbers.length > 10_000 ? 180_000 : undefined,
				},
			)) as IDataObject;
		let answer: IDataObject | undefined;
		const outcomes = await sendTakingBackRefused(
			numbers.map((value) => ({ itemIndex, value })),
			{
				keyOf: (phone) => phone,
				send: async (pending) => (answer = await add(pending.map((e) => e.value))),
				refused: refusedAutodialerNumbers,
				accepted: (entry) => ({ phone: entry.value }),
				rejected: (entry, reason) => ({ phone: entry.value, reason }),
			},
		);
		// No numbers, or Unitalk refused every one: the autodialer is created without numbers.
		answer ??= await add([]);
		const refused = outcomes.filter((o) => o.reason !== undefined);
		return {
			autodialerId: answer.data,
			...answer,
			task,
			...(numbers.length ? { numbersAdded: numbers.length - refused.length } : {}),
			...(refused.length ? { numbersRefused: refused } : {}),
		};
	},
};
