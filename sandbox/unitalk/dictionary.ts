/**
 * /dictionary?type=… – "Dictionaries / Main Entities": IDs and names of project entities. The doc puts
 * `type` in the query string (a JSON or form `type` is read too) and shows no answer and no errors.
 * Sandbox choices: the answer follows GET_WITH_DATA's "ID": "Title" maps inside the usual envelope,
 *   {"status":"Success","data":{"211":"Main menu", ...}}
 * (INNER_PHONE: line number -> operator name); a missing type answers "type is null", an unknown one
 * "Wrong type". AUTODIAL_PREDICTIVE lists GUARANTEED_DIAL autodialers (the doc's "Predictive Dialing";
 * the mapping is a guess), AUTODIAL_ROBOT the VOICE_ROBOT ones.
 */
import { failure, success, type EndpointHandler } from './handler';

const AUTODIAL_TYPES: Record<string, string | undefined> = {
	AUTODIAL_ALL: undefined,
	AUTODIAL_AUTODIALER: 'AUTODIAL',
	AUTODIAL_PREDICTIVE: 'GUARANTEED_DIAL',
	AUTODIAL_ROBOT: 'VOICE_ROBOT',
};

export const dictionary: EndpointHandler = (ctx, params) => {
	const type = params.type === undefined || params.type === null ? '' : String(params.type).trim();
	if (type === '') return { ...failure('type is null'), operation: undefined };
	if (Object.prototype.hasOwnProperty.call(AUTODIAL_TYPES, type)) {
		const wanted = AUTODIAL_TYPES[type];
		const data = Object.fromEntries(
			[...ctx.state.autodialers.values()]
				.filter((a) => wanted === undefined || a.autodialerType === wanted)
				.map((a) => [String(a.id), a.name]),
		);
		return { ...success({ data }), operation: type };
	}
	const data = ctx.state.calls.dictionary(type);
	if (!data) return { ...failure('Wrong type'), operation: type };
	return { ...success({ data }), operation: type };
};
