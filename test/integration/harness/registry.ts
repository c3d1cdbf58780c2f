import type { ICredentialType, INodeType } from 'n8n-workflow';

import { NxteleApi } from '../../../credentials/NxteleApi.credentials';
import { NxteleCallbotApi } from '../../../credentials/NxteleCallbotApi.credentials';
import { UnitalkApi } from '../../../credentials/UnitalkApi.credentials';
import { Nxtele } from '../../../nodes/Nxtele/Nxtele.node';
import { Unitalk } from '../../../nodes/Unitalk/Unitalk.node';
import { NxteleTrigger } from '../../../nodes/Nxtele/NxteleTrigger.node';

/** The package's node types under the names a real install registers them with. */
export const PACKAGE = 'n8n-nodes-dialers';

/**
 * Each node as `<package>.<name>`, and, like n8n, nodes declared usableAsTool also as
 * `<package>.<name>Tool` (the type they run under when an AI agent uses them).
 */
export function nodeTypesByName(): Record<string, INodeType> {
	const nodes: INodeType[] = [new Nxtele(), new Unitalk(), new NxteleTrigger()];
	return Object.fromEntries(
		nodes.flatMap((n) => {
			const name = `${PACKAGE}.${n.description.name}`;
			return n.description.usableAsTool
				? [
						[name, n],
						[`${name}Tool`, n],
					]
				: [[name, n]];
		}),
	);
}

export function credentialTypesByName(): Record<string, ICredentialType> {
	const credentials: ICredentialType[] = [
		new NxteleCallbotApi(),
		new NxteleApi(),
		new UnitalkApi(),
	];
	return Object.fromEntries(credentials.map((c) => [c.name, c]));
}
