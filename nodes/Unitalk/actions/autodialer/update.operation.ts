import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { autodialAction } from '../../transport';
import { autodialerField, autodialerId } from '../common';
import { shownInUpdate, updateProperties } from './fields';
import { TYPE_NAMES } from './schema';
import {
	belongsTo,
	checkInput,
	configuration,
	currentTask,
	mergeTask,
	onlyApplicable,
	readFields,
	requireComplete,
	requireUsableHandlers,
	toTaskFields,
} from './task';

/**
 * UPDATE ("Creating and updating autodialers"). Unitalk's UPDATE takes the whole configuration: its
 * errors for a missing name, dates, hours, crmMode or clientCalledMode apply to UPDATE as well. So the
 * node reads the current configuration (GET_WITH_DATA, once per run), applies the fields given, checks
 * the result and sends all of it. The type cannot change ("Ignored on UPDATE"); the mode can.
 */
export const update: ItemOperation = {
	kind: 'item',
	value: 'update',
	name: 'Update',
	description: 'Change settings of an autodialer; the fields not given keep their values',
	action: 'Update an autodialer',
	properties: [autodialerField, ...updateProperties()],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const node = this.getNode();
		const id = autodialerId(this, itemIndex);
		const selectedType = String(this.getNodeParameter('autodialerType', itemIndex, 'any'));
		const selectedMode = String(this.getNodeParameter('autodialerMode', itemIndex, 'keep'));
		const raw = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

		// 1. The fields given, checked on their own (nothing is sent for a bad item).
		const given = onlyApplicable(readFields(raw), (field) =>
			shownInUpdate(field, selectedType, selectedMode),
		);
		if (Object.keys(given).length === 0 && selectedMode === 'keep')
			throw inputError(node, itemIndex, 'Update Fields', 'are empty: add the fields to change');
		const input = checkInput(this, given, itemIndex);

		// 2. The current configuration, the type check, the merge and the whole task checked.
		const config = await configuration(this, itemIndex);
		const current = currentTask(this, config, id, itemIndex);
		const type = String(current.autodialerType);
		if (selectedType !== 'any' && selectedType !== type)
			throw inputError(
				node,
				itemIndex,
				'Autodialer Type',
				`is ${selectedType}, but autodialer ${id} is a ${TYPE_NAMES[type as keyof typeof TYPE_NAMES] ?? type} (${type}); Unitalk cannot change the type. Choose ${type} or "Any"`,
			);
		const mode = selectedMode === 'keep' ? undefined : selectedMode;
		const changes = toTaskFields(
			onlyApplicable(input, belongsTo(type, mode ?? String(current.autodialerMode))),
		);
		const task = mergeTask(current, changes, mode, input.clearFields ?? []);
		if (changes.name !== undefined) {
			const tasks = (Array.isArray(config.tasks) ? config.tasks : []) as IDataObject[];
			const other = tasks.find((t) => Number(t.id) !== id && t.name === changes.name);
			if (other)
				throw inputError(
					node,
					itemIndex,
					'Name',
					`"${String(changes.name)}" is already used by autodialer ${String(other.id)}; names must be unique in the project`,
				);
		}
		requireComplete(this, task, itemIndex);
		if (changes.triggerActions) requireUsableHandlers(this, task, config, itemIndex);

		// 3. Sending the same whole configuration twice changes nothing more: safe to repeat.
		const answer = (await autodialAction.call(
			this,
			'UPDATE',
			{ task },
			{ action: 'Update Autodialer', idempotent: true, itemIndex },
		)) as IDataObject;
		Object.assign(current, task); // later items of this run see the new configuration
		return { autodialerId: id, ...answer, task };
	},
};
