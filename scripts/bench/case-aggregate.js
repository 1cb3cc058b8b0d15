// The manager report's kind of query over a big org: a GROUP BY aggregate over 1,000,000 cases, asked
// over real HTTP with jsforce, against the same GROUP BY written by hand in SQL on the same SQLite file
// (the floor: what SQLite alone costs) and through the SOQL engine without HTTP. Needs the build.
//   node scripts/bench/case-aggregate.js [--rows 1000000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsforce from 'jsforce';

const lib = join(import.meta.dirname, '..', '..', 'lib');
const load = (path) => import(pathToFileURL(join(lib, path)).href);

const STATUSES = ['New', 'Working', 'Escalated', 'Closed'];
const PRIORITIES = ['Low', 'Medium', 'High'];
const ORIGINS = ['Phone', 'Email', 'Web'];
const SOQL = 'SELECT Status, Priority, COUNT(Id) n FROM Case GROUP BY Status, Priority';
const SQL =
  'SELECT "Status", "Priority", COUNT("Id") AS n FROM "Case" WHERE "IsDeleted" = 0 GROUP BY "Status" COLLATE NOCASE, "Priority" COLLATE NOCASE';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeIt(fn, runs = 3) {
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

export async function benchCaseAggregate({ rows = 1_000_000 } = {}) {
  const { startLocalOrg } = await load('local-org/index.js');
  const { makeId } = await load('local-org/ids.js');
  const { prepareQuery } = await load('local-org/soql/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-bench-agg-'));
  const org = await startLocalOrg({ dataFile: join(dir, 'org.sqlite'), port: 0, seed: 'none' });
  try {
    const { db, schema } = org.org.store;
    // Setup, not measured: rows written straight into the table (the write path has its own bench).
    let t0 = performance.now();
    const insert = db.prepare(
      'INSERT INTO "Case" ("Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp", "Status", "Priority", "Origin", "Subject") VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)',
    );
    const now = Date.now();
    db.exec('BEGIN');
    for (let i = 0; i < rows; i++) {
      const at = new Date(now - (i % 90) * 86_400_000).toISOString();
      insert.run(
        makeId('500', 10_000_000 + i),
        at,
        at,
        at,
        STATUSES[i % 4],
        PRIORITIES[i % 3],
        ORIGINS[i % 3],
        `Case ${i}`,
      );
    }
    db.exec('COMMIT');
    const setup = (performance.now() - t0) / 1000;

    const sql = await timeIt(() => db.prepare(SQL).all());
    const engine = await timeIt(() =>
      prepareQuery(db, schema, SOQL, { apiVersion: '62.0', includeDeleted: false }).page(0, 2000),
    );
    const conn = new jsforce.Connection({ instanceUrl: org.url, accessToken: org.token, version: '62.0' });
    const http = await timeIt(() => conn.query(SOQL));
    const total = (records) => records.reduce((n, r) => n + Number(r.n), 0);
    if (total(http.result.records) !== rows || total(sql.result) !== rows || total(engine.result) !== rows)
      throw new Error('the aggregate does not count every case');

    console.log(`\n## local org: GROUP BY over ${rows.toLocaleString('en-US')} cases (setup ${setup.toFixed(1)} s)`);
    console.log(`\`${SOQL}\`, median of 3\n`);
    console.log('| path | ms | vs hand-written SQL |');
    console.log('|---|---:|---:|');
    console.log(`| hand-written SQL GROUP BY on the same SQLite file (floor) | ${sql.ms.toFixed(0)} | 1x |`);
    console.log(
      `| SOQL engine (parse, compile to SQL, run, shape records) | ${engine.ms.toFixed(0)} | ${(engine.ms / sql.ms).toFixed(2)}x |`,
    );
    console.log(
      `| SOQL over HTTP with jsforce (what a client sees) | ${http.ms.toFixed(0)} | ${(http.ms / sql.ms).toFixed(2)}x |`,
    );
  } finally {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--rows');
  await benchCaseAggregate({ rows: i > 0 ? Number(process.argv[i + 1]) : 1_000_000 });
}
