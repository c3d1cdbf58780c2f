/**
 * In-memory state of the Unitalk calls, audio and dictionary endpoints ("Calls initiation", "Call
 * termination", "Calling the prompter", "Voice analytics", "Audio", "Dictionaries" of
 * provider-docs/unitalk-api.txt). Kept apart from state.ts (autodialers) and reachable from it as
 * `state.calls`.
 *
 * The /dictionary types of these entities are served from here (`dictionary()`); the types whose
 * entities live elsewhere are read from there by dictionary.ts.
 *
 * Seeds (ids from the doc's examples where it gives them):
 *   internal lines 1111 (online), 2222 (online), 5455 (online), 3333 (busy), 4444 (offline);
 *   external lines 380441234567, 380441234568 (tracked);
 *   audios 4953 (API), 46615 (AUTODIAL), 4954 (GENERAL), 4955 (IVR), 4956 (MELODY);
 *   speech synthesis profiles 18, 16; voice menus 211 (allowed for API calls), 212 (transfers to GSM:
 *   "IVR can be used for SIPs only"); voice robots 321, 25; voice analytics profile 123;
 *   finished calls 1474427802 (separate records), 1474427803 (no separate records),
 *   1474427804 (analytics already running).
 * Everything the doc leaves open (how a line becomes busy, which calls have separate records) is the
 * sandbox's choice and marked where it is made.
 */
import { createHash } from 'node:crypto';

export type LineStatus = 'online' | 'busy' | 'offline';

export interface InnerPhone {
	number: string;
	/** The operator assigned to the line (INNER_PHONE dictionary). */
	name: string;
	status: LineStatus;
}

export interface OuterLine {
	number: string;
	/** "Outer line is tracked": lines used for call tracking cannot place outgoing calls. */
	tracked: boolean;
}

/** Audio sections: the five the upload / tts endpoints accept, plus two only the dictionary knows. */
export type AudioSection =
	| 'GENERAL'
	| 'IVR'
	| 'MELODY'
	| 'AUTODIAL'
	| 'API'
	| 'VOICE_ROBOT'
	| 'VOICE_QUEUE';

export const UPLOADABLE_SECTIONS = ['GENERAL', 'IVR', 'MELODY', 'AUTODIAL', 'API'] as const;

export interface StoredAudio {
	id: number;
	name: string;
	type: AudioSection;
	/** Uploaded with temp=true: deleted at 04:00. */
	temp: boolean;
	source: 'seed' | 'upload' | 'tts';
	createdAt: number;
	fileName?: string;
	contentType?: string;
	size: number;
	sha256?: string;
	/** The uploaded file exactly as it arrived (upload only). */
	bytes?: Buffer;
	tts?: { text: string | null; ssml: string | null; settingsId: number };
}

export type CallKind = 'DIRECT' | 'C2C' | 'INFO' | 'HISTORY';

export interface C2cStep {
	type: 'GSM' | 'SIP' | 'GROUP';
	to: string;
	awaitingTime: number;
}

export interface SandboxCall {
	id: number;
	kind: CallKind;
	/** The subscriber's number (GSM). */
	phone: string;
	/** Internal line taking part (direct call, or a SIP step). */
	sip?: string;
	outerLine?: string | null;
	meta?: string | null;
	steps?: C2cStep[];
	audios?: unknown[] | null;
	ivrId?: number | null;
	voiceSecretaryId?: number | null;
	active: boolean;
	startedAt: number;
	endedAt?: number;
	/** Lines connected as prompter to this call. */
	prompters: string[];
	/** Whether separate records exist (voice analytics needs them). */
	separateRecords: boolean;
	analytics: 'none' | 'in-progress' | 'done';
}

/** Most calls in progress at once ("Limit of Simultaneously calls has reached": 20). */
export const MAX_SIMULTANEOUS_CALLS = 20;

/**
 * Dictionary types no simulator keeps state for: id -> name. The types whose entities live elsewhere
 * (USER, PHONE_GROUP, IN_SCENARIO, OUT_SCENARIO, TRIGGER_ACTION, MESSAGE_DISTRIBUTION) are read from
 * that state by the /dictionary handler (dictionary.ts); the ones kept here by dictionary() below.
 */
const STATIC_DICTIONARIES: Record<string, Record<string, string>> = {
	SITE: { '501': 'example.com' },
	STT_PROFILE: { '31': 'Speech recognition (EN)' },
	CONTACT_FORMS: { '88': 'Callback form' },
};

export class UnitalkCallsState {
	readonly innerPhones = new Map<string, InnerPhone>();
	readonly outerLines = new Map<string, OuterLine>();
	readonly audios = new Map<number, StoredAudio>();
	readonly ttsProfiles = new Map<number, string>();
	/** Voice menus: id -> { name, sipOnly } (sipOnly false: has actions API calls may not use). */
	readonly ivrs = new Map<number, { name: string; allowedForApiCalls: boolean }>();
	readonly voiceRobots = new Map<number, string>();
	readonly analyticsProfiles = new Map<number, string>();
	readonly calls = new Map<number, SandboxCall>();
	nextCallId = 1474427900;
	nextAudioId = 5000;

	constructor(private readonly clock: () => number) {
		this.seed();
	}

	reset(): void {
		this.innerPhones.clear();
		this.outerLines.clear();
		this.audios.clear();
		this.ttsProfiles.clear();
		this.ivrs.clear();
		this.voiceRobots.clear();
		this.analyticsProfiles.clear();
		this.calls.clear();
		this.nextCallId = 1474427900;
		this.nextAudioId = 5000;
		this.seed();
	}

	private seed(): void {
		const now = this.clock();
		const lines: InnerPhone[] = [
			{ number: '1111', name: 'John Callid', status: 'online' },
			{ number: '2222', name: 'Jane Doe', status: 'online' },
			{ number: '5455', name: 'Alexander Maksimov', status: 'online' },
			{ number: '3333', name: 'Busy Operator', status: 'busy' },
			{ number: '4444', name: 'Offline Operator', status: 'offline' },
		];
		for (const l of lines) this.innerPhones.set(l.number, l);
		this.outerLines.set('380441234567', { number: '380441234567', tracked: false });
		this.outerLines.set('380441234568', { number: '380441234568', tracked: true });
		const seedAudio = (id: number, name: string, type: AudioSection) =>
			this.audios.set(id, {
				id,
				name,
				type,
				temp: false,
				source: 'seed',
				createdAt: now,
				size: 0,
			});
		seedAudio(4953, 'API greeting', 'API');
		seedAudio(46615, 'Autodialer greeting', 'AUTODIAL');
		seedAudio(4954, 'Script audio', 'GENERAL');
		seedAudio(4955, 'Menu prompt', 'IVR');
		seedAudio(4956, 'Hold melody', 'MELODY');
		this.ttsProfiles.set(18, 'Pretty woman voice');
		this.ttsProfiles.set(16, 'Calm man voice');
		this.ivrs.set(211, { name: 'Main menu', allowedForApiCalls: true });
		this.ivrs.set(212, { name: 'Menu with GSM transfer', allowedForApiCalls: false });
		this.voiceRobots.set(321, 'Sample voice secretary');
		this.voiceRobots.set(25, 'Sandbox voice robot');
		this.analyticsProfiles.set(123, 'Sample Name');
		const history = (id: number, separateRecords: boolean, analytics: SandboxCall['analytics']) =>
			this.calls.set(id, {
				id,
				kind: 'HISTORY',
				phone: '380503332211',
				sip: '1111',
				active: false,
				startedAt: now - 3_600_000,
				endedAt: now - 3_500_000,
				prompters: [],
				separateRecords,
				analytics,
			});
		history(1474427802, true, 'none');
		history(1474427803, false, 'none');
		history(1474427804, true, 'in-progress');
	}

	activeCalls(): SandboxCall[] {
		return [...this.calls.values()].filter((c) => c.active);
	}

	/** Starts a call; the internal line it rings (if any) becomes busy. */
	startCall(
		call: Omit<SandboxCall, 'id' | 'active' | 'startedAt' | 'prompters' | 'analytics'>,
	): SandboxCall {
		const started: SandboxCall = {
			...call,
			id: this.nextCallId++,
			active: true,
			startedAt: this.clock(),
			prompters: [],
			analytics: 'none',
		};
		this.calls.set(started.id, started);
		if (started.sip) this.setLineStatus(started.sip, 'busy');
		return started;
	}

	/** Ends a call and frees its lines (sandbox choice: a line is busy exactly while it has a call). */
	endCall(call: SandboxCall): void {
		call.active = false;
		call.endedAt = this.clock();
		for (const line of [call.sip, ...call.prompters]) {
			if (line && !this.activeCalls().some((c) => c.sip === line || c.prompters.includes(line)))
				this.setLineStatus(line, 'online');
		}
	}

	private setLineStatus(number: string, status: LineStatus): void {
		const line = this.innerPhones.get(number);
		if (line && line.status !== 'offline') line.status = status;
	}

	addAudio(audio: Omit<StoredAudio, 'id' | 'createdAt' | 'sha256'>): StoredAudio {
		const stored: StoredAudio = {
			...audio,
			id: this.nextAudioId++,
			createdAt: this.clock(),
			...(audio.bytes ? { sha256: createHash('sha256').update(audio.bytes).digest('hex') } : {}),
		};
		this.audios.set(stored.id, stored);
		return stored;
	}

	audioNameTaken(name: string): boolean {
		return [...this.audios.values()].some((a) => a.name === name);
	}

	/**
	 * id -> name for the dictionary types this state holds (lines, audios, voice menus, profiles,
	 * voice robots) and the static ones; undefined for any other type (see dictionary.ts).
	 */
	dictionary(type: string): Record<string, string> | undefined {
		const toRecord = <K>(entries: Iterable<[K, string]>) =>
			Object.fromEntries([...entries].map(([k, v]) => [String(k), v]));
		if (type in STATIC_DICTIONARIES) return { ...STATIC_DICTIONARIES[type] };
		switch (type) {
			case 'IVR':
				return toRecord([...this.ivrs].map(([id, i]) => [id, i.name] as [number, string]));
			case 'INNER_PHONE':
				return toRecord([...this.innerPhones].map(([n, l]) => [n, l.name] as [string, string]));
			case 'TTS_PROFILE':
				return toRecord(this.ttsProfiles);
			case 'VOICE_ROBOT':
				return toRecord(this.voiceRobots);
			case 'VOICE_ANALYTICS_PROFILE':
				return toRecord(this.analyticsProfiles);
			case 'AUDIO_ALL':
				return toRecord([...this.audios].map(([id, a]) => [id, a.name] as [number, string]));
		}
		const audioType = /^AUDIO_([A-Z_]+)$/.exec(type)?.[1];
		if (
			audioType &&
			['GENERAL', 'IVR', 'AUTODIAL', 'MELODY', 'API', 'VOICE_ROBOT', 'VOICE_QUEUE'].includes(
				audioType,
			)
		) {
			return toRecord(
				[...this.audios]
					.filter(([, a]) => a.type === audioType)
					.map(([id, a]) => [id, a.name] as [number, string]),
			);
		}
		return undefined;
	}

	snapshot(): unknown {
		return {
			innerPhones: [...this.innerPhones.values()],
			outerLines: [...this.outerLines.values()],
			// The file bytes stay out of snapshots (the control API sends them as JSON).
			audios: [...this.audios.values()].map(({ bytes: _bytes, ...a }) => a),
			calls: [...this.calls.values()],
		};
	}
}
