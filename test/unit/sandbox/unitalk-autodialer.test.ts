/**
 * The Unitalk simulator's autodialer actions: GET_WITH_DATA, ADD / UPDATE validations (the doc's error
 * strings), REMOVE, REFRESH, and the autodialer state machine (taskStatus dictionary).
 */
import { DEFAULT_ACCOUNTS, startSandbox, type Sandbox } from '../../../sandbox';
import { BLOCKED_FOR_AUTODIAL_REASON } from '../../../sandbox/unitalk/autodial/numberStore';
import { unitalkPost } from './helpers';

const KEY = DEFAULT_ACCOUNTS.unitalk.apiKey;
/** Thursday 15 January 2026, 10:00 UTC. */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let sb: Sandbox;
let nowMs = T0;

beforeAll(async () => {
	sb = await startSandbox({ clock: () => nowMs });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	nowMs = T0;
	sb.reset();
});

const act = async (body: Record<string, unknown>) =>
	(await unitalkPost(sb.baseUrls.unitalk, '/autodial/action', body, KEY)).json;
const state = () => sb.providers.unitalk.state;
const autodialer = (id: number) => state().autodialers.get(id)!;
const status = (id: number) => autodialer(id)?.status;

/** A complete, valid AUTODIAL / FIXED task; every day 08:00-20:00. */
const task = (over: Record<string, unknown> = {}) => ({
	name: 'Spring promo',
	autodialerType: 'AUTODIAL',
	autodialerMode: 'FIXED',
	startDate: '2026-01-15',
	endDate: '2026-02-15',
	timeFrom: Array(7).fill('08:00'),
	timeTo: Array(7).fill('20:00'),
	crmMode: 'DONT_SEND',
	clientCalledMode: 'NEVER',
	compositeAudio: { multiAudios: [{ id: 46615 }] },
	threadCount: 1,
	...over,
});
const add = (over: Record<string, unknown> = {}) => act({ action: 'ADD', task: task(over) });
const addId = async (over: Record<string, unknown> = {}) => {
	const r = await add(over);
	expect(r.status).toBe('Success');
	return r.data as number;
};

describe('GET_WITH_DATA', () => {
	it('answers the lists, dictionaries, limits, tasks and statesInfo of the doc', async () => {
		const r = await act({ action: 'GET_WITH_DATA' });
		expect(r.status).toBeUndefined(); // bare answer, as the doc shows it
		expect(r.audios).toMatchObject({ '46615': expect.any(String) });
		expect(r.moh).toMatchObject({ '4956': expect.any(String) });
		expect(r.groups).toEqual({ '300': 'Support', '455': 'Sales department' }); // GSM group not listed
		expect(Object.keys(r.pseudoGroupOperators)).toContain('1111');
		expect(r.scenarios).toHaveProperty('4567');
		expect(r.outScenarios).toHaveProperty('5678');
		expect(r.ttsSettings).toHaveProperty('18');
		expect(r.voiceSecretaries).toHaveProperty('25');
		expect(Object.keys(r.triggerActionEvents)).toHaveLength(21);
		expect(r.triggerActionEventsData[0]).toEqual({
			event: 'AUTODIAL_ANSWER',
			title: expect.any(String),
			order: 10,
		});
		expect(r.triggerActionEventsAndTriggerActions.AUTODIAL_FINISH).toHaveProperty('123');
		expect(r.triggerActionEventsAndTriggerActions.AUTODIAL_FINISH).not.toHaveProperty('105');
		expect(r.triggerActionsPresent).toBe(true);
		expect(r.autodialNumberStatesInfo.refreshableStates).not.toContain('NEW');
		expect(r.autodialNumberStatesInfo.refreshableStates).not.toContain('DIALING');
		expect(r.autodialNumberStatesInfo.refreshableStates).toHaveLength(18);
		expect(r.autodialNumberStatesInfo.repeatableStates).toEqual([
			'ANSW_RJCT',
			'NOANSWER',
			'BUSY',
			'FAIL',
			'TALKING',
			'UNREACHABLE',
			'NOT_EXIST',
			'VOICE_MAIL',
			'ANSW_NF_OP',
			'ANSW_OP_NA',
			'BUSYOUT',
		]);
		expect(r.autodialNumberStatesInfo.warningStates).toEqual([
			'ANSW_NF_OP',
			'ANSW_OP_NA',
			'BUSYOUT',
			'AUDIO_ERR',
			'WRONG_DIR',
			'AUTOCANCEL',
		]);
		expect(Object.keys(r.taskStatuses)).toEqual([
			'NO_NUMBERS',
			'IN_PROGRESS',
			'WAITING',
			'WAITING_OPERATORS',
			'WAITING_REPEAT',
			'PAUSED',
			'CANCELED',
			'FINISHED',
		]);
		expect(r).toMatchObject({
			maxAddNumbersCount: 100000,
			maxRemoveNumbersCount: 10000,
			multiAudiosLimit: 20,
			minMultiAudioSilenceMillis: 1,
			maxMultiAudioSilenceMillis: 10000,
		});
		expect(Object.keys(r.audioSynthesisDynamicValues)).toHaveLength(13);
		expect(r.tasks.map((t: { id: number }) => t.id)).toEqual([12345, 12346]);
		expect(r.statesInfo[0]).toEqual({
			state: 'NEW',
			order: 10,
			title: 'Not processed',
			repeatable: false,
			refreshable: false,
			warning: false,
		});
		expect(sb.requests[0].operation).toBe('GET_WITH_DATA');
	});
});

describe('ADD', () => {
	it('creates an autodialer with the type- and mode-specific fields, and answers its id', async () => {
		const r = await add({ ttsSettingsId: 18, delay: 3 });
		expect(r).toEqual({ status: 'Success', data: 20000 });
		const a = autodialer(20000);
		expect(a).toMatchObject({
			name: 'Spring promo',
			autodialerType: 'AUTODIAL',
			autodialerMode: 'FIXED',
			status: 'NO_NUMBERS',
		});
		expect(a.settings).toMatchObject({
			threadCount: 1,
			callDelay: 0,
			delay: 3,
			ttsSettingsId: 18,
			scenarioId: null,
			compositeAudio: { multiAudios: [{ id: 46615 }] },
			triggerActions: {},
			repeatCallsSettings: null,
		});
		expect(a.settings).not.toHaveProperty('groupId');
		expect(a.settings).not.toHaveProperty('smartSpeed');
		const list = await act({ action: 'GET_LIST' });
		expect(list.tasks[2]).toMatchObject({ id: 20000, taskStatusInfo: { status: 'NO_NUMBERS' } });
	});

	it('keeps numbers given at creation, cleaned, and starts dialling inside the hours', async () => {
		const id = await addId({
			numbers: ['+38 (097) 111-11-11', '380971111112'],
			highPriority: true,
		});
		expect(autodialer(id).numbers.map((n) => [n.phone, n.state, n.highPriority])).toEqual([
			['380971111111', 'NEW', true],
			['380971111112', 'NEW', true],
		]);
		expect(status(id)).toBe('IN_PROGRESS');
	});

	it('waits outside the hours (WAITING)', async () => {
		nowMs = T0 + 11 * HOUR; // 21:00
		const id = await addId({ numbers: ['380971111111'] });
		expect(status(id)).toBe('WAITING');
	});

	it('stores a FREE / SMART autodialer with its lines and options; a group wins over SIP lines', async () => {
		const id = await addId({
			autodialerType: 'GUARANTEED_DIAL',
			autodialerMode: 'SMART',
			compositeAudio: undefined,
			groupId: 300,
			pseudoGroupOperators: ['1111'],
			moh: 4956,
			smartSpeed: -3,
			coldBaseStartCallsMultiplier: 1.5,
			markAsBusySeconds: 3600,
		});
		expect(autodialer(id).settings).toMatchObject({
			groupId: 300,
			pseudoGroupOperators: null,
			moh: 4956,
			smartSpeed: -3,
			coldBaseStartCallsMultiplier: 1.5,
			markAsBusySeconds: 3600,
			markAsBusyMinSecondsTalk: 0,
		});
		expect(autodialer(id).settings).not.toHaveProperty('threadCount');
		expect(autodialer(id).settings).not.toHaveProperty('compositeAudio');
	});

	const longName = 'x'.repeat(46);
	const cases: Array<[string, Record<string, unknown> | null, string]> = [
		['no task', null, 'task is null'],
		['an empty name', { name: '  ' }, 'Wrong name'],
		['a 46-character name', { name: longName }, 'Wrong name'],
		['a name already used', { name: 'Sandbox autodialer' }, 'Name already present'],
		['no type', { autodialerType: undefined }, 'autodialerType is null'],
		['no dates', { startDate: undefined }, 'Wrong dates'],
		['a start after the end', { startDate: '2026-03-01' }, 'Wrong dates'],
		['an impossible date', { endDate: '2026-02-30' }, 'Wrong dates'],
		['6 days of hours', { timeFrom: Array(6).fill('08:00') }, 'Wrong time ranges'],
		[
			'a start later than the end',
			{ timeFrom: ['21:00', ...Array(6).fill('08:00')] },
			'Wrong time ranges',
		],
		[
			'no day at all',
			{ timeFrom: Array(7).fill(null), timeTo: Array(7).fill(null) },
			'Wrong time ranges',
		],
		[
			'one time of a day missing',
			{ timeTo: [null, ...Array(6).fill('20:00')] },
			'Wrong time ranges',
		],
		[
			'a time that is not HH:mm',
			{ timeFrom: ['8am', ...Array(6).fill('08:00')] },
			'Wrong time ranges',
		],
		['a 21-character prefix', { callerIdPrefix: 'p'.repeat(21) }, 'Prefix is too long'],
		['no crmMode', { crmMode: null }, 'crmMode is null'],
		['no clientCalledMode', { clientCalledMode: undefined }, 'clientCalledMode is null'],
		['an unknown outgoing scenario', { outScenarioId: 1 }, 'Not found out scenario'],
		['an unknown incoming scenario', { scenarioId: 1 }, 'In scenario not found'],
		['neither audio nor scenario', { compositeAudio: null }, 'Not found in scenario and audio'],
		[
			'21 audio parts',
			{ compositeAudio: { multiAudios: Array(21).fill({ silenceMillis: 100 }) } },
			'compositeAudio: too many audio parts',
		],
		[
			'an unknown audio',
			{ compositeAudio: { multiAudios: [{ id: 1 }] } },
			'compositeAudio: audio not found',
		],
		[
			'an audio of another section',
			{ compositeAudio: { multiAudios: [{ id: 4956 }] } },
			'compositeAudio: audio type is not AUTODIAL',
		],
		[
			'a synthesis without value',
			{ compositeAudio: { multiAudios: [{ synthesisFromDynamicValue: { settingsId: 18 } }] } },
			'compositeAudio: synthesis dynamicValue is null',
		],
		[
			'a synthesis with an unknown profile',
			{
				compositeAudio: {
					multiAudios: [{ synthesisFromDynamicValue: { dynamicValue: 'NA', settingsId: 99 } }],
				},
			},
			'compositeAudio: speech synthesis settings not found',
		],
		[
			'silence of 10,001 ms',
			{ compositeAudio: { multiAudios: [{ silenceMillis: 10001 }] } },
			'compositeAudio: invalid silenceMillis',
		],
		[
			'silence of 0 ms',
			{ compositeAudio: { multiAudios: [{ silenceMillis: 0 }] } },
			'compositeAudio: invalid silenceMillis',
		],
		['an unknown TTS profile', { ttsSettingsId: 99 }, 'Not found text to speech settings'],
		[
			'an unknown hold melody',
			{ autodialerType: 'GUARANTEED_DIAL', groupId: 300, moh: 1 },
			'Moh not found',
		],
		[
			'a hold melody from another section',
			{ autodialerType: 'GUARANTEED_DIAL', groupId: 300, moh: 46615 },
			'Wrong audio type: moh',
		],
		['no voice robot', { autodialerType: 'VOICE_ROBOT' }, 'voiceSecretaryId is null'],
		[
			'an unknown voice robot',
			{ autodialerType: 'VOICE_ROBOT', voiceSecretaryId: 1 },
			'Voice secretary not found',
		],
		[
			'no group in FREE mode',
			{ autodialerMode: 'FREE' },
			'groupId and pseudoGroupOperators is null',
		],
		[
			'no group for GUARANTEED_DIAL',
			{ autodialerType: 'GUARANTEED_DIAL', pseudoGroupOperators: [] },
			'groupId and pseudoGroupOperators is null',
		],
		['an unknown group', { autodialerMode: 'FREE', groupId: 1 }, 'Group not found'],
		['a GSM group', { autodialerMode: 'SMART', groupId: 310 }, 'Wrong group type'],
		[
			'an unknown SIP line',
			{ autodialerMode: 'FREE', pseudoGroupOperators: ['1111', '9999'] },
			'Operator not found: 9999',
		],
		['no threads in FIXED mode', { threadCount: undefined }, 'threadCount is null'],
		[
			'a multiplier of 1.6',
			{ autodialerMode: 'FREE', groupId: 300, coldBaseStartCallsMultiplier: 1.6 },
			'Wrong coldBaseStartCallsMultiplier',
		],
		[
			'smartSpeed 11',
			{ autodialerMode: 'SMART', groupId: 300, smartSpeed: 11 },
			'Wrong smartSpeed',
		],
		[
			'markAsBusySeconds 3601',
			{ autodialerMode: 'FREE', groupId: 300, markAsBusySeconds: 3601 },
			'Wrong markAsBusySeconds',
		],
		[
			'repeat calls without states (deprecated fields)',
			{ repeatCallAttempts: 3, repeatCallStates: [] },
			'Repeat call states is empty',
		],
		[
			'a deprecated repeat state that is not repeatable',
			{ repeatCallAttempts: 3, repeatCallStates: ['ANSWER'] },
			'Repeat call state is not allowed',
		],
		[
			'a repeat setting for NEW',
			{ repeatCallsSettings: { statesSettings: { NEW: { attempts: 1, intervalMinutes: 10 } } } },
			'Repeat call state is not allowed',
		],
		[
			'11 repeat attempts',
			{ repeatCallsSettings: { statesSettings: { BUSY: { attempts: 11, intervalMinutes: 10 } } } },
			'Wrong attempts',
		],
		[
			'an unknown event',
			{ triggerActions: { AUTODIAL_NOPE: [123] } },
			'Wrong trigger action event',
		],
		[
			'an event without handlers',
			{ triggerActions: { AUTODIAL_FINISH: null } },
			'triggerActionIds is null',
		],
		[
			'6 handlers for one event',
			{ triggerActions: { AUTODIAL_NOANSWER: [123, 103, 105, 106, 107, 108] } },
			'Too many trigger actions',
		],
		[
			'an unknown handler',
			{ triggerActions: { AUTODIAL_FINISH: [999] } },
			'Trigger action not found',
		],
		[
			'a handler for another event',
			{ triggerActions: { AUTODIAL_FINISH: [105] } },
			'Not compatible trigger action',
		],
		[
			'two Telegram handlers for one event',
			{ triggerActions: { AUTODIAL_FINISH: [123, 102] } },
			'Few trigger actions with same type',
		],
	];

	it.each(cases)('refuses %s with the doc error', async (_what, over, message) => {
		const r =
			over === null ? await act({ action: 'ADD' }) : await add(over as Record<string, unknown>);
		expect(r).toEqual({ status: 'Error', message });
		expect(state().autodialers.size).toBe(2);
		expect(sb.requests[0].outcome).toBe('rejected');
	});

	it('refuses wrong numbers, listing them in data', async () => {
		const r = await add({ numbers: ['380971111111', 'abc', '123'] });
		expect(r).toEqual({ status: 'Error', message: 'Wrong numbers', data: ['abc', '123'] });
		expect(state().autodialers.size).toBe(2);
	});

	it('refuses numbers on BLOCKED_FOR_AUTODIAL_PHONES ("cannot be added to autodialers"), creating nothing', async () => {
		// Seeded: BLOCKED_FOR_AUTODIAL_PHONES holds 380971112233 and 380631234567.
		const r = await add({ numbers: ['380971111111', '+380 97 111 22 33'] });
		expect(r).toEqual({
			status: 'Error',
			message: 'Wrong numbers',
			data: [{ phone: '380971112233', error: BLOCKED_FOR_AUTODIAL_REASON }],
		});
		expect(state().autodialers.size).toBe(2);
	});

	it('refuses when the account cannot create autodialers', async () => {
		state().project.phoneConfirmed = false;
		expect((await add()).message).toBe('Please confirm phone number');
		state().project.phoneConfirmed = true;
		state().project.billingAllowed = false;
		expect((await add()).message).toBe('Billing not allow');
		state().project.billingAllowed = true;
		state().project.tasksLimit = 2;
		expect((await add()).message).toBe('Tasks limit exceeded');
	});

	it('accepts the limits themselves (45 characters, 20 parts, 5 handlers, 1 and 10,000 ms)', async () => {
		const r = await add({
			name: 'y'.repeat(45),
			callerIdPrefix: 'p'.repeat(20),
			compositeAudio: {
				multiAudios: [
					{ silenceMillis: 1 },
					{ silenceMillis: 10000 },
					{ synthesisFromDynamicValue: { dynamicValue: 'P10', settingsId: null } },
					...Array(17).fill({ id: 46615 }),
				],
			},
			ttsSettingsId: 18,
			triggerActions: { AUTODIAL_NOANSWER: [123, 103, 105, 106, 107] },
			repeatCallsSettings: {
				earlyStart: true,
				statesSettings: {
					ANSWER: { attempts: 2, intervalMinutes: 15, secondsThreshold: 20 },
					NOANSWER: { attempts: 10, intervalMinutes: 1500 },
				},
			},
		});
		expect(r.status).toBe('Success');
		expect(autodialer(r.data).settings.repeatCallsSettings).toEqual({
			earlyStart: true,
			highPriority: false,
			statesSettings: {
				ANSWER: { attempts: 2, intervalMinutes: 15, secondsThreshold: 20 },
				NOANSWER: { attempts: 10, intervalMinutes: 1500 },
			},
		});
	});
});

describe('UPDATE', () => {
	it('replaces the configuration; the type, numbers and highPriority are ignored', async () => {
		const id = await addId({ numbers: ['380971111111'] });
		const r = await act({
			action: 'UPDATE',
			task: task({
				id,
				name: 'Renamed',
				autodialerType: 'VOICE_ROBOT',
				autodialerMode: 'FREE',
				pseudoGroupOperators: ['1111', '2222'],
				numbers: ['380972222222'],
			}),
		});
		expect(r).toEqual({ status: 'Success' });
		const a = autodialer(id);
		expect(a).toMatchObject({
			name: 'Renamed',
			autodialerType: 'AUTODIAL',
			autodialerMode: 'FREE',
		});
		expect(a.settings).toMatchObject({ groupId: null, pseudoGroupOperators: ['1111', '2222'] });
		expect(a.settings).not.toHaveProperty('threadCount');
		expect(a.numbers.map((n) => n.phone)).toEqual(['380971111111']);
	});

	it('needs the whole task, an existing id, and a name no other autodialer has', async () => {
		const id = await addId();
		expect(await act({ action: 'UPDATE', task: task({ id: 999 }) })).toEqual({
			status: 'Error',
			message: 'Task not found',
		});
		expect((await act({ action: 'UPDATE', task: { id, name: 'Only a name' } })).message).toBe(
			'autodialerMode is null',
		);
		expect(
			(await act({ action: 'UPDATE', task: { id, name: 'Only a name', autodialerMode: 'FIXED' } }))
				.message,
		).toBe('Wrong dates');
		expect((await act({ action: 'UPDATE', task: task({ id, crmMode: undefined }) })).message).toBe(
			'crmMode is null',
		);
		expect(
			(await act({ action: 'UPDATE', task: task({ id, name: 'Sandbox autodialer' }) })).message,
		).toBe('Name already present');
		// Its own name is fine.
		expect((await act({ action: 'UPDATE', task: task({ id }) })).status).toBe('Success');
	});
});

describe('REMOVE', () => {
	it('removes the autodialer with its numbers; a second REMOVE is "Task not found"', async () => {
		expect(await act({ action: 'REMOVE', id: 12345 })).toEqual({
			status: 'Success',
			message: 'Removed',
		});
		expect(state().autodialers.has(12345)).toBe(false);
		expect(await act({ action: 'REMOVE', id: 12345 })).toEqual({
			status: 'Error',
			message: 'Task not found',
		});
	});

	it('answers "Handler is busy" while numbers are being added or removed', async () => {
		state().autodialNumbers.holdHandler(5000);
		expect((await act({ action: 'REMOVE', id: 12345 })).message).toBe(
			'Handler is busy, try again later',
		);
		expect(state().autodialers.has(12345)).toBe(true);
	});
});

describe('REFRESH', () => {
	it('checks the states in the doc order and puts the numbers back to NEW', async () => {
		const refresh = (callStates: unknown, id = 12345) => act({ action: 'REFRESH', id, callStates });
		expect((await refresh(['NOANSWER'], 999)).message).toBe('Task not found');
		expect((await refresh(null)).message).toBe('states is null or empty');
		expect((await refresh([])).message).toBe('states is null or empty');
		expect((await refresh(['NOANSWER', 'NEW'])).message).toBe('state is not allowed');
		expect((await refresh(['DIALING'])).message).toBe('state is not allowed');
		expect((await refresh(['BUSY'])).message).toBe('Numbers not found by states');
		expect(await refresh(['NOANSWER', 'ANSWER'])).toEqual({ status: 'Success' });
		expect(autodialer(12345).numbers.map((n) => n.state)).toEqual(['NEW', 'NEW', 'NEW']);
		expect(autodialer(12345).numbers[2].realCalledCount).toBe(2);
	});

	it('says "Try again later" within a minute of the last re-call of the same autodialer', async () => {
		expect((await act({ action: 'REFRESH', id: 12345, callStates: ['NOANSWER'] })).status).toBe(
			'Success',
		);
		autodialer(12345).numbers[1].state = 'BUSY';
		nowMs += 59_999;
		expect(await act({ action: 'REFRESH', id: 12345, callStates: ['BUSY'] })).toEqual({
			status: 'Error',
			message: 'Try again later',
		});
		expect(autodialer(12345).numbers[1].state).toBe('BUSY');
		nowMs += 1;
		expect((await act({ action: 'REFRESH', id: 12345, callStates: ['BUSY'] })).status).toBe(
			'Success',
		);
	});

	it('a refused re-call does not start the minute', async () => {
		expect((await act({ action: 'REFRESH', id: 12345, callStates: ['BUSY'] })).message).toBe(
			'Numbers not found by states',
		);
		expect((await act({ action: 'REFRESH', id: 12345, callStates: ['NOANSWER'] })).status).toBe(
			'Success',
		);
	});
});

describe('autodialer state machine', () => {
	it('NO_NUMBERS: PAUSE, UNPAUSE and CANCEL change nothing; numbers start it', async () => {
		const id = await addId();
		for (const action of ['PAUSE', 'UNPAUSE', 'CANCEL']) {
			expect((await act({ action, id })).status).toBe('Success');
			expect(status(id)).toBe('NO_NUMBERS');
		}
		await act({ action: 'ADD_NUMBERS', id, numbers: ['380971111111'] });
		await act({ action: 'GET_LIST' });
		expect(status(id)).toBe('IN_PROGRESS');
	});

	it('WAITING <-> IN_PROGRESS follows the hours and the dates', async () => {
		const id = await addId({
			numbers: ['380971111111'],
			startDate: '2026-01-16',
			timeFrom: ['09:00', '09:00', '09:00', '09:00', '09:00', null, null],
			timeTo: ['18:00', '18:00', '18:00', '18:00', '18:00', null, null],
		});
		expect(status(id)).toBe('WAITING'); // before the start date
		nowMs = Date.UTC(2026, 0, 16, 9, 30); // Friday 09:30
		await act({ action: 'GET_LIST' });
		expect(status(id)).toBe('IN_PROGRESS');
		nowMs = Date.UTC(2026, 0, 17, 12, 0); // Saturday: no hours
		await act({ action: 'GET_WITH_DATA' });
		expect(status(id)).toBe('WAITING');
	});

	it('PAUSE -> PAUSED, UNPAUSE -> running again, finished and canceled ones refuse', async () => {
		const id = await addId({ numbers: ['380971111111'] });
		expect(await act({ action: 'PAUSE', id })).toEqual({ status: 'Success' });
		expect(status(id)).toBe('PAUSED');
		expect((await act({ action: 'PAUSE', id })).status).toBe('Success'); // PAUSED unchanged
		expect(status(id)).toBe('PAUSED');
		nowMs += 12 * HOUR; // 22:00: unpaused outside the hours
		expect(await act({ action: 'UNPAUSE', id })).toEqual({ status: 'Success' });
		expect(status(id)).toBe('WAITING');
		expect((await act({ action: 'UNPAUSE', id })).status).toBe('Success'); // WAITING unchanged
		expect(status(id)).toBe('WAITING');
	});

	it('CANCEL -> CANCELED, then FINISHED once the calls in progress ended', async () => {
		const id = await addId({ numbers: ['380971111111', '380971111112'] });
		autodialer(id).numbers[0].state = 'DIALING';
		expect(await act({ action: 'CANCEL', id })).toEqual({
			status: 'Success',
			message: 'Cancelled',
		});
		expect(status(id)).toBe('CANCELED');
		expect(autodialer(id).numbers.map((n) => n.state)).toEqual(['DIALING', 'CANCEL']);
		for (const action of ['PAUSE', 'UNPAUSE', 'CANCEL'])
			expect(await act({ action, id })).toEqual({ status: 'Error', message: 'Task is canceled' });
		nowMs += 30_000;
		await act({ action: 'GET_LIST' });
		expect(status(id)).toBe('FINISHED');
		expect(autodialer(id).numbers.map((n) => n.state)).toEqual(['CANCEL', 'CANCEL']);
		for (const action of ['PAUSE', 'UNPAUSE', 'CANCEL'])
			expect(await act({ action, id })).toEqual({ status: 'Error', message: 'Task is finished' });
	});

	it('CANCEL of a paused autodialer', async () => {
		const id = await addId({ numbers: ['380971111111'] });
		await act({ action: 'PAUSE', id });
		await act({ action: 'CANCEL', id });
		expect(status(id)).toBe('CANCELED');
	});

	it('FINISHED after the end date, numbers never called become AUTOCANCEL', async () => {
		const id = await addId({ numbers: ['380971111111'], endDate: '2026-01-15' });
		expect(status(id)).toBe('IN_PROGRESS');
		nowMs = Date.UTC(2026, 0, 16, 10);
		await act({ action: 'GET_LIST' });
		expect(status(id)).toBe('FINISHED');
		expect(autodialer(id).numbers[0].state).toBe('AUTOCANCEL');
	});

	it('WAITING_REPEAT while repeat calls are due, FINISHED when none are', async () => {
		const id = await addId({
			numbers: ['380971111111', '380971111112'],
			repeatCallsSettings: { statesSettings: { NOANSWER: { attempts: 1, intervalMinutes: 30 } } },
		});
		state().simulateCalls(id, { outcomes: ['NOANSWER', 'ANSWER'] });
		autodialer(id).status = 'IN_PROGRESS'; // simulateCalls finishes a dialer without NEW numbers
		await act({ action: 'GET_LIST' });
		expect(status(id)).toBe('WAITING_REPEAT');
		state().simulateCalls(id, { phones: ['380971111111'], outcomes: ['NOANSWER'] });
		autodialer(id).status = 'IN_PROGRESS';
		await act({ action: 'GET_LIST' });
		expect(status(id)).toBe('FINISHED');
	});

	it('REFRESH runs a finished autodialer again; PAUSED stays PAUSED', async () => {
		const id = await addId({ numbers: ['380971111111'] });
		state().simulateCalls(id, { outcomes: ['NOANSWER'] });
		expect(status(id)).toBe('FINISHED');
		expect((await act({ action: 'REFRESH', id, callStates: ['NOANSWER'] })).status).toBe('Success');
		expect(status(id)).toBe('IN_PROGRESS');
		await act({ action: 'PAUSE', id });
		state().simulateCalls(id, { outcomes: ['BUSY'] });
		nowMs += MINUTE;
		await act({ action: 'REFRESH', id, callStates: ['BUSY'] });
		expect(status(id)).toBe('PAUSED');
	});

	it('removeAfterFinish: a finished autodialer is removed', async () => {
		const id = await addId({ numbers: ['380971111111'], removeAfterFinish: true });
		await act({ action: 'CANCEL', id });
		nowMs += 30_000;
		const list = await act({ action: 'GET_LIST' });
		expect(list.tasks.map((t: { id: number }) => t.id)).not.toContain(id);
		expect(state().autodialers.has(id)).toBe(false);
	});

	it('UPDATE recomputes the running status (new hours)', async () => {
		const id = await addId({ numbers: ['380971111111'] });
		expect(status(id)).toBe('IN_PROGRESS');
		await act({
			action: 'UPDATE',
			task: task({ id, timeFrom: Array(7).fill('11:00'), timeTo: Array(7).fill('12:00') }),
		});
		expect(status(id)).toBe('WAITING');
	});
});
