/**
 * The pure parts of the Unitalk Autodialer resource: which fields the editor shows for each type and
 * mode, reading and checking the fields, the task Unitalk gets, Update's merge, and the rules that
 * join several fields.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { create } from '../../../nodes/Unitalk/actions/autodialer/create.operation';
import { update } from '../../../nodes/Unitalk/actions/autodialer/update.operation';
import { shownInUpdate } from '../../../nodes/Unitalk/actions/autodialer/fields';
import {
	AUTODIALER_MODES,
	AUTODIALER_TYPES,
	FIELD_SCOPE,
	applies,
	taskInputSchema,
	taskProblem,
	triggerActionsProblem,
} from '../../../nodes/Unitalk/actions/autodialer/schema';
import {
	mergeTask,
	newTask,
	readFields,
	toTaskFields,
} from '../../../nodes/Unitalk/actions/autodialer/task';

const node = { typeVersion: 1 };
const shown = (values: INodeParameters, p: INodeProperties, root?: INodeParameters) =>
	NodeHelpers.displayParameter(values, p, node, null, root ?? values);
const names = (list: INodeProperties[]) => list.map((p) => p.name);
const scopedFields = Object.keys(FIELD_SCOPE);

describe('Autodialer fields in the editor', () => {
	const combos = AUTODIALER_TYPES.flatMap((type) =>
		AUTODIALER_MODES.map((mode) => [type, mode] as const),
	);

	it.each(combos)('Create, %s / %s: each field once, only where it applies', (type, mode) => {
		const values = { autodialerType: type, autodialerMode: mode, callHoursInput: 'days' };
		const top = create.properties.filter((p) => shown(values, p));
		const collection = create.properties.find((p) => p.name === 'additionalFields')!;
		const nested = (collection.options as INodeProperties[]).filter((o) => shown({}, o, values));
		const visible = [...names(top), ...names(nested)];
		expect(new Set(visible).size).toBe(visible.length);
		expect(visible.filter((n) => scopedFields.includes(n)).sort()).toEqual(
			scopedFields.filter((f) => applies(f, type, mode)).sort(),
		);
		expect(visible).not.toContain('clearFields');
	});

	const selections = (['any', ...AUTODIALER_TYPES] as string[]).flatMap((type) =>
		(['keep', ...AUTODIALER_MODES] as string[]).map((mode) => [type, mode] as const),
	);

	it.each(selections)('Update, %s / %s: the display options follow shownInUpdate', (type, mode) => {
		const values = { autodialerType: type, autodialerMode: mode };
		const collection = update.properties.find((p) => p.name === 'updateFields')!;
		const visible = names(
			(collection.options as INodeProperties[]).filter((o) => shown({}, o, values)),
		);
		expect(new Set(visible).size).toBe(visible.length);
		expect(visible.filter((n) => scopedFields.includes(n)).sort()).toEqual(
			scopedFields.filter((f) => shownInUpdate(f, type, mode)).sort(),
		);
		expect(visible).not.toContain('numbers');
		expect(visible).toContain('name');
		if (type === 'any' && mode === 'keep')
			expect(visible.filter((n) => scopedFields.includes(n))).toEqual([]);
	});

	it('Update shows the fields of a real type and mode exactly as they apply', () => {
		for (const type of AUTODIALER_TYPES)
			for (const mode of AUTODIALER_MODES)
				for (const field of scopedFields)
					if (shownInUpdate(field, type, mode)) expect(applies(field, type, mode)).toBe(true);
		// The lines of a FREE autodialer are offered even before its type is picked.
		expect(shownInUpdate('groupId', 'any', 'FREE')).toBe(true);
		expect(shownInUpdate('groupId', 'any', 'keep')).toBe(false);
		expect(shownInUpdate('groupId', 'GUARANTEED_DIAL', 'keep')).toBe(true);
	});
});

describe('reading and checking the fields', () => {
	it('makes the editor values plain: ids, lists, parts, handlers, repeat states', () => {
		const input = readFields({
			name: 'Promo',
			scenarioId: '70',
			groupId: '',
			pseudoGroupOperators: '1000, 1001',
			numbers: '380971111111\n+380 97 111 11 12',
			compositeAudio: {
				part: [
					{ kind: 'audio', audioId: '46615' },
					{ kind: 'silence', silenceMillis: 300 },
					{ kind: 'synthesis', dynamicValue: 'P2', settingsId: '' },
				],
			},
			triggerActions: { entry: [{ event: 'AUTODIAL_FINISH', handlers: '123,104' }] },
			repeatStates: {
				state: [{ state: 'BUSY', attempts: 2, intervalMinutes: 30, secondsThreshold: 0 }],
			},
			timeFrom: '["09:00", null, null, null, null, null, null]',
			callerIdPrefix: '',
		});
		expect(input).toEqual({
			name: 'Promo',
			scenarioId: 70,
			pseudoGroupOperators: ['1000', '1001'],
			numbers: ['380971111111', '+380 97 111 11 12'],
			compositeAudio: [
				{ kind: 'audio', audioId: 46615 },
				{ kind: 'silence', silenceMillis: 300 },
				{ kind: 'synthesis', dynamicValue: 'P2', settingsId: undefined },
			],
			triggerActions: [{ event: 'AUTODIAL_FINISH', handlers: [123, 104] }],
			repeatStates: [
				{ state: 'BUSY', attempts: 2, intervalMinutes: 30, secondsThreshold: undefined },
			],
			timeFrom: ['09:00', null, null, null, null, null, null],
		});
	});

	it('normalises times and dates, and builds the 7-day lists from the weekdays', () => {
		const checked = taskInputSchema.parse({
			startDate: '2026-03-01T00:00:00.000+02:00',
			callHours: { monday: { from: '9:00', to: '18:00' }, sunday: { from: '10:00', to: '12:30' } },
		});
		expect(toTaskFields(checked)).toEqual({
			startDate: '2026-03-01',
			timeFrom: ['09:00', null, null, null, null, null, '10:00'],
			timeTo: ['18:00', null, null, null, null, null, '12:30'],
		});
	});

	it.each([
		[{ callHours: { friday: { from: '18:00', to: '18:00' } } }, 'callHours.friday'],
		[{ timeFrom: Array(7).fill('09:00'), timeTo: Array(7).fill('08:00') }, 'timeFrom.0'],
		[{ timeFrom: Array(7).fill(null), timeTo: Array(7).fill(null) }, 'timeFrom'],
		[{ timeFrom: ['09:00', ...Array(6).fill(null)], timeTo: Array(7).fill(null) }, 'timeTo.0'],
		[{ startDate: '2026-02-30' }, 'startDate'],
		[{ callHours: { monday: { from: '25:00', to: '26:00' } } }, 'callHours.monday.from'],
		[
			{ triggerActions: [{ event: 'AUTODIAL_FINISH', handlers: [1, 1] }] },
			'triggerActions.0.handlers',
		],
		[
			{
				triggerActions: [
					{ event: 'AUTODIAL_FINISH', handlers: [1] },
					{ event: 'AUTODIAL_FINISH', handlers: [2] },
				],
			},
			'triggerActions.1.event',
		],
		[{ repeatStates: [{ state: 'NEW', attempts: 1, intervalMinutes: 5 }] }, 'repeatStates.0.state'],
		[
			{ repeatStates: [{ state: 'BUSY', attempts: 1, intervalMinutes: 4 }] },
			'repeatStates.0.intervalMinutes',
		],
		[{ groupId: 300, pseudoGroupOperators: ['1000'] }, 'pseudoGroupOperators'],
		[{ compositeAudio: [{ kind: 'audio' }] }, 'compositeAudio.0.audioId'],
		[{ markAsBusyMinSecondsTalk: 3601 }, 'markAsBusyMinSecondsTalk'],
		[{ coldBaseStartCallsMultiplier: 0.05 }, 'coldBaseStartCallsMultiplier'],
		[{ smartSpeed: -11 }, 'smartSpeed'],
		[{ clearFields: ['scenarioId'], scenarioId: 70 }, 'clearFields'],
	])('refuses %j at %s', (input, path) => {
		const result = taskInputSchema.safeParse(input);
		expect(result.success).toBe(false);
		if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path);
	});
});

describe('the task sent', () => {
	const base: IDataObject = {
		name: 'Promo',
		autodialerType: 'AUTODIAL',
		autodialerMode: 'FIXED',
		startDate: '2026-01-15',
		endDate: '2026-02-15',
		timeFrom: ['09:00', null, null, null, null, null, null],
		timeTo: ['18:00', null, null, null, null, null, null],
		crmMode: 'DONT_SEND',
		clientCalledMode: 'NEVER',
		compositeAudio: { multiAudios: [{ id: 46615 }] },
		threadCount: 1,
	};

	it('Create fills the repeat-call defaults and keeps the numbers as digits', () => {
		const task = newTask(
			taskInputSchema.parse({
				autodialerType: 'AUTODIAL',
				repeatStates: [{ state: 'BUSY', attempts: 2, intervalMinutes: 30 }],
				numbers: ['+38 (097) 111-11-11'],
			}),
		);
		expect(task).toEqual({
			autodialerType: 'AUTODIAL',
			repeatCallsSettings: {
				earlyStart: false,
				highPriority: false,
				statesSettings: { BUSY: { attempts: 2, intervalMinutes: 30 } },
			},
			numbers: ['380971111111'],
		});
	});

	it('taskProblem names the field a documented requirement needs', () => {
		expect(taskProblem(base)).toBeUndefined();
		expect(taskProblem({ ...base, compositeAudio: null })?.field).toBe('Audio Parts');
		expect(taskProblem({ ...base, compositeAudio: null, scenarioId: 70 })).toBeUndefined();
		expect(
			taskProblem({
				...base,
				compositeAudio: { multiAudios: [{ synthesisFromDynamicValue: { dynamicValue: 'NA' } }] },
			})?.field,
		).toBe('TTS Profile Name or ID');
		expect(taskProblem({ ...base, autodialerMode: 'SMART' })).toEqual({
			field: 'Group Name or ID',
			problem:
				'is required in SMART mode: choose a group of internal lines, or give "SIP Line Names or IDs"',
		});
		expect(
			taskProblem({ ...base, autodialerType: 'GUARANTEED_DIAL', pseudoGroupOperators: ['1000'] }),
		).toBeUndefined();
		expect(taskProblem({ ...base, autodialerType: 'VOICE_ROBOT' })?.field).toBe(
			'Voice Robot Name or ID',
		);
		expect(taskProblem({ ...base, threadCount: undefined })?.field).toBe('Simultaneous Calls');
		expect(taskProblem({ ...base, endDate: '2026-01-01' })?.field).toBe('End Date');
		expect(taskProblem({ ...base, crmMode: null })?.field).toBe('Send to CRM');
	});

	it('triggerActionsProblem checks events, compatibility and handler types', () => {
		const config = {
			triggerActionEvents: { AUTODIAL_FINISH: 'Finished', AUTODIAL_BUSY: 'Busy' },
			triggerActionEventsAndTriggerActions: {
				AUTODIAL_FINISH: {
					'1': '[Telegram] A',
					'2': '[telegram] B',
					'3': '[Email] C',
					'4': 'No type',
				},
				AUTODIAL_BUSY: { '5': '[SMS] D' },
			},
		};
		expect(triggerActionsProblem({ AUTODIAL_FINISH: [1, 3, 4] }, config)).toBeUndefined();
		expect(triggerActionsProblem({ AUTODIAL_FINISH: [1, 2] }, config)?.problem).toMatch(
			/two handlers of the same type \(1 and 2\)/,
		);
		expect(triggerActionsProblem({ AUTODIAL_BUSY: [1] }, config)?.problem).toMatch(
			/handler 1 for AUTODIAL_BUSY/,
		);
		expect(triggerActionsProblem({ AUTODIAL_X: [] }, config)?.problem).toMatch(
			/event AUTODIAL_X, which the project does not have/,
		);
	});

	describe('Update merge', () => {
		const current: IDataObject = {
			...base,
			id: 7,
			statistics: { totalCount: 3 },
			taskStatusInfo: { status: 'IN_PROGRESS' },
			withdrawalStatistics: { total: '1.00' },
			delay: 2,
			callDelay: 0,
			triggerActions: { AUTODIAL_FINISH: [1], AUTODIAL_BUSY: [5] },
			repeatCallsSettings: {
				earlyStart: true,
				highPriority: false,
				statesSettings: { BUSY: { attempts: 1, intervalMinutes: 10 } },
			},
		};

		it('keeps the current configuration, drops the read-only parts, applies the changes', () => {
			const task = mergeTask(current, { name: 'New', threadCount: 3 }, undefined, []);
			expect(task).toEqual({
				...base,
				id: 7,
				name: 'New',
				threadCount: 3,
				delay: 2,
				callDelay: 0,
				triggerActions: current.triggerActions,
				repeatCallsSettings: current.repeatCallsSettings,
			});
		});

		it('replaces handlers per event and merges repeat settings field by field', () => {
			const task = mergeTask(
				current,
				{
					triggerActions: { AUTODIAL_BUSY: [], AUTODIAL_NOANSWER: [9] },
					repeatCallsSettings: { highPriority: true },
				},
				undefined,
				[],
			);
			expect(task.triggerActions).toEqual({
				AUTODIAL_FINISH: [1],
				AUTODIAL_BUSY: [],
				AUTODIAL_NOANSWER: [9],
			});
			expect(task.repeatCallsSettings).toEqual({
				earlyStart: true,
				highPriority: true,
				statesSettings: { BUSY: { attempts: 1, intervalMinutes: 10 } },
			});
		});

		it('on a mode change keeps only the fields of the new mode; a group drops the SIP lines', () => {
			const task = mergeTask(
				{ ...current, pseudoGroupOperators: ['1000'] },
				{ groupId: 300 },
				'FREE',
				[],
			);
			expect(task.autodialerMode).toBe('FREE');
			expect(task).not.toHaveProperty('threadCount');
			expect(task).not.toHaveProperty('callDelay');
			expect(task).toMatchObject({ groupId: 300, pseudoGroupOperators: null, delay: 2 });
		});

		it('clears fields, and keeps the deprecated repeat fields when they are all there is', () => {
			const old = {
				...current,
				repeatCallsSettings: null,
				repeatCallAttempts: 3,
				repeatCallStates: ['BUSY'],
			};
			const task = mergeTask(old, {}, undefined, ['compositeAudio', 'triggerActions']);
			expect(task).toMatchObject({
				compositeAudio: null,
				triggerActions: {},
				repeatCallAttempts: 3,
				repeatCallStates: ['BUSY'],
			});
			const replaced = mergeTask(old, { repeatCallsSettings: { earlyStart: true } }, undefined, []);
			expect(replaced).not.toHaveProperty('repeatCallAttempts');
		});
	});
});
