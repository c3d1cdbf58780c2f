import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { conventionSignature } from '../nodes/Nxtele/signatures';
import { secretCredentialProperties } from '../nodes/shared/trigger';

/** Header names the operations set per request; the signature covers them. */
const BIZ_TYPE = 'bizType';
const ACTION = 'action';

export class NxteleApi implements ICredentialType {
	name = 'nxteleApi';

	displayName = 'NXCloud API';

	icon: Icon = {
		light: 'file:../icons/nxtele.svg',
		dark: 'file:../icons/nxtele.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'fme2na3kdi3ki',
			description:
				'The accessKey from the NXCloud console, e.g. fme2na3kdi3ki (the example of the NXCloud docs)',
		},
		{
			displayName: 'Access Secret',
			name: 'accessSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The accessSecret from the NXCloud console',
		},
		{
			displayName: 'Voice App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			description:
				'Optional. The appkey of your voice application (NXCloud console, voice, application list), e.g. a1b2c3. The voice notification, verification code, record query and upload pages document it as a field; it is sent when filled in.',
		},
		{
			displayName: 'Voice App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The secretkey of the same voice application, sent with the appkey where the docs list it',
		},
		{
			displayName: 'Console Username',
			name: 'consoleAccount',
			type: 'string',
			default: '',
			description:
				'Optional, only for "Voice File: Get Many": NXCloud documents the uploaded-files list with the console login (account), e.g. name@example.com',
		},
		{
			displayName: 'Console Password',
			name: 'consolePassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional, only for "Voice File: Get Many": the console password',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.nxcloud.com',
			description: 'Change only for another NXCloud host, a test environment or a local simulator',
		},
		// Voice receipts are not signed: the NXTele Trigger accepts them only with this secret in the URL.
		...secretCredentialProperties({ provider: 'NXCloud', locations: ['query'] }).map((field) =>
			field.name === 'secret'
				? {
						...field,
						displayName: 'Receipt Secret',
						required: false,
						description:
							'Optional, only for voice receipts in the NXTele Trigger: NXCloud does not sign them, so the trigger accepts them only when the receipt URL carries this value (…/webhook?secret=YOUR_SECRET). A long random value.',
					}
				: { ...field, required: false },
		),
	];

	/**
	 * NXCloud API call convention: accessKey, ts (milliseconds), bizType and action headers, signed
	 * together with the exact JSON body. Multipart uploads are signed without the body, as the
	 * convention says.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) } as Record<string, string>;
		const contentType = String(findHeader(headers, 'content-type') ?? 'application/json');
		// The convention signs JSON bodies only: multipart is documented without the body; a form body is
		// not mentioned, and is left out the same way (the form is not JSON).
		const lower = contentType.toLowerCase();
		const unsignedBody =
			lower.startsWith('multipart/') || lower.startsWith('application/x-www-form-urlencoded');
		const body = unsignedBody ? undefined : jsonText(requestOptions.body);
		const signed = {
			accessKey: String(credentials.accessKey),
			action: String(findHeader(headers, ACTION) ?? ''),
			bizType: String(findHeader(headers, BIZ_TYPE) ?? ''),
			ts: String(Date.now()),
		};
		const sign = conventionSignature(signed, body, String(credentials.accessSecret));
		return {
			...requestOptions,
			...(unsignedBody ? {} : { body: body ?? '', json: false }),
			headers: { ...headers, 'Content-Type': contentType, ...signed, sign },
		};
	}

	/**
	 * The upload endpoint checks the signature before anything else, so an empty request tells a
	 * refused key (codes 1003-1005) apart from a good one (which then only misses the file).
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/voice/uploadFile',
			method: 'POST',
			headers: { bizType: '7', action: 'upload' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1003,
					message: 'The signature was refused: check the Access Secret',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1004,
					message: 'The request time was refused: check the clock of the n8n server',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1005,
					message: 'The Access Key is unknown or has no permission for voice',
				},
			},
		],
	};
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : headers[key];
}

function jsonText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (typeof body === 'object' && Object.keys(body).length === 0) return undefined;
	return JSON.stringify(body);
}
