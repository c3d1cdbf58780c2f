/**
 * Bad-input cases from a table of targets: each target is an operation (its node parameters reading
 * every per-item value from the item JSON) with the fields it checks; a case is one item with a bad
 * value in one field, among 0-3 good items before and after it.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import type { BadInputCase, NodeUnderTest } from './types';

export interface BadField {
	/** The item key the field reads (`$json.<key>`). */
	key: string;
	/** Its label, which the error must name. */
	field: string;
	/** Values it must refuse. */
	bad: fc.Arbitrary<unknown>;
}

export interface BadInputTarget {
	operation: string;
	node: string;
	credentialType: string;
	parameters: Record<string, unknown>;
	/** A good item whose number is `phone` (its `phone` key). */
	good: (phone: string, index: number) => IDataObject;
	/**
	 * The item as sent to the case's sandbox, for values only that sandbox knows (the ID of a task it
	 * made for the case). Default: the item as generated.
	 */
	inSandbox?: (item: IDataObject, sandbox: Sandbox) => IDataObject;
	fields: BadField[];
}

export function badInputCases(
	targets: BadInputTarget[],
	goodPhone: (i: number) => string,
): fc.Arbitrary<BadInputCase> {
	return fc
		.constantFrom(...targets.flatMap((target) => target.fields.map((f) => ({ target, f }))))
		.chain(({ target, f }) =>
			fc
				.record({ before: fc.nat(3), after: fc.nat(3), badValue: f.bad })
				.map(({ before, after, badValue }): BadInputCase => {
					const total = before + 1 + after;
					const items = Array.from({ length: total }, (_, i) => target.good(goodPhone(i), i));
					items[before] = { ...items[before], [f.key]: badValue as IDataObject[string] };
					const goodNumbers = items.filter((_, i) => i !== before).map((it) => String(it.phone));
					return {
						operation: target.operation,
						field: f.field,
						badValue,
						items,
						badIndex: before,
						goodNumbers,
						build: (sandbox): NodeUnderTest => {
							const { inSandbox } = target;
							return {
								node: target.node,
								parameters: target.parameters,
								items: inSandbox ? items.map((item) => inSandbox(item, sandbox)) : items,
								credentialTypes: [target.credentialType],
							};
						},
					};
				}),
		);
}

/** A string longer than `max` characters even once trimmed. */
export const tooLong = (max: number) =>
	fc.string({ minLength: max + 1, maxLength: max + 40 }).filter((s) => s.trim().length > max);

/** A value a phone field must refuse: nothing that cleaning turns into 7-15 digits. */
export const badPhone: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom('', '   ', '-', '( )', '+', '00'),
	fc.stringMatching(/^\+?[0-9]{1,6}$/),
	fc.stringMatching(/^[1-9][0-9]{15,22}$/),
	fc
		.tuple(
			fc.stringMatching(/^[0-9]{3,8}$/),
			fc.constantFrom('a', 'x', 'O', 'é', 'Ж', 'ß'),
			fc.stringMatching(/^[0-9]{3,8}$/),
		)
		.map(([a, letter, b]) => `${a}${letter}${b}`),
	fc
		.tuple(
			fc.stringMatching(/^[0-9]{4,8}$/),
			fc.constantFrom('#', '*', '/', '_', '@', '!', '%', '=', '~'),
			fc.stringMatching(/^[0-9]{4,8}$/),
		)
		.map(([a, c, b]) => `${a}${c}${b}`),
	fc.integer({ min: 0, max: 999_999 }),
	fc.constantFrom(null, true, [], {}),
);
