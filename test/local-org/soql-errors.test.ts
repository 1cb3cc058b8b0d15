/** What the engine refuses, with which error code and message (injection: soql-injection.test.ts). */
import { demoOrg, Org, pluck, query } from './soql-fixture.js';

const { org, ids } = demoOrg();

function failure(soql: string): { errorCode: string; message: string; status: number } {
  try {
    query(org, soql);
  } catch (e) {
    const err = e as { errorCode: string; message: string; status: number };
    return { errorCode: err.errorCode, message: err.message, status: err.status };
  }
  throw new Error(`expected an error for: ${soql}`);
}

const code = (soql: string) => failure(soql).errorCode;

const NO_SUCH_COLUMN =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

describe('INVALID_TYPE', () => {
  it('for an unknown object, with Salesforce’s message', () => {
    expect(failure('SELECT Id FROM Foo')).toEqual({
      status: 400,
      errorCode: 'INVALID_TYPE',
      message:
        "sObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    });
    expect(code('SELECT Id FROM Escalation')).toBe('INVALID_TYPE');
    expect(code(`SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Kase)`)).toBe('INVALID_TYPE');
  });

  it('for an unknown child relationship in a subquery', () => {
    expect(failure('SELECT Subject, (SELECT Id FROM Escalations) FROM Case')).toEqual({
      status: 400,
      errorCode: 'INVALID_TYPE',
      message:
        "Didn't understand relationship 'Escalations' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
    });
  });
});

describe('INVALID_FIELD', () => {
  it('for an unknown field, wherever it appears, naming the entity it was looked for on', () => {
    expect(failure('SELECT Foo FROM Case')).toEqual({
      status: 400,
      errorCode: 'INVALID_FIELD',
      message: `No such column 'Foo' on entity 'Case'. ${NO_SUCH_COLUMN}`,
    });
    expect(failure('SELECT Account.Foo FROM Case').message).toBe(
      `No such column 'Foo' on entity 'Account'. ${NO_SUCH_COLUMN}`,
    );
    expect(failure('SELECT Owner.Industry FROM Case').message).toBe(
      `No such column 'Industry' on entity 'Name'. ${NO_SUCH_COLUMN}`,
    );
    expect(failure('SELECT Category FROM Escalation__c').message).toBe(
      `No such column 'Category' on entity 'Escalation__c'. ${NO_SUCH_COLUMN}`,
    );
    for (const soql of [
      `SELECT Id FROM Case WHERE Foo = 'x'`,
      'SELECT Id FROM Case ORDER BY Foo',
      'SELECT Foo, COUNT(Id) FROM Case GROUP BY Foo',
      'SELECT COUNT(Foo) FROM Case',
      `SELECT Name, (SELECT Foo FROM Cases) FROM Account`,
      `SELECT Id FROM Account WHERE Id IN (SELECT Foo FROM Case)`,
    ]) {
      expect([soql, code(soql)]).toEqual([soql, 'INVALID_FIELD']);
    }
  });

  it('for an unknown relationship in a field path', () => {
    const message = (name: string) =>
      `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`;
    expect(failure('SELECT Case__c.Subject FROM Escalation__c')).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: message('Case__c'),
    });
    expect(failure('SELECT Subject.Name FROM Case').message).toBe(message('Subject'));
    expect(failure(`SELECT Id FROM Escalation__c WHERE Case__r.Acount.Name = 'x'`).message).toBe(message('Acount'));
    expect(failure('SELECT Owner.Owner.Name FROM Case').message).toBe(message('Owner'));
  });

  it('for a value of the wrong type, in Salesforce’s words', () => {
    const wrong = (soql: string) => failure(soql);
    expect(wrong('SELECT Id FROM Case WHERE Subject = 5')).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "value of filter criterion for field 'Subject' must be of type string and should be enclosed in quotes",
    });
    expect(wrong(`SELECT Id FROM Escalation__c WHERE Score__c = '5'`).message).toBe(
      "value of filter criterion for field 'Score__c' must be of type double and should not be enclosed in quotes",
    );
    expect(wrong(`SELECT Id FROM Account WHERE NumberOfEmployees > '5'`).message).toBe(
      "value of filter criterion for field 'NumberOfEmployees' must be of type integer and should not be enclosed in quotes",
    );
    expect(wrong(`SELECT Id FROM Case WHERE IsEscalated = 'true'`).message).toBe(
      "value of filter criterion for field 'IsEscalated' must be of type boolean and should not be enclosed in quotes",
    );
    expect(wrong(`SELECT Id FROM Case WHERE CreatedDate > 2026-11-04`).message).toBe(
      "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes",
    );
    expect(wrong(`SELECT Id FROM Case WHERE CreatedDate = '2026-11-04T00:00:00Z'`).errorCode).toBe('INVALID_FIELD');
    expect(wrong(`SELECT Id FROM Escalation__c WHERE Due_Date__c = 2026-11-04T00:00:00Z`).message).toBe(
      "value of filter criterion for field 'Due_Date__c' must be of type date and should not be enclosed in quotes",
    );
    expect(wrong(`SELECT Id FROM Case WHERE AccountId = 5`).errorCode).toBe('INVALID_FIELD');
    expect(wrong(`SELECT Id FROM Case WHERE Status IN ('New', 5)`).errorCode).toBe('INVALID_FIELD');
    expect(wrong(`SELECT Id FROM Case WHERE Subject = TODAY`).errorCode).toBe('INVALID_FIELD');
  });

  it('for long text areas in WHERE, ORDER BY and GROUP BY, and fields that cannot be grouped', () => {
    expect(failure(`SELECT Id FROM Case WHERE Description = 'x'`)).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "field 'Description' can not be filtered in a query call",
    });
    expect(failure('SELECT Id FROM Case ORDER BY Description').message).toBe(
      "field 'Description' can not be sorted in a query call",
    );
    expect(failure('SELECT Description, COUNT(Id) FROM Case GROUP BY Description').message).toBe(
      "field 'Description' can not be grouped in a query call",
    );
    expect(failure('SELECT CreatedDate, COUNT(Id) FROM Case GROUP BY CreatedDate').message).toBe(
      "field 'CreatedDate' can not be grouped in a query call",
    );
    expect(failure('SELECT SUM(Subject) FROM Case')).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: 'field Subject does not support aggregate operator SUM',
    });
    expect(code('SELECT MAX(IsEscalated) FROM Case')).toBe('INVALID_FIELD');
  });
});

describe('MALFORMED_QUERY', () => {
  it('for syntax errors, saying where the parser stopped', () => {
    expect(failure('SELECT Id FROM Case garbage garbage')).toEqual({
      status: 400,
      errorCode: 'MALFORMED_QUERY',
      message: "unexpected token: 'garbage'",
    });
    expect(failure('SELECT Id, FROM Case').message).toBe("unexpected token: 'FROM'");
    expect(failure('SELECT Id FROM Case WHERE').message).toBe('unexpected end of query');
    expect(failure('SELECT Id FROM Case WHERE Subject = "x"').message).toBe(
      `unexpected character: '"' at Row:1:Column:37`,
    );
    expect(code('')).toBe('MALFORMED_QUERY');
    expect(code(`SELECT Id FROM Case WHERE Subject = 'unterminated`)).toBe('MALFORMED_QUERY');
    expect(code(`SELECT Id FROM Case WHERE (Status = 'New'`)).toBe('MALFORMED_QUERY');
  });

  it('for features the local org does not support, naming them', () => {
    const unsupported: Array<[string, string]> = [
      ['SELECT TYPEOF Owner WHEN User THEN Name END FROM Case', 'TYPEOF is not supported by the local org'],
      ['SELECT Id FROM Case FOR UPDATE', 'FOR UPDATE is not supported by the local org'],
      ['SELECT Id FROM Case FOR VIEW', 'FOR VIEW is not supported by the local org'],
      ['SELECT Id FROM Case UPDATE TRACKING', 'UPDATE TRACKING is not supported by the local org'],
      [
        'SELECT Status, COUNT(Id) FROM Case GROUP BY ROLLUP(Status)',
        'GROUP BY ROLLUP is not supported by the local org',
      ],
      ['SELECT Status, COUNT(Id) FROM Case GROUP BY CUBE(Status)', 'GROUP BY CUBE is not supported by the local org'],
      ['SELECT Id FROM Case USING SCOPE Mine', 'USING SCOPE is not supported by the local org'],
      ['SELECT toLabel(Status) FROM Case', 'toLabel() is not supported by the local org'],
      ['SELECT FORMAT(CreatedDate) FROM Case', 'FORMAT() is not supported by the local org'],
      [
        'SELECT Name, (SELECT Id, (SELECT Id FROM Escalations__r) FROM Cases) FROM Account',
        'nested child subqueries are not supported by the local org',
      ],
      [
        `SELECT Id FROM Case WHERE NOT NOT NOT Status = 'New'`,
        'three or more NOTs in a row are not supported by the local org',
      ],
      [
        `SELECT Id FROM Case WHERE NOT (NOT (NOT Status = 'New'))`,
        'three or more NOTs in a row are not supported by the local org',
      ],
      [
        'SELECT Id FROM Account WHERE AnnualRevenue > USD5000',
        'currency-prefixed numbers such as USD5000 need multi-currency, which the local org does not have',
      ],
    ];
    for (const [soql, message] of unsupported)
      expect([soql, failure(soql)]).toEqual([soql, { status: 400, errorCode: 'MALFORMED_QUERY', message }]);
  });

  it('for queries Salesforce refuses', () => {
    const refused: Array<[string, string]> = [
      ['SELECT Id, Subject, id FROM Case', 'duplicate field selected: id'],
      ['SELECT Subject s FROM Case', 'Only aggregate expressions use field aliasing'],
      [
        'SELECT Name, (SELECT Id FROM Cases), (SELECT Subject FROM cases) FROM Account',
        'duplicate field selected: cases',
      ],
      ['SELECT Status, COUNT(Id) FROM Case', 'Field must be grouped or aggregated: Status'],
      ['SELECT Status, Priority, COUNT(Id) FROM Case GROUP BY Status', 'Field must be grouped or aggregated: Priority'],
      [
        'SELECT Status, COUNT(Id) FROM Case GROUP BY Status ORDER BY Priority',
        'Ordered field must be grouped or aggregated: Priority',
      ],
      [
        'SELECT CALENDAR_YEAR(CreatedDate) FROM Case',
        'Field must be grouped or aggregated: CALENDAR_YEAR(CreatedDate)',
      ],
      ['SELECT COUNT(), Id FROM Case', 'COUNT() must be the only element in the SELECT list'],
      ['SELECT Severity__c n, COUNT(Id) n FROM Escalation__c GROUP BY Severity__c', 'duplicate alias: n'],
      ['SELECT FIELDS(ALL) FROM Case', 'The SOQL FIELDS function must have a LIMIT of at most 200'],
      ['SELECT Id FROM Case OFFSET 2001', 'Maximum SOQL offset allowed is 2000'],
      [
        `SELECT Id FROM Account WHERE Name = 'x' OR Id IN (SELECT AccountId FROM Case)`,
        "Semi join sub-selects are not allowed with the 'OR' operator",
      ],
      [
        `SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Case WHERE Id IN (SELECT Case__c FROM Escalation__c))`,
        'Nesting of semi join sub-selects is not supported',
      ],
      [
        `SELECT Id FROM Account WHERE Name IN (SELECT AccountId FROM Case)`,
        "a semi-join needs an Id or reference field on the left, not 'Name'",
      ],
      [
        `SELECT Id FROM Account WHERE Id IN (SELECT Subject FROM Case)`,
        "a semi-join sub-select must select an Id or reference field, not 'Subject'",
      ],
      [
        `SELECT Id FROM Case WHERE COUNT(Id) > 1`,
        'COUNT(Id): aggregate functions belong in the SELECT, HAVING or ORDER BY of an aggregate query',
      ],
      [
        'SELECT Id FROM Case ORDER BY CALENDAR_YEAR(CreatedDate)',
        'ORDER BY CALENDAR_YEAR(CreatedDate): functions in ORDER BY need an aggregate query',
      ],
    ];
    for (const [soql, message] of refused)
      expect([soql, failure(soql)]).toEqual([soql, { status: 400, errorCode: 'MALFORMED_QUERY', message }]);
  });

  it('for bad values and operators', () => {
    const refused: Array<[string, string]> = [
      ['SELECT Id FROM Escalation__c WHERE Due_Date__c = 2026-02-30', 'invalid date: 2026-02-30'],
      ['SELECT Id FROM Case WHERE CreatedDate > 2026-11-02T25:00:00Z', 'invalid datetime: 2026-11-02T25:00:00Z'],
      [`SELECT Id FROM Case WHERE AccountId = '001nope'`, 'invalid ID field: 001nope'],
      [`SELECT Id FROM Case WHERE Id = '500000000000000ZZZ'`, 'invalid ID field: 500000000000000ZZZ'],
      [
        `SELECT Id FROM Escalation__c WHERE Score__c LIKE '5%'`,
        "invalid operator LIKE on field 'Score__c' of type double",
      ],
      [
        `SELECT Id FROM Case WHERE AccountId LIKE '001%'`,
        "invalid operator LIKE on field 'AccountId' of type reference",
      ],
      ['SELECT Id FROM Escalation__c WHERE Score__c < null', "the operator < cannot compare 'Score__c' with null"],
      ['SELECT Id FROM Case WHERE IsEscalated > false', "invalid operator > on field 'IsEscalated' of type boolean"],
      [
        `SELECT Id FROM Case WHERE Status INCLUDES ('New')`,
        'INCLUDES and EXCLUDES apply only to multi-select picklists',
      ],
      [
        `SELECT Id FROM Escalation__c WHERE Tags__c LIKE 'fire%'`,
        "invalid operator LIKE on field 'Tags__c' of type multipicklist",
      ],
      [`SELECT Id FROM Case WHERE Subject = 'a\\qb'`, "Illegal character sequence '\\q' in string literal: 'a\\qb'"],
      [
        'SELECT Id FROM Case WHERE CALENDAR_YEAR(Subject) = 2026',
        'CALENDAR_YEAR() needs a date or datetime field; Subject is of type string',
      ],
      [
        'SELECT Id FROM Escalation__c WHERE HOUR_IN_DAY(Due_Date__c) = 1',
        'HOUR_IN_DAY() needs a datetime field; Due_Date__c is of type date',
      ],
    ];
    for (const [soql, message] of refused)
      expect([soql, failure(soql)]).toEqual([soql, { status: 400, errorCode: 'MALFORMED_QUERY', message }]);
  });

  it('for more than 2,000 groups, as Salesforce has no queryMore for aggregates', () => {
    const many = new Org();
    many.db.exec('BEGIN');
    for (let i = 0; i < 2001; i++) many.insert('Case', { Subject: `s${i}` });
    many.db.exec('COMMIT');
    expect(() => query(many, 'SELECT Subject, COUNT(Id) FROM Case GROUP BY Subject')).toThrow(
      'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
    );
    expect(query(many, 'SELECT Subject, COUNT(Id) FROM Case GROUP BY Subject LIMIT 2000').totalSize).toBe(2000);
  });
});

describe('accepted', () => {
  it('the words NOT NOT NOT inside a string literal', () => {
    expect(query(org, `SELECT Id FROM Case WHERE Subject = 'NOT NOT NOT' OR Subject = 'NOT (NOT (NOT'`).totalSize).toBe(
      0,
    );
  });
});

describe('accepted and ignored', () => {
  it('WITH SECURITY_ENFORCED, WITH USER_MODE and WITH SYSTEM_MODE (no field-level security here)', () => {
    for (const clause of ['WITH SECURITY_ENFORCED', 'WITH USER_MODE', 'WITH SYSTEM_MODE']) {
      expect(pluck(query(org, `SELECT Name FROM Account WHERE Industry = 'Energy' ${clause}`).records, 'Name')).toEqual(
        ['Acme'],
      );
    }
  });
});

describe('the soft-deleted and the demo ids stay distinct', () => {
  it('a deleted record is invisible by Id unless queryAll', () => {
    expect(query(org, `SELECT Id FROM Case WHERE Id = '${ids.k6}'`).totalSize).toBe(0);
    expect(query(org, `SELECT Id FROM Case WHERE Id = '${ids.k6}'`, { includeDeleted: true }).totalSize).toBe(1);
  });
});
