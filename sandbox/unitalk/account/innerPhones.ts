/**
 * /phones/inner – internal lines status: an empty request; the answer is the associative array the
 * doc describes, internal line number -> online | busy | offline, bare. The lines and their live
 * status are those of callsState.ts (calls make lines busy).
 */
import { bare, type EndpointHandler } from '../handler';

export const innerPhones: EndpointHandler = (ctx) =>
	bare(
		Object.fromEntries(
			[...ctx.state.calls.innerPhones.values()].map((line) => [line.number, line.status]),
		),
	);
