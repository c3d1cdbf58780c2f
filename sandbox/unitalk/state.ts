/**
 * In-memory state of the Unitalk simulator. Autodialers keep the configuration they were created with
 * (`settings`, the fields of the doc's task object) plus the live status and numbers.
 * Seeded with two autodialers so that GET_LIST and credential tests see data.
 */
import { formatDate, formatDateTime } from '../util';
import { UnitalkCallsState } from './callsState';
import {
	AutodialNumbersState,
	simulateCalls,
	type AutodialCall,
	type SimulateCallsOptions,
} from './autodial/numbersState';
import { MessagingState } from './messages/state';
import { seedProject, type UnitalkProject } from './autodial/dictionaries';
import { UnitalkAccountState } from './account/state';

/**
 * The doc's taskStatus dictionary (NO_NUMBERS ... FINISHED); 'NEW' is the name the PAUSE / UNPAUSE /
 * CANCEL sections use for an autodialer without numbers (kept: handlers treat it like NO_NUMBERS).
 * Transitions: autodial/statusActions.ts.
 */
export type AutodialStatus =
	| 'NEW'
	| 'NO_NUMBERS'
	| 'WAITING'
	| 'WAITING_OPERATORS'
	| 'WAITING_REPEAT'
	| 'IN_PROGRESS'
	| 'PAUSED'
	| 'CANCELED'
	| 'FINISHED';

export interface AutodialNumber {
	phone: string;
	state: string;
	stateDateTime: string | null;
	calledCount: number;
	realCalledCount: number;
	highPriority: boolean;
	name: string | null;
	note: string | null;
	link: string | null;
	params: Record<string, string | null> | null;
	audios: unknown[] | null;
}

export interface Autodialer {
	id: number;
	name: string;
	autodialerType: 'AUTODIAL' | 'GUARANTEED_DIAL' | 'VOICE_ROBOT';
	autodialerMode: 'FIXED' | 'FREE' | 'SMART';
	status: AutodialStatus;
	statusChangedAt: number;
	createdAt: number;
	/** Remaining task fields as the doc's task object names them (startDate, timeFrom, threadCount, crmMode...). */
	settings: Record<string, unknown>;
	numbers: AutodialNumber[];
}

export const SEED_AUTODIALER_IDS = [12345, 12346] as const;

export class UnitalkState {
	readonly autodialers = new Map<number, Autodialer>();
	/** Calls, lines, audios and dictionaries (callsState.ts). */
	readonly calls: UnitalkCallsState;
	/** Autodialer call history, the add/remove numbers handler, test knobs (autodial/numbersState.ts). */
	readonly autodialNumbers: AutodialNumbersState;
	nextAutodialerId = 20000;
	/** Groups, scenarios, event handlers and account flags autodialers refer to (autodial/dictionaries.ts). */
	project: UnitalkProject = seedProject();
	/** Autodialer id -> clock time of its last successful REFRESH ("Try again later" within a minute). */
	readonly lastRefreshAt = new Map<number, number>();
	/** Messages, distributions, Web Dialer notifications, users (messages/state.ts). */
	readonly messaging: MessagingState;
	/** Blocked lists, group members, call history, scheduled handlers, webhook tokens (account/state.ts). */
	readonly account: UnitalkAccountState;

	// Sub-states are built here, not in field initialisers: those run before `clock` is assigned.
	constructor(private readonly clock: () => number) {
		this.messaging = new MessagingState(clock);
		this.account = new UnitalkAccountState(clock);
		this.calls = new UnitalkCallsState(clock);
		this.autodialNumbers = new AutodialNumbersState(clock);
		this.seed();
	}

	reset(): void {
		this.messaging.reset();
		this.account.reset();
		this.calls.reset();
		this.autodialNumbers.reset();
		this.autodialers.clear();
		this.nextAutodialerId = 20000;
		this.project = seedProject();
		this.lastRefreshAt.clear();
		this.seed();
	}

	private seed(): void {
		const now = this.clock();
		const day = 24 * 3600 * 1000;
		const week = {
			timeFrom: ['09:00', '09:00', '09:00', '09:00', '09:00', null, null],
			timeTo: ['19:00', '19:00', '19:00', '19:00', '19:00', null, null],
		};
		const common = {
			startDate: formatDate(now - day),
			endDate: formatDate(now + 30 * day),
			...week,
			crmMode: 'DONT_SEND',
			clientCalledMode: 'NEVER',
			displayName: false,
			displayNote: false,
			removeAfterFinish: false,
			callerIdPrefix: null,
			outScenarioId: null,
			repeatCallsSettings: null,
			triggerActions: {},
		};
		const num = (phone: string, state: string, called: number): AutodialNumber => ({
			phone,
			state,
			stateDateTime: state === 'NEW' ? null : formatDateTime(now - 3600 * 1000),
			calledCount: called,
			realCalledCount: called,
			highPriority: false,
			name: null,
			note: null,
			link: null,
			params: null,
			audios: null,
		});
		this.autodialers.set(12345, {
			id: 12345,
			name: 'Sandbox autodialer',
			autodialerType: 'AUTODIAL',
			autodialerMode: 'FIXED',
			status: 'IN_PROGRESS',
			statusChangedAt: now - day,
			createdAt: now - 2 * day,
			settings: {
				...common,
				threadCount: 1,
				delay: 2,
				callDelay: 0,
				callDelayOnlyAnswered: true,
				compositeAudio: { multiAudios: [{ id: 46615 }] },
				scenarioId: null,
				ttsSettingsId: null,
				useTaskAudioIfAudioError: false,
			},
			numbers: [
				num('380970000001', 'NEW', 0),
				num('380970000002', 'ANSWER', 1),
				num('380970000003', 'NOANSWER', 2),
			],
		});
		this.autodialers.set(12346, {
			id: 12346,
			name: 'Sandbox voice robot',
			autodialerType: 'VOICE_ROBOT',
			autodialerMode: 'FREE',
			status: 'PAUSED',
			statusChangedAt: now - day,
			createdAt: now - 2 * day,
			settings: {
				...common,
				voiceSecretaryId: 25,
				groupId: 300,
				coldBaseStartCallsMultiplier: null,
				pauseOperatorNoAnswerLimit: 5,
				markAsBusySeconds: 60,
				markAsBusyMinSecondsTalk: 15,
				reservedSipsBusyOnlyForAutodials: true,
			},
			numbers: [],
		});
	}

	snapshot(): unknown {
		return {
			autodialers: [...this.autodialers.values()],
			calls: this.calls.snapshot(),
			messaging: this.messaging.snapshot(),
			account: this.account.snapshot(),
		};
	}

	/** Test control: dials the autodialer's unprocessed numbers now and records the calls (autodial/numbersState.ts). */
	simulateCalls(autodialerId: number, options?: SimulateCallsOptions): AutodialCall[] {
		return simulateCalls(this, autodialerId, this.clock(), options);
	}
}
