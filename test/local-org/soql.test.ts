/**
 * The SOQL engine against real SQLite: record shape, every WHERE operator, Salesforce's null
 * semantics, AND/OR/NOT precedence, LIKE, string escapes, booleans, numbers and date literals.
 */
import { demoOrg, pluck, query } from './soql-fixture.js';

const { org, ids } = demoOrg();

/** The Subjects of the live cases matching a WHERE clause, in Id order. */
const subjects = (where: string) => pluck(query(org, `SELECT Subject FROM Case WHERE ${where}`).records, 'Subject');
const escalations = (where: string) =>
  pluck(query(org, `SELECT Name FROM Escalation__c WHERE ${where}`).records, 'Name');

const FIRE = 'Charger dock caught fire';
const INVOICE = 'Invoice question';
const OBRIEN = "O'Brien's 50% discount";
const LOGIN = 'Login broken';
const SLASH = 'back\\slash_and_underscore';

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

describe('dates and datetimes (now = Wednesday 2026-11-04 15:30 UTC)', () => {
  it('compares datetime fields with datetime literals, offsets converted to UTC', () => {
    expect(subjects('CreatedDate > 2026-11-04T09:14:00Z')).toEqual([SLASH]);
    expect(subjects('CreatedDate >= 2026-11-04T09:14:00Z')).toEqual([FIRE, SLASH]);
    expect(subjects('CreatedDate = 2026-11-04T11:14:00+02:00')).toEqual([FIRE]);
    expect(subjects('CreatedDate < 2026-11-03T18:59:59.999-05:00')).toEqual([OBRIEN, LOGIN]);
    expect(subjects('CreatedDate <= 2026-11-03T18:59:59.999-05:00')).toEqual([INVOICE, OBRIEN, LOGIN]);
  });

  it('compares date fields with date literals', () => {
    expect(escalations('Due_Date__c = 2026-11-04')).toEqual(['ESC-1']);
    expect(escalations('Due_Date__c < 2026-11-04')).toEqual(['ESC-3']);
    expect(escalations('Due_Date__c != 2026-11-04')).toEqual(['ESC-2', 'ESC-3', 'ESC-4', 'ESC-5']);
  });

  it('TODAY, YESTERDAY, TOMORROW are UTC days, on datetime fields too', () => {
    expect(subjects('CreatedDate = TODAY')).toEqual([FIRE]);
    expect(subjects('CreatedDate = YESTERDAY')).toEqual([INVOICE]);
    expect(subjects('CreatedDate = TOMORROW')).toEqual([SLASH]);
    expect(subjects('CreatedDate > TODAY')).toEqual([SLASH]);
    expect(subjects('CreatedDate < TODAY')).toEqual([INVOICE, OBRIEN, LOGIN]);
    expect(subjects('CreatedDate >= TODAY')).toEqual([FIRE, SLASH]);
    expect(subjects('CreatedDate <= TODAY')).toEqual([FIRE, INVOICE, OBRIEN, LOGIN]);
    expect(subjects('CreatedDate != TODAY')).toEqual([INVOICE, OBRIEN, LOGIN, SLASH]);
    expect(escalations('Due_Date__c = TODAY')).toEqual(['ESC-1']);
    expect(escalations('Due_Date__c > TODAY')).toEqual(['ESC-2', 'ESC-5']);
  });

  it('weeks start on Sunday; months, quarters and years are calendar ones', () => {
    expect(subjects('CreatedDate = THIS_WEEK')).toEqual([FIRE, INVOICE, SLASH]);
    expect(escalations('Due_Date__c = NEXT_WEEK')).toEqual(['ESC-2']);
    expect(pluck(query(org, 'SELECT Name FROM Account WHERE CreatedDate = LAST_WEEK').records, 'Name')).toEqual([
      'Globex',
    ]);
    expect(subjects('CreatedDate = LAST_MONTH')).toEqual([OBRIEN]);
    expect(subjects('CreatedDate = THIS_MONTH')).toEqual([FIRE, INVOICE, SLASH]);
    expect(escalations('Due_Date__c = NEXT_MONTH')).toEqual(['ESC-5']);
    expect(subjects('CreatedDate = THIS_QUARTER')).toEqual([FIRE, INVOICE, OBRIEN, SLASH]);
    expect(subjects('CreatedDate = LAST_QUARTER')).toEqual([LOGIN]);
    expect(pluck(query(org, 'SELECT Name FROM Account WHERE CreatedDate = LAST_YEAR').records, 'Name')).toEqual([
      'Initech',
    ]);
    expect(pluck(query(org, 'SELECT Name FROM Account WHERE CreatedDate = THIS_YEAR').records, 'Name')).toEqual([
      'Acme',
      'Globex',
    ]);
    expect(pluck(query(org, 'SELECT Name FROM Account WHERE CreatedDate = THIS_FISCAL_YEAR').records, 'Name')).toEqual([
      'Acme',
      'Globex',
    ]);
  });

  it('LAST_N_DAYS:n includes today; NEXT_N_DAYS:n starts tomorrow; N_DAYS_AGO:n is one day', () => {
    expect(subjects('CreatedDate = LAST_N_DAYS:1')).toEqual([FIRE, INVOICE]);
    expect(subjects('CreatedDate = LAST_N_DAYS:20')).toEqual([FIRE, INVOICE, OBRIEN]);
    expect(subjects('CreatedDate = NEXT_N_DAYS:1')).toEqual([SLASH]);
    expect(subjects('CreatedDate = N_DAYS_AGO:1')).toEqual([INVOICE]);
    expect(subjects('CreatedDate = N_DAYS_AGO:2')).toEqual([]);
    expect(escalations('Due_Date__c = NEXT_N_DAYS:30')).toEqual(['ESC-2', 'ESC-5']);
    expect(escalations('Due_Date__c = NEXT_N_DAYS:6')).toEqual(['ESC-2']);
    expect(escalations('Due_Date__c = NEXT_N_DAYS:5')).toEqual([]);
    expect(subjects('CreatedDate = LAST_90_DAYS')).toEqual([FIRE, INVOICE, OBRIEN]); // from 2026-08-06
    expect(subjects('CreatedDate = NEXT_90_DAYS')).toEqual([SLASH]);
  });

  it('LAST_N_WEEKS:n and LAST_N_MONTHS:n are whole units before the current one', () => {
    expect(pluck(query(org, 'SELECT Name FROM Account WHERE CreatedDate = LAST_N_WEEKS:1').records, 'Name')).toEqual([
      'Globex',
    ]);
    expect(escalations('Due_Date__c = LAST_N_MONTHS:1')).toEqual(['ESC-3']);
    expect(subjects('CreatedDate = LAST_N_MONTHS:3')).toEqual([OBRIEN, LOGIN]);
    expect(subjects('CreatedDate IN (TODAY, LAST_MONTH)')).toEqual([FIRE, OBRIEN]);
    expect(subjects('CreatedDate NOT IN (TODAY, LAST_MONTH)')).toEqual([INVOICE, LOGIN, SLASH]);
  });

  it('date functions in WHERE', () => {
    expect(
      pluck(query(org, 'SELECT Name FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2025').records, 'Name'),
    ).toEqual(['Initech']);
    expect(subjects('CALENDAR_MONTH(CreatedDate) = 11')).toEqual([FIRE, INVOICE, SLASH]);
    expect(subjects('DAY_ONLY(CreatedDate) = 2026-11-04')).toEqual([FIRE]);
    expect(subjects('DAY_ONLY(CreatedDate) = YESTERDAY')).toEqual([INVOICE]);
    expect(subjects('HOUR_IN_DAY(CreatedDate) = 9')).toEqual([FIRE]);
    expect(subjects('DAY_IN_WEEK(CreatedDate) = 4')).toEqual([FIRE]); // Sunday is 1
    expect(escalations('CALENDAR_QUARTER(Due_Date__c) = 4 AND DAY_IN_MONTH(Due_Date__c) < 5')).toEqual([
      'ESC-1',
      'ESC-5',
    ]);
    expect(subjects('CALENDAR_YEAR(convertTimezone(CreatedDate)) = 2026')).toEqual([
      FIRE,
      INVOICE,
      OBRIEN,
      LOGIN,
      SLASH,
    ]);
  });

  it('ClosedDate != null and a range on a nullable datetime', () => {
    expect(subjects('ClosedDate != null')).toEqual([OBRIEN]);
    expect(subjects('ClosedDate != LAST_MONTH')).toEqual([FIRE, INVOICE, LOGIN, SLASH]);
  });
});
