/**
 * /eventHandlers/removeScheduledByPhones – "Removing Scheduled Event Handlers": `phones`, at most 100
 * numbers in international format. Success: `{"status":"Success","data":<handlers removed>}`.
 *
 * Errors (doc): "Phones is not specified" (missing or empty), "Too many phones" (more than 100),
 * "Invalid phones" (`data`: the entries that did not pass, as sent; nothing is removed), "Wait until
 * the previous request is processed" (another removal running: a test sets
 * `state.account.removalBusyCount`).
 *
 * The doc writes the path as /api/eventHandlers/removeScheduledByPhones although its paths are
 * relative to .../api; the sandbox answers at both /eventHandlers/... and /api/eventHandlers/...
 * International format here: 7-15 digits, no leading 0, nothing else (a string or a number).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { isInternational, removeScheduledSchema } from './schemas';

export const MAX_REMOVAL_PHONES = 100;

export const REMOVE_SCHEDULED_ERRORS = {
	noPhones: 'Phones is not specified',
	tooMany: 'Too many phones',
	invalid: 'Invalid phones',
	running: 'Wait until the previous request is processed',
} as const;

export const removeScheduledByPhones: EndpointHandler = (ctx, params) => {
	const p = removeScheduledSchema.parse(params);
	const project = ctx.state.account;
	if (project.removalBusyCount > 0) {
		project.removalBusyCount--;
		return failure(REMOVE_SCHEDULED_ERRORS.running);
	}
	if (!Array.isArray(p.phones) || p.phones.length === 0)
		return failure(REMOVE_SCHEDULED_ERRORS.noPhones);
	if (p.phones.length > MAX_REMOVAL_PHONES) return failure(REMOVE_SCHEDULED_ERRORS.tooMany);
	const invalid = p.phones.filter((phone) => !isInternational(phone));
	if (invalid.length > 0) return failure(REMOVE_SCHEDULED_ERRORS.invalid, invalid);
	let removed = 0;
	for (const phone of new Set(p.phones.map(String))) {
		removed += project.scheduledHandlers.get(phone) ?? 0;
		project.scheduledHandlers.delete(phone);
	}
	return { ...success({ data: removed }), operation: `${p.phones.length} phones` };
};
