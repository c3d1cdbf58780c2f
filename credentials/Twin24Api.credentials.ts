import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { logIn } from '../nodes/shared/session';

/**
 * Twin24 has no API keys: the cabinet user's email and password are exchanged for a JWT at
 * `{IAM}/auth/login`, sent as `Authorization: Bearer`. n8n keeps the token in the hidden expirable
 * field and logs in again when it is empty; the node's transport empties it when the token expired
 * or Twin24 refused it (one new login per request at most).
 */
export class Twin24Api implements ICredentialType {
	name = 'twin24Api';

	displayName = 'Twin24 API';

	icon: Icon = {
		light: 'file:../icons/twin24.svg',
		dark: 'file:../icons/twin24.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email you log in to the Twin24 cabinet with, for example robot@example.com',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password of that cabinet user',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			description:
				'Only when your user belongs to several Twin24 cabinets: the number of the cabinet to work in, for example 1234. Leave empty otherwise.',
		},
		{
			displayName: 'Token Lifetime (Seconds)',
			name: 'lifetime',
			type: 'number',
			typeOptions: { minValue: 60 },
			default: 86400,
			description:
				'How long a login token is asked to last (86400 = one day). Twin24 does not document a maximum; n8n logs in again when the token expires.',
		},
		{
			displayName: 'IAM Base URL',
			name: 'iamBaseUrl',
			type: 'string',
			default: 'https://iam.twin24.ai/api/v1',
			description:
				'Where the login is sent (/auth/login is added). Change it for a white-label or twin-ai.com tenant, or a local simulator.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://twin24.ai',
			description:
				'The address /cis/api/v1 (tasks, candidates) and /analyse/api/v1 (call results) are added to, for example https://twin-ai.com',
		},
		{
			displayName: 'Bot API Base URL',
			name: 'botApiBaseUrl',
			type: 'string',
			default: 'https://bot.twin24.ai/api/v1',
			description:
				'Where the list of bot scripts is read (/bots is added). Twin24 does not document it officially; the older address was https://tcl.twin24.ai/api/bot/v1.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<{ accessToken: string }> {
		const companyId = String(credentials.companyId ?? '').trim();
		const body: IDataObject = {
			email: String(credentials.email ?? '').trim(),
			password: String(credentials.password ?? ''),
			ttl: Number(credentials.lifetime) || 86400,
		};
		if (companyId) body.companyId = /^\d+$/.test(companyId) ? Number(companyId) : companyId;
		const accessToken = await logIn(this.helpers, {
			provider: 'Twin24',
			url: `${String(credentials.iamBaseUrl || 'https://iam.twin24.ai/api/v1').replace(/\/+$/, '')}/auth/login`,
			body,
			readToken: (answer) => {
				const token = (answer as IDataObject | null)?.token;
				return typeof token === 'string' && token ? token : undefined;
			},
			// Twin24 does not document the status of a refused login; these are the ones clients expect.
			refusedStatuses: [400, 401, 403, 422],
			refusedMessage: 'Twin24 refused the email or password',
		});
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	/** One task of the list: the cheapest authenticated read every cabinet has. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl.replace(/\\/+$/, "")}}/cis/api/v1',
			url: '/telephony/autoCall',
			method: 'GET',
			qs: { limit: 1, offset: 0 },
		},
	};
}
