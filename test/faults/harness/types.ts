/**
 * What a provider tells the fault and bad-input suites about itself. A provider plugs in with one
 * `ProviderFaultSuite` (see test/faults/providers/unitalk.ts and /work/wt/_prompts/faults-api.md);
 * the harness (runner.ts) does the rest: one sandbox and one API key per scenario, the faults, the
 * counting, the secret scan and the tables.
 */
import type { Arbitrary } from 'fast-check';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RecordedRequest, Sandbox, SandboxOptions } from '../../../sandbox';
import type { FaultKind, ProviderName } from '../../../sandbox/types';

/** What the node said about one number (from its output items or its error). */
export type Verdict = 'done' | 'refused' | 'not-sent' | 'unknown';

/** The node run of one scenario, as the description sees it. */
export interface NodeRun {
	/** Output items of the node under test (empty when it stopped with an error). */
	output: INodeExecutionData[];
	/** The error the node stopped with (Continue On Fail off), if any. */
	error?: Error & { description?: string | null; context?: IDataObject };
}

/** The workflow node under test: `singleNodeWorkflow` arguments. */
export interface NodeUnderTest {
	/** Node name without the package prefix ('unitalk'). */
	node: string;
	parameters: Record<string, unknown>;
	/** One JSON per input item. */
	items: IDataObject[];
	credentialTypes: string[];
}

export interface FaultOperation {
	/** As users know it ("Add Numbers"). */
	name: string;
	/** How many numbers (or calls) one run sends. Bulk operations: 10,000. */
	numbers: number;
	/** Provider path the operation sends to (exact path after the provider prefix): its requests are counted there. */
	path: string;
	/**
	 * Other paths whose requests carry this operation's numbers too (counted as sent, no fault applied):
	 * for example the addBatchCall requests that follow a createAndCall.
	 */
	alsoSentAt?: string[];
	/**
	 * Where the faults go when not at `path`, for example the login that comes before the operation's
	 * requests (`requestsPerRun` then counts the requests at this path).
	 */
	faultPath?: string;
	/** Numbers each input item carries (default 1): item i carries numbers[i*k .. (i+1)*k - 1]. */
	numbersPerItem?: number;
	/**
	 * True when the node sends item by item (one call per item): a run that stops at item k has not
	 * sent the items after k (n8n's rule), which is what its error then reports.
	 */
	itemByItem?: boolean;
	/** How many requests one fault-free run makes, roughly (faults are placed at its start, middle and end). */
	requestsPerRun(numbers: number): number;
	/** The node, its parameters and items that send these numbers (to this scenario's sandbox). */
	build(numbers: string[], sandbox: Sandbox): NodeUnderTest;
	/** Seeds the sandbox before the run (autodialer, numbers to remove, internal lines...). */
	prepare?(sandbox: Sandbox, numbers: string[]): void;
	/**
	 * What the provider did, read from its state after the run: one entry per time a number was acted
	 * on (a number added twice appears twice; a number removed appears once).
	 */
	applied(sandbox: Sandbox, numbers: string[]): string[];
	/** The numbers a recorded request carried (to count what was sent). */
	numbersIn(request: RecordedRequest): string[];
	/**
	 * What the node said about each number; numbers it said nothing about are absent. The harness adds
	 * what a node error says (see `errorVerdicts`).
	 */
	verdicts(run: NodeRun, numbers: string[]): Map<string, Verdict>;
}

export interface BadInputCase {
	/** The operation the case runs ("Send Bulk"). */
	operation: string;
	/** The field the error must name, as the user sees it ("Phone"). */
	field: string;
	/** The malformed value (shown in the counterexample fast-check prints). */
	badValue: unknown;
	/** Input items: good ones around the one malformed item at `badIndex`. */
	items: IDataObject[];
	badIndex: number;
	/** Numbers of the good items: each must reach the provider, and nothing else may. */
	goodNumbers: string[];
	/** The node under test for these items, sending to this sandbox. */
	build(sandbox: Sandbox): NodeUnderTest;
}

export interface BadInputSuite {
	/**
	 * A fast-check arbitrary of cases: at least one malformed value per field the provider docs or
	 * our rules limit (empty, too long, wrong format, out of range...), with good items around it.
	 */
	cases: Arbitrary<BadInputCase>;
	/** Seeds the sandbox before each case (it is reset between cases). */
	prepare?(sandbox: Sandbox): void;
	/** The numbers a recorded request carried (to prove only the good items' numbers were sent). */
	numbersIn(request: RecordedRequest): string[];
}

export interface ProviderFaultSuite {
	/** Table title ("Unitalk"). */
	title: string;
	/** The sandbox provider the faults target. */
	provider: ProviderName;
	/** The `i`-th distinct, valid phone number of a run, in the form the provider stores it. */
	phone(i: number): string;
	/** Sandbox options giving this scenario its own account (its own key, hence its own governor window). */
	sandboxOptions(accountId: string): SandboxOptions;
	credentials(sandbox: Sandbox): Record<string, ICredentialDataDecryptedObject>;
	/** Every secret of those credentials (API key, password, secret key, token): none may leak. */
	secrets(sandbox: Sandbox): string[];
	/**
	 * Fault kinds this provider is tested with and how each is injected (retryAfterSeconds, delayMs).
	 * Default: every kind of `STANDARD_FAULTS`.
	 */
	faults?: FaultPlan[];
	operations: FaultOperation[];
	badInput: BadInputSuite;
}

export interface FaultPlan {
	/** Row label ("5xx before acting"). */
	label: string;
	kind: FaultKind | 'none';
	retryAfterSeconds?: number;
	/** Where in the run: 'spread' = first, middle and last request; 'once' = the middle one only. */
	placement: 'spread' | 'once';
	/**
	 * For faults the client only notices by waiting (timeout): the longest the HTTP client waits for
	 * an answer, instead of the node's own timeout (see RunOptions.requestTimeoutMs).
	 */
	clientTimeoutMs?: number;
}
