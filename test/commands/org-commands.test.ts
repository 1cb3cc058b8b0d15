/**
 * sf whoowns suggest, escalate and report as child processes of the built CLI, against a demo local
 * org registered as an alias under a temporary HOME; then the org refusing the session and going away.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { registerAlias } from '../helpers/org-alias.js';
import { startLocalOrg } from '../../src/local-org/index.js';
import { schema, startTestOrg, type TestOrg } from '../local-org/org-helpers.js';

let t: TestOrg;
let home: string;
const whoowns = async (args: string[]) => {
  const r = await runCli(['whoowns', ...args, '--target-org', 'demo'], { env: { HOME: home } });
  return { ...r, json: args.includes('--json') ? JSON.parse(r.stdout) : undefined };
};

beforeAll(async () => {
  t = await startTestOrg({ seed: 'demo' });
  home = await registerAlias(t.local.url, t.local.token, 'demo');
}, 60000);
afterAll(() => t?.local.close());

describe('whoowns suggest', () => {
  it('prints owner, action, alarm and reasons; --json returns the decision and the context used', async () => {
    const text = await whoowns(['suggest', '--case', '00001000']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Who owns this: Sales Leadership/);
    expect(text.stdout).toMatch(/Action: Pull the fire alarm/);
    expect(text.stdout).toMatch(/Fire alarm: Churn risk/);
    const { json } = await whoowns(['suggest', '--case', '00001000', '--json']);
    expect(json.status).toBe(0);
    expect(json.result.decision).toMatchObject({ owner: 'sales_leadership', alarm: { category: 'churn_risk' } });
    const id = json.result.case.id as string;
    const account = (await t.conn.query<any>(`SELECT AccountId FROM Case WHERE Id = '${id}'`)).records[0].AccountId;
    const n = async (soql: string) => (await t.conn.query(soql)).totalSize;
    expect(json.result.context.account).toEqual({
      casesLast90Days: await n(
        `SELECT COUNT() FROM Case WHERE AccountId = '${account}' AND CreatedDate = LAST_N_DAYS:90`,
      ),
      reopenedLast90Days: await n(
        `SELECT COUNT() FROM Case WHERE AccountId = '${account}' AND ParentId != null AND CreatedDate = LAST_N_DAYS:90`,
      ),
      escalationsLast90Days: await n(
        `SELECT COUNT() FROM Escalation__c WHERE Account__c = '${account}' AND CreatedDate = LAST_N_DAYS:90`,
      ),
    });
    expect(json.result.context.queue).toMatchObject({ targetMinutes: 60 });
    // The same case by its 18-character Id.
    const byId = await whoowns(['suggest', '--case', id, '--json']);
    expect(byId.json.result.decision).toEqual(json.result.decision);
  }, 60000);

  it('shows the phone line persistently over target', async () => {
    const phone = (
      await t.conn.query<any>("SELECT CaseNumber FROM Case WHERE Origin = 'Phone' AND IsClosed = false LIMIT 1")
    ).records[0].CaseNumber;
    const { json } = await whoowns(['suggest', '--case', phone, '--json']);
    expect(json.result.context.queue.breachRate14d).toBeGreaterThanOrEqual(0.25);
    expect(json.result.context.queue.daysInBreach14d).toBeGreaterThanOrEqual(5);
  }, 30000);

  it('says so when the case does not exist, and refuses bad flags', async () => {
    const missing = await whoowns(['suggest', '--case', '99999999', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ name: 'CaseNotFoundError', message: 'No case 99999999 in this org.' });
    expect(missing.json.actions.length).toBeGreaterThan(0);
    const bad = await whoowns(['suggest', '--case', '00001000', '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Nonexistent flag: --nope/);
  }, 30000);
});

describe('whoowns escalate', () => {
  it('creates the escalation once: a repeat returns the existing one and exits 0; no alarm needs --category', async () => {
    const routine = (
      await t.conn.query<any>("SELECT Id FROM Case WHERE Subject LIKE '%invoice%' AND IsEscalated = false LIMIT 1")
    ).records[0]?.Id;
    const noAlarm = await whoowns(['escalate', '--case', routine, '--json']);
    expect(noAlarm.code).toBe(1);
    expect(noAlarm.json.name).toBe('NoAlarmError');
    const first = await whoowns([
      'escalate',
      '--case',
      routine,
      '--category',
      'other',
      '--note',
      'Judgement call',
      '--json',
    ]);
    expect(first.code).toBe(0);
    expect(first.json.result).toMatchObject({
      created: true,
      escalation: { Category__c: 'other', Status__c: 'New', Severity__c: 'sev2' },
    });
    const again = await whoowns(['escalate', '--case', routine, '--category', 'other']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Already escalated/);
    const rows = (
      await t.conn.query<any>(
        `SELECT Flagged__c, Escalation_Key__c, Raised_By__c, Case__r.IsEscalated FROM Escalation__c WHERE Case__c = '${routine}'`,
      )
    ).records;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Flagged__c: true,
      Raised_By__c: t.local.org.userId,
      Case__r: { IsEscalated: true },
    });
    expect(rows[0].Escalation_Key__c).toMatch(/^500\w{15}:other$/);
    const badId = await whoowns(['escalate', '--case', '001000000000000AAA']);
    expect(badId.code).not.toBe(0);
    expect(badId.stderr).toMatch(/500/);
  }, 60000);
});

describe('whoowns report', () => {
  it('--format json equals direct SOQL counts; csv, html and --output', async () => {
    const { json } = await whoowns(['report', '--format', 'json', '--json']);
    const r = json.result;
    const n = async (soql: string) => (await t.conn.query(soql)).totalSize;
    expect(r.openEscalations).toBe(await n("SELECT COUNT() FROM Escalation__c WHERE Status__c != 'Resolved'"));
    for (const c of ['product_safety', 'ethics_violation', 'churn_risk', 'service_breach', 'other']) {
      expect([c, r.openByCategory[c]]).toEqual([
        c,
        await n(`SELECT COUNT() FROM Escalation__c WHERE Status__c != 'Resolved' AND Category__c = '${c}'`),
      ]);
    }
    expect(r.unacknowledged).toBe(await n("SELECT COUNT() FROM Escalation__c WHERE Status__c = 'New'"));
    const ages = Object.values(r.openByAge as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(ages).toBe(r.openEscalations);
    expect(r.openByAccount.reduce((s: number, a: any) => s + a.count, 0)).toBeLessThanOrEqual(r.openEscalations);
    expect(r.timeToAcknowledge.count).toBeGreaterThan(0);

    const csv = await whoowns(['report', '--format', 'csv', '--since', '90d']);
    expect(csv.stdout.split('\n')[0]).toBe('section,item,value');
    expect(csv.stdout).toContain(`summary,open escalations,${r.openEscalations}`);
    const file = join(mkdtempSync(join(tmpdir(), 'whoowns-report-')), 'report.html');
    const html = await whoowns(['report', '--format', 'html', '--output', file]);
    expect(html.code).toBe(0);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|<link|src="http/);
    const table = await whoowns(['report']);
    expect(table.stdout).toMatch(/open escalations/);
    const bad = await whoowns(['report', '--since', 'last week', '--json']);
    expect(bad.json.name).toBe('BadSinceError');
    const badFormat = await whoowns(['report', '--format', 'pdf']);
    expect(badFormat.code).toBe(2);
  }, 60000);
});

describe('an org that refuses or is gone', () => {
  it('401: says the session was refused and how to log in again; network down: says it cannot reach the org', async () => {
    // The same org on the same address, now with another session token: the registered one is refused.
    const port = t.local.port;
    await t.local.close();
    const refusing = await startLocalOrg({
      dataFile: t.dataFile,
      port,
      token: '00D000000000001!another.token',
      schema,
    });
    try {
      const refused = await whoowns(['suggest', '--case', '00001000', '--json']);
      expect(refused.code).toBe(1);
      expect(refused.json.name).toBe('OrgRefusedError');
      expect(refused.json.actions.join(' ')).toMatch(/sf org login/);
    } finally {
      await refusing.close();
    }
    const down = await whoowns(['report', '--json']);
    expect(down.code).toBe(1);
    expect(down.json.name).toBe('OrgUnreachableError');
    expect(down.json.message).toContain(`Cannot reach the org at ${t.local.url}`);
  }, 60000);
});
