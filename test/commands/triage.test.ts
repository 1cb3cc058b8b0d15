/**
 * sf whoowns triage as a child process of the built CLI: a dry run and --apply by sObject Collections,
 * --apply by Bulk API 2.0 (threshold lowered) killed with SIGKILL in the middle and finished with
 * --resume: every case assessed, each alarm exactly one escalation, a second run raises none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { runCli, sharedData, spawnCli } from '../helpers/cli.js';
import { registerAlias } from '../helpers/org-alias.js';
import { startTestOrg, type TestOrg } from '../local-org/org-helpers.js';

const lines = readFileSync(join(sharedData, 'dev-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l).case as Record<string, string>);

async function seedCases(t: TestOrg, n: number): Promise<void> {
  const accounts = await t.conn.sobject('Account').create([{ Name: 'Acme' }, { Name: 'Globex' }, { Name: 'Initech' }]);
  const records = Array.from({ length: n }, (_, i) => {
    const c = lines[i % lines.length]!;
    return { Subject: c['Subject'], Description: c['Description'], Origin: 'Email', AccountId: accounts[i % 3]!.id };
  });
  for (let i = 0; i < records.length; i += 200) await t.conn.sobject('Case').create(records.slice(i, i + 200));
}

const count = async (t: TestOrg, soql: string) => (await t.conn.query(soql)).totalSize;

describe('whoowns triage', () => {
  let t: TestOrg;
  let home: string;
  afterEach(() => t?.local.close());

  it('dry run and --apply by sObject Collections; a bad --where is refused', async () => {
    t = await startTestOrg();
    await seedCases(t, 240);
    home = await registerAlias(t.local.url, t.local.token, 'small');
    const env = { HOME: home };
    const dry = await runCli(['whoowns', 'triage', '-o', 'small', '--json'], { env });
    const d = JSON.parse(dry.stdout).result;
    expect(d).toMatchObject({ assessed: 240, applied: false, transport: 'collections', escalationsCreated: 0 });
    expect(await count(t, 'SELECT COUNT() FROM Escalation__c')).toBe(0);
    const alarms = 240 - (d.byAlarm.none ?? 0);
    expect(alarms).toBeGreaterThan(20);
    const applied = await runCli(['whoowns', 'triage', '-o', 'small', '--apply'], { env });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Cases per owner/);
    expect(applied.stdout).toMatch(new RegExp(`escalations raised: ${alarms} new, 0 already open`));
    expect(applied.stdout).toMatch(/API calls made: \d+/);
    expect(await count(t, 'SELECT COUNT() FROM Case WHERE Ownership_Assessed_At__c = null')).toBe(0);
    expect(await count(t, 'SELECT COUNT() FROM Escalation__c')).toBe(alarms);
    const bad = await runCli(['whoowns', 'triage', '-o', 'small', '--where', 'Nope__c = 1', '--json'], { env });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).name).toBe('BadWhereError');
  }, 60000);

  it('--apply by Bulk API 2.0, killed mid-run, finishes with --resume: no case missed, no duplicate escalation', async () => {
    const cli: { child?: ChildProcess } = {};
    let closes = 0;
    t = await startTestOrg({
      // Kill the CLI the moment the org has answered the third ingest job's UploadComplete.
      onRequest: (method, url) => {
        if (method === 'PATCH' && /\/jobs\/ingest\/750\w+$/.test(url) && ++closes === 3) cli.child?.kill('SIGKILL');
      },
    });
    const n = 600;
    await seedCases(t, n);
    home = await registerAlias(t.local.url, t.local.token, 'big');
    const env = { HOME: home, WHOOWNS_BULK_THRESHOLD: '100', WHOOWNS_TRIAGE_CHUNK: '150' };
    const child = spawnCli(['whoowns', 'triage', '-o', 'big', '--apply'], env);
    cli.child = child;
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal ?? c)));
    expect(code).toBe('SIGKILL');
    const assessedBefore = n - (await count(t, 'SELECT COUNT() FROM Case WHERE Ownership_Assessed_At__c = null'));
    expect(assessedBefore).toBeGreaterThan(0);
    expect(assessedBefore).toBeLessThan(n);

    const resumed = await runCli(['whoowns', 'triage', '-o', 'big', '--apply', '--resume', '--json'], { env });
    const r = JSON.parse(resumed.stdout).result;
    expect(r).toMatchObject({ resumed: true, transport: 'bulk', assessed: n, updated: n, escalationsFailed: 0 });
    const alarms = n - (r.byAlarm.none ?? 0);
    expect(await count(t, 'SELECT COUNT() FROM Case WHERE Ownership_Assessed_At__c = null')).toBe(0);
    expect(await count(t, 'SELECT COUNT() FROM Escalation__c')).toBe(alarms);
    expect(r.escalationsCreated + r.escalationsExisting).toBe(alarms);
    const escalated = await t.conn.query<any>('SELECT COUNT(Id) n FROM Case WHERE IsEscalated = true');
    expect(escalated.records[0].n).toBe(
      new Set((await t.conn.query<any>('SELECT Case__c FROM Escalation__c')).records.map((e) => e.Case__c)).size,
    );

    const again = await runCli(['whoowns', 'triage', '-o', 'big', '--apply', '--json'], { env });
    const a = JSON.parse(again.stdout).result;
    expect(a).toMatchObject({ resumed: false, escalationsCreated: 0, escalationsExisting: alarms });
    expect(await count(t, 'SELECT COUNT() FROM Escalation__c')).toBe(alarms);
  }, 60000);
});
