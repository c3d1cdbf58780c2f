/** Unitalk endpoints by path (relative to `/api`). One handler per endpoint; add new ones here. */
import { autodialAction } from './autodial';
import type { EndpointHandler } from './handler';

export const UNITALK_ENDPOINTS: Record<string, EndpointHandler> = {
	'/autodial/action': autodialAction,
};
