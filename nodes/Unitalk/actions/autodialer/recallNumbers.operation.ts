import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { autodialAction } from '../../transport';
import { autodialerField, autodialerId } from '../common';
import { REFRESHABLE_STATES } from './schema';

/**
 * REFRESH ("Re-call numbers"): the numbers whose call ended in the chosen states go back to NEW and
 * are called again. Unitalk allows it once a minute per autodialer ("Try again later").
 */
export const recallNumbers: ItemOperation = {
	kind: 'item',
	value: 'recallNumbers',
	name: 'Re-Call Numbers',
	description:
		'Call again the numbers whose call ended in the chosen states (once a minute per autodialer)',
	action: 'Re-call numbers of an autodialer',
	properties: [
		autodialerField,
		{
			displayName: 'Call State Names or IDs',
			name: 'callStates',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getRefreshableCallStates' },
			default: [],
			required: true,
			description:
				'Numbers in these states are called again. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName:
				'Unitalk re-calls the numbers of one autodialer at most once a minute; a second run within the minute fails with "Try again later" and calls nobody',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		allowAgentUseField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Re-Call Numbers', itemIndex);
		const id = autodialerId(this, itemIndex);
		const raw = this.getNodeParameter('callStates', itemIndex, []) as unknown;
		const states = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
			.map((s) => String(s).trim().toUpperCase())
			.filter(Boolean);
		if (states.length === 0)
			throw inputError(
				this.getNode(),
				itemIndex,
				'Call State Names or IDs',
				'is empty: choose the call states whose numbers are called again',
			);
		const wrong = states.filter((s) => !REFRESHABLE_STATES.includes(s));
		if (wrong.length)
			throw inputError(
				this.getNode(),
				itemIndex,
				'Call State Names or IDs',
				`has ${wrong.map((s) => `"${s}"`).join(', ')}, which cannot be re-called; allowed: ${REFRESHABLE_STATES.join(', ')}`,
			);
		const callStates = [...new Set(states)];
		// REFRESH places calls again: never sent twice without knowing the first one failed.
		const answer = await autodialAction.call(
			this,
			'REFRESH',
			{ id, callStates },
			{ action: 'Re-call Numbers', idempotent: false, itemIndex },
		);
		return { autodialerId: id, callStates, ...((answer ?? {}) as IDataObject) };
	},
};
