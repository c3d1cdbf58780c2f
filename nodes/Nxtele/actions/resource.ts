import type { ResourceDefinition } from '../../shared/operations';

/** The two NXTele credentials: Callbot v3 (uuid + secretKey) and the NXCloud API call convention. */
export type NxteleCredential = 'nxteleCallbotApi' | 'nxteleApi';

/** A resource of the NXTele node: its operations and the credential they use. */
export interface NxteleResource extends ResourceDefinition {
	credential: NxteleCredential;
}
