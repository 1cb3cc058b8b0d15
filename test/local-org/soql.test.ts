/**
 * The SOQL engine against real SQLite: record shape, every WHERE operator, Salesforce's null
 * semantics, AND/OR/NOT precedence, LIKE, string escapes, booleans, numbers and date literals.
 */
import { demoOrg, FIRE, INVOICE, LOGIN, OBRIEN, pluck, query, SLASH, whereOf } from './soql-fixture.js';

const { org, ids } = demoOrg();

const { subjects, escalations } = whereOf(org);

describe('record shape', () => {
  it('returns attributes, then the fields in SELECT order with their API spelling and REST types', () => {
    const { totalSize, records } = query(
      org,
      `select createddate, isescalated, SUBJECT, id, Account.Name, account.numberofemployees from case where id = '${ids.k1}'`,
    );
    expect(totalSize).toBe(1);
    expect(records).toEqual([
      {
        attributes: { type: 'Case', url: `/services/data/v62.0/sobjects/Case/${ids.k1}` },
        CreatedDate: '2026-11-04T09:14:00.000+0000',
        IsEscalated: true,
        Subject: FIRE,
        Id: ids.k1,
        Account: {
          attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.acme}` },
          Name: 'Acme',
          NumberOfEmployees: 500,
        },
      },
    ]);
    expect(Object.keys(records[0]!)).toEqual(['attributes', 'CreatedDate', 'IsEscalated', 'Subject', 'Id', 'Account']);
  });

  it('returns dates as YYYY-MM-DD, numbers as numbers, false booleans and nulls as such', () => {
    const [rec] = query(
      org,
      `SELECT Due_Date__c, Score__c, Flagged__c, Acknowledged_At__c FROM Escalation__c WHERE Name = 'ESC-3'`,
    ).records;
    expect(rec).toEqual({
      attributes: { type: 'Escalation__c', url: `/services/data/v62.0/sobjects/Escalation__c/${ids.e3}` },
      Due_Date__c: '2026-10-20',
      Score__c: 3.25,
      Flagged__c: false,
      Acknowledged_At__c: '2026-10-16T08:00:00.000+0000',
    });
    expect(query(org, `SELECT Score__c, Severity__c FROM Escalation__c WHERE Name = 'ESC-4'`).records[0]).toMatchObject(
      {
        Score__c: null,
        Severity__c: null,
      },
    );
  });

  it('matches 15-character ids as their 18-character form', () => {
    expect(subjects(`Id = '${ids.k2.slice(0, 15)}'`)).toEqual([INVOICE]);
    expect(subjects(`AccountId IN ('${ids.globex.slice(0, 15)}', '${ids.initech}')`)).toEqual([OBRIEN, SLASH]);
  });

  it('uses the API version it is given in the urls', () => {
    const [rec] = query(org, `SELECT Id FROM Group`, { apiVersion: '50.0' }).records;
    expect(rec!.attributes.url).toBe(`/services/data/v50.0/sobjects/Group/${ids.g1}`);
  });

  it('expands FIELDS(STANDARD), FIELDS(CUSTOM) and FIELDS(ALL) in the object’s field order', () => {
    const [group] = query(org, 'SELECT FIELDS(STANDARD) FROM Group').records;
    expect(group).toEqual({
      attributes: { type: 'Group', url: `/services/data/v62.0/sobjects/Group/${ids.g1}` },
      Id: ids.g1,
      IsDeleted: false,
      CreatedDate: null,
      Name: 'Tier 1 Queue',
    });
    const [esc] = query(org, `SELECT FIELDS(CUSTOM) FROM Escalation__c WHERE Name = 'ESC-1' LIMIT 1`).records;
    expect(Object.keys(esc!)).toEqual([
      'attributes',
      'Case__c',
      'Category__c',
      'Severity__c',
      'Status__c',
      'Acknowledged_At__c',
      'Flagged__c',
      'Score__c',
      'Due_Date__c',
      'Tags__c',
    ]);
    expect(esc).toMatchObject({ Case__c: ids.k1, Tags__c: 'fire;harm', Flagged__c: true });
    const [all] = query(org, `SELECT Name, FIELDS(ALL) FROM Escalation__c WHERE Name = 'ESC-1' LIMIT 200`).records;
    expect(Object.keys(all!).slice(0, 5)).toEqual(['attributes', 'Name', 'Id', 'IsDeleted', 'CreatedDate']);
    expect(Object.keys(all!)).toHaveLength(14);
  });

  it('accepts a FROM alias on field paths', () => {
    expect(
      pluck(
        query(org, `SELECT c.Subject FROM Case c WHERE c.Account.Name = 'Acme' AND c.Status = 'New'`).records,
        'Subject',
      ),
    ).toEqual([FIRE]);
  });

  it('leaves soft-deleted rows out, and includes them for queryAll', () => {
    expect(subjects(`Subject LIKE 'Deleted%'`)).toEqual([]);
    const all = query(org, `SELECT Subject, IsDeleted FROM Case WHERE Subject LIKE 'Deleted%'`, {
      includeDeleted: true,
    });
    expect(all.records.map((r) => [r.Subject, r.IsDeleted])).toEqual([['Deleted case', true]]);
    expect(query(org, 'SELECT Id FROM Account').totalSize).toBe(3);
    expect(query(org, 'SELECT Id FROM Account', { includeDeleted: true }).totalSize).toBe(4);
  });
});

describe('comparison operators', () => {
  it('= != <> on text and picklists, case-insensitively', () => {
    expect(subjects(`Status = 'new'`)).toEqual([FIRE]);
    expect(subjects(`Subject = 'INVOICE QUESTION'`)).toEqual([INVOICE]);
    expect(subjects(`Status <> 'NEW'`)).toEqual([INVOICE, OBRIEN, LOGIN, SLASH]);
  });

  it('< <= > >= on numbers', () => {
    expect(escalations('Score__c < 5')).toEqual(['ESC-3']);
    expect(escalations('Score__c <= 5')).toEqual(['ESC-2', 'ESC-3']);
    expect(escalations('Score__c > 7')).toEqual(['ESC-1']);
    expect(escalations('Score__c >= 7')).toEqual(['ESC-1', 'ESC-5']);
    expect(escalations('Score__c = 3.25')).toEqual(['ESC-3']);
    expect(escalations('Score__c != 9.5')).toEqual(['ESC-2', 'ESC-3', 'ESC-4', 'ESC-5']);
    expect(pluck(query(org, 'SELECT Name FROM Account WHERE NumberOfEmployees > -1').records, 'Name')).toEqual([
      'Acme',
      'Globex',
    ]);
  });

  it('< > on text compare case-insensitively', () => {
    expect(subjects(`Subject < 'c'`)).toEqual([SLASH]);
    expect(subjects(`Subject >= 'l'`)).toEqual([OBRIEN, LOGIN]);
  });

  it('IN and NOT IN with literal lists', () => {
    expect(subjects(`Status IN ('new', 'Closed')`)).toEqual([FIRE, OBRIEN]);
    expect(subjects(`Priority NOT IN ('Low', 'Medium')`)).toEqual([FIRE, LOGIN]);
    expect(escalations('Score__c IN (5, 7.0)')).toEqual(['ESC-2', 'ESC-5']);
  });

  it('booleans', () => {
    expect(subjects('IsEscalated = true')).toEqual([FIRE, SLASH]);
    expect(subjects('IsEscalated = FALSE')).toEqual([INVOICE, OBRIEN, LOGIN]);
    expect(subjects('IsEscalated != true')).toEqual([INVOICE, OBRIEN, LOGIN]);
    expect(escalations("Flagged__c = true AND Status__c = 'New'")).toEqual(['ESC-1', 'ESC-4']);
  });

  it('INCLUDES and EXCLUDES on a multi-select picklist', () => {
    expect(escalations(`Tags__c INCLUDES ('harm;fire')`)).toEqual(['ESC-1']);
    expect(escalations(`Tags__c INCLUDES ('FIRE', 'repeat')`)).toEqual(['ESC-1', 'ESC-4']);
    expect(escalations(`Tags__c INCLUDES ('fire;churn')`)).toEqual([]);
    expect(escalations(`Tags__c EXCLUDES ('fire')`)).toEqual(['ESC-2', 'ESC-3', 'ESC-4', 'ESC-5']);
  });
});

describe('null semantics (Salesforce, not SQL)', () => {
  it('= null and != null', () => {
    expect(subjects('Status = null')).toEqual([LOGIN]);
    expect(subjects('Status != null')).toEqual([FIRE, INVOICE, OBRIEN, SLASH]);
    expect(subjects('AccountId = null')).toEqual([LOGIN]);
  });

  it("!= 'x' and NOT IN include rows where the field is null", () => {
    expect(subjects(`Status != 'New'`)).toEqual([INVOICE, OBRIEN, LOGIN, SLASH]);
    expect(subjects(`Status NOT IN ('New', 'Closed')`)).toEqual([INVOICE, LOGIN, SLASH]);
    expect(escalations(`Severity__c != 'sev1'`)).toEqual(['ESC-2', 'ESC-3', 'ESC-4']);
  });

  it('NOT of a comparison includes the nulls the comparison excluded', () => {
    expect(subjects(`NOT Status = 'New'`)).toEqual([INVOICE, OBRIEN, LOGIN, SLASH]);
    expect(escalations('Score__c < 6')).toEqual(['ESC-2', 'ESC-3']);
    expect(escalations('NOT Score__c < 6')).toEqual(['ESC-1', 'ESC-4', 'ESC-5']);
    expect(subjects(`NOT (Status = 'New' OR Priority = 'Low')`)).toEqual([OBRIEN, LOGIN]);
    expect(subjects(`NOT Status IN ('New')`)).toEqual([INVOICE, OBRIEN, LOGIN, SLASH]);
    expect(subjects(`NOT Status NOT IN ('New')`)).toEqual([FIRE]);
  });

  it('NOT of != null and of = null', () => {
    expect(subjects('NOT Status != null')).toEqual([LOGIN]);
    expect(subjects('NOT (Status = null)')).toEqual([FIRE, INVOICE, OBRIEN, SLASH]);
  });

  it('IN (…, null) matches nulls, NOT IN (…, null) excludes them', () => {
    expect(subjects(`Status IN ('New', null)`)).toEqual([FIRE, LOGIN]);
    expect(subjects(`Status NOT IN ('New', null)`)).toEqual([INVOICE, OBRIEN, SLASH]);
  });

  it("a missing parent makes its fields null: Account.Name != 'Acme' includes the case without an account", () => {
    expect(subjects(`Account.Name != 'Acme'`)).toEqual([OBRIEN, LOGIN, SLASH]);
    expect(subjects(`Account.Name = 'Acme'`)).toEqual([FIRE, INVOICE]);
    expect(subjects('Account.Name = null')).toEqual([LOGIN]);
  });

  it("= '' is = null on text, as Salesforce stores no empty strings", () => {
    expect(subjects(`Status = ''`)).toEqual([LOGIN]);
    expect(subjects(`Status != ''`)).toEqual([FIRE, INVOICE, OBRIEN, SLASH]);
  });
});

describe('AND / OR / NOT precedence', () => {
  it('parentheses group, whichever side they are on', () => {
    expect(subjects(`Status = 'New' OR (Priority = 'Low' AND IsEscalated = false)`)).toEqual([FIRE, INVOICE]);
    expect(subjects(`(Status = 'New' OR Priority = 'Low') AND IsEscalated = false`)).toEqual([INVOICE]);
    expect(subjects(`(Priority = 'Low' AND IsEscalated = false) OR Status = 'New'`)).toEqual([FIRE, INVOICE]);
    expect(subjects(`IsEscalated = false AND (Status = 'New' OR Priority = 'Low')`)).toEqual([INVOICE]);
  });

  it('nested parentheses', () => {
    expect(
      subjects(
        `((Status = 'New' AND Priority = 'High') OR (Status = 'Closed' AND Priority = 'Medium')) AND Account.Name = 'Globex'`,
      ),
    ).toEqual([OBRIEN]);
    expect(subjects(`(((Status = 'Working')))`)).toEqual([INVOICE]);
  });

  it('NOT binds to the condition or the group right after it', () => {
    // (NOT Status = 'New') AND Priority = 'Low': the two low-priority cases that are not new
    expect(subjects(`NOT Status = 'New' AND Priority = 'Low'`)).toEqual([INVOICE, SLASH]);
    expect(subjects(`NOT (Status = 'New' AND Priority = 'Low')`)).toEqual([FIRE, INVOICE, OBRIEN, LOGIN, SLASH]);
    expect(subjects(`Priority = 'Low' AND (NOT Status = 'Working')`)).toEqual([SLASH]);
    expect(subjects(`(NOT (Status = 'New' OR Status = 'Working')) AND IsEscalated = false`)).toEqual([OBRIEN, LOGIN]);
    expect(subjects(`NOT NOT Status = 'New'`)).toEqual([FIRE]);
  });

  it('runs of one operator need no parentheses', () => {
    expect(subjects(`Status = 'New' OR Status = 'Working' OR Status = 'Closed'`)).toEqual([FIRE, INVOICE, OBRIEN]);
    expect(subjects(`IsEscalated = true AND Priority = 'Low' AND Status = 'Escalated'`)).toEqual([SLASH]);
  });

  it('refuses AND and OR mixed without parentheses, as Salesforce does', () => {
    for (const where of [
      `Status = 'New' AND Priority = 'High' OR Priority = 'Low'`,
      `Status = 'New' OR Priority = 'High' AND IsEscalated = true`,
    ]) {
      expect(() => subjects(where)).toThrow(
        expect.objectContaining({
          errorCode: 'MALFORMED_QUERY',
          message: expect.stringMatching(
            /^unexpected token: '(OR|AND)'\. SOQL does not mix AND and OR without parentheses/,
          ),
        }),
      );
    }
  });
});

describe('LIKE and string literals', () => {
  it('is case-insensitive with % and _ wildcards', () => {
    expect(subjects(`Subject LIKE 'charger%'`)).toEqual([FIRE]);
    expect(subjects(`Subject LIKE '%QUESTION'`)).toEqual([INVOICE]);
    expect(subjects(`Subject LIKE 'Login _roken'`)).toEqual([LOGIN]);
    expect(subjects(`Subject LIKE '%o%'`)).toEqual([FIRE, INVOICE, OBRIEN, LOGIN, SLASH]);
    expect(subjects(`Status LIKE 'n%'`)).toEqual([FIRE]);
  });

  it('treats \\% and \\_ as the characters themselves', () => {
    expect(subjects(`Subject LIKE '%50\\%%'`)).toEqual([OBRIEN]);
    expect(subjects(`Subject LIKE '%5\\%%'`)).toEqual([]);
    expect(subjects(`Subject LIKE 'back\\\\slash\\_and%'`)).toEqual([SLASH]);
    expect(subjects(`Subject LIKE 'back\\\\slash\\_and\\_underscore'`)).toEqual([SLASH]);
    expect(subjects(`Subject LIKE 'back\\\\slash\\_and\\_underscor\\_'`)).toEqual([]);
  });

  it('NOT LIKE includes nulls', () => {
    expect(subjects(`NOT Status LIKE 'N%'`)).toEqual([INVOICE, OBRIEN, LOGIN, SLASH]);
  });

  it("decodes \\' \\\\ and the other escapes", () => {
    expect(subjects(`Subject = 'O\\'Brien\\'s 50% discount'`)).toEqual([OBRIEN]);
    expect(subjects(`Subject = 'back\\\\slash_and_underscore'`)).toEqual([SLASH]);
    expect(subjects(`Subject = 'Login\\tbroken'`)).toEqual([]);
    expect(subjects(`Subject IN ('x\\ny', 'Login broken')`)).toEqual([LOGIN]);
  });
});
