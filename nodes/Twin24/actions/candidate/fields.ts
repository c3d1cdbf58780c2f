import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { phonesOf } from '../../../shared/lists';
import { perRequestOption } from '../../../shared/perRequest';
import { inputError, parseInput } from '../../../shared/validation';
import { identityOf } from '../../transport';
import { jsonObjectOf } from '../common';

/**
 * What every candidate operation sends for a person (twin24-batch-candidates.txt and the
 * /autoCallCandidate/batch research): phones, bot variables, callback data that Twin24 returns
 * unchanged in its webhooks, the client's ID in your system, and a time zone in seconds.
 */

export const TIMEZONE_LIMIT = 43_200;

export interface Candidate {
	phone: string[];
	variables?: IDataObject;
	callbackData?: IDataObject;
	clientExternalId?: string;
	timezone?: number;
}

export const phoneField: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '={{ $json.phone }}',
	required: true,
	description:
		"The candidate's number in international format, for example 79001112233 (spaces, brackets, dashes and a leading + are removed). Several numbers of one person: a list, or separated by commas.",
};

export const candidateFieldsField: INodeProperties = {
	displayName: 'Candidate Fields',
	name: 'candidate',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Callback Data',
			name: 'callbackData',
			type: 'json',
			default: '{}',
			description:
				'An object Twin24 sends back unchanged in the call result and candidate webhooks (and a Twin24 Trigger outputs), so the flow can find its CRM record. Example: {"leadId": "555"}, or an expression that builds it from the item.',
		},
		{
			displayName: 'Client External ID',
			name: 'clientExternalId',
			type: 'string',
			default: '',
			description:
				"The person's ID in your system, for example a CRM contact ID; Twin24 can search call results by it",
		},
		{
			displayName: 'Time Zone Offset (Seconds)',
			name: 'timezone',
			type: 'number',
			typeOptions: { minValue: -TIMEZONE_LIMIT, maxValue: TIMEZONE_LIMIT },
			default: 10800,
			description:
				"The person's offset from UTC in seconds, from -43200 to 43200: UTC+3 = 10800, UTC+7 = 25200, UTC-5 = -18000. Without it Twin24 picks the zone from the number.",
		},
		{
			displayName: 'Variables',
			name: 'variables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Variable',
			description: 'Values the bot script uses, for example Name = John',
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'As the script names it, for example Name',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'For example John, or an expression that reads it from the item',
						},
					],
				},
			],
		},
		{
			displayName: 'Variables (JSON)',
			name: 'variablesJson',
			type: 'json',
			default: '{}',
			description:
				'More variables as one object, for example {"Name": "John", "LastName": "Doe"}; a name must not also be in Variables',
		},
	],
};

const candidateSchema = z.object({
	variables: z
		.array(z.object({ name: z.string().trim().min(1), value: z.string() }))
		.superRefine((list, ctx) => {
			const seen = new Set<string>();
			list.forEach((v, i) => {
				if (seen.has(v.name))
					ctx.addIssue({
						code: 'custom',
						path: [i, 'name'],
						message: `is used twice ("${v.name}"); each variable name may appear once`,
					});
				seen.add(v.name);
			});
		}),
	clientExternalId: z.string().max(255).optional(),
	timezone: z.number().int().min(-TIMEZONE_LIMIT).max(TIMEZONE_LIMIT).optional(),
});

const LABELS = {
	variables: 'Variables',
	'variables.*.name': 'Name',
	'variables.*.value': 'Value',
	clientExternalId: 'Client External ID',
	timezone: 'Time Zone Offset (Seconds)',
};

/** One candidate from an item's Phone and Candidate Fields, checked; an error names the item and field. */
export function readCandidate(
	node: INode,
	itemIndex: number,
	rawPhone: unknown,
	raw: IDataObject,
): Candidate {
	const phone = phonesOf(node, itemIndex, 'Phone', rawPhone);
	const listed = (
		((raw.variables as IDataObject | undefined)?.variable ?? []) as IDataObject[]
	).map((v) => ({
		name: String(v.name ?? ''),
		value: v.value === undefined ? '' : String(v.value),
	}));
	const fromJson = Object.entries(
		jsonObjectOf(node, itemIndex, 'Variables (JSON)', raw.variablesJson) ?? {},
	).map(([name, value]) => ({
		name,
		value: typeof value === 'string' ? value : JSON.stringify(value),
	}));
	checkJsonVariableNames(node, itemIndex, fromJson, listed);
	const checked = parseInput(
		node,
		candidateSchema,
		{
			variables: [...listed, ...fromJson],
			clientExternalId:
				raw.clientExternalId === undefined || raw.clientExternalId === ''
					? undefined
					: String(raw.clientExternalId),
			timezone:
				raw.timezone === undefined || raw.timezone === '' ? undefined : Number(raw.timezone),
		},
		itemIndex,
		LABELS,
	);
	const candidate: Candidate = { phone };
	if (checked.variables.length)
		candidate.variables = Object.fromEntries(checked.variables.map((v) => [v.name, v.value]));
	const callbackData = jsonObjectOf(node, itemIndex, 'Callback Data', raw.callbackData);
	if (callbackData) candidate.callbackData = callbackData;
	if (checked.clientExternalId) candidate.clientExternalId = checked.clientExternalId;
	if (checked.timezone !== undefined) candidate.timezone = checked.timezone;
	return candidate;
}

/**
 * The names of Variables (JSON), checked here so that the error names that field (the schema would
 * name an entry of Variables the user never made): none empty, none also given in Variables.
 */
function checkJsonVariableNames(
	node: INode,
	itemIndex: number,
	fromJson: Array<{ name: string }>,
	listed: Array<{ name: string }>,
): void {
	const listedNames = new Set(listed.map((v) => v.name.trim()));
	for (const { name } of fromJson) {
		if (name.trim() === '')
			throw inputError(
				node,
				itemIndex,
				'Variables (JSON)',
				'has a variable with an empty name; each key is a variable name of the script, for example {"Name": "John"}',
			);
		if (listedNames.has(name.trim()))
			throw inputError(
				node,
				itemIndex,
				'Variables (JSON)',
				`names "${name.trim()}", which Variables gives too; each variable name may appear once`,
			);
	}
}

/**
 * The "Candidates Per Request" option. Twin24 publishes no limit: `max` is a safe size, which is also
 * the default; smaller sizes make a failed request cost less.
 */
export function candidatesPerRequestOption(max: number): INodeProperties {
	return {
		...perRequestOption({ max, noun: 'candidates', provider: 'Twin24' }),
		description: `How many candidates go into one request, at most ${max.toLocaleString('en-US')} (Twin24 publishes no limit; this is a safe size)`,
	};
}

/**
 * The IDs Twin24 gives back per candidate, by position: `[[{autoCallId, autoCallCandidateId}]]` (the
 * documented answer of /single/batch) or the same one level flatter. Twin24 does not document the
 * answer of /batch, so any other shape gives no IDs rather than an error.
 */
export function resultsByPosition(answer: unknown, count: number): IDataObject[] {
	let list: unknown[] = Array.isArray(answer) ? answer : [];
	while (list.length > 0 && list.every(Array.isArray)) list = list.flat();
	if (list.length !== count) return [];
	return list.map((entry) => {
		const e = (entry ?? {}) as IDataObject;
		const result: IDataObject = {};
		const taskId = identityOf(e.autoCallId);
		const candidateId = identityOf(e.autoCallCandidateId ?? e.id);
		if (taskId) result.taskId = taskId;
		if (candidateId) result.candidateId = candidateId;
		return result;
	});
}

/**
 * With Continue On Fail, what each candidate of a request that failed as a whole reports: whether
 * Twin24 may have added it (the answer was lost) or surely did not.
 */
export function failedEntries(error: unknown, batch: ReadonlyArray<unknown>): IDataObject[] {
	const e = (error ?? {}) as { message?: string; description?: string | null };
	const message = e.message ?? String(error);
	const status = /outcome is unknown/.test(message) ? 'outcomeUnknown' : 'notAdded';
	return batch.map(() => ({
		status,
		error: message,
		...(e.description ? { errorDescription: e.description } : {}),
	}));
}
