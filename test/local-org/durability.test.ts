/**
 * The data file outlives the server: a clean restart keeps records, token and counters; a kill -9 in
 * the middle of sequential creates loses no acknowledged record and leaves no partial one.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openOrg, closeOrg } from '../../src/local-org/org.js';
import { root } from '../helpers/cli.js';
import { schema, startTestOrg, tempFile } from './org-helpers.js';

describe('durability', () => {
  it('keeps records, the token, the org id and the id counters across a restart', async () => {
    const first = await startTestOrg();
    const id = (await first.conn.sobject('Account').create({ Name: 'Persistent Ltd' })).id!;
    const caseId = (await first.conn.sobject('Case').create({ Subject: 'Before restart', AccountId: id })).id!;
    const { token, org } = first.local;
    await first.local.close();

    const second = await startTestOrg({ dataFile: first.dataFile });
    expect(second.local.token).toBe(token);
    expect(second.local.org.orgId).toBe(org.orgId);
    expect(second.local.org.userId).toBe(org.userId);
    const again = (await second.conn.sobject('Account').retrieve(id)) as any;
    expect(again.Name).toBe('Persistent Ltd');
    const next = (await second.conn.sobject('Case').create({ Subject: 'After restart' })).id!;
    expect(next > caseId).toBe(true);
    const numbers = await second.conn.query('SELECT CaseNumber FROM Case ORDER BY CaseNumber');
    expect(numbers.records.map((r: any) => r.CaseNumber)).toEqual(['00001000', '00001001']);
    await second.local.close();

    const custom = await startTestOrg({ dataFile: first.dataFile, token: '00D000000000001!given' });
    expect(custom.local.token).toBe('00D000000000001!given');
    expect((await custom.call('/services/data/v62.0/limits', { token: token })).status).toBe(401);
    await custom.local.close();
  });

  it('loses no acknowledged create and leaves no partial record after kill -9', async () => {
    const lib = join(root, 'lib', 'local-org', 'index.js');
    if (!existsSync(lib)) throw new Error('run npm run build first (npm test does)');
    const dataFile = tempFile();
    const script = `
      const { startLocalOrg } = await import(${JSON.stringify(lib)});
      const org = await startLocalOrg({ dataFile: ${JSON.stringify(dataFile)}, port: 0, seed: 'none' });
      process.stdout.write(JSON.stringify({ url: org.url, token: org.token }) + '\\n');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout! }).once('line', resolve),
    );
    const { url, token } = JSON.parse(line) as { url: string; token: string };

    const body = (i: number) => ({ Subject: `Durable ${i}`, Description: `record ${i} `.repeat(200) });
    const acknowledged = new Map<string, number>();
    const started = Date.now();
    const killAfter = 5000; // the middle of 10,000
    let inFlight: Promise<unknown> | undefined;
    for (let i = 0; i < 10000; i++) {
      const request = fetch(`${url}/services/data/v62.0/sobjects/Case`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body(i)),
      });
      if (i === killAfter || Date.now() - started > 20000) {
        // Kill while this create is in flight: it may or may not have been committed.
        inFlight = request.catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1));
        child.kill('SIGKILL');
        break;
      }
      const res = await request;
      expect(res.status).toBe(201);
      acknowledged.set(((await res.json()) as { id: string }).id, i);
    }
    await inFlight;
    await exited;
    expect(acknowledged.size).toBeGreaterThan(100);

    const org = openOrg({ dataFile, schema });
    try {
      const rows = org.store.prepare('SELECT "Id", "Subject", "Description", "CaseNumber" FROM "Case"').all() as any[];
      const byId = new Map(rows.map((r) => [r.Id as string, r]));
      for (const [id, i] of acknowledged) {
        expect(byId.get(id)).toMatchObject(body(i));
      }
      expect(rows.length === acknowledged.size || rows.length === acknowledged.size + 1).toBe(true);
      for (const r of rows) {
        const i = Number(String(r.Subject).replace('Durable ', ''));
        expect(r).toMatchObject(body(i));
        expect(r.CaseNumber).toMatch(/^\d{8}$/);
      }
    } finally {
      closeOrg(org);
    }
    // And the org serves again from the same file.
    const restarted = await startTestOrg({ dataFile });
    const count = await restarted.conn.query('SELECT COUNT() FROM Case');
    expect(count.totalSize).toBeGreaterThanOrEqual(acknowledged.size);
    await restarted.local.close();
  }, 40000);
});
