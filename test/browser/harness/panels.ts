/**
 * What the browser layer opens in the editor, derived from the node descriptions alone, so a node
 * added to package.json is covered without a line here:
 * - one panel per resource × operation;
 * - every dropdown filled by the node (loadOptions, and "From list" of a resource locator), with the
 *   parameter values that make the editor show it (its displayOptions, the collection entry it sits
 *   in). Dropdowns of one operation share a panel when their values do not clash.
 */
import { NodeHelpers } from 'n8n-workflow';
import type {
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
	NodeParameterValue,
} from 'n8n-workflow';

export interface Dropdown {
	/** The parameter path the editor renders as `data-parameter-path="parameters.<path>"`. */
	path: string;
	label: string;
	kind: 'options' | 'list';
	/** The node method that fills it (loadOptions or listSearch). */
	method: string;
	/** Fills only once another field is chosen (loadOptionsDependsOn): may legitimately be empty. */
	dependsOn: string[];
	/**
	 * The button of the fixedCollection it sits in ("Add Part"): the field exists only once an entry
	 * is added, as a user does with that button.
	 */
	addButton?: string;
}

export interface Panel {
	/** Unique canvas node name, e.g. `Unitalk 12 Autodialer Number › Add`. */
	nodeName: string;
	resource: string;
	operation: string;
	/** Human label: `Autodialer Number › Add`. */
	title: string;
	parameters: INodeParameters;
	dropdowns: Dropdown[];
	/** Top-level fields the editor shows on this panel that are required and start empty. */
	requiredEmpty: string[];
}

type Values = Record<string, unknown>;

function first(v: unknown): NodeParameterValue {
	return (Array.isArray(v) ? v[0] : v) as NodeParameterValue;
}

/** Values that satisfy a field's `show` conditions (first allowed value), split by level. */
function showValues(p: INodeProperties): { local: Values; root: Values } {
	const local: Values = {};
	const root: Values = {};
	for (const [key, allowed] of Object.entries(p.displayOptions?.show ?? {})) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@')) continue;
		const value = first(allowed);
		if (value === undefined || (typeof value === 'object' && value !== null)) continue;
		if (key.startsWith('/')) root[key.slice(1)] = value;
		else local[key] = value;
	}
	return { local, root };
}

interface Found {
	dropdown: Dropdown;
	/** Parameters (deep) that make the editor render this dropdown. */
	reveal: Values;
}

function dropdownOf(p: INodeProperties, path: string): Dropdown | undefined {
	const dependsOn = (p.typeOptions?.loadOptionsDependsOn ?? []) as string[];
	if (p.typeOptions?.loadOptionsMethod)
		return {
			path,
			label: p.displayName,
			kind: 'options',
			method: String(p.typeOptions.loadOptionsMethod),
			dependsOn,
		};
	if (p.type === 'resourceLocator') {
		const list = p.modes?.find((m) => m.type === 'list' && m.typeOptions?.searchListMethod);
		if (list)
			return {
				path,
				label: p.displayName,
				kind: 'list',
				method: String(list.typeOptions?.searchListMethod),
				dependsOn,
			};
	}
	return undefined;
}

/** An empty value of the field's own type, so the editor renders it inside its collection. */
function placeholderValue(p: INodeProperties): unknown {
	if (p.type === 'multiOptions') return [];
	if (p.type === 'resourceLocator') return { __rl: true, mode: 'list', value: '' };
	return p.default ?? '';
}

/** Dropdowns among `props`, nested collections included, with the values that reveal each. */
function findDropdowns(
	props: INodeProperties[],
	pathPrefix: string,
	wrap: (v: Values) => Values,
	addButton?: string,
): Found[] {
	const out: Found[] = [];
	for (const p of props) {
		const { local, root } = showValues(p);
		const path = `${pathPrefix}${p.name}`;
		const dd = dropdownOf(p, path);
		if (dd && addButton) dd.addButton = addButton;
		if (dd)
			out.push({
				dropdown: dd,
				reveal: { ...root, ...wrap({ ...local, [p.name]: placeholderValue(p) }) },
			});
		if (p.type === 'collection' && p.options) {
			out.push(
				...findDropdowns(
					p.options as INodeProperties[],
					`${path}.`,
					(v) => wrap({ ...local, [p.name]: v }),
					addButton,
				),
			);
		}
		if (p.type === 'fixedCollection' && p.options) {
			const multiple = !!p.typeOptions?.multipleValues;
			for (const group of p.options as INodePropertyCollection[]) {
				const groupPath = multiple ? `${path}.${group.name}[0].` : `${path}.${group.name}.`;
				out.push(
					...findDropdowns(
						group.values,
						groupPath,
						(v) => wrap({ ...local, [p.name]: { [group.name]: multiple ? [v] : v } }),
						p.placeholder || addButton,
					),
				);
			}
		}
	}
	return out;
}

/** Deep merge, or undefined when the two disagree on a value. */
function merge(a: Values, b: Values): Values | undefined {
	const out: Values = { ...a };
	for (const [k, v] of Object.entries(b)) {
		if (!(k in out)) {
			out[k] = v;
			continue;
		}
		const mine = out[k];
		if (Array.isArray(mine) && Array.isArray(v) && mine.length === 1 && v.length === 1) {
			const m = merge(mine[0] as Values, v[0] as Values);
			if (!m) return undefined;
			out[k] = [m];
		} else if (isObject(mine) && isObject(v)) {
			const m = merge(mine, v);
			if (!m) return undefined;
			out[k] = m;
		} else if (JSON.stringify(mine) !== JSON.stringify(v)) {
			return undefined;
		}
	}
	return out;
}

const isObject = (v: unknown): v is Values => !!v && typeof v === 'object' && !Array.isArray(v);

const isEmpty = (v: unknown): boolean =>
	v === '' ||
	v === undefined ||
	v === null ||
	(Array.isArray(v) && v.length === 0) ||
	(isObject(v) && '__rl' in v && (v.value === '' || v.value === undefined));

/** Top-level values as the editor sees them: the given ones, else each shown field's default. */
function topLevelValues(d: INodeTypeDescription, given: INodeParameters): INodeParameters {
	const values: INodeParameters = { ...given };
	for (const p of d.properties) {
		if (p.name in values) continue;
		if (NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, d, values))
			values[p.name] = p.default;
	}
	return values;
}

function shownTopLevel(d: INodeTypeDescription, values: INodeParameters): INodeProperties[] {
	return d.properties.filter((p) =>
		NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, d, values),
	);
}

/**
 * What the editor does first with a node on the canvas: resolve its parameters with their defaults
 * (n8n-workflow's getNodeParameters, the same code the editor bundles). A description it cannot
 * resolve breaks the whole canvas, so such a panel is reported instead of opened.
 */
export function editorResolveError(
	d: INodeTypeDescription,
	parameters: INodeParameters,
): string | undefined {
	try {
		const node = {
			id: 'panel',
			name: d.displayName,
			type: d.name,
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters,
		};
		NodeHelpers.getNodeParameters(d.properties, parameters, true, false, node, d);
		return undefined;
	} catch (err) {
		return (err as Error).message;
	}
}

export function panelsOf(d: INodeTypeDescription): Panel[] {
	const operations = d.properties.filter((p) => p.name === 'operation' && p.type === 'options');
	const resources = new Map(
		(d.properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => [
			String((o as { value: string }).value),
			String(o.name),
		]),
	);
	const panels: Panel[] = [];
	for (const opField of operations) {
		const resource = String(opField.displayOptions?.show?.resource?.[0] ?? '');
		for (const op of (opField.options ?? []) as Array<{ name: string; value: string }>) {
			const base = { resource, operation: op.value };
			const own = d.properties.filter((p) => {
				const show = p.displayOptions?.show;
				return show?.resource?.includes(resource) && show?.operation?.includes(op.value);
			});
			const found = findDropdowns(own, '', (v) => v);
			// Greedy grouping: a dropdown joins the first panel of this operation it agrees with.
			const groups: Array<{ values: Values; dropdowns: Dropdown[] }> = [
				{ values: { ...base }, dropdowns: [] },
			];
			for (const f of found) {
				let placed = false;
				for (const g of groups) {
					const merged = merge(g.values, f.reveal);
					if (!merged) continue;
					g.values = merged;
					g.dropdowns.push(f.dropdown);
					placed = true;
					break;
				}
				if (!placed) groups.push({ values: { ...base, ...f.reveal }, dropdowns: [f.dropdown] });
			}
			groups.forEach((g, i) => {
				const parameters = g.values as INodeParameters;
				const values = topLevelValues(d, parameters);
				const shown = shownTopLevel(d, values);
				const title = `${resources.get(resource) ?? resource} › ${op.name}${i ? ` (${i + 1})` : ''}`;
				panels.push({
					nodeName: `${panels.length + 1} ${title}`.replace(/›/g, '-'),
					resource,
					operation: op.value,
					title,
					parameters,
					// Only dropdowns the editor will really render with these values.
					dropdowns: g.dropdowns.filter((dd) => {
						const top = dd.path.split(/[.[]/)[0];
						return shown.some((p) => p.name === top);
					}),
					requiredEmpty: shown
						.filter((p) => p.required && isEmpty(values[p.name]))
						.map((p) => p.name),
				});
			});
		}
	}
	return panels;
}
