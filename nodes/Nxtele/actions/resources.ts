import { callbot } from './callbot';
import { order } from './order';
import type { NxteleResource } from './resource';
import { task } from './task';
import { voiceResources } from './voice/resources';

/**
 * Every resource of the NXTele node, in dropdown order (the first is the default). A resource is a
 * folder actions/<resource>/ whose index.ts exports one NxteleResource; it plugs in with one import
 * line and one entry here. The node shows each credential for the resources that use it.
 */
export const resources: NxteleResource[] = [task, order, ...voiceResources, callbot];
