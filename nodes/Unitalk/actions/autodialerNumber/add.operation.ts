import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk } from '../../../shared/batching';
import type { BatchEntry } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import {
	apiAudios,
	audioListField,
	audioSchema as audioListSchema,
	checkSynthesisCount,
	rawAudios,
} from '../audioList';
import { SSML_WRAPPED, SSML_WRAPPED_ISSUE } from '../audio/common';
import { autodialerField, checkAutodialerId, PHONES_PER_ITEM } from '../common';
import { phonesOf } from '../../../shared/lists';
import { perRequestOption, perRequestSize } from '../../../shared/perRequest';
import { sendTakingBackRefused } from '../../../shared/refusals';
import { refusedAutodialerNumbers, unitalkMessage } from '../refusals';
import { itemParameterReader } from '../../../shared/parameters';
import type { ItemParameterReader } from '../../../shared/parameters';
import { autodialAction } from '../../transport';
import { accountLimit } from './accountLimits';

/** From the documentation of ADD_NUMBERS. */
export const MAX_NUMBERS_PER_REQUEST = 100_000;
export const MAX_NUMBERS_PER_AUTODIALER = 1_000_000;
const MAX_AUDIOS = 5; // AUTODIAL; GUARANTEED_DIAL allows 1, which Unitalk itself reports per number
const MAX_TTS = 2;
const MAX_TTS_CHARS = 2500;

const audioSchema = audioListSchema({
	text: z.string().max(MAX_TTS_CHARS),
	textIssue: (source, text) => {
		if (!text) return 'is required for speech synthesis';
		if (source === 'ssml' && !SSML_WRAPPED.test(text)) return SSML_WRAPPED_ISSUE;
		return undefined;
	},
	settingsRequired: false,
});

const numberDataSchema = z
	.object({
		name: z.string().optional(),
		note: z.string().optional(),
		link: z.string().optional(),
		params: z
			.array(z.object({ key: z.number().int().min(1).max(10), value: z.string().max(500) }))
			.max(10)
			.optional(),
		audios: z.array(audioSchema).max(MAX_AUDIOS).optional(),
	})
	.superRefine((d, ctx) => {
		const keys = d.params?.map((p) => p.key) ?? [];
		const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
		if (repeated !== undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['params'],
				message: `uses parameter ${repeated} twice`,
			});
		checkSynthesisCount(d.audios, MAX_TTS, ctx);
	});

type NumberData = z.infer<typeof numberDataSchema>;

const LABELS = {
	name: 'Name',
	note: 'Note',
	link: 'Web Dialer Data',
	params: 'Parameters',
	'params.*.key': 'Parameter Number',
	'params.*.value': 'Value',
	audios: 'Audios',
	'audios.*.audioId': 'Audio',
	'audios.*.text': 'Text',
	'audios.*.settingsId': 'TTS Profile ID',
};

interface NumberEntry {
	autodialerId: number;
	phone: string;
	data?: IDataObject;
}

/** What happened to one number. */
type PhoneStatus = 'added' | 'rejected' | 'alreadyPresent';

export const add: BatchOperation = {
	kind: 'batch',
	value: 'add',
	name: 'Add',
	description:
		'Add numbers to an autodialer; all input items are sent in as few requests as Unitalk allows',
	action: 'Add numbers to an autodialer',
	properties: [
		autodialerField,
		allowAgentUseField,
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '={{ $json.phone }}',
			required: true,
			description: `The number in international format. ${PHONES_PER_ITEM}.`,
		},
		{
			displayName: 'Number Data',
			name: 'numberData',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				audioListField({
					description:
						'Played for this number instead of the autodialer audio, in order (at most 5, at most 2 synthesised)',
					projectAudioName: 'Project Audio',
					synthesisOrder: ['text', 'ssml'],
					audiosMethod: 'getAudios',
					audioIdDescription:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					textDescription:
						'At most 2,500 characters; SSML must begin with &lt;speak&gt; and end with &lt;/speak&gt;',
					settingsIdPurpose: 'Speech synthesis profile to use instead of the autodialer one',
				}),
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'Olena Kovalenko',
					description:
						"The client's name for this number, e.g. Olena Kovalenko; the SIP client can show it and speech synthesis can read it (Unitalk keeps the first 100 characters)",
				},
				{
					displayName: 'Note',
					name: 'note',
					type: 'string',
					default: '',
					placeholder: 'Asked for a call back about the spring offer',
					description:
						'Note for the number, e.g. Order 1234, delivery on Friday; the SIP client can show it and speech synthesis can read it (Unitalk keeps the first 500 characters)',
				},
				{
					displayName: 'Parameters',
					name: 'params',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					description: 'Up to 10 numbered parameters, usable in speech synthesis and call history',
					options: [
						{
							displayName: 'Parameter',
							name: 'param',
							values: [
								{
									displayName: 'Parameter Number',
									name: 'key',
									type: 'number',
									typeOptions: { minValue: 1, maxValue: 10 },
									default: 1,
									description:
										'Which of the 10 parameter slots this value goes into, 1 to 10, e.g. 1 (read out as "Number Parameter 1" in speech synthesis)',
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
									placeholder: '1234',
									description:
										'Value of this parameter for the number, e.g. an order number such as 1234 (Unitalk keeps the first 500 characters)',
								},
							],
						},
					],
				},
				{
					displayName: 'Web Dialer Data',
					name: 'link',
					type: 'string',
					default: '',
					description: 'Data shown in Web Dialer, for example a CRM link (first 500 characters)',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Call Again If Already Present',
					name: 'refreshDuplicates',
					type: 'boolean',
					default: false,
					description:
						'Whether numbers already in the autodialer are processed again. When on, a failed request is not repeated automatically, so nobody is called twice.',
				},
				{
					displayName: 'High Priority',
					name: 'highPriority',
					type: 'boolean',
					default: false,
					description: 'Whether these numbers are called before the others',
				},
				perRequestOption({ max: MAX_NUMBERS_PER_REQUEST, noun: 'numbers', provider: 'Unitalk' }),
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		// Numbers added to a running autodialer are called: an AI agent needs the flow builder's consent.
		assertAgentMayPlaceCalls(this, 'Unitalk Add Numbers', 0);
		const node = this.getNode();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const refreshDuplicates = options.refreshDuplicates === true;
		const highPriority = options.highPriority === true;
		// Numbers Per Request; runBulk lowers it to the account's own figure (perRequestCap).
		const batchSize = perRequestSize(node, options, {
			max: MAX_NUMBERS_PER_REQUEST,
			noun: 'numbers',
		});

		const read: ItemReaders = {
			autodialer: itemParameterReader(this, 'autodialer', items, '', { extractValue: true }),
			phone: itemParameterReader(this, 'phone', items, ''),
			numberData: numberDataReader(this, itemParameterReader(this, 'numberData', items, {})),
		};
		return await runBulk<NumberEntry>(this, items.length, {
			read: (i) => {
				const entries = readItem(node, i, read);
				return { group: String(entries[0].autodialerId), entries };
			},
			checkGroup: (group, entries) => {
				if (entries.length <= MAX_NUMBERS_PER_AUTODIALER) return;
				throw inputError(
					node,
					entries[MAX_NUMBERS_PER_AUTODIALER].itemIndex,
					'Phone',
					`would bring autodialer ${group} past 1,000,000 numbers in this run (${entries.length} given); Unitalk allows 1,000,000 per autodialer`,
				);
			},
			perRequest: batchSize,
			perRequestCap: async () => await accountLimit(this, 'maxAddNumbersCount'),
			noun: 'numbers',
			accepted: (outcome) => outcome.status !== 'rejected',
			send: async (group, batch) =>
				await sendBatch(this, Number(group), batch, { refreshDuplicates, highPriority }),
			summarise: (outcomes) => {
				const phones = outcomes.map((o) => o.json);
				const autodialerId = outcomes[0].entry.value.autodialerId;
				if (phones.length === 1) return { autodialerId, ...phones[0] };
				const count = (status: PhoneStatus) => phones.filter((p) => p.status === status).length;
				return {
					autodialerId,
					added: count('added'),
					rejected: count('rejected'),
					alreadyPresent: count('alreadyPresent'),
					phones,
				};
			},
		});
	},
};

interface ItemReaders {
	autodialer: ItemParameterReader<unknown>;
	phone: ItemParameterReader<unknown>;
	numberData: (itemIndex: number) => IDataObject | undefined;
}

/** Checked number data per item; data that is the same for every item is checked once. */
function numberDataReader(ctx: IExecuteFunctions, readRaw: ItemParameterReader<IDataObject>) {
	let last: { raw: IDataObject; data: IDataObject | undefined } | undefined;
	return (itemIndex: number): IDataObject | undefined => {
		const raw = readRaw(itemIndex);
		if (Object.keys(raw).length === 0) return undefined;
		if (last?.raw !== raw) last = { raw, data: checkNumberData(ctx, itemIndex, raw) };
		return last.data;
	};
}

/** `node` is passed in: getNode() copies the whole node, too slow to call per item of a million. */
function readItem(node: INode, itemIndex: number, read: ItemReaders): NumberEntry[] {
	const id = checkAutodialerId(node, itemIndex, read.autodialer(itemIndex));
	const cleaned = phonesOf(node, itemIndex, 'Phone', read.phone(itemIndex));
	const data = read.numberData(itemIndex);
	return cleaned.map((phone) => ({ autodialerId: id, phone, ...(data ? { data } : {}) }));
}

function checkNumberData(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: IDataObject,
): IDataObject | undefined {
	const params = ((raw.params as IDataObject)?.param as IDataObject[] | undefined)?.map((p) => ({
		key: Number(p.key),
		value: String(p.value ?? ''),
	}));
	const audios = rawAudios(raw.audios, {
		id: (v) => (v === '' || v === undefined ? undefined : Number(v)),
		text: (v) => (v === '' ? undefined : v),
	});
	const checked: NumberData = parseInput(
		ctx.getNode(),
		numberDataSchema,
		{
			name: emptyToUndefined(raw.name),
			note: emptyToUndefined(raw.note),
			link: emptyToUndefined(raw.link),
			params,
			audios,
		},
		itemIndex,
		LABELS,
	);
	const data: IDataObject = {};
	if (checked.name) data.name = checked.name;
	if (checked.note) data.note = checked.note;
	if (checked.link) data.link = checked.link;
	if (checked.params?.length)
		data.params = Object.fromEntries(checked.params.map((p) => [String(p.key), p.value]));
	if (checked.audios?.length) data.audios = apiAudios(checked.audios, 'compact');
	return Object.keys(data).length ? data : undefined;
}

function emptyToUndefined(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

/**
 * Sends one batch. When Unitalk refuses some numbers ("Wrong numbers" / "Wrong audios", which it
 * answers without adding anything), those are marked rejected and the rest is sent again.
 */
async function sendBatch(
	ctx: IExecuteFunctions,
	autodialer: number,
	batch: Array<BatchEntry<NumberEntry>>,
	flags: { refreshDuplicates: boolean; highPriority: boolean },
): Promise<IDataObject[]> {
	const outcome = (entry: BatchEntry<NumberEntry>, status: PhoneStatus, reason?: string) => ({
		phone: entry.value.phone,
		status,
		...(reason ? { reason } : {}),
	});
	return await sendTakingBackRefused(batch, {
		keyOf: (value) => value.phone,
		send: async (pending) => {
			const numbers = pending.filter((e) => !e.value.data).map((e) => e.value.phone);
			const numbersWithData = pending
				.filter((e) => e.value.data)
				.map((e) => ({ phone: e.value.phone, ...e.value.data }));
			await autodialAction.call(
				ctx,
				'ADD_NUMBERS',
				{
					id: autodialer,
					refreshDuplicates: flags.refreshDuplicates,
					highPriority: flags.highPriority,
					...(numbers.length ? { numbers } : {}),
					...(numbersWithData.length ? { numbersWithData } : {}),
				},
				{
					action: 'Add Numbers',
					// Adding a number that is already there changes nothing, unless it is to be called again.
					idempotent: !flags.refreshDuplicates,
					itemIndex: pending[0].itemIndex,
					timeoutMs: 180_000,
				},
			);
			return {};
		},
		// "Numbers not added": nothing new, so (all numbers being valid) every one was already in the
		// autodialer, for example added by an earlier attempt whose answer was lost. Not a failure.
		settle: (error, pending) =>
			!flags.refreshDuplicates && unitalkMessage(error) === 'Numbers not added'
				? pending.map((entry) =>
						outcome(
							entry,
							'alreadyPresent',
							'Numbers not added: the number is already in the autodialer',
						),
					)
				: undefined,
		refused: refusedAutodialerNumbers,
		accepted: (entry) => outcome(entry, 'added'),
		rejected: (entry, reason) => outcome(entry, 'rejected', reason),
	});
}
