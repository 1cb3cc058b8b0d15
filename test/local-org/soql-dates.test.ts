/**
 * Date and datetime literals, date literals (TODAY, LAST_N_DAYS:n, THIS_WEEK …) as UTC ranges against a
 * fixed now, and date functions in WHERE.
 */
import { demoOrg, FIRE, INVOICE, LOGIN, OBRIEN, pluck, query, SLASH, whereOf } from './soql-fixture.js';

const { org } = demoOrg();

const { subjects, escalations } = whereOf(org);

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

  it('refuses a date literal that leaves the calendar', () => {
    expect(() => subjects('CreatedDate = LAST_N_DAYS:100000000')).toThrow(
      expect.objectContaining({ errorCode: 'MALFORMED_QUERY', message: 'date literal out of range' }),
    );
  });

  it('ClosedDate != null and a range on a nullable datetime', () => {
    expect(subjects('ClosedDate != null')).toEqual([OBRIEN]);
    expect(subjects('ClosedDate != LAST_MONTH')).toEqual([FIRE, INVOICE, LOGIN, SLASH]);
  });
});
