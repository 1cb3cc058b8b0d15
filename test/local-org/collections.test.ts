/** sObject Collections: create, update, upsert, delete and retrieve many, with and without allOrNone. */
import { newCase, startTestOrg, type TestOrg } from './org-helpers.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.local.close());

const count = async (soql: string) => (await t.conn.query(soql)).totalSize;

describe('sObject Collections', () => {
  it('creates, retrieves, updates and deletes many records through jsforce', async () => {
    const created = await t.conn.sobject('Account').create([{ Name: 'A1' }, { Name: 'A2' }, { Name: 'A3' }]);
    expect(created.every((r) => r.success)).toBe(true);
    const ids = created.map((r) => r.id!);
    const read = await t.conn.sobject('Account').retrieve(ids, { fields: ['Name'] });
    expect(read.map((r: any) => r.Name)).toEqual(['A1', 'A2', 'A3']);
    const updated = await t.conn
      .sobject('Account')
      .update(ids.map((Id, i) => ({ Id, Industry: i ? 'Retail' : 'Energy' })));
    expect(updated.every((r) => r.success)).toBe(true);
    const get = await t.call(`/services/data/v62.0/composite/sobjects/Account?ids=${ids.join(',')}&fields=Industry`);
    expect(get.body.map((r: any) => r.Industry)).toEqual(['Energy', 'Retail', 'Retail']);
    const deleted = await t.conn.sobject('Account').destroy(ids);
    expect(deleted.map((r) => r.success)).toEqual([true, true, true]);
    const after = await t.call('/services/data/v62.0/composite/sobjects/Account', {
      method: 'POST',
      body: JSON.stringify({ ids, fields: ['Name'] }),
    });
    expect(after.body).toEqual([null, null, null]);
  });

  it('without allOrNone keeps the good records and reports the bad one', async () => {
    const res = await t.call('/services/data/v62.0/composite/sobjects', {
      method: 'POST',
      body: JSON.stringify({
        allOrNone: false,
        records: [
          { attributes: { type: 'Account' }, Name: 'Partial 1' },
          { attributes: { type: 'Account' }, Industry: 'Retail' },
          { attributes: { type: 'Contact' }, LastName: 'Partial' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body.map((r: any) => r.success)).toEqual([true, false, true]);
    expect(res.body[1].errors[0]).toMatchObject({ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] });
    expect(await count("SELECT Id FROM Account WHERE Name = 'Partial 1'")).toBe(1);
  });

  it('with allOrNone rolls everything back and marks the others ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const caseId = await newCase(t.conn);
    const res = await t.call('/services/data/v62.0/composite/sobjects', {
      method: 'POST',
      body: JSON.stringify({
        allOrNone: true,
        records: [
          { attributes: { type: 'Account' }, Name: 'Rollback 1' },
          {
            attributes: { type: 'Escalation__c' },
            Case__c: caseId,
            Category__c: 'other',
            Escalation_Key__c: `${caseId}:other`,
          },
          {
            attributes: { type: 'Escalation__c' },
            Case__c: caseId,
            Category__c: 'other',
            Escalation_Key__c: `${caseId}:other`,
          },
          { attributes: { type: 'Account' }, Name: 'Rollback 2' },
        ],
      }),
    });
    expect(res.body.map((r: any) => r.errors[0]?.statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'DUPLICATE_VALUE',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    ]);
    expect(res.body.every((r: any) => r.success === false)).toBe(true);
    expect(await count("SELECT Id FROM Account WHERE Name LIKE 'Rollback%'")).toBe(0);
    expect(await count(`SELECT Id FROM Escalation__c WHERE Case__c = '${caseId}'`)).toBe(0);
    // The ids used by the rolled-back records are not left half-written: a new create works.
    expect((await t.conn.sobject('Account').create({ Name: 'After rollback' })).success).toBe(true);

    const ids = (await t.conn.sobject('Account').create([{ Name: 'Keep 1' }, { Name: 'Keep 2' }])).map((r) => r.id!);
    const upd = await t.call('/services/data/v62.0/composite/sobjects', {
      method: 'PATCH',
      body: JSON.stringify({
        allOrNone: true,
        records: [
          { attributes: { type: 'Account' }, Id: ids[0], Name: 'Changed' },
          { attributes: { type: 'Account' }, Id: ids[1], Name: 'x'.repeat(300) },
        ],
      }),
    });
    expect(upd.body.map((r: any) => [r.id, r.errors[0].statusCode])).toEqual([
      [ids[0], 'ALL_OR_NONE_OPERATION_ROLLED_BACK'],
      [ids[1], 'STRING_TOO_LONG'],
    ]);
    expect(((await t.conn.sobject('Account').retrieve(ids[0]!)) as any).Name).toBe('Keep 1');
    const del = await t.call(
      `/services/data/v62.0/composite/sobjects?ids=${ids[0]},001000000000000AAA&allOrNone=true`,
      {
        method: 'DELETE',
      },
    );
    expect(del.body.map((r: any) => r.errors[0].statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'NOT_FOUND',
    ]);
    expect(((await t.conn.sobject('Account').retrieve(ids[0]!)) as any).Name).toBe('Keep 1');
  });

  it('upserts many by external id, reporting created per record', async () => {
    const caseId = await newCase(t.conn);
    await t.conn
      .sobject('Escalation__c')
      .create({ Case__c: caseId, Category__c: 'churn_risk', Escalation_Key__c: `${caseId}:churn_risk` });
    const res = await t.conn.sobject('Escalation__c').upsert(
      [
        { Escalation_Key__c: `${caseId}:churn_risk`, Status__c: 'Acknowledged' },
        { Escalation_Key__c: `${caseId}:service_breach`, Case__c: caseId, Category__c: 'service_breach' },
      ],
      'Escalation_Key__c',
    );
    expect(res.map((r: any) => [r.success, r.created])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('refuses more than 200 records and records without a type', async () => {
    const tooMany = await t.call('/services/data/v62.0/composite/sobjects', {
      method: 'POST',
      body: JSON.stringify({
        records: Array.from({ length: 201 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `N${i}` })),
      }),
    });
    expect(tooMany).toMatchObject({ status: 400, body: [{ errorCode: 'EXCEEDED_ID_LIMIT' }] });
    const untyped = await t.call('/services/data/v62.0/composite/sobjects', {
      method: 'POST',
      body: JSON.stringify({ records: [{ Name: 'No type' }] }),
    });
    expect(untyped.body[0]).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_TYPE' }] });
  });

  it('creates a tree of records with nested children (composite/tree), all or none', async () => {
    const tree = (contactName: string) => ({
      records: [
        {
          attributes: { type: 'Account', referenceId: 'acc1' },
          Name: 'Tree Holdings',
          Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'con1' }, LastName: contactName }] },
        },
      ],
    });
    const ok = await t.call('/services/data/v62.0/composite/tree/Account', {
      method: 'POST',
      body: JSON.stringify(tree('Rowe')),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.hasErrors).toBe(false);
    expect(ok.body.results.map((r: any) => r.referenceId)).toEqual(['acc1', 'con1']);
    const contact = (await t.conn.sobject('Contact').retrieve(ok.body.results[1].id)) as any;
    expect(contact.AccountId).toBe(ok.body.results[0].id);
    const bad = await t.call('/services/data/v62.0/composite/tree/Account', {
      method: 'POST',
      body: JSON.stringify(tree('x'.repeat(81))),
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      hasErrors: true,
      results: [{ referenceId: 'con1', errors: [{ statusCode: 'STRING_TOO_LONG' }] }],
    });
    expect(await count("SELECT Id FROM Account WHERE Name = 'Tree Holdings'")).toBe(1);
  });
});
