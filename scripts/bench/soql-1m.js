// The SOQL engine over a million rows: aggregates, filtered queries and paging all the way through,
// in SQLite (node:sqlite). Needs the build (npm run build, or LIB=<outDir of tsc>).
//   node scripts/bench/soql-1m.js [--rows 1000000]
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const lib = resolve(process.env.LIB ?? join(import.meta.dirname, '..', '..', 'lib'));
const load = (path) => import(pathToFileURL(join(lib, path)).href);

const f = (name, type, extra = {}) => ({
  name,
  label: name,
  type,
  nillable: true,
  createable: true,
  updateable: true,
  ...extra,
});
const ref = (name, to, relationshipName) => f(name, 'reference', { referenceTo: to, relationshipName });
const sys = () => [f('Id', 'id'), f('IsDeleted', 'boolean'), f('CreatedDate', 'datetime')];
const obj = (name, keyPrefix, fields, childRelationships = []) => ({
  name,
  label: name,
  labelPlural: name,
  keyPrefix,
  custom: name.endsWith('__c'),
  fields: [...sys(), ...fields],
  childRelationships,
});

const CATEGORIES = ['product_safety', 'ethics_violation', 'churn_risk', 'service_breach'];
const STATUSES = ['New', 'Acknowledged', 'Resolved'];

export async function benchSoql({ rows = 1_000_000 } = {}) {
  const { makeSchema } = await load('local-org/schema/types.js');
  const { createTables } = await load('local-org/store/ddl.js');
  const { makeId } = await load('local-org/ids.js');
  const { prepareQuery } = await load('local-org/soql/index.js');
  const schema = makeSchema([
    obj(
      'Account',
      '001',
      [f('Name', 'string')],
      [{ childSObject: 'Case', field: 'AccountId', relationshipName: 'Cases' }],
    ),
    obj(
      'Case',
      '500',
      [f('Subject', 'string'), f('Status', 'picklist'), ref('AccountId', ['Account'], 'Account')],
      [{ childSObject: 'Escalation__c', field: 'Case__c', relationshipName: 'Escalations__r' }],
    ),
    obj('Escalation__c', 'a01', [
      f('Name', 'string'),
      ref('Case__c', ['Case'], 'Case__r'),
      f('Category__c', 'picklist'),
      f('Severity__c', 'picklist'),
      f('Status__c', 'picklist'),
      f('Flagged__c', 'boolean'),
      f('Score__c', 'double'),
    ]),
  ]);
  const db = new DatabaseSync(':memory:');
  createTables(db, schema);
  let t = performance.now();
  db.exec('BEGIN');
  const accounts = 1000;
  const cases = Math.max(1, Math.floor(rows / 20));
  const insA = db.prepare('INSERT INTO "Account" ("Id", "Name", "CreatedDate") VALUES (?, ?, ?)');
  for (let i = 0; i < accounts; i++) insA.run(makeId('001', i), `Account ${i}`, '2026-01-01T00:00:00.000Z');
  const insC = db.prepare(
    'INSERT INTO "Case" ("Id", "Subject", "Status", "AccountId", "CreatedDate") VALUES (?, ?, ?, ?, ?)',
  );
  for (let i = 0; i < cases; i++) {
    insC.run(
      makeId('500', i),
      `Case ${i}`,
      i % 5 === 0 ? 'New' : 'Working',
      makeId('001', i % accounts),
      '2026-01-01T00:00:00.000Z',
    );
  }
  const insE = db.prepare(
    'INSERT INTO "Escalation__c" ("Id", "IsDeleted", "Name", "Case__c", "Category__c", "Severity__c", "Status__c", "Flagged__c", "Score__c", "CreatedDate") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    insE.run(
      makeId('a01', i),
      i % 100 === 99 ? 1 : 0,
      `ESC-${i}`,
      makeId('500', i % cases),
      CATEGORIES[i % 4],
      i % 3 ? 'sev2' : 'sev1',
      STATUSES[i % 3],
      i % 2,
      i % 11 === 0 ? null : (i * 7919) % 10007,
      new Date(start + i * 60_000).toISOString(),
    );
  }
  db.exec('COMMIT');
  console.log(
    `\n## SOQL over ${rows.toLocaleString('en')} Escalation__c rows (setup ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const options = { apiVersion: '62.0', includeDeleted: false, now: new Date(start + rows * 60_000) };
  const ms = (t0) => `${(performance.now() - t0).toFixed(0)} ms`;
  const run = (label, soql, pages = 1) => {
    const t0 = performance.now();
    const q = prepareQuery(db, schema, soql, options);
    const first = q.page(0, 2000);
    for (let p = 1; p < pages; p++) q.page(p * 2000, 2000);
    console.log(`${label.padEnd(58)} ${ms(t0).padStart(9)}   totalSize ${q.totalSize}, first page ${first.length}`);
    return q;
  };
  const suite = () => {
    run('GROUP BY Category__c, COUNT(Id)', 'SELECT Category__c, COUNT(Id) FROM Escalation__c GROUP BY Category__c');
    run(
      'GROUP BY 2 fields, WHERE, HAVING, ORDER BY COUNT',
      `SELECT Category__c, Severity__c, COUNT(Id) n, AVG(Score__c) FROM Escalation__c WHERE Status__c != 'Resolved' GROUP BY Category__c, Severity__c HAVING COUNT(Id) > 10 ORDER BY COUNT(Id) DESC`,
    );
    run(
      'GROUP BY a parent path (Case__r.Status)',
      'SELECT Case__r.Status, COUNT(Id) FROM Escalation__c GROUP BY Case__r.Status',
    );
    run(
      'COUNT() WHERE CreatedDate = LAST_N_DAYS:30',
      'SELECT COUNT() FROM Escalation__c WHERE CreatedDate = LAST_N_DAYS:30',
    );
    run(
      'filtered: count + first page',
      `SELECT Id, Name, Category__c, Score__c FROM Escalation__c WHERE Category__c = 'churn_risk' AND Flagged__c = false AND (Score__c > 5000 OR Score__c = null)`,
    );
    run(
      'filtered on a parent: Case__r.Status = New',
      `SELECT Id, Name, Case__r.Subject FROM Escalation__c WHERE Case__r.Status = 'New'`,
    );
    run('LIKE on Name', `SELECT Id, Name FROM Escalation__c WHERE Name LIKE 'ESC-99%'`);
    run(
      'ORDER BY Score__c DESC LIMIT 10 (top-N)',
      'SELECT Name, Score__c FROM Escalation__c ORDER BY Score__c DESC LIMIT 10',
    );
    for (const [label, soql] of [
      ['page through every row, no ORDER BY (keyset on rowid)', 'SELECT Id, Name, Category__c FROM Escalation__c'],
      [
        'page through every row, ORDER BY Score__c (snapshot)',
        'SELECT Id, Name, Score__c FROM Escalation__c ORDER BY Score__c DESC',
      ],
    ]) {
      const t = performance.now();
      const q = prepareQuery(db, schema, soql, options);
      let n = 0;
      let slowest = 0;
      for (let offset = 0; offset < q.totalSize; offset += 2000) {
        const tp = performance.now();
        n += q.page(offset, 2000).length;
        slowest = Math.max(slowest, performance.now() - tp);
      }
      console.log(
        `${label.padEnd(58)} ${ms(t).padStart(9)}   ${n} records in ${Math.ceil(q.totalSize / 2000)} pages, slowest page ${slowest.toFixed(0)} ms`,
      );
    }
  };
  console.log('### default connection settings');
  suite();
  // SQLite's sorter and GROUP BY spill to temporary files unless told otherwise.
  db.exec('PRAGMA temp_store = MEMORY');
  console.log('### PRAGMA temp_store = MEMORY');
  suite();
  db.close();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--rows');
  await benchSoql({ rows: i > 0 ? Number(process.argv[i + 1]) : 1_000_000 });
}
