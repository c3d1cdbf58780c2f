/**
 * State of the autodialer number and call actions (ADD_NUMBERS, GET_NUMBER, GET_NUMBERS,
 * REMOVE_NUMBERS, REMOVE_ALL_NUMBERS, GET_CALLS_HISTORY), reachable as `state.autodialNumbers`.
 * The numbers themselves live on the autodialers (`Autodialer.numbers`, indexed by numberStore.ts);
 * here are the call records, the project-wide add/remove handler and the knobs tests turn.
 *
 * The doc shows calls only as GET_CALLS_HISTORY returns them, so the sandbox makes them itself:
 * `simulateCalls` (also `state.simulateCalls(id)`) dials an autodialer's unprocessed numbers with
 * deterministic outcomes, sets their state and records one call each, shaped like the doc's `items[]`.
 * Seeded: the three numbers of autodialer 12345 (state.ts) have the calls their states imply.
 */
import { formatDateTime } from '../../util';
import type { Autodialer, AutodialNumber, UnitalkState } from '../state';

/** Doc: "up to 100,000 numbers per request, but no more than 1,000,000 numbers per autodialer". */
export const MAX_ADD_NUMBERS_PER_REQUEST = 100_000;
export const MAX_NUMBERS_PER_AUTODIALER = 1_000_000;
/** Doc: REMOVE_NUMBERS "can contain a maximum of 10,000 numbers". */
export const MAX_REMOVE_NUMBERS_PER_REQUEST = 10_000;
/** Sandbox choice: how long adding or removing takes, in ms per 1,000 numbers. */
export const DEFAULT_MS_PER_THOUSAND_NUMBERS = 1;

/** One autodialer call, the fields of the doc's GET_CALLS_HISTORY `items[]`. */
export interface AutodialCall {
	id: number;
	phone: string;
	state: string;
	callEndTime: string;
	operatorNumber: string | null;
	userId: number | null;
	calledCount: number;
	realCalledCount: number;
	seconds: number | null;
	secondsForClientAnswered: number | null;
	secondsDialToClient: number | null;
	secondsClientWaitOperator: number | null;
	secondsOperatorWaitCall: number | null;
	secondsForOperatorAnswered: number | null;
	secondsTalk: number | null;
	rid: number;
	name: string | null;
	note: string | null;
	link: string | null;
	params: Record<string, string | null> | null;
	withdrawTotal: string | null;
	withdrawByCategories: Record<string, string> | null;
	executedTriggerActionIds: number[] | null;
	sendFirstMessageToClientSuccess: boolean;
	secretary: Record<string, unknown> | null;
}

export interface SimulateCallsOptions {
	/**
	 * Call end states (callState dictionary) handed out in turn, one per dialled number, or a function
	 * choosing per number. Default: ANSWER, NOANSWER, BUSY, ANSW_RJCT, FAIL.
	 */
	outcomes?: string[] | ((phone: string, index: number) => string);
	/** Dial at most this many numbers. */
	limit?: number;
	/** Dial exactly these numbers (digits), in this order, whatever their state. Default: every number in state NEW, priority ones first. */
	phones?: string[];
	/** End time of the last call (ms; default the sandbox clock); the calls end 1 s apart before it. */
	at?: number;
}

export const DEFAULT_CALL_OUTCOMES = ['ANSWER', 'NOANSWER', 'BUSY', 'ANSW_RJCT', 'FAIL'];

/** States in which the subscriber picked up (the callState dictionary's ANSW* and answering-machine ones). */
const ANSWERED = new Set([
	'ANSWER',
	'ANSW_RJCT',
	'ANSW_NF_OP',
	'ANSW_OP_NA',
	'TALKING',
	'UNREACHABLE',
	'NOT_EXIST',
	'VOICE_MAIL',
	'AUDIO_ERR',
]);
/** Inner lines and users of the seeded project (callsState.ts) that take the operator calls. */
const OPERATORS = [
	{ number: '1111', userId: 12345 },
	{ number: '2222', userId: 12346 },
];
const END_NODE_TYPES = ['END_SUCCESS', 'END_FAIL', 'INTERMEDIATE'];
const END_REASONS = ['NORMAL', 'USER_REJECT', 'GREETING_SILENCE'];

export class AutodialNumbersState {
	/** Call records per autodialer id, in ascending call id. */
	readonly history = new Map<number, AutodialCall[]>();
	nextCallId = 1000;
	/** Numbers the sandbox answers "Wrong numbers" for although they are well-formed (tests seed it). */
	readonly refusedNumbers = new Set<string>();
	/** The project's add/remove handler is busy until this clock time (ms). */
	busyUntil = 0;
	/** Simulated processing time of ADD_NUMBERS / REMOVE_NUMBERS / REMOVE_ALL_NUMBERS. 0: never busy by itself. */
	msPerThousandNumbers = DEFAULT_MS_PER_THOUSAND_NUMBERS;
	/** Most numbers an autodialer may hold (doc: 1,000,000); tests may lower it. */
	perAutodialerLimit = MAX_NUMBERS_PER_AUTODIALER;
	/**
	 * The account's own per-request limits, as GET_WITH_DATA reports them (maxAddNumbersCount /
	 * maxRemoveNumbersCount, doc example 100,000 / 10,000) and ADD_NUMBERS / REMOVE_NUMBERS enforce
	 * ("Too many numbers"); tests may lower them to stand for an account with smaller figures.
	 */
	maxAddNumbersCount = MAX_ADD_NUMBERS_PER_REQUEST;
	maxRemoveNumbersCount = MAX_REMOVE_NUMBERS_PER_REQUEST;

	constructor(private readonly clock: () => number) {
		this.seed();
	}

	reset(): void {
		this.history.clear();
		this.nextCallId = 1000;
		this.refusedNumbers.clear();
		this.busyUntil = 0;
		this.msPerThousandNumbers = DEFAULT_MS_PER_THOUSAND_NUMBERS;
		this.perAutodialerLimit = MAX_NUMBERS_PER_AUTODIALER;
		this.maxAddNumbersCount = MAX_ADD_NUMBERS_PER_REQUEST;
		this.maxRemoveNumbersCount = MAX_REMOVE_NUMBERS_PER_REQUEST;
		this.seed();
	}

	/** Test control: add/remove requests get "Handler is busy, try again later" for the next `ms`. */
	holdHandler(ms: number): void {
		this.busyUntil = this.clock() + ms;
	}

	callsOf(autodialerId: number): AutodialCall[] {
		let list = this.history.get(autodialerId);
		if (!list) {
			list = [];
			this.history.set(autodialerId, list);
		}
		return list;
	}

	/** The seeded numbers of autodialer 12345 (state.ts): one ANSWER call, two NOANSWER calls. */
	private seed(): void {
		const hourAgo = this.clock() - 3600 * 1000;
		const seeded = (phone: string, state: string, attempt: number, endsAt: number) =>
			this.callsOf(12345).push(
				callRecord(this.nextCallId++, { phone, state, attempt, endsAt, number: undefined }),
			);
		seeded('380970000003', 'NOANSWER', 1, hourAgo - 7200 * 1000);
		seeded('380970000002', 'ANSWER', 1, hourAgo);
		seeded('380970000003', 'NOANSWER', 2, hourAgo);
	}

	snapshot(): unknown {
		return {
			busyUntil: this.busyUntil,
			refusedNumbers: [...this.refusedNumbers],
			calls: Object.fromEntries([...this.history].map(([id, calls]) => [id, calls.length])),
		};
	}
}

/**
 * Dials numbers of an autodialer now: each gets the next outcome, its state, stateDateTime and call
 * counters change, and one call record is stored. When no unprocessed (NEW) number is left, a
 * running autodialer becomes FINISHED. Returns the new call records, oldest first.
 */
export function simulateCalls(
	state: UnitalkState,
	autodialerId: number,
	now: number,
	options: SimulateCallsOptions = {},
): AutodialCall[] {
	const a = state.autodialers.get(autodialerId);
	if (!a) throw new Error(`simulateCalls: no autodialer ${autodialerId}`);
	let targets: AutodialNumber[];
	if (options.phones) {
		const byPhone = new Map(a.numbers.map((n) => [n.phone, n]));
		targets = options.phones.map((p) => {
			const n = byPhone.get(p);
			if (!n) throw new Error(`simulateCalls: ${p} is not in autodialer ${autodialerId}`);
			return n;
		});
	} else {
		const fresh = a.numbers.filter((n) => n.state === 'NEW');
		targets = [...fresh.filter((n) => n.highPriority), ...fresh.filter((n) => !n.highPriority)];
	}
	if (options.limit !== undefined) targets = targets.slice(0, Math.max(0, options.limit));

	const outcomes = options.outcomes ?? DEFAULT_CALL_OUTCOMES;
	const last = options.at ?? now;
	const calls = state.autodialNumbers.callsOf(autodialerId);
	const made: AutodialCall[] = [];
	targets.forEach((n, i) => {
		const outcome =
			typeof outcomes === 'function' ? outcomes(n.phone, i) : outcomes[i % outcomes.length];
		const endsAt = last - (targets.length - 1 - i) * 1000;
		n.state = outcome;
		n.stateDateTime = formatDateTime(endsAt);
		n.calledCount += 1;
		n.realCalledCount += 1;
		const call = callRecord(state.autodialNumbers.nextCallId++, {
			phone: n.phone,
			state: outcome,
			attempt: n.realCalledCount,
			calledCount: n.calledCount,
			endsAt,
			number: n,
			voiceRobotId: voiceRobotOf(a),
		});
		calls.push(call);
		made.push(call);
	});

	if (
		(a.status === 'IN_PROGRESS' || a.status === 'WAITING') &&
		!a.numbers.some((n) => n.state === 'NEW')
	) {
		a.status = 'FINISHED';
		a.statusChangedAt = now;
	}
	return made;
}

function voiceRobotOf(a: Autodialer): number | undefined {
	if (a.autodialerType !== 'VOICE_ROBOT') return undefined;
	const id = Number(a.settings.voiceSecretaryId);
	return Number.isInteger(id) ? id : undefined;
}

/** One call record; every number in it follows from the call id, so runs are reproducible. */
function callRecord(
	id: number,
	c: {
		phone: string;
		state: string;
		attempt: number;
		calledCount?: number;
		endsAt: number;
		number: AutodialNumber | undefined;
		voiceRobotId?: number;
	},
): AutodialCall {
	const answered = ANSWERED.has(c.state);
	const operator = c.state === 'ANSWER' ? OPERATORS[id % OPERATORS.length] : undefined;
	const talk = operator ? 10 + (id % 50) : null;
	const robot = answered && c.voiceRobotId !== undefined;
	const costs: Record<string, string> | null = answered
		? {
				CALL: '0.50',
				AUTODIALER: '0.02',
				...(robot ? { VOICE_SECRETARY: '0.02', SPEECH_RECOGNITION: '0.10' } : {}),
			}
		: null;
	return {
		id,
		phone: c.phone,
		state: c.state,
		callEndTime: formatDateTime(c.endsAt),
		operatorNumber: operator?.number ?? null,
		userId: operator?.userId ?? null,
		calledCount: c.calledCount ?? c.attempt,
		realCalledCount: c.attempt,
		seconds: answered ? (talk ?? 0) + 5 + (id % 7) : null,
		secondsForClientAnswered: answered ? 5 + (id % 10) : null,
		secondsDialToClient: c.state === 'FAIL' ? null : 5 + (id % 20),
		secondsClientWaitOperator: operator ? 2 + (id % 5) : null,
		secondsOperatorWaitCall: operator ? 15 : null,
		secondsForOperatorAnswered: operator ? 2 : null,
		secondsTalk: talk,
		rid: 1052434886 + id,
		name: c.number?.name ?? null,
		note: c.number?.note ?? null,
		link: c.number?.link ?? null,
		params: c.number?.params ? { ...c.number.params } : null,
		withdrawTotal: costs
			? Object.values(costs)
					.reduce((sum, v) => sum + Number(v), 0)
					.toFixed(2)
			: null,
		withdrawByCategories: costs,
		executedTriggerActionIds: null,
		sendFirstMessageToClientSuccess: false,
		secretary: robot
			? {
					id: c.voiceRobotId,
					duration: 3 + (id % 40),
					endNodeType: END_NODE_TYPES[id % END_NODE_TYPES.length],
					endReason: END_REASONS[id % END_REASONS.length],
					endNodeId: 1,
					endNodeTitle: 'Action #1',
					endVoiceSecretaryId: c.voiceRobotId,
					steps: [
						{
							nodeId: 1,
							actionTitle: 'Action #1',
							recognizedText: 'yes',
							recognizedDates: null,
							alternativeAudioIndex: null,
							jumpToNode: false,
							startBackgroundSecretaryId: null,
							endBackgroundSecretaryId: null,
						},
					],
				}
			: null,
	};
}
