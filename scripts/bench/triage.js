// triage --apply at 10,000 and 100,000 cases on a local org, through src/org's triage() (the code path
// of `sf whoowns triage --apply`): cases per second and API calls at each size, with the bars checked —
// every case gets its suggestion, each alarm exactly one escalation, a second run raises none, under
// 100 API calls at 100,000 — and `report` figures against direct SOQL counts. Needs the build.
//   node scripts/bench/triage.js [--sizes 10000,100000]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsforce from 'jsforce';
import { sharedData } from '../shared-data.js';

const root = join(import.meta.dirname, '..', '..');
const lib = join(root, 'lib');
const load = (p) => import(pathToFileURL(join(lib, p)).href);
const { startLocalOrg } = await load('local-org/index.js');
const { openSession, triage, bulkThreshold, managerReport } = await load('org/index.js');

const texts = readFileSync(join(sharedData, 'dev-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l).case);

/** n open cases over 40 accounts, written straight into the store (seeding is not what is measured). */
function seed(org, n) {
  const { store } = org.org;
  const ctx = { userId: org.org.userId, auditFields: true };
  store.transaction(() => {
    const accounts = Array.from({ length: 40 }, (_, i) => store.create('Account', { Name: `Bench account ${i}` }, ctx));
    const day = 86_400_000;
    for (let i = 0; i < n; i++) {
      const c = texts[i % texts.length];
      const created = Date.now() - (i % 60) * day - (i % 600) * 60_000;
      store.create(
        'Case',
        {
          Subject: c.Subject,
          Description: c.Description,
          Origin: ['Phone', 'Email', 'Web'][i % 3],
          AccountId: accounts[i % 40],
          CreatedDate: new Date(created).toISOString(),
          First_Response_At__c: new Date(created + ((i * 37) % 180) * 60_000).toISOString(),
        },
        ctx,
      );
    }
  });
}

const check = (ok, what) => {
  if (!ok) {
    console.log(`  FAILED: ${what}`);
    process.exitCode = 1;
  }
  return ok;
};

async function run(n) {
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-bench-triage-'));
  const org = await startLocalOrg({
    dataFile: join(dir, 'org.sqlite'),
    port: 0,
    seed: 'none',
    onError: (e) => console.error('local org:', e),
    onRequest: process.env.BENCH_TRACE ? (m, u, s) => console.error(m, u.slice(0, 90), s) : undefined,
  });
  try {
    seed(org, n);
    const conn = new jsforce.Connection({ instanceUrl: org.url, accessToken: org.token, version: '62.0' });
    const count = async (soql) => (await conn.query(soql)).totalSize;
    const session = openSession(conn, org.org.userId, org.org.orgId);
    const t0 = performance.now();
    const first = await triage(session, { apply: true, bulkThreshold: bulkThreshold() });
    const seconds = (performance.now() - t0) / 1000;
    const c = first.state.counts;
    const alarms = c.assessed - (c.byAlarm.none ?? 0);
    console.log(
      `  ${n.toLocaleString('en-US').padStart(7)} cases: ${Math.round(n / seconds).toLocaleString('en-US')} cases/s ` +
        `(${seconds.toFixed(1)} s), ${c.apiCalls} API calls, ${first.bulk ? 'Bulk API 2.0' : 'sObject Collections'}, ` +
        `${alarms.toLocaleString('en-US')} alarms`,
    );
    check(c.assessed === n, `every case decided (${c.assessed}/${n})`);
    check(
      (await count('SELECT COUNT() FROM Case WHERE Ownership_Assessed_At__c = null')) === 0,
      'every case got its suggestion',
    );
    check((await count('SELECT COUNT() FROM Escalation__c')) === alarms, 'each alarm exactly one escalation');
    if (n >= 100_000) check(c.apiCalls < 100, `under 100 API calls at ${n} (${c.apiCalls})`);
    const second = await triage(openSession(conn, org.org.userId, org.org.orgId), {
      apply: true,
      bulkThreshold: bulkThreshold(),
    });
    check(second.state.counts.escalationsCreated === 0, 'a second run raises no escalation');
    check((await count('SELECT COUNT() FROM Escalation__c')) === alarms, 'still one escalation per alarm');
    console.log(`           second run: ${second.state.counts.apiCalls} API calls, 0 new escalations`);
    const report = await managerReport(openSession(conn, org.org.userId, org.org.orgId), 30 * 86_400_000);
    const open = await count("SELECT COUNT() FROM Escalation__c WHERE Status__c != 'Resolved'");
    let same = report.openEscalations === open;
    for (const [category, k] of Object.entries(report.openByCategory)) {
      same &&=
        k ===
        (await count(
          `SELECT COUNT() FROM Escalation__c WHERE Status__c != 'Resolved' AND Category__c = '${category}'`,
        ));
    }
    check(same, 'report figures equal direct SOQL counts');
    console.log(`           report: ${report.openEscalations} open escalations, figures equal direct SOQL: ${same}`);
  } finally {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTriage({ sizes = [10_000, 100_000] } = {}) {
  console.log('\n## triage --apply on a local org (src/org triage(), Bulk API 2.0 above 2,000 cases)');
  for (const n of sizes) await run(n);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--sizes');
  await benchTriage(i > 0 ? { sizes: process.argv[i + 1].split(',').map(Number) } : {});
}
