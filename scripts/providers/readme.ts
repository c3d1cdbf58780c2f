/**
 * The README of a per-provider package, cut from the repository README so both say the same thing:
 * the provider's row of the overview table, its credential rows, its "### <Provider>…" sections under
 * "Nodes and operations", the protections, compatibility and licence, plus the example workflows in
 * examples/ that use the provider's nodes.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { ProviderPlan } from '../pack-providers';

interface Section {
	heading: string;
	body: string;
}

/** Splits markdown at headings of one level ("## " or "### "); text before the first is heading ''. */
function splitSections(markdown: string, level: number): Section[] {
	const marker = `${'#'.repeat(level)} `;
	const sections: Section[] = [{ heading: '', body: '' }];
	for (const line of markdown.split('\n')) {
		if (line.startsWith(marker))
			sections.push({ heading: line.slice(marker.length).trim(), body: '' });
		else sections[sections.length - 1].body += `${line}\n`;
	}
	return sections;
}

function section(sections: Section[], heading: string): string {
	return sections.find((s) => s.heading === heading)?.body.trim() ?? '';
}

/** A markdown table's header lines and the rows for which `keep(firstCell)` holds. */
function filterTable(body: string, keep: (firstCell: string) => boolean): string {
	const lines = body.split('\n').filter((l) => l.startsWith('|'));
	if (lines.length < 2) return '';
	const rows = lines.slice(2).filter((row) => keep(row.split('|')[1]?.trim() ?? ''));
	return [lines[0], lines[1], ...rows].join('\n');
}

/** Example workflows (examples/**.json) with a node of this provider, as README lines. */
function exampleLines(root: string, nodeNames: string[]): string[] {
	const dir = path.join(root, 'examples');
	if (!fs.existsSync(dir)) return [];
	const lines: string[] = [];
	for (const file of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
		if (!file.endsWith('.json')) continue;
		let workflow: { name?: string; nodes?: Array<{ type?: string }> };
		try {
			workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		} catch {
			continue; // not a workflow export
		}
		const types = (workflow.nodes ?? []).map((n) =>
			String(n.type ?? '')
				.split('.')
				.pop(),
		);
		if (types.some((t) => nodeNames.includes(t ?? ''))) {
			lines.push(`- ${workflow.name ?? file} (\`examples/${file}\` in the repository)`);
		}
	}
	return lines;
}

export function providerReadme(root: string, provider: ProviderPlan, nodeFiles: string[]): string {
	const main = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const top = splitSections(main, 2);
	const intro = top[0].body.replace(/^# .*\n/, '');
	const overview = filterTable(intro, (cell) => cell.includes(`[${provider.displayName}`));
	const credentialNames = provider.credentials.map((c) => c.displayName);
	const credentials = filterTable(section(top, 'Credentials'), (cell) =>
		credentialNames.includes(cell),
	);
	const operations = splitSections(section(top, 'Nodes and operations'), 3)
		.filter((s) => s.heading.startsWith(provider.displayName))
		.map((s) => `### ${s.heading}\n\n${s.body.trim()}`)
		.join('\n\n');
	const nodeNames = nodeFiles.map((f) => {
		const base = path.basename(f, '.node.js');
		return base.charAt(0).toLowerCase() + base.slice(1);
	});
	const examples = exampleLines(root, nodeNames);
	const credentialTypes = provider.credentials
		.map((c) => `\`${c.renamed}\` (${c.displayName})`)
		.join(', ');

	return `# ${provider.packageName}

n8n community nodes for ${provider.displayName}. This package is the ${provider.displayName} part of
[n8n-nodes-dialers](${'https://github.com/n8n-nodes-dialers/n8n-nodes-dialers'}), built from the same
source as its own package so that n8n can verify it and n8n Cloud can install it.

${overview}

## Installation

Follow n8n's [community nodes installation guide](https://docs.n8n.io/integrations/community-nodes/installation/)
and install \`${provider.packageName}\`. On n8n Cloud it is installed from the nodes panel once verified.
The package has no runtime dependencies.

It can be installed next to \`n8n-nodes-dialers\` in the same n8n: its node types start with
\`${provider.packageName}.\` and its credential types have their own names (${credentialTypes}),
so credentials are created separately for each package.
Each package keeps the provider's request limits for its own requests: use an API key with one of
them only, or the two together may send up to twice the provider's limit for that key.

## Credentials

${credentials}

Each credential has a test that n8n runs when you save it. The Base URL only changes for a test
environment.

## How the nodes protect you

${section(top, 'How the nodes protect you')}

## Operations

${operations}

## Example workflows

${examples.length > 0 ? examples.join('\n') : 'None yet for this provider.'}

## Compatibility

${section(top, 'Compatibility')}

## License

MIT
`;
}
