import type { IDataObject } from 'n8n-workflow';

/**
 * The answers Unitalk reads from two of its webhooks (documentation, "Transferring a call to the
 * responsible operator" and "Voice queue management"):
 *
 *   ROUTE                  {"operatorNumber": "2048", "callerName": "Александр", "ivrId": 487}
 *                          operatorNumber: SIP line or GSM number, may be null; ivrId: voice menu id, may be null
 *   voice queue management {"setPriority": 7}   queue number from 1 to 10 (Unitalk's default is 5)
 *
 * These checks run in the trigger when the answer comes from its parameters. When the answer comes from
 * the workflow's last node, n8n itself sends that node's first item once the workflow has finished: no
 * node code runs between the last node and the HTTP answer, so the trigger cannot check it there. Use
 * these rules when building that item (the node's notice says so).
 */

export type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface RouteAnswer {
	operatorNumber: string | null;
	callerName: string | null;
	ivrId: number | null;
}

export interface QueueAnswer {
	setPriority: number;
}

function blank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function show(v: unknown): string {
	return typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
}

/** A whole number given as a number or as digits in a string. */
function wholeNumber(v: unknown): number | undefined {
	if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
	if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v.trim());
	return undefined;
}

/**
 * Operator number: an internal (SIP) line such as 2048 or a GSM number in international format such as
 * 380501234567. Spaces, dashes, dots, brackets and a leading + are removed; what is left must be 2 to 15
 * digits. Empty means null ("May be null": Unitalk then does not redirect to a responsible operator).
 */
export function checkOperatorNumber(v: unknown): Check<string | null> {
	if (blank(v)) return { ok: true, value: null };
	if (typeof v !== 'string' && typeof v !== 'number') {
		return {
			ok: false,
			problem: `Operator Number must be a phone or SIP line number, not ${show(v)}`,
		};
	}
	const digits = String(v)
		.trim()
		.replace(/^\+/, '')
		.replace(/[\s\-().]/g, '');
	if (!/^\d{2,15}$/.test(digits)) {
		return {
			ok: false,
			problem: `Operator Number ${show(v)} is not a SIP line (e.g. 2048) or an international phone number (e.g. 380501234567)`,
		};
	}
	return { ok: true, value: digits };
}

export function checkIvrId(v: unknown): Check<number | null> {
	if (blank(v)) return { ok: true, value: null };
	const n = wholeNumber(v);
	if (n === undefined || n < 1) {
		return {
			ok: false,
			problem: `IVR ID ${show(v)} must be the ID of a voice menu (a whole number above 0) or empty`,
		};
	}
	return { ok: true, value: n };
}

export function checkCallerName(v: unknown): Check<string | null> {
	if (blank(v)) return { ok: true, value: null };
	if (typeof v !== 'string' && typeof v !== 'number') {
		return { ok: false, problem: `Caller Name must be text, not ${show(v)}` };
	}
	return { ok: true, value: String(v) };
}

export function checkPriority(v: unknown): Check<number> {
	const n = wholeNumber(v);
	if (n === undefined || n < 1 || n > 10) {
		return {
			ok: false,
			problem: `Priority ${blank(v) ? 'is empty' : show(v) + ' is not allowed'}: Unitalk's voice queue takes a whole number from 1 to 10 (setPriority)`,
		};
	}
	return { ok: true, value: n };
}

/** Checks a ROUTE answer (from the trigger's parameters or a workflow item) and returns the JSON to send. */
export function checkRouteAnswer(answer: IDataObject): Check<RouteAnswer> {
	const operatorNumber = checkOperatorNumber(answer.operatorNumber);
	if (!operatorNumber.ok) return operatorNumber;
	const callerName = checkCallerName(answer.callerName);
	if (!callerName.ok) return callerName;
	const ivrId = checkIvrId(answer.ivrId);
	if (!ivrId.ok) return ivrId;
	return {
		ok: true,
		value: {
			operatorNumber: operatorNumber.value,
			callerName: callerName.value,
			ivrId: ivrId.value,
		},
	};
}

/** Checks a voice queue management answer (`setPriority` 1-10) and returns the JSON to send. */
export function checkQueueAnswer(answer: IDataObject): Check<QueueAnswer> {
	const p = checkPriority(answer.setPriority);
	return p.ok ? { ok: true, value: { setPriority: p.value } } : p;
}
