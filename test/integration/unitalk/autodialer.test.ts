/**
 * Unitalk → Autodialer (Get Many, Get Configuration, Create, Update, Delete, Cancel, Pause, Unpause,
 * Re-call Numbers) against the sandbox: node output and the exact requests recorded. Doc sections
 * "Autodialer", "Obtaining complete information about autodialers with additional data", "Creating and
 * updating autodialers", "Autodialer removal", "Re-call numbers", "Autodialer cancellation", "Pausing",
 * "Unpausing". Seeded: 12345 "Sandbox autodialer" (AUTODIAL / FIXED, IN_PROGRESS, numbers NEW, ANSWER,
 * NOANSWER) and 12346 "Sandbox voice robot" (VOICE_ROBOT / FREE, PAUSED, no numbers).
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { BLOCKED_FOR_AUTODIAL_REASON } from '../../../sandbox/unitalk/autodial/numberStore';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

// The governor keeps this file under 30 Unitalk requests per 10 s, so some tests wait for a slot.
jest.setTimeout(60_000);

/** The sandbox runs on a clock that starts on Thursday 15 January 2026, 10:00 UTC (inside the hours). */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const started = Date.now();
const sandboxNow = () => T0 + (Date.now() - started);

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ clock: sandboxNow });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const state = () => sandbox.providers.unitalk.state;
const autodialer = (id: number) => state().autodialers.get(id);

const credentials = () => ({
	unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
});

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

const run = async (parameters: Record<string, unknown>, items: object[] = [{}], settings = {}) =>
	await runWorkflow(
		singleNodeWorkflow(
			'unitalk',
			{ resource: 'autodialer', ...parameters } as never,
			items,
			['unitalkApi'],
			settings,
		),
		{ credentials: credentials() },
	);

const requests = (action?: string): RecordedRequest[] =>
	sandbox.requests.filter(
		(r) => r.provider === 'unitalk' && (!action || JSON.parse(r.rawBody).action === action),
	);
const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, any>;

const WEEKDAYS_9_TO_6 = {
	monday: { from: '09:00', to: '18:00' },
	tuesday: { from: '09:00', to: '18:00' },
	wednesday: { from: '9:30', to: '18:00' },
	thursday: { from: '09:00', to: '18:00' },
	friday: { from: '09:00', to: '17:00' },
};

/** Create parameters of a valid AUTODIAL / FIXED autodialer; `extra` overrides. */
const createParams = (extra: Record<string, unknown> = {}) => ({
	operation: 'create',
	name: 'Spring promo',
	autodialerType: 'AUTODIAL',
	autodialerMode: 'FIXED',
	startDate: '2026-01-15T00:00:00',
	endDate: '2026-02-15',
	callHours: WEEKDAYS_9_TO_6,
	compositeAudio: { part: [{ kind: 'audio', audioId: 46615 }] },
	threadCount: 2,
	...extra,
});

describe('Unitalk → Autodialer → Get Many', () => {
	it('outputs one item per autodialer from one GET_LIST request', async () => {
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out.map((i) => i.json.id)).toEqual([12345, 12346]);
		expect(out[0].json).toMatchObject({
			name: 'Sandbox autodialer',
			autodialerType: 'AUTODIAL',
			statistics: { totalCount: 3 },
			taskStatusInfo: { status: 'IN_PROGRESS' },
		});
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(requests()).toHaveLength(1);
		expect(body(requests()[0])).toEqual({ action: 'GET_LIST' });
	});

	it('applies Limit and the name and status filters to the full list', async () => {
		const limited = await run({ operation: 'getMany', returnAll: false, limit: 1 });
		expect(limited.output('Subject').map((i) => i.json.id)).toEqual([12345]);
		const byName = await run({ operation: 'getMany', returnAll: true, filters: { name: 'ROBOT' } });
		expect(byName.output('Subject').map((i) => i.json.id)).toEqual([12346]);
		const byStatus = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { statuses: ['PAUSED', 'FINISHED'] },
		});
		expect(byStatus.output('Subject').map((i) => i.json.id)).toEqual([12346]);
		expect(requests('GET_LIST')).toHaveLength(3);
	});
});

describe('Unitalk → Autodialer → Get Configuration', () => {
	it('outputs the whole GET_WITH_DATA answer as one item', async () => {
		const result = await run({ operation: 'getConfiguration' });
		expect(result.error()).toBeUndefined();
		const [item] = result.output('Subject');
		expect(item.json.tasks).toHaveLength(2);
		expect(item.json).toMatchObject({
			groups: { '300': 'Support' },
			multiAudiosLimit: 20,
			autodialerModes: { FIXED: expect.any(String) },
			autodialNumberStatesInfo: { refreshableStates: expect.arrayContaining(['NOANSWER']) },
		});
		expect(item.json.statesInfo).toHaveLength(20);
		expect(requests().map(body)).toEqual([{ action: 'GET_WITH_DATA' }]);
	});
});

describe('Unitalk → Autodialer → Create', () => {
	it('sends ADD with the weekday hours as 7-entry lists and the audio parts in order', async () => {
		const result = await run(
			createParams({
				compositeAudio: {
					part: [
						{ kind: 'silence', silenceMillis: 500 },
						{ kind: 'audio', audioId: 46615 },
						{ kind: 'synthesis', dynamicValue: 'NO', settingsId: 18 },
					],
				},
				scenarioId: 4567,
				additionalFields: { delay: 2, ttsSettingsId: 16, callerIdPrefix: 'PROMO', callDelay: 5 },
			}),
		);

		expect(result.error()).toBeUndefined();
		const sent = requests();
		expect(sent).toHaveLength(1);
		expect(body(sent[0])).toEqual({
			action: 'ADD',
			task: {
				name: 'Spring promo',
				autodialerType: 'AUTODIAL',
				autodialerMode: 'FIXED',
				startDate: '2026-01-15',
				endDate: '2026-02-15',
				timeFrom: ['09:00', '09:00', '09:30', '09:00', '09:00', null, null],
				timeTo: ['18:00', '18:00', '18:00', '18:00', '17:00', null, null],
				compositeAudio: {
					multiAudios: [
						{ silenceMillis: 500 },
						{ id: 46615 },
						{ synthesisFromDynamicValue: { dynamicValue: 'NO', settingsId: 18 } },
					],
				},
				scenarioId: 4567,
				threadCount: 2,
				crmMode: 'DONT_SEND',
				clientCalledMode: 'NEVER',
				delay: 2,
				ttsSettingsId: 16,
				callerIdPrefix: 'PROMO',
				callDelay: 5,
			},
		});
		const [item] = result.output('Subject');
		expect(item.json).toMatchObject({ autodialerId: 20000, status: 'Success', data: 20000 });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(autodialer(20000)).toMatchObject({ name: 'Spring promo', status: 'NO_NUMBERS' });
	});

	it('creates a guaranteed SMART autodialer with lines, repeat calls, event handlers and numbers', async () => {
		const result = await run(
			createParams({
				name: '={{ $json.campaign }}',
				autodialerType: 'GUARANTEED_DIAL',
				autodialerMode: 'SMART',
				groupId: 300,
				crmMode: 'SEND_SUCCESS',
				additionalFields: {
					moh: 4956,
					smartSpeed: -10,
					coldBaseStartCallsMultiplier: 0.1,
					markAsBusySeconds: 3600,
					markAsBusyMinSecondsTalk: 0,
					pauseOperatorNoAnswerLimit: 3,
					reservedSipsBusyOnlyForAutodials: true,
					repeatEarlyStart: true,
					repeatStates: {
						state: [
							{ state: 'NOANSWER', attempts: 3, intervalMinutes: 30 },
							{ state: 'ANSWER', attempts: 1, intervalMinutes: 5, secondsThreshold: 20 },
						],
					},
					triggerActions: {
						entry: [
							{ event: 'AUTODIAL_FINISH', handlers: [123, 104] },
							{ event: 'AUTODIAL_NOANSWER', handlers: ['105'] },
						],
					},
					numbers: '+38 (097) 111-11-11, 380971111112\n380971111113',
					highPriority: true,
				},
			}),
			[{ campaign: 'Hot leads' }],
		);

		expect(result.error()).toBeUndefined();
		// The project's handler list is read first, to check the handlers before sending.
		expect(requests().map((r) => body(r).action)).toEqual(['GET_WITH_DATA', 'ADD']);
		const task = body(requests('ADD')[0]).task;
		expect(task).toMatchObject({
			name: 'Hot leads',
			autodialerType: 'GUARANTEED_DIAL',
			autodialerMode: 'SMART',
			groupId: 300,
			moh: 4956,
			smartSpeed: -10,
			coldBaseStartCallsMultiplier: 0.1,
			markAsBusySeconds: 3600,
			markAsBusyMinSecondsTalk: 0,
			pauseOperatorNoAnswerLimit: 3,
			reservedSipsBusyOnlyForAutodials: true,
			crmMode: 'SEND_SUCCESS',
			repeatCallsSettings: {
				earlyStart: true,
				highPriority: false,
				statesSettings: {
					NOANSWER: { attempts: 3, intervalMinutes: 30 },
					ANSWER: { attempts: 1, intervalMinutes: 5, secondsThreshold: 20 },
				},
			},
			triggerActions: { AUTODIAL_FINISH: [123, 104], AUTODIAL_NOANSWER: [105] },
			numbers: ['380971111111', '380971111112', '380971111113'],
			highPriority: true,
		});
		// Fields of other types and modes are not sent.
		expect(task).not.toHaveProperty('compositeAudio');
		expect(task).not.toHaveProperty('threadCount');
		const [item] = result.output('Subject');
		expect(item.json).toMatchObject({ autodialerId: 20000, numbersAdded: 3 });
		expect((item.json.task as Record<string, unknown>).numbers).toBeUndefined();
		expect(autodialer(20000)?.numbers).toHaveLength(3);
		expect(autodialer(20000)?.status).toBe('IN_PROGRESS');
	});

	it('reports numbers on BLOCKED_FOR_AUTODIAL_PHONES as refused and creates the autodialer with the rest', async () => {
		// Seeded: BLOCKED_FOR_AUTODIAL_PHONES holds 380971112233 and 380631234567. Unitalk refuses the
		// whole ADD ("Wrong numbers", nothing created); the node takes them back and sends ADD again.
		const result = await run(
			createParams({
				additionalFields: {
					numbers: '380971111111, +380 97 111 22 33\n380631234567, 380971111112',
				},
			}),
		);

		expect(result.error()).toBeUndefined();
		expect(requests().map((r) => body(r).task.numbers)).toEqual([
			['380971111111', '380971112233', '380631234567', '380971111112'],
			['380971111111', '380971111112'],
		]);
		const [item] = result.output('Subject');
		expect(item.json).toMatchObject({
			autodialerId: 20000,
			numbersAdded: 2,
			numbersRefused: [
				{ phone: '380971112233', reason: BLOCKED_FOR_AUTODIAL_REASON },
				{ phone: '380631234567', reason: BLOCKED_FOR_AUTODIAL_REASON },
			],
		});
		expect(autodialer(20000)?.numbers.map((n) => n.phone)).toEqual([
			'380971111111',
			'380971111112',
		]);
	});

	it('creates the autodialer without numbers when Unitalk refuses every one, and says so', async () => {
		const result = await run(createParams({ additionalFields: { numbers: '380971112233' } }));

		expect(result.error()).toBeUndefined();
		expect(requests().map((r) => body(r).task.numbers)).toEqual([['380971112233'], undefined]);
		expect(result.output('Subject')[0].json).toMatchObject({
			autodialerId: 20000,
			numbersAdded: 0,
			numbersRefused: [{ phone: '380971112233', reason: BLOCKED_FOR_AUTODIAL_REASON }],
		});
		expect(autodialer(20000)).toMatchObject({ name: 'Spring promo', status: 'NO_NUMBERS' });
	});

	it('takes the hours as two lists by expression, and a voice robot with SIP lines', async () => {
		const result = await run(
			createParams({
				autodialerType: 'VOICE_ROBOT',
				autodialerMode: 'FREE',
				voiceSecretaryId: '25',
				pseudoGroupOperators: ['1111', '2222'],
				callHoursInput: 'lists',
				timeFrom: '={{ ["10:00", null, null, null, null, "11:00", "12:00"] }}',
				timeTo: '["16:00", null, null, null, null, "15:00", "13:00"]',
			}),
		);
		expect(result.error()).toBeUndefined();
		const task = body(requests('ADD')[0]).task;
		expect(task).toMatchObject({
			voiceSecretaryId: 25,
			pseudoGroupOperators: ['1111', '2222'],
			timeFrom: ['10:00', null, null, null, null, '11:00', '12:00'],
			timeTo: ['16:00', null, null, null, null, '15:00', '13:00'],
		});
		expect(task).not.toHaveProperty('compositeAudio');
		expect(task).not.toHaveProperty('threadCount');
	});

	it('explains a refusal by Unitalk and does not send ADD again', async () => {
		const result = await run(createParams({ name: 'Sandbox autodialer' }));
		const error = result.error('Subject');
		expect(error?.message).toBe(
			'Unitalk Create Autodialer: Name already present: an autodialer with this name already exists in the project',
		);
		expect(requests()).toHaveLength(1);
	});

	it('explains an error that carries a detail (an unknown SIP line)', async () => {
		const result = await run(
			createParams({ autodialerMode: 'FREE', pseudoGroupOperators: ['1111', '9999'] }),
		);
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Create Autodialer: Operator not found: 9999: this SIP line does not exist in the project',
		);
		expect(body(requests()[0]).task.pseudoGroupOperators).toEqual(['1111', '9999']);
		expect(state().autodialers.size).toBe(2);
	});

	it('refuses two handlers of the same type for one event before sending ADD', async () => {
		const result = await run(
			createParams({
				additionalFields: {
					triggerActions: { entry: [{ event: 'AUTODIAL_FINISH', handlers: [123, 102] }] },
				},
			}),
		);
		expect(result.error('Subject')?.message).toMatch(
			/^Item 1: "Event Handlers" give AUTODIAL_FINISH two handlers of the same type \(123 and 102\)/,
		);
		expect(requests().map((r) => body(r).action)).toEqual(['GET_WITH_DATA']);
	});
});

describe('Unitalk → Autodialer → Create: bad input is refused before anything is sent', () => {
	const refused = async (params: Record<string, unknown>, message: string | RegExp) => {
		const result = await run(createParams(params));
		const error = result.error('Subject');
		expect(error).toBeDefined();
		if (typeof message === 'string') expect(error?.message).toBe(message);
		else expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent for this item/);
		expect(sandbox.requests).toHaveLength(0);
	};

	it('a 46-character name', async () => {
		await refused(
			{ name: 'x'.repeat(46) },
			'Item 1: "Name" is too long: 46 characters given, at most 45 allowed',
		);
	});

	it('a day whose From is after its To', async () => {
		await refused(
			{ callHours: { ...WEEKDAYS_9_TO_6, tuesday: { from: '18:00', to: '09:00' } } },
			/^Item 1: "Call Hours > Tuesday" starts at 18:00, which is not before its end 09:00/,
		);
	});

	it('a week without any day', async () => {
		await refused({ callHours: {} }, /^Item 1: "Call Hours" has no day/);
	});

	it('hour lists that do not have 7 entries', async () => {
		await refused(
			{
				callHoursInput: 'lists',
				timeFrom: '["09:00", "09:00", "09:00", "09:00", "09:00", null]',
				timeTo: '["18:00", "18:00", "18:00", "18:00", "18:00", null, null]',
			},
			/^Item 1: "Start Times \(7 Days\)" must have exactly 7 entries.*6 given/,
		);
	});

	it('21 audio parts', async () => {
		await refused(
			{ compositeAudio: { part: Array(21).fill({ kind: 'silence', silenceMillis: 100 }) } },
			'Item 1: "Audio Parts" has too many entries: 21 given, at most 20 allowed',
		);
	});

	it('a silence of 10,001 ms', async () => {
		await refused(
			{ compositeAudio: { part: [{ kind: 'silence', silenceMillis: 10001 }] } },
			'Item 1: "Audio Parts 1 > Silence (Ms)" is too large: 10001 given, at most 10000 allowed',
		);
	});

	it('smartSpeed 11', async () => {
		await refused(
			{
				autodialerMode: 'SMART',
				groupId: 300,
				additionalFields: { smartSpeed: 11 },
			},
			'Item 1: "Smart Speed" is too large: 11 given, at most 10 allowed',
		);
	});

	it('FREE mode without a group or SIP lines', async () => {
		await refused(
			{ autodialerMode: 'FREE' },
			/^Item 1: "Group Name or ID" is required in FREE mode: choose a group of internal lines, or give "SIP Line Names or IDs"/,
		);
	});

	it('a cold base multiplier of 1.6', async () => {
		await refused(
			{
				autodialerMode: 'FREE',
				groupId: 300,
				additionalFields: { coldBaseStartCallsMultiplier: 1.6 },
			},
			'Item 1: "Cold Base Start Calls Multiplier" is too large: 1.6 given, at most 1.5 allowed',
		);
	});

	it('an AUTODIAL without audio or scenario', async () => {
		await refused(
			{ compositeAudio: {} },
			/^Item 1: "Audio Parts" are empty and no "Incoming Scenario Name or ID" is set/,
		);
	});

	it('a voice robot without its robot', async () => {
		await refused(
			{ autodialerType: 'VOICE_ROBOT', voiceSecretaryId: '={{ $json.robot }}' },
			'Item 1: "Voice Robot Name or ID" is required for a Voice Robot (VOICE_ROBOT)',
		);
	});

	it('a synthesised part without any TTS profile', async () => {
		await refused(
			{ compositeAudio: { part: [{ kind: 'synthesis', dynamicValue: 'P3' }] } },
			/^Item 1: "TTS Profile Name or ID" is required when an audio part is spoken by speech synthesis/,
		);
	});

	it('an end date before the start date', async () => {
		await refused(
			{ endDate: '2026-01-14' },
			'Item 1: "End Date" (2026-01-14) is before the start date (2026-01-15)',
		);
	});

	it('a 21-character caller ID prefix', async () => {
		await refused(
			{ additionalFields: { callerIdPrefix: 'p'.repeat(21) } },
			'Item 1: "Caller ID Prefix" is too long: 21 characters given, at most 20 allowed',
		);
	});

	it('six handlers for one event', async () => {
		await refused(
			{
				additionalFields: {
					triggerActions: {
						entry: [{ event: 'AUTODIAL_NOANSWER', handlers: [123, 103, 105, 106, 107, 108] }],
					},
				},
			},
			'Item 1: "Event Handlers 1 > Handler Names or IDs" has too many entries: 6 given, at most 5 allowed',
		);
	});

	it('a number that cannot be dialled', async () => {
		await refused(
			{ additionalFields: { numbers: '380971111111, 12ab' } },
			/^Item 1: "Numbers 2" is not a number that can be dialled: "12ab" contains letters/,
		);
	});

	it('repeat attempts outside 0-10', async () => {
		await refused(
			{
				additionalFields: {
					repeatStates: { state: [{ state: 'BUSY', attempts: 11, intervalMinutes: 30 }] },
				},
			},
			'Item 1: "Repeat Calls 1 > Repeat Attempts" is too large: 11 given, at most 10 allowed',
		);
	});
});

describe('Unitalk → Autodialer → Update', () => {
	it('reads the current configuration and sends it whole with the changes', async () => {
		const result = await run({
			operation: 'update',
			autodialer: byId(12345),
			autodialerMode: 'FIXED',
			updateFields: { name: 'Renamed promo', threadCount: 4, crmMode: 'ALL_CALLS' },
		});

		expect(result.error()).toBeUndefined();
		expect(requests().map((r) => body(r).action)).toEqual(['GET_WITH_DATA', 'UPDATE']);
		const sent = body(requests('UPDATE')[0]);
		expect(sent).toEqual({
			action: 'UPDATE',
			task: {
				id: 12345,
				name: 'Renamed promo',
				autodialerType: 'AUTODIAL',
				autodialerMode: 'FIXED',
				startDate: autodialer(12345)!.settings.startDate,
				endDate: autodialer(12345)!.settings.endDate,
				timeFrom: ['09:00', '09:00', '09:00', '09:00', '09:00', null, null],
				timeTo: ['19:00', '19:00', '19:00', '19:00', '19:00', null, null],
				outScenarioId: null,
				triggerActions: {},
				repeatCallsSettings: null,
				callerIdPrefix: null,
				crmMode: 'ALL_CALLS',
				clientCalledMode: 'NEVER',
				displayName: false,
				displayNote: false,
				removeAfterFinish: false,
				compositeAudio: { multiAudios: [{ id: 46615 }] },
				scenarioId: null,
				delay: 2,
				ttsSettingsId: null,
				useTaskAudioIfAudioError: false,
				threadCount: 4,
				callDelay: 0,
				callDelayOnlyAnswered: true,
			},
		});
		expect(autodialer(12345)).toMatchObject({
			name: 'Renamed promo',
			settings: { threadCount: 4, crmMode: 'ALL_CALLS' },
		});
		expect(result.output('Subject')[0].json).toMatchObject({
			autodialerId: 12345,
			status: 'Success',
			task: { name: 'Renamed promo', threadCount: 4 },
		});
	});

	it('changes the mode: the fields of the old mode go, the new mode needs its group', async () => {
		const result = await run({
			operation: 'update',
			autodialer: byId(12345),
			autodialerMode: 'FREE',
			updateFields: { groupId: 455, markAsBusySeconds: 30 },
		});
		expect(result.error()).toBeUndefined();
		const task = body(requests('UPDATE')[0]).task;
		expect(task).toMatchObject({
			autodialerMode: 'FREE',
			groupId: 455,
			pseudoGroupOperators: null,
			markAsBusySeconds: 30,
		});
		expect(task).not.toHaveProperty('threadCount');
		expect(autodialer(12345)?.autodialerMode).toBe('FREE');
	});

	it('refuses a mode change without a group, after reading, without sending UPDATE', async () => {
		const result = await run({
			operation: 'update',
			autodialer: byId(12345),
			autodialerMode: 'SMART',
			updateFields: { smartSpeed: 2 },
		});
		expect(result.error('Subject')?.message).toMatch(
			/^Item 1: "Group Name or ID" is required in SMART mode/,
		);
		expect(requests().map((r) => body(r).action)).toEqual(['GET_WITH_DATA']);
	});

	it('replaces event handlers per event, merges repeat settings and clears fields', async () => {
		state().autodialers.get(12346)!.settings.triggerActions = { AUTODIAL_FINISH: [123] };
		const result = await run({
			operation: 'update',
			autodialer: byId(12346),
			autodialerType: 'VOICE_ROBOT',
			updateFields: {
				triggerActions: { entry: [{ event: 'AUTODIAL_NOANSWER', handlers: [105, 103] }] },
				repeatHighPriority: true,
				clearFields: ['outScenarioId'],
			},
		});
		expect(result.error()).toBeUndefined();
		const task = body(requests('UPDATE')[0]).task;
		expect(task.triggerActions).toEqual({ AUTODIAL_FINISH: [123], AUTODIAL_NOANSWER: [105, 103] });
		expect(task.repeatCallsSettings).toEqual({
			earlyStart: false,
			highPriority: true,
			statesSettings: {},
		});
		expect(task.outScenarioId).toBeNull();
		expect(task).toMatchObject({ voiceSecretaryId: 25, groupId: 300, autodialerMode: 'FREE' });
	});

	it('refuses a type that is not the autodialer’s (Unitalk cannot change it)', async () => {
		const result = await run({
			operation: 'update',
			autodialer: byId(12346),
			autodialerType: 'AUTODIAL',
			updateFields: { name: 'x' },
		});
		expect(result.error('Subject')?.message).toMatch(
			/^Item 1: "Autodialer Type" is AUTODIAL, but autodialer 12346 is a Voice Robot \(VOICE_ROBOT\)/,
		);
		expect(requests('UPDATE')).toHaveLength(0);
	});

	it('refuses a name another autodialer has', async () => {
		const result = await run({
			operation: 'update',
			autodialer: byId(12346),
			updateFields: { name: 'Sandbox autodialer' },
		});
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Name" "Sandbox autodialer" is already used by autodialer 12345; names must be unique in the project',
		);
		expect(requests('UPDATE')).toHaveLength(0);
	});

	it('says when the autodialer does not exist', async () => {
		const result = await run({
			operation: 'update',
			autodialer: byId(999),
			updateFields: { name: 'x' },
		});
		expect(result.error('Subject')?.message).toBe(
			'Item 1: autodialer 999 does not exist in the Unitalk project',
		);
		expect(requests('UPDATE')).toHaveLength(0);
	});

	it('refuses empty update fields and bad values without any request', async () => {
		const empty = await run({ operation: 'update', autodialer: byId(12345) });
		expect(empty.error('Subject')?.message).toBe(
			'Item 1: "Update Fields" are empty: add the fields to change',
		);
		const bad = await run({
			operation: 'update',
			autodialer: byId(12345),
			updateFields: { name: 'y'.repeat(46) },
		});
		expect(bad.error('Subject')?.message).toBe(
			'Item 1: "Name" is too long: 46 characters given, at most 45 allowed',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('updates two items with one configuration read', async () => {
		const result = await run(
			{
				operation: 'update',
				autodialer: '={{ { __rl: true, mode: "id", value: String($json.id) } }}',
				updateFields: { callerIdPrefix: '={{ $json.prefix }}' },
			},
			[
				{ id: 12345, prefix: 'A' },
				{ id: 12346, prefix: 'B' },
			],
		);
		expect(result.error()).toBeUndefined();
		expect(requests().map((r) => body(r).action)).toEqual(['GET_WITH_DATA', 'UPDATE', 'UPDATE']);
		expect(requests('UPDATE').map((r) => body(r).task.callerIdPrefix)).toEqual(['A', 'B']);
		expect(result.output('Subject').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Unitalk → Autodialer → Delete, Pause, Unpause, Cancel', () => {
	it('Delete sends REMOVE and outputs the answer', async () => {
		const result = await run({ operation: 'delete', autodialer: byId(12346) });
		expect(result.error()).toBeUndefined();
		expect(requests().map(body)).toEqual([{ action: 'REMOVE', id: 12346 }]);
		expect(result.output('Subject')[0].json).toEqual({
			autodialerId: 12346,
			status: 'Success',
			message: 'Removed',
		});
		expect(autodialer(12346)).toBeUndefined();
	});

	it('Pause, Unpause and Cancel move the autodialer through its statuses', async () => {
		const pause = await run({ operation: 'pause', autodialer: byId(12345) });
		expect(pause.output('Subject')[0].json).toEqual({ autodialerId: 12345, status: 'Success' });
		expect(autodialer(12345)?.status).toBe('PAUSED');

		await run({ operation: 'unpause', autodialer: byId(12345) });
		expect(autodialer(12345)?.status).toBe('IN_PROGRESS');

		const cancel = await run({ operation: 'cancel', autodialer: byId(12345) });
		expect(cancel.output('Subject')[0].json).toEqual({
			autodialerId: 12345,
			status: 'Success',
			message: 'Cancelled',
		});
		expect(autodialer(12345)?.status).toBe('CANCELED');
		expect(requests().map(body)).toEqual([
			{ action: 'PAUSE', id: 12345 },
			{ action: 'UNPAUSE', id: 12345 },
			{ action: 'CANCEL', id: 12345 },
		]);
	});

	it('explains "Task is canceled", and with Continue On Fail pairs the error with its item', async () => {
		Object.assign(autodialer(12346)!, { status: 'CANCELED', statusChangedAt: sandboxNow() });
		const result = await run(
			{
				operation: 'pause',
				autodialer: '={{ { __rl: true, mode: "id", value: String($json.id) } }}',
			},
			[{ id: 12345 }, { id: 12346 }, { id: 999 }],
			{ onError: 'continueRegularOutput' },
		);
		const out = result.output('Subject');
		expect(out).toHaveLength(3);
		expect(out[0].json).toEqual({ autodialerId: 12345, status: 'Success' });
		expect(out[1].json.error).toMatch(/^Unitalk Pause Autodialer: Task is canceled/);
		expect(out[2].json.error).toBe(
			'Unitalk Pause Autodialer: Task not found: no autodialer has this ID in the project',
		);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(requests('PAUSE')).toHaveLength(3);
	});

	it('refuses an autodialer ID that is not a number without a request', async () => {
		const result = await run({ operation: 'cancel', autodialer: byId('={{ "abc" }}') });
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Autodialer" must be an autodialer ID (a whole number), got "abc"',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Unitalk → Autodialer → Re-call Numbers', () => {
	it('sends REFRESH with the call states; the numbers go back to NEW', async () => {
		const result = await run({
			operation: 'recallNumbers',
			autodialer: byId(12345),
			callStates: ['NOANSWER', 'ANSWER'],
		});
		expect(result.error()).toBeUndefined();
		expect(requests().map(body)).toEqual([
			{ action: 'REFRESH', id: 12345, callStates: ['NOANSWER', 'ANSWER'] },
		]);
		expect(result.output('Subject')[0].json).toEqual({
			autodialerId: 12345,
			callStates: ['NOANSWER', 'ANSWER'],
			status: 'Success',
		});
		expect(autodialer(12345)?.numbers.map((n) => n.state)).toEqual(['NEW', 'NEW', 'NEW']);
	});

	it('explains "Try again later" within a minute and does not send it again', async () => {
		const params = {
			operation: 'recallNumbers',
			autodialer: byId(12345),
			callStates: ['NOANSWER'],
		};
		expect((await run(params)).error()).toBeUndefined();
		autodialer(12345)!.numbers[2].state = 'NOANSWER';
		const again = await run(params);
		expect(again.error('Subject')?.message).toBe(
			'Unitalk Re-call Numbers: Try again later: re-calling the same autodialer is allowed once a minute; wait a minute and run it again',
		);
		expect(requests('REFRESH')).toHaveLength(2);
		expect(autodialer(12345)?.numbers[2].state).toBe('NOANSWER');
	});

	it('refuses states that cannot be re-called, or none, without a request', async () => {
		const wrong = await run({
			operation: 'recallNumbers',
			autodialer: byId(12345),
			callStates: '={{ ["NOANSWER", "NEW"] }}',
		});
		expect(wrong.error('Subject')?.message).toMatch(
			/^Item 1: "Call State Names or IDs" has "NEW", which cannot be re-called; allowed: ANSWER, /,
		);
		const none = await run({
			operation: 'recallNumbers',
			autodialer: byId(12345),
			callStates: '={{ [] }}',
		});
		expect(none.error('Subject')?.message).toMatch(/^Item 1: "Call State Names or IDs" is empty/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
