import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { processShareProperty } from '../nodes/shared/processShare';
import { UNITALK_LIMITS } from '../nodes/Unitalk/transport';

export class UnitalkApi implements ICredentialType {
	name = 'unitalkApi';

	displayName = 'Unitalk API';

	icon: Icon = {
		light: 'file:../icons/unitalk.svg',
		dark: 'file:../icons/unitalk.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key from the "API" page of your Unitalk account',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.unitalk.cloud/api',
			description: 'Change only for a test environment or a local simulator',
		},
		processShareProperty(UNITALK_LIMITS),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.apiKey}}' } },
	};

	/** The autodialer list is the cheapest read every account has. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/autodial/action',
			method: 'POST',
			body: { action: 'GET_LIST' },
		},
		// Unitalk may answer a refused key with HTTP 200 and an error envelope.
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'Error',
					message: 'Unitalk refused the API key',
				},
			},
		],
	};
}
