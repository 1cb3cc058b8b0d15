// The local org's write path over real HTTP with jsforce: records per second through sObject
// Collections (200 a request, one transaction each) against one create per request, both durable
// (WAL, synchronous=FULL). Needs the build (npm run build).
//   node scripts/bench/local-org.js [--records 20000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsforce from 'jsforce';

const lib = join(import.meta.dirname, '..', '..', 'lib');
const { startLocalOrg } = await import(pathToFileURL(join(lib, 'local-org', 'index.js')).href);

const caseRecord = (i) => ({
  Subject: `Bench case ${i}`,
  Description:
    `Order PO-${40000 + (i % 9999)} has not arrived; the tracking page has not updated since Monday. `.repeat(4),
  Status: 'New',
  Priority: 'Medium',
});

export async function benchLocalOrgInserts({ records = 20000, singles = 2000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-bench-org-'));
  const org = await startLocalOrg({ dataFile: join(dir, 'org.sqlite'), port: 0, seed: 'none' });
  try {
    const conn = new jsforce.Connection({ instanceUrl: org.url, accessToken: org.token, version: '62.0' });
    let t0 = performance.now();
    for (let i = 0; i < singles; i++) await conn.sobject('Case').create(caseRecord(i));
    const single = singles / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    for (let i = 0; i < records; i += 200) {
      const batch = Array.from({ length: Math.min(200, records - i) }, (_, j) => caseRecord(i + j));
      const results = await conn.sobject('Case').create(batch, { allOrNone: true });
      if (!results.every((r) => r.success)) throw new Error('a collection insert failed');
    }
    const collections = records / ((performance.now() - t0) / 1000);
    console.log('\n## local org: durable inserts over HTTP (jsforce, SQLite WAL + synchronous=FULL)');
    console.log('| path | records | records/s |');
    console.log('|---|---:|---:|');
    console.log(`| sObject Collections, 200 per request | ${records} | ${Math.round(collections)} |`);
    console.log(`| one create per request (baseline) | ${singles} | ${Math.round(single)} |`);
    console.log(`\nCollections are ${(collections / single).toFixed(1)}x the single-create rate.`);
    return { collections, single };
  } finally {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--records');
  await benchLocalOrgInserts(at > 0 ? { records: Number(process.argv[at + 1]) } : {});
}
