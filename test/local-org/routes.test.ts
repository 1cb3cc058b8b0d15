/** The API's discovery, identity and limits routes, sessions, errors for unknown routes, and the loopback binding. */
import { startTestOrg, type TestOrg } from './org-helpers.js';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.local.close());

describe('routes', () => {
  it('lists API versions 50.0 to 66.0 and a version resources', async () => {
    const versions = await t.call('/services/data');
    expect(versions.status).toBe(200);
    expect(versions.body[0]).toEqual({ label: "Winter '21", url: '/services/data/v50.0', version: '50.0' });
    expect(versions.body.at(-1)).toMatchObject({ url: '/services/data/v66.0', version: '66.0' });
    expect(versions.body).toHaveLength(17);
    const resources = await t.call('/services/data/v62.0/');
    expect(resources.body).toMatchObject({
      sobjects: '/services/data/v62.0/sobjects',
      query: '/services/data/v62.0/query',
    });
    expect(await t.call('/services/data/v49.0/sobjects')).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
  });

  it('describes globally, an object and its fields, enough for jsforce', async () => {
    const global = await t.conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Account', 'Case', 'Contact', 'Escalation__c', 'Group', 'User', 'Organization']),
    );
    expect(global.sobjects.find((s) => s.name === 'Escalation__c')).toMatchObject({ keyPrefix: 'a00', custom: true });
    const basic = await t.call('/services/data/v62.0/sobjects/Case');
    expect(basic.body.objectDescribe).toMatchObject({ name: 'Case', keyPrefix: '500', label: 'Case' });
    const d = await t.conn.sobject('Escalation__c').describe();
    const field = (name: string) => d.fields.find((f) => f.name === name)!;
    expect(field('Case__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Case'],
      relationshipName: 'Case__r',
      nillable: false,
      restrictedDelete: true,
    });
    expect(field('Category__c')).toMatchObject({ type: 'picklist', restrictedPicklist: true, nillable: false });
    expect(field('Category__c').picklistValues!.map((p) => p.value)).toEqual([
      'churn_risk',
      'product_safety',
      'service_breach',
      'ethics_violation',
      'other',
    ]);
    expect(field('Status__c').picklistValues!.find((p) => p.defaultValue)?.value).toBe('New');
    expect(field('Escalation_Key__c')).toMatchObject({
      unique: true,
      externalId: true,
      caseSensitive: false,
      length: 80,
      idLookup: true,
    });
    expect(field('Name')).toMatchObject({ autoNumber: true, createable: false, nameField: true });
    expect(field('Flagged__c')).toMatchObject({ type: 'boolean', defaultValue: true, defaultedOnCreate: true });
    expect(field('CreatedDate')).toMatchObject({ type: 'datetime', createable: false, updateable: false });
    const kase = await t.conn.sobject('Case').describe();
    expect(kase.childRelationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          childSObject: 'Escalation__c',
          field: 'Case__c',
          relationshipName: 'Escalations__r',
        }),
        expect.objectContaining({ childSObject: 'Case', field: 'ParentId', relationshipName: 'Cases' }),
      ]),
    );
    expect(kase.fields.find((f) => f.name === 'OwnerId')).toMatchObject({
      referenceTo: ['Group', 'User'],
      polymorphicForeignKey: true,
    });
    expect(kase.fields.find((f) => f.name === 'Suggested_Owner__c')).toMatchObject({ custom: true, type: 'picklist' });
  });

  it('reports limits, with DailyApiRequests going down as calls are made', async () => {
    const first = await t.call('/services/data/v62.0/limits');
    const second = await t.call('/services/data/v62.0/limits');
    expect(first.body.DailyApiRequests.Max).toBe(15000);
    expect(second.body.DailyApiRequests.Remaining).toBe(first.body.DailyApiRequests.Remaining - 1);
    await t.conn.query('SELECT Id FROM Account');
    expect(t.conn.limitInfo.apiUsage?.limit).toBe(15000);
    expect(t.conn.limitInfo.apiUsage!.used).toBe(15000 - second.body.DailyApiRequests.Remaining + 1);
  });

  it('answers userinfo, the identity URL and chatter users/me for the session user', async () => {
    const info = await t.call('/services/oauth2/userinfo');
    expect(info.body).toMatchObject({ user_id: t.local.org.userId, organization_id: t.local.org.orgId });
    expect(info.body.preferred_username).toMatch(/^admin@00d\w+\.localorg$/);
    const identity = await t.conn.identity();
    expect(identity).toMatchObject({ user_id: t.local.org.userId, organization_id: t.local.org.orgId });
    const me = await t.call('/services/data/v62.0/chatter/users/me');
    expect(me.body).toMatchObject({ id: t.local.org.userId, username: info.body.preferred_username });
  });

  it('refuses a missing or wrong token with 401 INVALID_SESSION_ID, and accepts the sid cookie', async () => {
    const invalid = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
    expect(await t.call('/services/data/v62.0/sobjects', { token: null })).toEqual({ status: 401, body: invalid });
    expect(await t.call('/services/data/v62.0/query?q=SELECT+Id+FROM+Case', { token: 'wrong' })).toEqual({
      status: 401,
      body: invalid,
    });
    expect(await t.call('/services/oauth2/userinfo', { token: `${t.local.token}x` })).toEqual({
      status: 401,
      body: invalid,
    });
    const cookie = await t.call('/services/data/v62.0/limits', {
      token: null,
      headers: { cookie: `sid=${t.local.token}` },
    });
    expect(cookie.status).toBe(200);
  });

  it('answers unknown routes and methods in Salesforce JSON', async () => {
    expect(await t.call('/services/data/v62.0/nothing/here')).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    });
    expect(await t.call('/elsewhere', { token: null })).toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
    expect(await t.call('/services/data/v62.0/sobjects/Account', { method: 'DELETE' })).toMatchObject({
      status: 405,
      body: [{ errorCode: 'METHOD_NOT_ALLOWED' }],
    });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(t.local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (other) {
      await expect(fetch(`http://${other.address}:${t.local.port}/services/data`)).rejects.toThrow();
    }
    await expect(fetch(`http://[::1]:${t.local.port}/services/data`)).rejects.toThrow();
  });
});
