/** The secret scan of the fault and bad-input suites finds a secret wherever a run could put it. */
import { NodeApiError } from 'n8n-workflow';

import { findSecrets, stringsOf } from './harness/secrets';

const SECRET = 'k3y-8c1f5e0a';
const node = {
	id: '1',
	name: 'Subject',
	type: 't',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

describe('secret scan', () => {
	it.each([
		['an output value', [{ json: { note: `Bearer ${SECRET}` } }]],
		['an object key', { [SECRET]: 1 }],
		['a nested array', { a: [[{ b: [`x${SECRET}y`] }]] }],
		['the message of an error (not enumerable)', new Error(`failed with ${SECRET}`)],
		[
			'the cause of an error',
			new Error('outer', { cause: { config: { headers: { Authorization: SECRET } } } }),
		],
		[
			'the description of a NodeApiError',
			new NodeApiError(node, { message: 'x' }, { description: `key ${SECRET}` }),
		],
		['a Buffer', { body: Buffer.from(`token=${SECRET}`) }],
	])('in %s', (_where, value) => {
		expect(findSecrets(stringsOf(value), [SECRET])).toEqual([SECRET]);
	});

	it('finds nothing where there is nothing, and survives cycles', () => {
		const a: Record<string, unknown> = { text: 'k3y-8c1f' };
		a.self = a;
		expect(findSecrets(stringsOf(a), [SECRET])).toEqual([]);
	});
});
