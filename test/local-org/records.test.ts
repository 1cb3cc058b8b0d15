/** Create, retrieve, update, delete and upsert over real HTTP with jsforce, and every error code on the way. */
import { normalizeId } from '../../src/local-org/ids.js';
import { apiError, newCase, startTestOrg, type TestOrg } from './org-helpers.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.local.close());

describe('records', () => {
  it('creates with system fields, auto-numbers and defaults, and retrieves all or some fields', async () => {
    const before = Date.now();
    const caseId = await newCase(t.conn, 'Charger dock caught fire');
    expect(caseId).toMatch(/^500[0-9A-Za-z]{15}$/);
    expect(normalizeId(caseId.slice(0, 15))).toBe(caseId);
    const c = (await t.conn.sobject('Case').retrieve(caseId)) as any;
    expect(c.attributes).toEqual({ type: 'Case', url: `/services/data/v62.0/sobjects/Case/${caseId}` });
    expect(c).toMatchObject({ Id: caseId, Status: 'New', Priority: 'Medium', IsClosed: false, IsDeleted: false });
    expect(c.CaseNumber).toMatch(/^0000\d{4}$/);
    expect(c.CreatedById).toBe(t.local.org.userId);
    expect(c.OwnerId).toBe(t.local.org.userId);
    expect(c.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(Date.parse(c.CreatedDate.replace('+0000', 'Z'))).toBeGreaterThanOrEqual(before - 1000);
    expect(c.SystemModstamp).toBe(c.LastModifiedDate);

    const e = await t.conn.sobject('Escalation__c').create({ Case__c: caseId, Category__c: 'product_safety' });
    const esc = (await t.conn
      .sobject('Escalation__c')
      .retrieve(e.id!, { fields: ['Name', 'Flagged__c', 'Status__c'] })) as any;
    expect(esc).toEqual({
      attributes: { type: 'Escalation__c', url: `/services/data/v62.0/sobjects/Escalation__c/${e.id}` },
      Name: expect.stringMatching(/^ESC-\d{5}$/),
      Flagged__c: true,
      Status__c: 'New',
      Id: e.id,
    });
    // A 15-character id reads the same record.
    const again = (await t.conn.sobject('Case').retrieve(caseId.slice(0, 15))) as any;
    expect(again.Id).toBe(caseId);
  });

  it('updates (PATCH 204) with LastModifiedDate moving, derives IsClosed and ClosedDate, and soft-deletes', async () => {
    const id = await newCase(t.conn);
    const first = (await t.conn.sobject('Case').retrieve(id)) as any;
    await new Promise((r) => setTimeout(r, 5));
    const u = await t.conn.sobject('Case').update({ Id: id, Status: 'Closed', IsEscalated: 'true' });
    expect(u).toMatchObject({ id, success: true });
    const closed = (await t.conn.sobject('Case').retrieve(id)) as any;
    expect(closed).toMatchObject({ Status: 'Closed', IsClosed: true, IsEscalated: true });
    expect(closed.ClosedDate).not.toBeNull();
    expect(closed.LastModifiedDate > first.LastModifiedDate).toBe(true);
    expect(closed.CreatedDate).toBe(first.CreatedDate);
    await t.conn.sobject('Case').update({ Id: id, Status: 'Working' });
    expect(await t.conn.sobject('Case').retrieve(id)).toMatchObject({ IsClosed: false, ClosedDate: null });

    const del = await t.call(`/services/data/v62.0/sobjects/Case/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    const gone = await t.call(`/services/data/v62.0/sobjects/Case/${id}`);
    expect(gone).toEqual({
      status: 404,
      body: [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
    });
    expect((await apiError(t.conn.sobject('Case').destroy(id))).errorCode).toBe('ENTITY_IS_DELETED');
    expect((await apiError(t.conn.sobject('Case').update({ Id: id, Subject: 'x' }))).errorCode).toBe(
      'ENTITY_IS_DELETED',
    );
  });

  it('upserts by external id: 201 created, then 200 updated, case-insensitively; GET and DELETE by external id', async () => {
    const caseId = await newCase(t.conn);
    const key = `${caseId}:churn_risk`;
    const path = `/services/data/v62.0/sobjects/Escalation__c/Escalation_Key__c/${encodeURIComponent(key)}`;
    const created = await t.call(path, {
      method: 'PATCH',
      body: JSON.stringify({ Case__c: caseId, Category__c: 'churn_risk' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ success: true, created: true, errors: [] });
    const updated = await t.call(
      path
        .toLowerCase()
        .replace(
          '/services/data/v62.0/sobjects/escalation__c/escalation_key__c',
          '/services/data/v62.0/sobjects/Escalation__c/Escalation_Key__c',
        ),
      {
        method: 'PATCH',
        body: JSON.stringify({ Status__c: 'Acknowledged' }),
      },
    );
    expect(updated).toMatchObject({ status: 200, body: { id: created.body.id, created: false, success: true } });
    const got = await t.call(`${path}?fields=Status__c`);
    expect(got.body).toMatchObject({ Status__c: 'Acknowledged', Id: created.body.id });
    const viaJsforce = await t.conn
      .sobject('Escalation__c')
      .upsert({ Escalation_Key__c: key, Note__c: 'seen' }, 'Escalation_Key__c');
    expect(viaJsforce).toMatchObject({ id: created.body.id, success: true });
    expect((await t.call(path, { method: 'DELETE' })).status).toBe(204);
    const notExternal = await t.call(`/services/data/v62.0/sobjects/Escalation__c/Note__c/x`, {
      method: 'PATCH',
      body: '{}',
    });
    expect(notExternal.status).toBe(404);
    expect(notExternal.body[0]).toMatchObject({ errorCode: 'NOT_FOUND', message: expect.stringContaining('Note__c') });
  });

  it('answers each validation failure with the Salesforce error code', async () => {
    const caseId = await newCase(t.conn);
    const esc = (record: object) => apiError(t.conn.sobject('Escalation__c').create(record as any));
    expect(await esc({ Category__c: 'other' })).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [Case__c]',
    });
    expect(await esc({ Case__c: caseId, Category__c: 'fire' })).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Category: bad value for restricted picklist field: fire',
    });
    expect(await esc({ Case__c: caseId, Category__c: 'other', Escalation_Key__c: 'k'.repeat(81) })).toMatchObject({
      errorCode: 'STRING_TOO_LONG',
    });
    const account = await t.conn.sobject('Account').create({ Name: 'Acme' });
    expect(await esc({ Case__c: account.id, Category__c: 'other' })).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: `Case: id value of incorrect type: ${account.id}`,
    });
    expect(await esc({ Case__c: '5008W00000ZZZZZ', Category__c: 'other' })).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
    });
    expect(await esc({ Case__c: 'not-an-id', Category__c: 'other' })).toMatchObject({ errorCode: 'MALFORMED_ID' });
    expect(await esc({ Case__c: caseId, Category__c: 'other', Color__c: 'red' })).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Color__c' on sobject of type Escalation__c",
    });
    expect(await esc({ Case__c: caseId, Category__c: 'other', Name: 'ESC-9' })).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
    expect(await esc({ Case__c: caseId, Category__c: 'other', CreatedDate: '2020-01-01T00:00:00Z' })).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
    expect(await esc({ Case__c: caseId, Category__c: 'other', Flagged__c: 'maybe' })).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
    });
    expect(await esc({ Case__c: caseId, Category__c: 'other', Acknowledged_At__c: 'yesterday' })).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
    });
    const key = await t.conn
      .sobject('Escalation__c')
      .create({ Case__c: caseId, Category__c: 'other', Escalation_Key__c: `${caseId}:other` });
    const dup = await esc({
      Case__c: caseId,
      Category__c: 'other',
      Escalation_Key__c: `${caseId}:OTHER`.toLowerCase(),
    });
    expect(dup).toMatchObject({ errorCode: 'DUPLICATE_VALUE' });
    expect(dup.message).toContain(key.id);
    // Deleting a case that an escalation points at is refused (Case__c is a Restrict lookup).
    expect(await apiError(t.conn.sobject('Case').destroy(caseId))).toMatchObject({ errorCode: 'DELETE_FAILED' });
    const raw = await t.call('/services/data/v62.0/sobjects/Account', { method: 'POST', body: '{"Name": ' });
    expect(raw.status).toBe(400);
    expect(raw.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    expect(await apiError(t.conn.sobject('Contact').create({ LastName: 'Lee', Email: 'not-an-email' }))).toMatchObject({
      errorCode: 'INVALID_EMAIL_ADDRESS',
    });
  });

  it('answers unknown objects, malformed and unknown ids', async () => {
    expect(await t.call('/services/data/v62.0/sobjects/Widget__c/describe')).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
    expect(await t.call('/services/data/v62.0/sobjects/Case/500AAAAAAAAAAAAAAA')).toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_ID' }],
    });
    expect(await t.call('/services/data/v62.0/sobjects/Case/5008W00000ZZZZZ')).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
    expect(await t.call('/services/data/v62.0/sobjects/Case/hello')).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
    expect(await t.call('/services/data/v62.0/sobjects/Organization', { method: 'POST', body: '{}' })).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE_FOR_OPERATION' }],
    });
    const fields = await t.call(`/services/data/v62.0/sobjects/Case/${await newCase(t.conn)}?fields=Subject,Nope`);
    expect(fields).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
  });

  it('lets exactly one of 50 concurrent creates with the same key succeed; the rest get DUPLICATE_VALUE', async () => {
    const caseId = await newCase(t.conn);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.call('/services/data/v62.0/sobjects/Escalation__c', {
          method: 'POST',
          body: JSON.stringify({
            Case__c: caseId,
            Category__c: 'churn_risk',
            Escalation_Key__c: i % 2 ? `${caseId}:churn_risk` : `${caseId}:CHURN_RISK`,
          }),
        }),
      ),
    );
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 400);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) {
      expect(r.body[0].errorCode).toBe('DUPLICATE_VALUE');
      expect(r.body[0].message).toContain(won[0]!.body.id);
    }
    // Resolving clears the key, and a new escalation can then be raised.
    await t.conn
      .sobject('Escalation__c')
      .update({ Id: won[0]!.body.id, Status__c: 'Resolved', Escalation_Key__c: null } as any);
    const next = await t.conn
      .sobject('Escalation__c')
      .create({ Case__c: caseId, Category__c: 'churn_risk', Escalation_Key__c: `${caseId}:churn_risk` });
    expect(next.success).toBe(true);
  });
});
