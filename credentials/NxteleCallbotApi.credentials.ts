import { randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { callbotSignature } from '../nodes/Nxtele/signatures';
import type { CallbotAlgorithm } from '../nodes/Nxtele/signatures';

export class NxteleCallbotApi implements ICredentialType {
	name = 'nxteleCallbotApi';

	displayName = 'NXTele Callbot API';

	icon: Icon = {
		light: 'file:../icons/nxtele.svg',
		dark: 'file:../icons/nxtele.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'UUID',
			name: 'uuid',
			type: 'string',
			default: '',
			required: true,
			placeholder: '7c1d3e5f-2a4b-4c6d-8e9f-0a1b2c3d4e5f',
			description:
				'The account UUID from the NXCloud console: Developer page (Developer Authorization), copied as shown there',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret key from the NXCloud console, Developer page',
		},
		{
			displayName: 'Signature Algorithm',
			name: 'algorithm',
			type: 'options',
			options: [
				{ name: 'MD5', value: 'MD5' },
				{ name: 'SHA256', value: 'SHA256' },
			],
			default: 'MD5',
			description: 'Must match the algorithm chosen on the Developer page of the NXCloud console',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://nxbot.nxcloud.com',
			description: 'Change only for a test environment or a local simulator',
		},
		{
			displayName: 'Verify Response Signature',
			name: 'verifyResponseSignature',
			type: 'boolean',
			default: false,
			description:
				'Whether to check the sign header of every answer (the request formula over the exact answer text) and treat an answer that does not match as an error. Off by default: the docs say answers are signed "the same way" but do not spell the formula out.',
		},
	];

	/**
	 * Signs the exact body string that goes on the wire. A new requestID and createTs on every call,
	 * so each retry is a fresh, valid request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = bodyText(requestOptions.body);
		const algorithm = (credentials.algorithm as CallbotAlgorithm) ?? 'MD5';
		const uuid = String(credentials.uuid);
		const createTs = String(Math.floor(Date.now() / 1000));
		const requestID = randomUUID().replace(/-/g, '');
		const sign = callbotSignature(
			String(credentials.secretKey),
			{ body, createTs, requestID, uuid },
			algorithm,
		);
		return {
			...requestOptions,
			body,
			json: false,
			headers: {
				...requestOptions.headers,
				'Content-Type': 'application/json',
				requestID,
				uuid,
				createTs,
				sign,
				algorithm,
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/callcentre/api/v3/ping',
			method: 'POST',
			body: { data: 'n8n credential test' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'retCode',
					value: 6,
					message: 'The signature was refused: check the Secret Key and the Signature Algorithm',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'retCode',
					value: 6002,
					message: 'No NXTele account has this UUID',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'retCode',
					value: 6003,
					message: 'This account has no permission for the Callbot API',
				},
			},
		],
	};
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}
