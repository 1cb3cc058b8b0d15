/** The demo data: every owner and alarm represented, routine work on AEs, busy accounts, escalations; deterministic and seeded once. */
import { decide } from '../../src/rules/index.js';
import { isEmpty, seedDemo } from '../../src/local-org/seed/index.js';
import { closeOrg, openOrg } from '../../src/local-org/org.js';
import { schema, startTestOrg, tempFile, type TestOrg } from './org-helpers.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ seed: 'demo' });
});
afterAll(() => t.local.close());

describe('demo seed', () => {
  it('spans all four owners and all four alarms, with AEs holding some routine cases', async () => {
    expect(t.local.seeded).toBeGreaterThan(300);
    const cases = await t.conn.query<any>(
      'SELECT Id, Subject, Description, Type, Reason, Priority, Origin, Status, CreatedDate, OwnerId, Account.Name, Account.Type FROM Case',
    );
    // 300 cases across the accounts, and the phone line's call a day over the last two weeks.
    expect(cases.totalSize).toBe(314);
    const aes = new Set(
      (await t.conn.query<any>("SELECT Id FROM User WHERE Title = 'Account Executive'")).records.map((u) => u.Id),
    );
    const owners = new Map<string, number>();
    const alarms = new Map<string, number>();
    let routineOnAe = 0;
    for (const c of cases.records) {
      const d = decide({ case: c });
      owners.set(d.owner, (owners.get(d.owner) ?? 0) + 1);
      if (d.alarm) alarms.set(d.alarm.category, (alarms.get(d.alarm.category) ?? 0) + 1);
      const routine = d.owner === 'customer_service' || d.owner === 'client_success';
      if (routine && aes.has(c.OwnerId)) routineOnAe++;
    }
    for (const owner of ['customer_service', 'client_success', 'account_executive', 'sales_leadership']) {
      expect(owners.get(owner) ?? 0).toBeGreaterThanOrEqual(20);
    }
    for (const alarm of ['churn_risk', 'product_safety', 'service_breach', 'ethics_violation']) {
      expect(alarms.get(alarm) ?? 0).toBeGreaterThanOrEqual(8);
    }
    expect(routineOnAe).toBeGreaterThanOrEqual(15);
    // Texts vary: few subjects repeat verbatim, and descriptions are mostly distinct.
    expect(new Set(cases.records.map((c) => c.Description)).size).toBeGreaterThan(200);

    const users = await t.conn.query<any>('SELECT Title FROM User');
    expect(new Set(users.records.map((u) => u.Title))).toEqual(
      new Set(['System Administrator', 'Customer Service Agent', 'Account Manager', 'Account Executive', 'VP Sales']),
    );
    expect((await t.conn.query("SELECT Id FROM Group WHERE Type = 'Queue'")).totalSize).toBe(3);
    const busy = await t.conn.query<any>(
      'SELECT Account.Name, COUNT(Id) n FROM Case WHERE CreatedDate = LAST_N_DAYS:90 GROUP BY Account.Name ORDER BY COUNT(Id) DESC LIMIT 2',
    );
    expect(busy.records.every((r) => r.n >= 40)).toBe(true);
    // The other accounts are quiet: a few cases in 90 days, so their routine work stays routine
    // (six or more would be heavy history, which the policy routes to the AE).
    const quiet = await t.conn.query<any>(
      'SELECT Account.Name, COUNT(Id) n FROM Case WHERE CreatedDate = LAST_N_DAYS:90 GROUP BY Account.Name ORDER BY COUNT(Id) ASC LIMIT 6',
    );
    expect(quiet.records.map((r) => r.n).every((n: number) => n < 6)).toBe(true);
    expect((await t.conn.query('SELECT Id FROM Case WHERE ParentId != null')).totalSize).toBeGreaterThanOrEqual(10);
    const escalations = await t.conn.query<any>(
      'SELECT Status__c, Escalation_Key__c, Case__r.IsEscalated FROM Escalation__c',
    );
    expect(new Set(escalations.records.map((e) => e.Status__c))).toEqual(new Set(['New', 'Acknowledged', 'Resolved']));
    for (const e of escalations.records) {
      expect(e.Case__r.IsEscalated).toBe(true);
      expect(e.Escalation_Key__c === null).toBe(e.Status__c === 'Resolved');
    }
  });

  it('is deterministic and only seeds an empty org', () => {
    const texts = () => {
      const org = openOrg({ dataFile: tempFile(), schema });
      expect(isEmpty(org)).toBe(true);
      seedDemo(org, new Date('2026-11-30T12:00:00Z'));
      expect(isEmpty(org)).toBe(false);
      const rows = org.store.prepare('SELECT "Subject", "Description", "CreatedDate" FROM "Case" ORDER BY "Id"').all();
      closeOrg(org);
      return rows;
    };
    expect(texts()).toEqual(texts());
  });
});
