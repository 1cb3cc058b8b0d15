/** Bulk API 2.0 on the local org, through jsforce's bulk2 client and raw HTTP: query and ingest jobs, CSV, errors, restarts. */
import { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from './org-helpers.js';
import { parseCsv } from '../../src/local-org/server/csv.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
  t.conn.bulk2.pollInterval = 50;
  const accounts = await t.conn.sobject('Account').create([{ Name: 'Acme, "Freight"' }, { Name: 'Globex' }]);
  await t.conn.sobject('Case').create(
    Array.from({ length: 30 }, (_, i) => ({
      Subject: `Case ${i}`,
      Description: i === 0 ? 'line one\nline "two", with comma' : null,
      AccountId: accounts[i % 2]!.id,
      Status: i % 5 === 0 ? 'Closed' : 'New',
    })),
  );
});
afterAll(() => t.local.close());

async function rawJob(path: string, init: RequestInit = {}) {
  const res = await fetch(`${t.local.url}/services/data/v62.0/jobs/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${t.local.token}`,
      'content-type': 'application/json',
      ...(init.headers as object),
    },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('Bulk API 2.0 query jobs', () => {
  it('returns every matching record as CSV, relationships flattened, quotes and line breaks intact', async () => {
    const stream = await t.conn.bulk2.query(
      'SELECT Id, Subject, Description, Account.Name, IsClosed FROM Case WHERE IsClosed = false ORDER BY Subject',
    );
    const rows: any[] = [];
    for await (const r of stream) rows.push(r);
    expect(rows).toHaveLength(24);
    const first = rows.find((r) => r.Subject === 'Case 1');
    expect(first).toMatchObject({ 'Account.Name': 'Globex', IsClosed: 'false' });
    const zero = await t.conn.bulk2.query("SELECT Description, Account.Name FROM Case WHERE Subject = 'Case 0'");
    const z: any[] = [];
    for await (const r of zero) z.push(r);
    expect(z).toEqual([{ Description: 'line one\nline "two", with comma', 'Account.Name': 'Acme, "Freight"' }]);
  });

  it('pages results with maxRecords and Sforce-Locator, ending with the locator "null"', async () => {
    const job = await rawJob('query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Case' }),
    });
    expect(job.status).toBe(200);
    const { id } = JSON.parse(job.text);
    let state = '';
    while (state !== 'JobComplete') state = JSON.parse((await rawJob(`query/${id}`)).text).state;
    const ids: string[] = [];
    let locator = '';
    for (let pages = 0; locator !== 'null'; pages++) {
      const r = await rawJob(`query/${id}/results?maxRecords=12${locator ? `&locator=${locator}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...rows] = parseCsv(r.text);
      expect(header).toEqual(['Id']);
      expect(Number(r.headers.get('sforce-numberofrecords'))).toBe(rows.length);
      ids.push(...rows.map((x) => x[0]!));
      locator = r.headers.get('sforce-locator')!;
      expect(pages).toBeLessThan(4);
    }
    expect(new Set(ids).size).toBe(30);
    expect((await rawJob(`query/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await rawJob(`query/${id}`)).status).toBe(404);
  });

  it('refuses a bad query at once with the REST error codes', async () => {
    const bad = await rawJob('query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Nope FROM Case' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)[0].errorCode).toBe('INVALID_FIELD');
    const op = await rawJob('query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'select', query: 'SELECT Id FROM Case' }),
    });
    expect(JSON.parse(op.text)[0].errorCode).toBe('INVALIDJOB');
    const noAuth = await fetch(`${t.local.url}/services/data/v62.0/jobs/query`);
    expect(noAuth.status).toBe(401);
  });
});

describe('Bulk API 2.0 ingest jobs', () => {
  it('inserts and updates through the store: successes, failures with the same error codes, unique keys', async () => {
    const [kase] = (await t.conn.query<any>('SELECT Id FROM Case LIMIT 1')).records;
    const ins = await t.conn.bulk2.loadAndWaitForResults({
      object: 'Escalation__c',
      operation: 'insert',
      input: [
        { Case__c: kase.Id, Category__c: 'churn_risk', Escalation_Key__c: `${kase.Id}:churn_risk`, Flagged__c: true },
        { Case__c: kase.Id, Category__c: 'churn_risk', Escalation_Key__c: `${kase.Id.toLowerCase()}:CHURN_RISK` },
        { Case__c: kase.Id, Category__c: 'not_a_category' },
      ],
    });
    expect(ins.successfulResults).toHaveLength(1);
    expect(ins.successfulResults[0]).toMatchObject({ sf__Created: 'true', Category__c: 'churn_risk' });
    expect(ins.failedResults.map((f: any) => String(f.sf__Error).split(':')[0])).toEqual([
      'DUPLICATE_VALUE',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    ]);
    const e = (await t.conn.query<any>('SELECT Flagged__c FROM Escalation__c')).records;
    expect(e).toEqual([expect.objectContaining({ Flagged__c: true })]);

    const upd = await t.conn.bulk2.loadAndWaitForResults({
      object: 'Case',
      operation: 'update',
      input: [
        { Id: kase.Id, Subject: 'Now "quoted", with a comma', Suggested_Owner__c: 'client_success' },
        { Id: '500000000000000AAA', Subject: 'x', Suggested_Owner__c: 'client_success' },
      ],
    });
    expect(upd.successfulResults).toHaveLength(1);
    expect(String(upd.failedResults[0]?.sf__Error)).toMatch(
      /^(NOT_FOUND|ENTITY_IS_DELETED|MALFORMED_ID|INVALID_CROSS_REFERENCE_KEY)/,
    );
    const got = await t.conn.sobject('Case').retrieve(kase.Id);
    expect(got).toMatchObject({ Subject: 'Now "quoted", with a comma', Suggested_Owner__c: 'client_success' });
  });

  it('keeps state rules: no upload after close, abort, unprocessed records, unknown fields refused', async () => {
    const open = await rawJob('ingest', {
      method: 'POST',
      body: JSON.stringify({ object: 'Case', operation: 'insert' }),
    });
    const { id, state } = JSON.parse(open.text);
    expect(state).toBe('Open');
    const badField = await rawJob(`ingest/${id}/batches`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: 'Nope__c\nx\n',
    });
    expect(badField.status).toBe(400);
    const put = await rawJob(`ingest/${id}/batches`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: 'Subject\na\nb\n',
    });
    expect(put.status).toBe(201);
    const aborted = await rawJob(`ingest/${id}`, { method: 'PATCH', body: JSON.stringify({ state: 'Aborted' }) });
    expect(JSON.parse(aborted.text).state).toBe('Aborted');
    const again = await rawJob(`ingest/${id}/batches`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: 'Subject\nc\n',
    });
    expect(JSON.parse(again.text)[0].errorCode).toBe('INVALIDJOBSTATE');
    const unprocessed = await rawJob(`ingest/${id}/unprocessedrecords`);
    expect(parseCsv(unprocessed.text)).toEqual([['Subject'], ['a'], ['b']]);
    expect((await rawJob(`ingest/${id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('keeps jobs across a restart', async () => {
    const job = t.conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
    await job.open();
    await job.uploadData([{ Name: 'After restart' }]);
    await t.local.close();
    const again = await startTestOrg({ dataFile: t.dataFile, token: t.local.token });
    t = again;
    const conn = new Connection({ instanceUrl: again.local.url, accessToken: again.local.token, version: '62.0' });
    conn.bulk2.pollInterval = 50;
    const same = conn.bulk2.job('ingest', { id: job.id });
    await same.close();
    await same.poll();
    const results = await same.getAllResults();
    expect(results.successfulResults).toHaveLength(1);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'After restart'")).totalSize).toBe(1);
  });
});
