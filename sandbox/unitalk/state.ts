/**
 * In-memory state of the Unitalk simulator. Autodialers keep the configuration they were created with
 * (`settings`, the fields of the doc's task object) plus the live status and numbers.
 * Seeded with two autodialers so that GET_LIST and credential tests see data.
 */
import { formatDate, formatDateTime } from '../util';

export type AutodialStatus = 'NEW' | 'WAITING' | 'IN_PROGRESS' | 'PAUSED' | 'CANCELED' | 'FINISHED';

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
	nextAutodialerId = 20000;

	constructor(private readonly clock: () => number) {
		this.seed();
	}

	reset(): void {
		this.autodialers.clear();
		this.nextAutodialerId = 20000;
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
		return { autodialers: [...this.autodialers.values()] };
	}
}
