/**
 * The editor as a user reads it, checked on every node and credential of package.json (a node added
 * there is held to the same rules without touching this file):
 * - every field says what it is for (a description or a hint), and a free-text field shows an example
 *   (a placeholder, or "e.g." / "for example" in its text);
 * - operations use n8n's names (Create, Get, Get Many, Update, Delete) and no resource opens on a
 *   destructive operation;
 * - the canvas subtitle reads as words, not `add: autodialerNumber`;
 * - secrets are password fields.
 *
 * KNOWN_GAPS lists what an existing node still lacks. It may only shrink: a listed gap that is gone
 * fails the test too, so the list stays true.
 */
import { Workflow } from 'n8n-workflow';
import type {
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
	INodeTypes,
} from 'n8n-workflow';

import { packageCredentials, packageNodes } from '../../package-contents';

/**
 * Gaps of nodes and credentials made before this test (issue 10 report). Empty since every field was
 * described; it stays empty: a new field without words fails the first test below.
 */
const KNOWN_GAPS: string[] = [];

const STANDARD_NAMES: Record<string, string> = {
	create: 'Create',
	get: 'Get',
	getMany: 'Get Many',
	update: 'Update',
	delete: 'Delete',
};
/** Operation values that destroy or hang up: never the one a resource opens on. */
const DESTRUCTIVE = /^(delete|remove|removeAll|cancel|hangUp|clear|purge)/i;
const EXAMPLE = /\be\.g\.|for example|example:/i;
const SECRET_NAME = /secret|password|token|apiKey|privateKey/i;

interface Field {
	/** Where a user finds it: `Autodialer › Create › Call Hours › Monday › From`. */
	where: string;
	property: INodeProperties;
}

/** Every field of a property list, nested collections included, with where it shows. */
function fields(properties: INodeProperties[], scope: string): Field[] {
	const out: Field[] = [];
	for (const p of properties) {
		const show = p.displayOptions?.show ?? {};
		const here =
			[show.resource?.join('|'), show.operation?.join('|')].filter(Boolean).join(' › ') || scope;
		const where = `${here} › ${p.displayName}`;
		out.push({ where, property: p });
		if (p.type === 'collection' && p.options)
			out.push(...fields(p.options as INodeProperties[], where));
		if (p.type === 'fixedCollection' && p.options)
			for (const group of p.options as INodePropertyCollection[])
				out.push(...fields(group.values, `${where} › ${group.displayName}`));
	}
	return out;
}

function describedProblems(field: Field): string[] {
	const p = field.property;
	const problems: string[] = [];
	if (p.type === 'notice' || p.type === 'collection' || p.type === 'fixedCollection') return [];
	// A hidden field (a login token n8n keeps, a fixed setting) never shows: nobody reads its words.
	if (p.type === 'hidden') return [];
	// The resource and operation dropdowns describe each option instead of the field.
	if (p.name === 'resource' || p.name === 'operation') {
		const bare = (p.options ?? []).filter((o) => !('description' in o) || !o.description);
		if (bare.length)
			problems.push(`options without a description: ${bare.map((o) => o.name).join(', ')}`);
		return problems;
	}
	if (!p.description && !p.hint) problems.push('no description or hint');
	const freeText =
		p.type === 'string' &&
		!p.typeOptions?.password &&
		!p.typeOptions?.loadOptionsMethod &&
		p.typeOptions?.editor === undefined;
	// A fixed default (a Base URL, say) is an example in itself; an expression default is not.
	const defaultExample =
		typeof p.default === 'string' && p.default !== '' && !p.default.startsWith('=');
	const example =
		p.placeholder || defaultExample || EXAMPLE.test(`${p.description ?? ''} ${p.hint ?? ''}`);
	if (freeText && !example) problems.push('no example (placeholder, or "e.g." in the description)');
	if (p.type === 'resourceLocator')
		for (const mode of p.modes ?? [])
			if (mode.type !== 'list' && !mode.placeholder)
				problems.push(`mode "${mode.displayName}" has no placeholder example`);
	return problems;
}

function gapsOf(label: string, properties: INodeProperties[]): string[] {
	return fields(properties, label).flatMap((f) =>
		describedProblems(f).map((problem) => `${label}: ${f.where}: ${problem}`),
	);
}

const nodes = packageNodes();
const credentials = packageCredentials();

function operationsByResource(d: INodeTypeDescription) {
	return d.properties
		.filter((p) => p.name === 'operation' && p.type === 'options')
		.map((p) => ({
			resource: p.displayOptions?.show?.resource?.[0] as string | undefined,
			field: p,
			options: (p.options ?? []) as Array<{ name: string; value: string; action?: string }>,
		}));
}

/** The subtitle exactly as the editor computes it: n8n's expression engine over the parameters. */
function subtitleFor(d: INodeTypeDescription, resource: string, operation: string): unknown {
	return subtitleWith(d, { resource, operation });
}

/** The subtitle with these parameter values (only their fields are given to n8n). */
function subtitleWith(d: INodeTypeDescription, parameters: Record<string, unknown>): unknown {
	// Only the selectors: the subtitle reads nothing else, and other fields' defaults are not its test.
	const selectors = {
		...d,
		properties: d.properties.filter((p) => p.name in parameters),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => ({ description: selectors }),
		getByNameAndVersion: () => ({ description: selectors }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node = {
		id: 'n',
		name: d.defaults.name ?? d.displayName,
		type: d.name,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
	} as never;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, d.subtitle ?? '', 'internal', {});
}

function operationProblems(d: INodeTypeDescription): string[] {
	return operationsByResource(d).flatMap(({ resource, field, options }) => [
		...options
			.filter((o) => STANDARD_NAMES[o.value] && STANDARD_NAMES[o.value] !== o.name)
			.map(
				(o) =>
					`${d.displayName}: ${resource} › ${o.value} is named "${o.name}", n8n says "${STANDARD_NAMES[o.value]}"`,
			),
		// A resource whose every operation removes something cannot open on another one.
		...(DESTRUCTIVE.test(String(field.default)) && options.some((o) => !DESTRUCTIVE.test(o.value))
			? [`${d.displayName}: ${resource} opens on ${String(field.default)}`]
			: []),
	]);
}

describe('the editor reads well: descriptions, examples, operation names and defaults', () => {
	const found = [
		...nodes.flatMap((n) => gapsOf(n.description.displayName, n.description.properties)),
		...nodes.flatMap((n) => operationProblems(n.description)),
		...credentials.flatMap((c) => gapsOf(c.displayName, c.properties)),
	];

	it('has no gap beyond the known ones', () => {
		expect(found.filter((g) => !KNOWN_GAPS.includes(g))).toEqual([]);
	});

	it('lists no known gap that has been fixed', () => {
		expect(KNOWN_GAPS.filter((g) => !found.includes(g))).toEqual([]);
	});
});

describe.each(nodes.map((n) => [n.description.displayName, n.description] as const))(
	'%s',
	(_name, d) => {
		it('has a canvas subtitle in words for every operation', () => {
			const cases = operationsByResource(d).flatMap(({ resource, options }) =>
				options.map((o) => ({ resource: resource ?? '', operation: o.value, action: o.action })),
			);
			if (cases.length === 0) return; // a node without resources (a trigger) needs no subtitle
			for (const c of cases) {
				const subtitle = subtitleFor(d, c.resource, c.operation);
				expect({ ...c, subtitle }).toEqual({ ...c, subtitle: c.action });
			}
		});
	},
);

const triggers = nodes.filter((n) => n.description.group.includes('trigger'));

describe.each(triggers.map((n) => [n.description.displayName, n.description] as const))(
	'%s',
	(_name, d) => {
		it('has a canvas subtitle naming the chosen events in words', () => {
			const events = d.properties.find((p) => p.name === 'events');
			const options = (events?.options ?? []) as Array<{ name: string; value: string }>;
			expect(options.length).toBeGreaterThan(1);
			const chosen = options.slice(0, 2);
			expect(subtitleWith(d, { events: chosen.map((o) => o.value) })).toBe(
				chosen.map((o) => o.name).join(', '),
			);
		});
	},
);

describe.each(credentials.map((c) => [c.displayName, c] as const))('%s credential', (_n, c) => {
	it('hides every secret as a password field', () => {
		const open = c.properties
			.filter(
				(p) => p.type === 'string' && SECRET_NAME.test(p.name) && !/^access[Kk]ey$/.test(p.name),
			)
			.filter((p) => !p.typeOptions?.password)
			.map((p) => p.name);
		expect(open).toEqual([]);
	});

	it('has a test request, so the editor can check it', () => {
		// Either its own request, or a node's `methods.credentialTest` named by `testedBy` (a trigger's
		// secret is checked where it is used: there is nothing to send it to).
		const testers = nodes.flatMap((n) =>
			(n.description.credentials ?? [])
				.filter((ref) => ref.name === c.name && typeof ref.testedBy === 'string')
				.map((ref) => n.node.methods?.credentialTest?.[ref.testedBy as string]),
		);
		expect(c.test ?? testers.find((t) => typeof t === 'function')).toBeDefined();
	});
});
