import fc from 'fast-check';

import type { BadInputSuite } from '../harness/types';

export const unitalkBadInput: BadInputSuite = {
	cases: fc.constant(undefined as never),
	numbersIn: () => [],
};
