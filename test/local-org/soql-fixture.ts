/**
 * A small schema and data set for the SOQL engine's tests: Account, Contact, User, Group, Case
 * (Account → Cases, polymorphic Owner) and Escalation__c (Case__c → Case__r), in an in-memory SQLite
 * database laid out by the store's own createTables().
 */
import { DatabaseSync } from 'node:sqlite';
import { makeId } from '../../src/local-org/ids.js';
import {
  makeSchema,
  type FieldDef,
  type FieldType,
  type ObjectDef,
  type Schema,
} from '../../src/local-org/schema/types.js';
import { prepareQuery, type QueryOptions, type SObjectRecord } from '../../src/local-org/soql/index.js';
import { createTables, quoteIdent } from '../../src/local-org/store/ddl.js';

const f = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label: name,
  type,
  nillable: true,
  createable: true,
  updateable: true,
  ...extra,
});
const ref = (name: string, to: string[], relationshipName: string) =>
  f(name, 'reference', { referenceTo: to, relationshipName, length: 18 });
const picklist = (name: string, values: string[], restricted = false) =>
  f(name, 'picklist', {
    picklistValues: values.map((v) => ({ value: v, label: v, active: true, defaultValue: false })),
    restrictedPicklist: restricted,
  });
const system = () => [
  f('Id', 'id', { system: true, nillable: false }),
  f('IsDeleted', 'boolean', { system: true, nillable: false }),
  f('CreatedDate', 'datetime', { system: true }),
];

const obj = (name: string, keyPrefix: string, fields: FieldDef[], children: ObjectDef['childRelationships'] = []) => ({
  name,
  label: name,
  labelPlural: name + 's',
  keyPrefix,
  custom: name.endsWith('__c'),
  fields: [...system(), ...fields],
  childRelationships: children,
});

export const schema: Schema = makeSchema([
  obj(
    'Account',
    '001',
    [
      f('Name', 'string', { length: 255 }),
      picklist('Industry', ['Energy', 'Retail', 'Technology']),
      f('NumberOfEmployees', 'int'),
      f('AnnualRevenue', 'currency'),
      f('Description', 'textarea', { length: 32000 }),
      ref('OwnerId', ['User'], 'Owner'),
    ],
    [
      { childSObject: 'Case', field: 'AccountId', relationshipName: 'Cases' },
      { childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' },
    ],
  ),
  obj('Contact', '003', [f('LastName', 'string'), f('Email', 'email'), ref('AccountId', ['Account'], 'Account')]),
  obj('User', '005', [f('Name', 'string'), f('IsActive', 'boolean')]),
  obj('Group', '00G', [f('Name', 'string')]),
  obj(
    'Case',
    '500',
    [
      f('Subject', 'string', { length: 255 }),
      f('Description', 'textarea', { length: 32000 }),
      picklist('Status', ['New', 'Working', 'Escalated', 'Closed']),
      picklist('Priority', ['High', 'Medium', 'Low']),
      f('IsEscalated', 'boolean'),
      f('ClosedDate', 'datetime'),
      ref('AccountId', ['Account'], 'Account'),
      ref('ContactId', ['Contact'], 'Contact'),
      ref('OwnerId', ['Group', 'User'], 'Owner'),
    ],
    [{ childSObject: 'Escalation__c', field: 'Case__c', relationshipName: 'Escalations__r' }],
  ),
  obj('Escalation__c', 'a01', [
    f('Name', 'string'),
    ref('Case__c', ['Case'], 'Case__r'),
    picklist('Category__c', ['product_safety', 'ethics_violation', 'churn_risk', 'service_breach'], true),
    picklist('Severity__c', ['sev1', 'sev2']),
    picklist('Status__c', ['New', 'Acknowledged', 'Resolved']),
    f('Acknowledged_At__c', 'datetime'),
    f('Flagged__c', 'boolean'),
    f('Score__c', 'double'),
    f('Due_Date__c', 'date'),
    f('Tags__c', 'multipicklist'),
  ]),
]);

export type Row = Record<string, string | number | null>;

export class Org {
  public readonly db = new DatabaseSync(':memory:');
  private readonly counters = new Map<string, number>();

  public constructor() {
    createTables(this.db, schema);
  }

  /** Inserts a record (booleans as 0/1, datetimes in stored form) and returns its 18-character Id. */
  public insert(object: string, row: Row): string {
    const def = schema.object(object)!;
    const n = (this.counters.get(def.name) ?? 0) + 1;
    this.counters.set(def.name, n);
    const full: Row = { Id: makeId(def.keyPrefix, n), IsDeleted: 0, ...row };
    const names = Object.keys(full);
    this.db
      .prepare(
        `INSERT INTO ${quoteIdent(def.name)} (${names.map(quoteIdent).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      )
      .run(...names.map((k) => full[k]!));
    return full.Id as string;
  }
}

/** Wednesday 4 November 2026, 15:30 UTC. */
export const NOW = new Date('2026-11-04T15:30:00.000Z');
export const OPTIONS: QueryOptions = { apiVersion: '62.0', includeDeleted: false, now: NOW };

export function query(org: Org, soql: string, options: Partial<QueryOptions> = {}) {
  const q = prepareQuery(org.db, schema, soql, { ...OPTIONS, ...options });
  return { totalSize: q.totalSize, records: q.page(0, 2000), q };
}

/** The values of one field over a result's records. */
export const pluck = (records: SObjectRecord[], key: string): unknown[] => records.map((r) => r[key]);

/** The Subjects of the demo cases, as the tests name them. */
export const FIRE = 'Charger dock caught fire';
export const INVOICE = 'Invoice question';
export const OBRIEN = "O'Brien's 50% discount";
export const LOGIN = 'Login broken';
export const SLASH = 'back\\slash_and_underscore';

/** The Subjects of the live cases, and the Names of the escalations, matching a WHERE clause, in Id order. */
export function whereOf(org: Org) {
  return {
    subjects: (where: string) => pluck(query(org, `SELECT Subject FROM Case WHERE ${where}`).records, 'Subject'),
    escalations: (where: string) => pluck(query(org, `SELECT Name FROM Escalation__c WHERE ${where}`).records, 'Name'),
  };
}

/** The demo records every test file queries; ids by name. */
export function demoOrg() {
  const org = new Org();
  const u1 = org.insert('User', { Name: 'Ada Agent', IsActive: 1 });
  const u2 = org.insert('User', { Name: 'Sam Sales', IsActive: 0 });
  const g1 = org.insert('Group', { Name: 'Tier 1 Queue' });
  const acme = org.insert('Account', {
    Name: 'Acme',
    Industry: 'Energy',
    NumberOfEmployees: 500,
    AnnualRevenue: 1000000,
    OwnerId: u1,
    CreatedDate: '2026-01-10T08:00:00.000Z',
  });
  const globex = org.insert('Account', {
    Name: 'Globex',
    Industry: 'Retail',
    NumberOfEmployees: 50,
    OwnerId: u2,
    CreatedDate: '2026-10-30T12:00:00.000Z',
  });
  const initech = org.insert('Account', { Name: 'Initech', CreatedDate: '2025-06-01T00:00:00.000Z' });
  const gone = org.insert('Account', { Name: 'Deleted Co', IsDeleted: 1, CreatedDate: '2026-11-01T00:00:00.000Z' });
  const smith = org.insert('Contact', { LastName: 'Smith', Email: 'smith@acme.example', AccountId: acme });
  const k1 = org.insert('Case', {
    Subject: FIRE,
    Status: 'New',
    Priority: 'High',
    IsEscalated: 1,
    AccountId: acme,
    ContactId: smith,
    OwnerId: u1,
    CreatedDate: '2026-11-04T09:14:00.000Z',
  });
  const k2 = org.insert('Case', {
    Subject: INVOICE,
    Status: 'Working',
    Priority: 'Low',
    IsEscalated: 0,
    AccountId: acme,
    OwnerId: g1,
    CreatedDate: '2026-11-03T23:59:59.999Z',
  });
  const k3 = org.insert('Case', {
    Subject: OBRIEN,
    Status: 'Closed',
    Priority: 'Medium',
    IsEscalated: 0,
    AccountId: globex,
    OwnerId: u2,
    CreatedDate: '2026-10-15T10:00:00.000Z',
    ClosedDate: '2026-10-20T10:00:00.000Z',
  });
  const k4 = org.insert('Case', {
    Subject: LOGIN,
    IsEscalated: 0,
    OwnerId: u1,
    CreatedDate: '2026-08-01T00:00:00.000Z',
  });
  const k5 = org.insert('Case', {
    Subject: SLASH,
    Status: 'Escalated',
    Priority: 'Low',
    IsEscalated: 1,
    AccountId: initech,
    OwnerId: g1,
    CreatedDate: '2026-11-05T01:00:00.000Z',
  });
  const k6 = org.insert('Case', {
    Subject: 'Deleted case',
    Status: 'New',
    IsEscalated: 0,
    AccountId: acme,
    IsDeleted: 1,
  });
  const esc = (Name: string, Case__c: string, Category__c: string, rest: Row) =>
    org.insert('Escalation__c', { Name, Case__c, Category__c, Flagged__c: 0, ...rest });
  const e1 = esc('ESC-1', k1, 'product_safety', {
    Severity__c: 'sev1',
    Status__c: 'New',
    Flagged__c: 1,
    Score__c: 9.5,
    Due_Date__c: '2026-11-04',
    Tags__c: 'fire;harm',
    CreatedDate: '2026-11-04T09:20:00.000Z',
  });
  const e2 = esc('ESC-2', k1, 'churn_risk', {
    Severity__c: 'sev2',
    Status__c: 'Acknowledged',
    Acknowledged_At__c: '2026-11-04T10:00:00.000Z',
    Flagged__c: 1,
    Score__c: 5,
    Due_Date__c: '2026-11-10',
    Tags__c: 'churn',
    CreatedDate: '2026-11-02T08:00:00.000Z',
  });
  const e3 = esc('ESC-3', k3, 'churn_risk', {
    Severity__c: 'sev2',
    Status__c: 'Resolved',
    Acknowledged_At__c: '2026-10-16T08:00:00.000Z',
    Score__c: 3.25,
    Due_Date__c: '2026-10-20',
    CreatedDate: '2026-10-15T11:00:00.000Z',
  });
  const e4 = esc('ESC-4', k5, 'service_breach', {
    Status__c: 'New',
    Flagged__c: 1,
    Tags__c: 'sla;breach;repeat',
    CreatedDate: '2026-11-05T02:00:00.000Z',
  });
  const e5 = esc('ESC-5', k4, 'ethics_violation', {
    Severity__c: 'sev1',
    Status__c: 'New',
    Score__c: 7,
    Due_Date__c: '2026-12-01',
    CreatedDate: '2026-09-01T00:00:00.000Z',
  });
  const e6 = esc('ESC-6', k2, 'product_safety', { IsDeleted: 1, CreatedDate: '2026-11-01T00:00:00.000Z' });
  return {
    org,
    ids: { u1, u2, g1, acme, globex, initech, gone, smith, k1, k2, k3, k4, k5, k6, e1, e2, e3, e4, e5, e6 },
  };
}
