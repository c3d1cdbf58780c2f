/**
 * Runs workflow JSON in-process with n8n-core's public WorkflowExecute, the same engine a real n8n
 * uses, so node code, credentials (authenticate / preAuthentication), pairedItem and continueOnFail
 * behave as they do in n8n. Our own small harness: n8n's NodeTestHarness is not published.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IConnections,
	ICredentials,
	INodeCredentialsDetails,
	INodeProperties,
} from 'n8n-workflow';

import { ItemsSource, ITEMS_SOURCE_TYPE } from './items-source';
import { ParameterProbe, PARAMETER_PROBE_TYPE } from './parameter-probe';
import { nodeTypesByName, credentialTypesByName } from './registry';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
}

export interface RunResult {
	run: IRun;
	/** Output items of a node's first run (main output 0). */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	error(nodeName?: string): (Error & { description?: string; context?: IDataObject }) | undefined;
	/**
	 * Resolves when every node's execute() of this run has ended. After a Stop, n8n settles the run at
	 * once while a node's own code may still be running (and sending): this waits for it too.
	 */
	nodesEnded(): Promise<void>;
}

export interface RunOptions {
	/** Credential data by credential type name; a node's credential reference resolves to it. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/**
	 * The longest the HTTP client waits for an answer, in ms: caps the timeout the node sets (60-180 s)
	 * on every request and login, so a test of a provider that never answers does not wait that long.
	 * The node's handling of the timeout is unchanged.
	 */
	requestTimeoutMs?: number;
	/**
	 * Each line a node writes to the browser console of this manual run (sendMessageToUI), with `stop`:
	 * what the editor's Stop button does (n8n cancels the execution and aborts its signal).
	 */
	onConsoleLine?(line: string, stop: () => void): void;
}

class StaticNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;
	/** The promise of every execute() call of this run's nodes. */
	readonly executing: Array<Promise<unknown>> = [];
	constructor() {
		this.types = {
			...nodeTypesByName(),
			[ITEMS_SOURCE_TYPE]: new ItemsSource(),
			[PARAMETER_PROBE_TYPE]: new ParameterProbe(),
		};
	}
	getByName(name: string) {
		const t = this.types[name];
		if (!t) throw new Error(`Unknown node type ${name}`);
		return t;
	}
	getByNameAndVersion(name: string, version?: number): INodeType {
		const type = NodeHelpers.getVersionedNodeType(this.getByName(name), version);
		const execute = type.execute;
		if (!execute) return type;
		const executing = this.executing;
		return Object.create(type, {
			execute: {
				value: function (this: IExecuteFunctions) {
					const running = execute.call(this);
					executing.push(running);
					return running;
				},
			},
		}) as INodeType;
	}
	getKnownTypes() {
		return {};
	}
}

/** Substitutes {{$credentials.x}} in the generic authenticate form (the only form our credentials use besides functions). */
function resolveCredentialExpression(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value
		.slice(1)
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) =>
			String(credentials[key] ?? ''),
		);
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly requestTimeoutMs?: number,
	) {
		super();
	}

	/** The request with its timeout capped at `requestTimeoutMs` (see RunOptions). */
	private capTimeout(options: IHttpRequestOptions): IHttpRequestOptions {
		const cap = this.requestTimeoutMs;
		return cap === undefined
			? options
			: { ...options, timeout: Math.min(options.timeout ?? cap, cap) };
	}

	/** The helpers a login (preAuthentication) sends with, their timeout capped too. */
	private capLoginTimeout(helpers: IHttpRequestHelper): IHttpRequestHelper {
		if (this.requestTimeoutMs === undefined) return helpers;
		return {
			helpers: {
				httpRequest: async (options) => await helpers.helpers.httpRequest(this.capTimeout(options)),
			},
		};
	}

	private type(name: string): ICredentialType {
		const t = credentialTypesByName()[name];
		if (!t) throw new Error(`Unknown credential type ${name}`);
		return t;
	}

	getParentTypes(name: string): string[] {
		return this.type(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return this.capTimeout(await this.applyAuthentication(credentials, typeName, requestOptions));
	}

	private async applyAuthentication(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const auth = this.type(typeName).authenticate;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		if (!auth) return requestOptions;
		const options = {
			...requestOptions,
			headers: { ...requestOptions.headers },
			qs: { ...requestOptions.qs },
		};
		for (const [k, v] of Object.entries(auth.properties.headers ?? {}))
			options.headers[k] = resolveCredentialExpression(v, credentials) as string;
		for (const [k, v] of Object.entries(auth.properties.qs ?? {}))
			(options.qs as IDataObject)[k] = resolveCredentialExpression(v, credentials) as string;
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (!type.preAuthentication) return undefined;
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable) return undefined;
		if (credentials[expirable.name] && !credentialsExpired) return undefined;
		const update = (await type.preAuthentication.call(
			this.capLoginTimeout(helpers),
			credentials,
		)) as ICredentialDataDecryptedObject;
		Object.assign(this.data[typeName], update);
		return update;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		return type.preAuthentication
			? ((await type.preAuthentication.call(
					this.capLoginTimeout(helpers),
					credentials,
				)) as ICredentialDataDecryptedObject)
			: undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_a: IWorkflowExecuteAdditionalData,
		_n: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`The test gave no credential data for ${type}`);
		return { ...data };
	}

	async updateCredentials(
		_n: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}

let executionCounter = 0;

export async function runWorkflow(json: WorkflowJson, options: RunOptions): Promise<RunResult> {
	const nodeTypes = new StaticNodeTypes();
	const workflow = new Workflow({
		id: 'integration',
		name: json.name ?? 'integration test',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes,
		staticData: {},
		settings: {},
	});
	const executionId = `it-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'integration',
		name: workflow.name,
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);

	let stop = (): void => {};
	const base: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper: new TestCredentialsHelper(
			structuredClone(options.credentials),
			options.requestTimeoutMs,
		),
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		sendDataToUI: (type: string, data: IDataObject | IDataObject[]) => {
			if (type !== 'sendConsoleMessage' || !options.onConsoleLine) return;
			for (const line of (data as { messages: unknown[] }).messages)
				options.onConsoleLine(String(line), stop);
		},
	};
	// Anything else n8n asks of the host (event emitters, runners...) is not needed by our nodes.
	const additionalData = new Proxy(base, {
		get: (target, prop) => (prop in target ? target[prop as keyof typeof target] : undefined),
	}) as IWorkflowExecuteAdditionalData;

	const start = json.nodes.find((n) => n.type === ITEMS_SOURCE_TYPE);
	if (!start) throw new Error(`The workflow needs a ${ITEMS_SOURCE_TYPE} node to start from`);
	const executeData: IExecuteData = { node: start, data: { main: [[{ json: {} }]] }, source: null };
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [executeData] },
	});
	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	stop = () => execution.cancel();
	const run = await execution;

	const runData = run.data.resultData.runData;
	return {
		run,
		output: (name) => runData[name]?.[0]?.data?.main?.[0] ?? [],
		error: (name) =>
			name ? (runData[name]?.[0]?.error as never) : (run.data.resultData.error as never),
		nodesEnded: async () => {
			await Promise.allSettled(nodeTypes.executing);
		},
	};
}
