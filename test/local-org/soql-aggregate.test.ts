/**
 * Aggregate queries: COUNT(), COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX, GROUP BY fields,
 * parent paths and date functions, HAVING, ORDER BY aggregates, aliases and Salesforce's exprN names.
 */
import { demoOrg, query } from './soql-fixture.js';

const { org } = demoOrg();
const AGG = { type: 'AggregateResult' };

describe('COUNT()', () => {
  it('answers totalSize with no records, honouring WHERE, LIMIT and OFFSET', () => {
    expect(query(org, 'SELECT COUNT() FROM Case')).toMatchObject({ totalSize: 5, records: [] });
    expect(query(org, `SELECT COUNT() FROM Case WHERE Status != 'New'`).totalSize).toBe(4);
    expect(query(org, `SELECT COUNT() FROM Case WHERE Account.Name = 'Acme'`).totalSize).toBe(2);
    expect(query(org, 'SELECT COUNT() FROM Case LIMIT 3').totalSize).toBe(3);
    expect(query(org, 'SELECT COUNT() FROM Case LIMIT 3 OFFSET 4').totalSize).toBe(1);
    expect(query(org, 'SELECT COUNT() FROM Case', { includeDeleted: true }).totalSize).toBe(6);
  });
});

describe('GROUP BY', () => {
  it('groups by a picklist, naming the count expr0 and the grouped field by its name', () => {
    const { totalSize, records } = query(
      org,
      'SELECT Category__c, COUNT(Id) FROM Escalation__c GROUP BY Category__c ORDER BY Category__c',
    );
    expect(totalSize).toBe(4);
    expect(records).toEqual([
      { attributes: AGG, Category__c: 'churn_risk', expr0: 2 },
      { attributes: AGG, Category__c: 'ethics_violation', expr0: 1 },
      { attributes: AGG, Category__c: 'product_safety', expr0: 1 },
      { attributes: AGG, Category__c: 'service_breach', expr0: 1 },
    ]);
  });

  it('names by alias where given and expr0, expr1 … for the rest, in SELECT order', () => {
    const { records } = query(
      org,
      `SELECT Severity__c sev, COUNT(Id) n, SUM(Score__c), AVG(Score__c) avgScore, MIN(Due_Date__c), MAX(Acknowledged_At__c), COUNT(Acknowledged_At__c)
       FROM Escalation__c GROUP BY Severity__c ORDER BY Severity__c NULLS LAST`,
    );
    expect(records).toEqual([
      { attributes: AGG, sev: 'sev1', n: 2, expr0: 16.5, avgScore: 8.25, expr1: '2026-11-04', expr2: null, expr3: 0 },
      {
        attributes: AGG,
        sev: 'sev2',
        n: 2,
        expr0: 8.25,
        avgScore: 4.125,
        expr1: '2026-10-20',
        expr2: '2026-11-04T10:00:00.000+0000',
        expr3: 2,
      },
      { attributes: AGG, sev: null, n: 1, expr0: null, avgScore: null, expr1: null, expr2: null, expr3: 0 },
    ]);
  });

  it('groups by several fields and by a parent path (named by its field name)', () => {
    expect(
      query(
        org,
        'SELECT Category__c, Flagged__c, COUNT(Id) FROM Escalation__c GROUP BY Category__c, Flagged__c ORDER BY Category__c, Flagged__c',
      ).records,
    ).toEqual([
      { attributes: AGG, Category__c: 'churn_risk', Flagged__c: false, expr0: 1 },
      { attributes: AGG, Category__c: 'churn_risk', Flagged__c: true, expr0: 1 },
      { attributes: AGG, Category__c: 'ethics_violation', Flagged__c: false, expr0: 1 },
      { attributes: AGG, Category__c: 'product_safety', Flagged__c: true, expr0: 1 },
      { attributes: AGG, Category__c: 'service_breach', Flagged__c: true, expr0: 1 },
    ]);
    expect(
      query(
        org,
        'SELECT Case__r.Account.Name, COUNT(Id) c FROM Escalation__c GROUP BY Case__r.Account.Name ORDER BY COUNT(Id) DESC, Case__r.Account.Name',
      ).records,
    ).toEqual([
      { attributes: AGG, Name: 'Acme', c: 2 },
      { attributes: AGG, Name: null, c: 1 },
      { attributes: AGG, Name: 'Globex', c: 1 },
      { attributes: AGG, Name: 'Initech', c: 1 },
    ]);
  });

  it('groups by date functions', () => {
    expect(
      query(
        org,
        'SELECT CALENDAR_YEAR(CreatedDate), CALENDAR_MONTH(CreatedDate) month, COUNT(Id) FROM Case GROUP BY CALENDAR_YEAR(CreatedDate), CALENDAR_MONTH(CreatedDate) ORDER BY CALENDAR_MONTH(CreatedDate) DESC',
      ).records,
    ).toEqual([
      { attributes: AGG, expr0: 2026, month: 11, expr1: 3 },
      { attributes: AGG, expr0: 2026, month: 10, expr1: 1 },
      { attributes: AGG, expr0: 2026, month: 8, expr1: 1 },
    ]);
    expect(
      query(
        org,
        `SELECT DAY_ONLY(CreatedDate) day, COUNT(Id) FROM Case WHERE CreatedDate = THIS_WEEK GROUP BY DAY_ONLY(CreatedDate) ORDER BY DAY_ONLY(CreatedDate)`,
      ).records,
    ).toEqual([
      { attributes: AGG, day: '2026-11-03', expr0: 1 },
      { attributes: AGG, day: '2026-11-04', expr0: 1 },
      { attributes: AGG, day: '2026-11-05', expr0: 1 },
    ]);
  });

  it('HAVING filters groups on aggregates and grouped fields', () => {
    const having = (clause: string) =>
      query(
        org,
        `SELECT Category__c, COUNT(Id) n FROM Escalation__c GROUP BY Category__c HAVING ${clause} ORDER BY Category__c`,
      ).records.map((r) => r.Category__c);
    // HAVING text with keywords inside strings and a LIMIT after it
    expect(
      query(
        org,
        `SELECT Category__c FROM Escalation__c GROUP BY Category__c HAVING Category__c != 'x ORDER BY y' ORDER BY Category__c LIMIT 1`,
      ).records,
    ).toEqual([{ attributes: AGG, Category__c: 'churn_risk' }]);
    expect(having('COUNT(Id) > 1')).toEqual(['churn_risk']);
    expect(having("COUNT(Id) = 1 AND Category__c LIKE '%e%'")).toEqual([
      'ethics_violation',
      'product_safety',
      'service_breach',
    ]);
    expect(having("NOT (SUM(Score__c) > 5 OR Category__c = 'churn_risk')")).toEqual(['service_breach']);
    expect(having('MAX(Score__c) != null')).toEqual(['churn_risk', 'ethics_violation', 'product_safety']);
    // the parser's own HAVING loses a NOT followed by more conditions; these are parsed as WHERE is
    expect(having("NOT Category__c = 'churn_risk' AND COUNT(Id) = 1")).toEqual([
      'ethics_violation',
      'product_safety',
      'service_breach',
    ]);
    expect(having("(NOT Category__c LIKE 'p%') AND (NOT (COUNT(Id) > 1))")).toEqual([
      'ethics_violation',
      'service_breach',
    ]);
    expect(having('COUNT(Id) > 1 OR (NOT MIN(Score__c) < 8)')).toEqual([
      'churn_risk',
      'product_safety',
      'service_breach',
    ]);
  });

  it('applies LIMIT and OFFSET to the groups', () => {
    const r = query(
      org,
      'SELECT Category__c FROM Escalation__c GROUP BY Category__c ORDER BY Category__c DESC LIMIT 2 OFFSET 1',
    );
    expect(r.totalSize).toBe(2);
    expect(r.records.map((x) => x.Category__c)).toEqual(['product_safety', 'ethics_violation']);
  });

  it('groups text case-insensitively, like its equality', () => {
    const { org: o } = demoOrg();
    o.insert('Account', { Name: 'ACME' });
    const rows = query(o, `SELECT Name, COUNT(Id) FROM Account WHERE Name LIKE 'acme' GROUP BY Name`).records;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expr0).toBe(2);
  });
});

describe('aggregates without GROUP BY', () => {
  it('give one row, also over no rows at all', () => {
    expect(
      query(
        org,
        'SELECT COUNT(Id), COUNT_DISTINCT(Case__c), MIN(Score__c) lo, MAX(Score__c) hi, SUM(Score__c) FROM Escalation__c',
      ).records,
    ).toEqual([{ attributes: AGG, expr0: 5, expr1: 4, lo: 3.25, hi: 9.5, expr2: 24.75 }]);
    expect(query(org, `SELECT COUNT(Id), SUM(Score__c) FROM Escalation__c WHERE Name = 'none'`)).toMatchObject({
      totalSize: 1,
      records: [{ attributes: AGG, expr0: 0, expr1: null }],
    });
  });

  it('MIN and MAX of text (case-insensitive, like ORDER BY), dates and datetimes keep the field’s REST form', () => {
    expect(query(org, 'SELECT MIN(Subject), MAX(CreatedDate), MIN(Account.Name) FROM Case').records).toEqual([
      { attributes: AGG, expr0: 'back\\slash_and_underscore', expr1: '2026-11-05T01:00:00.000+0000', expr2: 'Acme' },
    ]);
  });

  it('COUNT_DISTINCT counts values case-insensitively, nulls not counted', () => {
    expect(
      query(org, 'SELECT COUNT_DISTINCT(Severity__c) sevs, COUNT_DISTINCT(Status__c) FROM Escalation__c').records,
    ).toEqual([{ attributes: AGG, sevs: 2, expr0: 3 }]);
  });
});
