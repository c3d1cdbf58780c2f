import type { FaultSpec, RecordedRequest, Sandbox } from '../../../sandbox';

/**
 * Arms a sandbox fault for the `n`-th request (1-based) that matches `match`, counted from now, so a
 * test can make a later request of a run fail. The sandbox records a request as it arrives and takes
 * its fault afterwards, so a fault injected when the record is pushed is taken by that very request
 * (bulk requests go one at a time). The hook removes itself once the fault is armed.
 */
export function faultOnRequest(
	sandbox: Sandbox,
	n: number,
	fault: Omit<FaultSpec, 'count'>,
	match: (request: RecordedRequest) => boolean = () => true,
): void {
	const requests = sandbox.requests;
	const push = requests.push.bind(requests);
	let seen = 0;
	requests.push = (...records: RecordedRequest[]) => {
		const length = push(...records);
		for (const record of records)
			if (match(record) && ++seen === n) {
				sandbox.injectFault({ ...fault, count: 1 });
				delete (requests as { push?: unknown }).push; // back to Array.prototype.push
			}
		return length;
	};
}
