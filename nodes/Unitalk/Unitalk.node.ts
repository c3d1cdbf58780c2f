import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, runOperation, selectOperation } from '../shared/operations';
import { operationSubtitle } from '../shared/subtitle';
import { refuseWebhookUrl, webhookUrlOf } from './actions/incomingWebhookLink/common';
import { resources } from './actions/resources';
import { searchDistributions } from './methods/distributions';
import { searchAutodialers } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';

export class Unitalk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unitalk',
		name: 'unitalk',
		icon: { light: 'file:../../icons/unitalk.svg', dark: 'file:../../icons/unitalk.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(resources),
		description: 'Run Unitalk autodialers, place calls, send messages and read call history',
		defaults: { name: 'Unitalk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'unitalkApi',
				required: true,
				displayOptions: { hide: { resource: ['incomingWebhookLink'] } },
			},
			// Links carry their own token and nothing else (see Incoming Webhook Link).
			{
				name: 'unitalkWebhookLinkApi',
				required: true,
				testedBy: 'unitalkWebhookLink',
				displayOptions: { show: { resource: ['incomingWebhookLink'] } },
			},
		],
		properties: resourceProperties(resources),
	};

	methods = {
		listSearch: { searchAutodialers, searchDistributions },
		loadOptions,
		credentialTest: {
			// Sends nothing: every link action changes an autodialer (the doc lists no harmless one), and
			// the only helper a credential test has (request) is deprecated. It checks that the token is
			// set and may be sent to the Webhook URL.
			async unitalkWebhookLink(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data ?? {};
				if (!String(data.token ?? '').trim())
					return {
						status: 'Error',
						message: '"Token" is empty: copy it from the "API" page of Unitalk',
					};
				const address = webhookUrlOf(data);
				const refusal = refuseWebhookUrl(address);
				if (refusal) return { status: 'Error', message: `"Webhook URL" ${refusal}` };
				return {
					status: 'OK',
					message: 'The token is set and may be sent to this address (Unitalk is not called)',
				};
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, selectOperation(this, resources), this.getInputData())];
	}
}
