/**
 * /lists – "Lists" / "Blocked phones": `list` (BLOCKED_PHONES, BLOCKED_FOR_AUTODIAL_PHONES),
 * `operation` (GET, ADD, REMOVE) and, for ADD and REMOVE, `items` (at most 100 numbers in
 * international format).
 *
 * The doc shows neither answers nor errors for /lists. Sandbox choices:
 * - GET answers `{"status":"Success","data":["380...", ...]}` (the list in the order numbers were
 *   added); ADD and REMOVE answer `{"status":"Success"}`. Adding a listed number or removing an
 *   unlisted one changes nothing and is not an error.
 * - Errors (invented strings, marked here): "Wrong list", "Wrong operation", "Items is null or empty",
 *   "Too many items" (more than 100), "Wrong items" (entries that are not 7-15 digits without a
 *   leading 0; `data` lists them as sent, and nothing is changed).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { isInternational, listsSchema } from './schemas';

export const LIST_NAMES = ['BLOCKED_PHONES', 'BLOCKED_FOR_AUTODIAL_PHONES'];
export const MAX_LIST_ITEMS = 100;

export const LISTS_ERRORS = {
	wrongList: 'Wrong list',
	wrongOperation: 'Wrong operation',
	noItems: 'Items is null or empty',
	tooMany: 'Too many items',
	wrongItems: 'Wrong items',
} as const;

export const lists: EndpointHandler = (ctx, params) => {
	const p = listsSchema.parse(params);
	const list = typeof p.list === 'string' ? p.list : '';
	const operation = typeof p.operation === 'string' ? p.operation : '';
	const op = (r: ReturnType<typeof success>) => ({
		...r,
		operation: `${operation} ${list}`.trim(),
	});
	if (!LIST_NAMES.includes(list)) return op(failure(LISTS_ERRORS.wrongList));
	const entries = ctx.state.account.lists.get(list) ?? [];
	if (operation === 'GET') return op(success({ data: [...entries] }));
	if (operation !== 'ADD' && operation !== 'REMOVE')
		return op(failure(LISTS_ERRORS.wrongOperation));
	if (!Array.isArray(p.items) || p.items.length === 0) return op(failure(LISTS_ERRORS.noItems));
	if (p.items.length > MAX_LIST_ITEMS) return op(failure(LISTS_ERRORS.tooMany));
	const wrong = p.items.filter((i) => !isInternational(i));
	if (wrong.length > 0) return op(failure(LISTS_ERRORS.wrongItems, wrong));
	const items = p.items.map(String);
	if (operation === 'ADD') {
		for (const item of items) if (!entries.includes(item)) entries.push(item);
		ctx.state.account.lists.set(list, entries);
	} else {
		ctx.state.account.lists.set(
			list,
			entries.filter((e) => !items.includes(e)),
		);
	}
	return op(success());
};
