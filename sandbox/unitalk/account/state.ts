/**
 * In-memory state of the Unitalk project-data endpoints (provider-docs/unitalk-api.txt: "Lists" /
 * "Blocked phones", "Users list", "Obtaining user statuses", "Work history", "Changing work status",
 * internal lines status, "Deleting a number from a group", "Operator statistics", "Call history",
 * "Removing Scheduled Event Handlers", "Incoming webhooks"). Reachable from state.ts as
 * `state.account`.
 *
 * Everything is seeded deterministically (a fixed PRNG seed, fixed dates), so tests can rely on it:
 *   users 12345 John Callid (line 1111, ADMIN), 12346 Jane Doe (2222), 12347 Alexander Maksimov
 *   (5455), 12348 Busy Operator (3333), 12349 Offline Operator (4444), 12350 Mary Manager (no line);
 *   the ids match the USER dictionary and the Web Dialer users of messages/state.ts, the lines and
 *   names the internal lines of callsState.ts (`state.calls.innerPhones`, with their live status);
 *   group members: the groups themselves are autodial/dictionaries.ts's (`state.project.groups`);
 *   here 455 "Sales department" has 1111, 2222, 5455 and 300 "Support" 3333, 4444;
 *   work status names WORK: Cold Calling, Incoming calls · PAUS: Lunch, Break · STOP: Non-working hours;
 *   blocked lists BLOCKED_PHONES 380501112233, 380671234567, 380931112244 and
 *   BLOCKED_FOR_AUTODIAL_PHONES 380971112233, 380631234567;
 *   HISTORY_SIZE (2,600) calls between 2024-01-01 00:00:00 and 2024-03-31 23:59:59, dbid 1..2600 in
 *   date order;
 *   scheduled event handlers for 380971234567 (2), 380501112233 (1), 380670001000 (1);
 *   incoming webhook token "sandbox-webhook-token".
 */

export const HISTORY_SIZE = 2600;
export const HISTORY_FIRST_DAY = '2024-01-01';
export const HISTORY_LAST_DAY = '2024-03-31';
export const WEBHOOK_TOKEN = 'sandbox-webhook-token';

export type WorkStatus = 'WORK' | 'STOP' | 'PAUS';

export interface ProjectUser {
	id: number;
	email: string;
	firstName: string;
	lastName: string | null;
	middleName: string | null;
	/** The internal line assigned to the user (the doc's example shows a number). */
	phone: number | null;
	role: string;
	workStatus: WorkStatus;
	workStatusName: string | null;
}

/** One call as /history/get returns it. */
export interface HistoryCall {
	id: number;
	dbid: number;
	date: string;
	source: string;
	direction: 'IN' | 'OUT' | 'INNER';
	from: string;
	to: string[];
	lastGroupName: string | null;
	secondsFullTime: number;
	secondsTalk: number;
	link: string | null;
	comment: string | null;
	state: string;
	cause: number;
	callback: boolean;
	utmSource: string | null;
	utmMedium: string | null;
	utmCampaign: string | null;
	utmTerm: string | null;
	utmContent: string | null;
	outerNumber: string | null;
	googleId: string | null;
	facebookClientId: string | null;
	referer: string | null;
}

/** What the filters need and the answer does not show. */
export interface HistoryFlags {
	newLead: boolean;
	lost: boolean;
	voiceMessage: boolean;
	/** The client's number (IN: from, OUT: to[0]); null for internal calls. */
	client: string | null;
	/** The internal line of the operator in the call. */
	line: string | null;
}

export interface HistoryRecord {
	call: HistoryCall;
	flags: HistoryFlags;
}

export const WORK_STATUS_NAMES: Record<WorkStatus, string[]> = {
	WORK: ['Cold Calling', 'Incoming calls'],
	PAUS: ['Lunch', 'Break'],
	STOP: ['Non-working hours'],
};

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A number from a string (FNV-1a), to seed per-user / per-day values. */
export function seedOf(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

export function formatUtc(ms: number): string {
	const d = new Date(ms);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

const LINES = ['1111', '2222', '5455', '3333', '4444'];
const OUTER_LINES = ['380441234567', '380441234568'];

function seedUsers(): ProjectUser[] {
	const user = (
		id: number,
		firstName: string,
		lastName: string | null,
		phone: number | null,
		role: string,
		workStatus: WorkStatus,
		workStatusName: string | null,
		middleName: string | null = null,
	): ProjectUser => ({
		id,
		email: `${firstName.toLowerCase()}.${(lastName ?? 'user').toLowerCase()}@example.com`,
		firstName,
		lastName,
		middleName,
		phone,
		role,
		workStatus,
		workStatusName,
	});
	return [
		user(12345, 'John', 'Callid', 1111, 'ADMIN', 'WORK', 'Cold Calling', 'Triple'),
		user(12346, 'Jane', 'Doe', 2222, 'OPERATOR', 'PAUS', 'Lunch'),
		user(12347, 'Alexander', 'Maksimov', 5455, 'OPERATOR', 'WORK', 'Incoming calls'),
		user(12348, 'Busy', 'Operator', 3333, 'OPERATOR', 'WORK', null),
		user(12349, 'Offline', 'Operator', 4444, 'OPERATOR', 'STOP', 'Non-working hours'),
		user(12350, 'Mary', 'Manager', null, 'MANAGER', 'STOP', null),
	];
}

/** The seeded call history: deterministic, in date order, dbid 1..HISTORY_SIZE. */
export function seedHistory(size = HISTORY_SIZE): HistoryRecord[] {
	const rnd = prng(20240101);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const start = Date.UTC(2024, 0, 1);
	const span = Date.UTC(2024, 3, 1) - start;
	const step = span / size;
	const clients = Array.from(
		{ length: 400 },
		(_, i) => `38097${pad(1000000 + i * 7919, 7).slice(-7)}`,
	);
	const records: HistoryRecord[] = [];
	const seenClients = new Set<string>();
	const usedIds = new Set<number>();
	for (let i = 0; i < size; i++) {
		const at = Math.floor(start + i * step + rnd() * step * 0.9);
		const roll = rnd();
		const direction: HistoryCall['direction'] = roll < 0.5 ? 'IN' : roll < 0.9 ? 'OUT' : 'INNER';
		const line = pick(LINES);
		const client = direction === 'INNER' ? null : pick(clients);
		const stateRoll = rnd();
		const state =
			stateRoll < 0.6 ? 'ANSWER' : stateRoll < 0.8 ? 'NOANSWER' : stateRoll < 0.9 ? 'BUSY' : 'FAIL';
		const answered = state === 'ANSWER';
		const secondsTalk = answered ? 5 + Math.floor(rnd() * 600) : 0;
		const secondsFullTime = secondsTalk + Math.floor(rnd() * 40);
		const source =
			direction === 'IN'
				? pick(['REGULAR', 'REGULAR', 'TRACKING', 'CLICK2CALL', 'FORM', 'CALLBACK', 'AUTO_CB'])
				: direction === 'OUT'
					? pick(['REGULAR', 'AUTODIAL', 'AUTODIAL', 'API_CALL'])
					: 'REGULAR';
		let id: number;
		do id = 19_000_000 + Math.floor(rnd() * 1_000_000);
		while (usedIds.has(id));
		usedIds.add(id);
		const date = formatUtc(at);
		const tracking = source === 'TRACKING';
		const other = pick(LINES.filter((l) => l !== line));
		const call: HistoryCall = {
			id,
			dbid: i + 1,
			date,
			source,
			direction,
			from: direction === 'IN' ? (client as string) : line,
			to:
				direction === 'IN'
					? answered
						? [line]
						: []
					: direction === 'OUT'
						? [client as string]
						: [other],
			lastGroupName: direction === 'IN' ? (rnd() < 0.5 ? 'Sales department' : 'Support') : null,
			secondsFullTime,
			secondsTalk,
			link: answered
				? `https://api.unitalk.cloud:8443/tracking/rec/${id}.${i % 1000}/${date.slice(0, 10)}`
				: null,
			comment: rnd() < 0.05 ? 'That one was successful!' : null,
			state,
			cause: answered ? 16 : state === 'BUSY' ? 17 : state === 'NOANSWER' ? 19 : 38,
			callback: source === 'CALLBACK' || source === 'AUTO_CB',
			utmSource: tracking ? 'google' : null,
			utmMedium: tracking ? 'search' : null,
			utmCampaign: tracking ? 'web' : null,
			utmTerm: tracking ? 'best+product' : null,
			utmContent: tracking ? 'content' : null,
			outerNumber:
				direction === 'INNER' ? null : source === 'CALLBACK' ? 'site.ua' : pick(OUTER_LINES),
			googleId: tracking ? '1182768620.1182768620' : null,
			facebookClientId: tracking ? 'fb.1.1234567890' : null,
			referer: tracking ? 'google.com' : null,
		};
		const newLead = client !== null && !seenClients.has(client);
		if (client) seenClients.add(client);
		records.push({
			call,
			flags: {
				newLead,
				lost: false,
				voiceMessage: direction === 'IN' && !answered && rnd() < 0.3,
				client,
				line: direction === 'IN' ? (answered ? line : null) : line,
			},
		});
	}
	// Lost: an incoming call that was not answered, and no later call with that client was answered.
	const answeredLater = new Set<string>();
	for (let i = records.length - 1; i >= 0; i--) {
		const { call, flags } = records[i];
		if (!flags.client) continue;
		if (call.direction === 'IN' && call.state !== 'ANSWER')
			flags.lost = !answeredLater.has(flags.client);
		if (call.state === 'ANSWER') answeredLater.add(flags.client);
	}
	return records;
}

// The history never changes (nothing in the doc adds to it through these endpoints): built once.
let cachedHistory: HistoryRecord[] | undefined;
function history(): HistoryRecord[] {
	cachedHistory ??= seedHistory();
	return cachedHistory;
}

export class UnitalkAccountState {
	/** The project's users (/users/list, /users/getStatus, /users/workHistory, setStatus). */
	users: ProjectUser[] = [];
	/** group id -> the internal lines in it (the groups: `state.project.groups`). */
	readonly groupMembers = new Map<number, string[]>();
	readonly lists = new Map<string, string[]>();
	/** phone -> scheduled event handlers waiting for it. */
	readonly scheduledHandlers = new Map<string, number>();
	readonly webhookTokens = new Set<string>();
	/**
	 * Test knob: how many of the next removals of scheduled event handlers answer "Wait until the
	 * previous request is processed" (another removal running in the project).
	 */
	removalBusyCount = 0;

	constructor(private readonly clock: () => number) {
		this.seed();
	}

	get history(): HistoryRecord[] {
		return history();
	}

	reset(): void {
		this.seed();
	}

	private seed(): void {
		this.users = seedUsers();
		this.groupMembers.clear();
		this.groupMembers.set(455, ['1111', '2222', '5455']);
		this.groupMembers.set(300, ['3333', '4444']);
		this.lists.clear();
		this.lists.set('BLOCKED_PHONES', ['380501112233', '380671234567', '380931112244']);
		this.lists.set('BLOCKED_FOR_AUTODIAL_PHONES', ['380971112233', '380631234567']);
		this.scheduledHandlers.clear();
		this.scheduledHandlers.set('380971234567', 2);
		this.scheduledHandlers.set('380501112233', 1);
		this.scheduledHandlers.set('380670001000', 1);
		this.webhookTokens.clear();
		this.webhookTokens.add(WEBHOOK_TOKEN);
		this.removalBusyCount = 0;
	}

	/** Today on the sandbox clock (UTC), "yyyy-MM-dd". */
	today(): string {
		return formatUtc(this.clock()).slice(0, 10);
	}

	snapshot(): unknown {
		return {
			users: this.users,
			groupMembers: Object.fromEntries(this.groupMembers),
			lists: Object.fromEntries(this.lists),
			scheduledHandlers: Object.fromEntries(this.scheduledHandlers),
			historySize: this.history.length,
		};
	}
}
