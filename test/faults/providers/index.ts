/**
 * The providers the fault and bad-input suites run. A provider plugs in by appending its suite here
 * (see /work/wt/_prompts/faults-api.md and providers/unitalk.ts).
 */
import type { ProviderFaultSuite } from '../harness/types';
import { nxcloudSuite } from './nxcloud';
import { nxteleCallbotSuite } from './nxteleCallbot';
import { unitalkSuite } from './unitalk';
import { twin24Suite } from './twin24';

export const FAULT_SUITES: ProviderFaultSuite[] = [
	unitalkSuite,
	twin24Suite,
	nxteleCallbotSuite,
	nxcloudSuite,
];
