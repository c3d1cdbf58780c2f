/**
 * NXTele in a real n8n: the Callbot Ping runs through the installed package and the sandbox accepts
 * its signature, recomputed from the raw bytes it received; a wrong secret gives a credential error.
 */
import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(180_000);

let env: PackageN8n;

beforeAll(async () => {
	env = await startPackageN8n('nxtele');
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);

async function pingWith(secretKey: string) {
	const { n8n, sandbox } = env;
	const credentialId = await n8n.createCredential('nxteleCallbotApi', `Callbot ${secretKey}`, {
		uuid: sandbox.accounts.nxteleCallbot.uuid,
		secretKey,
		algorithm: 'SHA256',
		baseUrl: sandbox.baseUrls.nxteleCallbot,
	});
	const workflowId = await n8n.createWorkflow(
		manualWorkflow(`Ping ${secretKey}`, [
			{
				id: 'ping',
				name: 'NXTele',
				type: `${PACKAGE}.nxtele`,
				parameters: { resource: 'callbot', operation: 'ping', echo: 'from real n8n' },
				credentials: { nxteleCallbotApi: { id: credentialId, name: `Callbot ${secretKey}` } },
			},
		]),
	);
	return await n8n.runWorkflowManually(workflowId);
}

it('registers the package nodes under the community package name', async () => {
	const types = await env.n8n.listNodeTypes();
	expect(types).toEqual(expect.arrayContaining([`${PACKAGE}.nxtele`, `${PACKAGE}.unitalk`]));
	expect(env.n8n.packageErrors).toEqual([]);
});

it('runs Callbot Ping and the sandbox accepts the signature computed over the bytes on the wire', async () => {
	env.sandbox.reset();
	const result = await pingWith(env.sandbox.accounts.nxteleCallbot.secretKey);

	expect(result.nodes.NXTele.error).toBeUndefined();
	expect(result.nodes.NXTele.json).toEqual([
		expect.objectContaining({ code: 0, data: 'from real n8n' }),
	]);
	const requests = env.sandbox.requests.filter((r) => r.provider === 'nxteleCallbot');
	expect(requests).toHaveLength(1);
	expect(requests[0]).toMatchObject({ outcome: 'accepted', rawBody: '{"data":"from real n8n"}' });
	expect(requests[0].headers.algorithm).toBe('SHA256');
});

it('reports a wrong secret key as a credential error; the sandbox logs the rejected signature', async () => {
	env.sandbox.reset();
	const result = await pingWith('a-wrong-secret');

	expect(result.nodes.NXTele.error).toMatch(/NXTele Callbot refused the credentials/);
	const requests = env.sandbox.requests.filter((r) => r.provider === 'nxteleCallbot');
	expect(requests).toHaveLength(1);
	expect(requests[0].outcome).toBe('rejected');
	expect(requests[0].reason).toMatch(/sign/i);
});
