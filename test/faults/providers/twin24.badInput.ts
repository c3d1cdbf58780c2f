/**
 * Malformed input for Twin24: each case is one bad item among good ones, in a field the Twin24 docs
 * (twin24-batch-candidates.txt, research/twin24.md §2.5-2.8) or our rules limit: phone numbers (empty,
 * letters, other characters, too short, too long, not text), time zone offset (seconds from -43200 to
 * 43200, whole), client external ID (at most 255 characters), variables and callback data (JSON
 * objects), and the IDs of the task, template and bot script (Twin24 IDs: nothing that would change the
 * request's path or query).
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { DEFAULT_TEMPLATE_ID, SEED_BOTS } from '../../../sandbox/twin24/state';
import { badInputCases, badPhone, tooLong } from '../harness/badInputCases';
import type { BadField, BadInputTarget } from '../harness/badInputCases';
import type { BadInputSuite } from '../harness/types';

/** The task Add to Task adds to; bad-input items name it by TASK_PLACEHOLDER (its ID is the sandbox's). */
const TASK_NAME = 'Fault suite task';
const TASK_PLACEHOLDER = '<task>';

/** Makes that task: manual, so adding candidates calls nobody until it is started. */
export function seedTask(sb: Sandbox): void {
	const state = sb.providers.twin24.state;
	state.createTask({ ...state.templateFor(undefined)!.settings, name: TASK_NAME });
}

export const taskOf = (sb: Sandbox) =>
	[...sb.providers.twin24.state.tasks.values()].find((t) => t.body.name === TASK_NAME);

/** The numbers a candidate request carried: `{batch: [{phone: [...]}]}` or one `{phone: [...]}`. */
export function candidateNumbers(r: RecordedRequest): string[] {
	let body: IDataObject;
	try {
		body = JSON.parse(r.rawBody) as IDataObject;
	} catch {
		return [];
	}
	const phonesOf = (entry: unknown): string[] =>
		((entry as IDataObject | null)?.phone as unknown[] | undefined)?.map(String) ?? [];
	return Array.isArray(body.batch) ? body.batch.flatMap(phonesOf) : phonesOf(body);
}
const REMINDER_BOT = SEED_BOTS[1].id;

const goodPhone = (i: number) => `7901${String(2_000_000 + i)}`;

/** Whole seconds outside -43200...43200, or not whole. */
const badTimezone: fc.Arbitrary<unknown> = fc.oneof(
	fc.integer({ min: 43_201, max: 10_000_000 }),
	fc.integer({ min: -10_000_000, max: -43_201 }),
	fc
		.tuple(fc.integer({ min: -43_199, max: 43_199 }), fc.constantFrom(0.5, 0.25, 0.001))
		.map(([n, f]) => n + f),
	fc.constantFrom('UTC+3', '3h', 'abc', '+03:00'),
);

/** Not a JSON object: broken JSON text, or JSON that is a list, a number, a text. */
const badJsonObject: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom('{', '{"a": }', "{'a': 1}", 'name=John', '{"a": 1,}', '[1, 2]', '42', '"text"'),
	fc.stringMatching(/^\{"[a-z]{1,8}": [a-z]{1,8}\}$/),
	fc.constantFrom([1, 2], 'null', 'true'),
);

/** The variable every item also gets from the Variables field. */
const FIXED_VARIABLE = 'Greeting';

/** Variables (JSON) is also refused with an empty name, or a name Variables gives too. */
const badVariables: fc.Arbitrary<unknown> = fc.oneof(
	badJsonObject,
	fc.constantFrom('{"": "x"}', '{"  ": 1}', '{"Name": "a", "": "b"}'),
	fc.string({ maxLength: 20 }).map((v) => JSON.stringify({ Name: 'a', [FIXED_VARIABLE]: v })),
);

/** Text that is not a Twin24 ID: empty where one is required, or with characters IDs never have. */
const badId = (required: boolean): fc.Arbitrary<unknown> =>
	fc.oneof(
		...(required ? [fc.constantFrom('', '   ')] : []),
		fc
			.tuple(
				fc.stringMatching(/^[a-f0-9]{4,12}$/),
				fc.constantFrom(' ', '/', '?', '#', '%', '&', '"', '\\', '<'),
				// Something after it: a trailing space is trimmed (and the ID then valid).
				fc.stringMatching(/^[a-f0-9]{1,12}$/),
			)
			.map(([a, c, b]) => `${a}${c}${b}`),
		fc.constantFrom('../autoCall', '-1', '.hidden', '/x'),
	);

/** Candidate Fields, each read from the item. */
const candidateFields = {
	variables: { variable: [{ name: FIXED_VARIABLE, value: 'Hello' }] },
	timezone: '={{ $json.tz }}',
	clientExternalId: '={{ $json.ext }}',
	variablesJson: '={{ $json.vars }}',
	callbackData: '={{ $json.cb }}',
};
const goodCandidate = (phone: string, i: number): IDataObject => ({
	phone,
	tz: 10_800,
	ext: `crm-${i}`,
	vars: '{"Name": "John"}',
	cb: { leadId: `L${i}` },
});
const candidateChecks: BadField[] = [
	{ key: 'phone', field: 'Phone', bad: badPhone },
	{ key: 'tz', field: 'Time Zone Offset (Seconds)', bad: badTimezone },
	{ key: 'ext', field: 'Client External ID', bad: tooLong(255) },
	{ key: 'vars', field: 'Variables (JSON)', bad: badVariables },
	{ key: 'cb', field: 'Callback Data', bad: badJsonObject },
];
const botById = { __rl: true, mode: 'id', value: '={{ $json.bot }}' };

/** A candidate operation of the Twin24 node (resource, node and credential added in TARGETS). */
type CandidateTarget = Omit<BadInputTarget, 'node' | 'credentialType' | 'inSandbox'>;

const CANDIDATE_TARGETS: CandidateTarget[] = [
	{
		operation: 'Add to Task',
		parameters: {
			operation: 'addToTask',
			task: { __rl: true, mode: 'id', value: '={{ $json.task }}' },
			phone: '={{ $json.phone }}',
			candidate: candidateFields,
		},
		good: (phone, i) => ({ ...goodCandidate(phone, i), task: TASK_PLACEHOLDER }),
		fields: [...candidateChecks, { key: 'task', field: 'Task', bad: badId(true) }],
	},
	{
		operation: 'Call From Template',
		parameters: {
			operation: 'callFromTemplate',
			templateId: '={{ $json.template }}',
			bot: botById,
			phone: '={{ $json.phone }}',
			candidate: candidateFields,
		},
		good: (phone, i) => ({
			...goodCandidate(phone, i),
			template: i % 2 ? DEFAULT_TEMPLATE_ID : '',
			bot: i % 3 ? REMINDER_BOT : '',
		}),
		fields: [
			...candidateChecks,
			{ key: 'template', field: 'Template ID', bad: badId(false) },
			{ key: 'bot', field: 'Bot Script', bad: badId(false) },
		],
	},
	{
		operation: 'Single Call',
		parameters: {
			operation: 'singleCall',
			bot: botById,
			phone: '={{ $json.phone }}',
			candidate: candidateFields,
		},
		good: (phone, i) => ({ ...goodCandidate(phone, i), bot: i % 2 ? REMINDER_BOT : '' }),
		fields: [...candidateChecks, { key: 'bot', field: 'Bot Script', bad: badId(false) }],
	},
];

const TARGETS: BadInputTarget[] = CANDIDATE_TARGETS.map((target) => ({
	...target,
	node: 'twin24',
	credentialType: 'twin24Api',
	parameters: { resource: 'candidate', ...target.parameters },
	// Items name the task by TASK_PLACEHOLDER: its ID is the one the case's sandbox made.
	inSandbox: (item, sb) =>
		item.task === TASK_PLACEHOLDER ? { ...item, task: taskOf(sb)?.id } : item,
}));

export const twin24BadInput: BadInputSuite = {
	cases: badInputCases(TARGETS, goodPhone),
	prepare: seedTask,
	numbersIn: (r: RecordedRequest) =>
		r.path.includes('/autoCallCandidate') ? candidateNumbers(r) : [],
};
