/**
 * Building blocks for Unitalk endpoint and action handlers. A handler gets the parsed request
 * parameters and returns a payload; the router turns it into the HTTP answer. Add an endpoint by
 * writing a handler file and listing it in endpoints.ts; add an autodialer action by writing
 * autodial/<action>.ts and listing it in autodial/index.ts.
 *
 * Envelope (doc): `{"status": "Success", "message"?: ..., "data"?: ...}`; errors carry the message
 * strings of the doc's "Possible errors" lists. The doc never shows an error body: `status: "Error"`
 * is the sandbox's choice (a client must treat any status other than "Success" as an error).
 */
import type { ProviderRequest } from '../provider';
import type { ResolvedOptions } from '../types';
import type { UnitalkState } from './state';

export interface UnitalkContext {
	state: UnitalkState;
	clock: () => number;
	options: ResolvedOptions;
	req: ProviderRequest;
}

export interface UnitalkResult {
	/** HTTP status, default 200. */
	httpStatus?: number;
	payload: unknown;
	ok: boolean;
	reason?: string;
	/** Detail recorded with the request (e.g. the autodial action). */
	operation?: string;
}

export type UnitalkParams = Record<string, unknown>;
export type EndpointHandler = (ctx: UnitalkContext, params: UnitalkParams) => UnitalkResult;

export const ERROR_STATUS = 'Error';

export function success(fields: Record<string, unknown> = {}): UnitalkResult {
	return { payload: { status: 'Success', ...fields }, ok: true };
}

/** A bare JSON answer (the doc shows several data-returning actions without the envelope). */
export function bare(payload: unknown): UnitalkResult {
	return { payload, ok: true };
}

export function failure(message: string, data?: unknown): UnitalkResult {
	return {
		payload:
			data === undefined
				? { status: ERROR_STATUS, message }
				: { status: ERROR_STATUS, message, data },
		ok: false,
		reason: message,
	};
}
