/**
 * /dictionary?type=… – "Dictionaries / Main Entities": IDs and names of project entities. The doc puts
 * `type` in the query string (a JSON or form `type` is read too) and shows no answer and no errors.
 * Sandbox choices: the answer follows GET_WITH_DATA's "ID": "Title" maps inside the usual envelope,
 *   {"status":"Success","data":{"211":"Main menu", ...}}
 * (INNER_PHONE: line number -> operator name); a missing type answers "type is null", an unknown one
 * "Wrong type". AUTODIAL_PREDICTIVE lists GUARANTEED_DIAL autodialers (the doc's "Predictive Dialing";
 * the mapping is a guess), AUTODIAL_ROBOT the VOICE_ROBOT ones.
 *
 * Every type with live state is read from it, so an entity created or seeded in one place shows up
 * here: USER = `state.account.users` (/users/list; name "first last"), PHONE_GROUP =
 * `state.project.groups` (all kinds), IN_SCENARIO / OUT_SCENARIO = `state.project.scenarios` /
 * `outScenarios`, TRIGGER_ACTION = `state.project.triggerActions`, MESSAGE_DISTRIBUTION =
 * `state.messaging.distributions` (completed ones too), AUTODIAL_* = the autodialers; lines, audios,
 * voice menus, profiles and voice robots come from `state.calls` (callsState.ts), which also keeps the
 * few types without state (SITE, STT_PROFILE, CONTACT_FORMS).
 */
import { failure, success, type EndpointHandler } from './handler';
import type { UnitalkState } from './state';

const AUTODIAL_TYPES: Record<string, string | undefined> = {
	AUTODIAL_ALL: undefined,
	AUTODIAL_AUTODIALER: 'AUTODIAL',
	AUTODIAL_PREDICTIVE: 'GUARANTEED_DIAL',
	AUTODIAL_ROBOT: 'VOICE_ROBOT',
};

/** Dictionary types whose entities live outside state.calls: id -> name, read at request time. */
const LIVE_TYPES: Record<string, (state: UnitalkState) => Record<string, string>> = {
	USER: (state) =>
		Object.fromEntries(
			state.account.users.map((u) => [
				String(u.id),
				[u.firstName, u.lastName].filter((part) => part).join(' '),
			]),
		),
	PHONE_GROUP: (state) =>
		Object.fromEntries(Object.entries(state.project.groups).map(([id, g]) => [id, g.title])),
	IN_SCENARIO: (state) => ({ ...state.project.scenarios }),
	OUT_SCENARIO: (state) => ({ ...state.project.outScenarios }),
	TRIGGER_ACTION: (state) =>
		Object.fromEntries(state.project.triggerActions.map((h) => [String(h.id), h.title])),
	MESSAGE_DISTRIBUTION: (state) =>
		Object.fromEntries(
			[...state.messaging.distributions.values()].map((d) => [String(d.id), d.name]),
		),
};

/** id -> name for a dictionary type, or undefined for a type the sandbox does not know. */
export function dictionaryEntries(
	state: UnitalkState,
	type: string,
): Record<string, string> | undefined {
	if (Object.prototype.hasOwnProperty.call(AUTODIAL_TYPES, type)) {
		const wanted = AUTODIAL_TYPES[type];
		return Object.fromEntries(
			[...state.autodialers.values()]
				.filter((a) => wanted === undefined || a.autodialerType === wanted)
				.map((a) => [String(a.id), a.name]),
		);
	}
	if (Object.prototype.hasOwnProperty.call(LIVE_TYPES, type)) return LIVE_TYPES[type](state);
	return state.calls.dictionary(type);
}

export const dictionary: EndpointHandler = (ctx, params) => {
	const type = params.type === undefined || params.type === null ? '' : String(params.type).trim();
	if (type === '') return { ...failure('type is null'), operation: undefined };
	const data = dictionaryEntries(ctx.state, type);
	if (!data) return { ...failure('Wrong type'), operation: type };
	return { ...success({ data }), operation: type };
};
