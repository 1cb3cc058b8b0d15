/** query and queryAll over HTTP: paging 2,500+ records with nextRecordsUrl, locators, batch sizes, columns. */
import { startTestOrg, type TestOrg } from './org-helpers.js';

let t: TestOrg;
const N = 2600;
beforeAll(async () => {
  t = await startTestOrg();
  // Seed through the store directly: the point here is paging, not inserts.
  const { store, userId } = t.local.org;
  store.transaction(() => {
    for (let i = 0; i < N; i++) store.create('Case', { Subject: `Paged ${String(i).padStart(4, '0')}` }, { userId });
  });
});
afterAll(() => t.local.close());

describe('query paging', () => {
  it('returns 2,000 records, then the rest through nextRecordsUrl (locator without a slash)', async () => {
    const first = await t.conn.query('SELECT Id, Subject FROM Case ORDER BY Subject');
    expect(first).toMatchObject({ totalSize: N, done: false });
    expect(first.records).toHaveLength(2000);
    // jsforce makes the URL absolute; the server sends the path.
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{12}-2000$/);
    const raw = await t.call('/services/data/v62.0/query?q=SELECT+Id+FROM+Case');
    expect(raw.body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{12}-2000$/);
    const locator = first.nextRecordsUrl!.split('/').pop()!;
    expect(locator).not.toContain('/');
    const second = await t.conn.queryMore(locator);
    expect(second).toMatchObject({ totalSize: N, done: true });
    expect(second.records).toHaveLength(N - 2000);
    expect(second.nextRecordsUrl).toBeUndefined();
    const subjects = [...first.records, ...second.records].map((r: any) => r.Subject);
    expect(new Set(subjects).size).toBe(N);
    expect(subjects[0]).toBe('Paged 0000');
    expect(subjects.at(-1)).toBe(`Paged ${N - 1}`);
  });

  it('follows nextRecordsUrl with autoFetch, and honours a smaller batchSize', async () => {
    const all = await t.conn.query('SELECT Id FROM Case').run({ autoFetch: true, maxFetch: 10000 });
    expect(all.records).toHaveLength(N);
    const small = await t.call('/services/data/v62.0/query?q=SELECT+Id+FROM+Case', {
      headers: { 'Sforce-Query-Options': 'batchSize=500' },
    });
    expect(small.body.records).toHaveLength(500);
    const next = await t.call(small.body.nextRecordsUrl);
    expect(next.body.records).toHaveLength(500);
    expect(next.body.nextRecordsUrl).toMatch(/-1000$/);
  });

  it('answers an unknown locator with INVALID_QUERY_LOCATOR and a bad query with MALFORMED_QUERY / INVALID_TYPE / INVALID_FIELD', async () => {
    expect(await t.call('/services/data/v62.0/query/01g000000000000-2000')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_QUERY_LOCATOR' }],
    });
    const q = (soql: string) => t.call(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`);
    expect((await q('SELEC Id FROM Case')).body[0].errorCode).toBe('MALFORMED_QUERY');
    expect((await q('SELECT Id FROM Widget__c')).body[0].errorCode).toBe('INVALID_TYPE');
    expect((await q('SELECT Nope FROM Case')).body[0].errorCode).toBe('INVALID_FIELD');
    expect((await t.call('/services/data/v62.0/query')).body[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('treats an injection attempt in a string literal as the literal only', async () => {
    const r = await t.conn.query("SELECT Id FROM Case WHERE Subject = 'x\\' OR Subject != \\'y'");
    expect(r.totalSize).toBe(0);
  });

  it('sees deleted records with queryAll only', async () => {
    const id = (await t.conn.sobject('Case').create({ Subject: 'To be deleted' })).id!;
    await t.conn.sobject('Case').destroy(id);
    expect((await t.conn.query(`SELECT Id FROM Case WHERE Id = '${id}'`)).totalSize).toBe(0);
    const all = await t.call(
      `/services/data/v62.0/queryAll?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM Case WHERE Id = '${id}'`)}`,
    );
    expect(all.body.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
  });

  it('describes a query with columns=true, as sf data query reads it', async () => {
    const soql = 'SELECT Subject, Account.Name, COUNT(Id) FROM Case GROUP BY Subject, Account.Name LIMIT 10';
    const res = await t.call(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}&columns=true`);
    expect(res.body.entityName).toBe('Case');
    expect(
      res.body.columnMetadata.map((c: any) => [c.columnName, c.aggregate, c.joinColumns.map((j: any) => j.columnName)]),
    ).toEqual([
      ['Subject', false, []],
      ['Account', false, ['Name']],
      ['expr0', true, []],
    ]);
  });
});
