/**
 * Parent relationship paths (multi-level, polymorphic), child subqueries, semi-joins, ORDER BY with
 * NULLS FIRST/LAST, LIMIT/OFFSET, and paging through page() across thousands of rows.
 */
import { prepareQuery } from '../../src/local-org/soql/index.js';
import { demoOrg, NOW, Org, pluck, query, schema } from './soql-fixture.js';

const { org, ids } = demoOrg();
const url = (type: string, id: string) => `/services/data/v62.0/sobjects/${type}/${id}`;

describe('parent relationships', () => {
  it('nests one and two levels, null where the lookup is empty', () => {
    const { records } = query(
      org,
      `SELECT Name, Case__r.Subject, Case__r.Account.Name, Case__r.Account.Industry FROM Escalation__c WHERE Name IN ('ESC-1', 'ESC-5') ORDER BY Name`,
    );
    expect(records).toEqual([
      {
        attributes: { type: 'Escalation__c', url: url('Escalation__c', ids.e1) },
        Name: 'ESC-1',
        Case__r: {
          attributes: { type: 'Case', url: url('Case', ids.k1) },
          Subject: 'Charger dock caught fire',
          Account: { attributes: { type: 'Account', url: url('Account', ids.acme) }, Name: 'Acme', Industry: 'Energy' },
        },
      },
      {
        attributes: { type: 'Escalation__c', url: url('Escalation__c', ids.e5) },
        Name: 'ESC-5',
        Case__r: { attributes: { type: 'Case', url: url('Case', ids.k4) }, Subject: 'Login broken', Account: null },
      },
    ]);
  });

  it('reports a polymorphic parent (Owner: User or Group) as type Name with the real type in its url', () => {
    const { records } = query(org, `SELECT Subject, Owner.Name FROM Case WHERE Id IN ('${ids.k1}', '${ids.k2}')`);
    expect(records.map((r) => r.Owner)).toEqual([
      { attributes: { type: 'Name', url: url('User', ids.u1) }, Name: 'Ada Agent' },
      { attributes: { type: 'Name', url: url('Group', ids.g1) }, Name: 'Tier 1 Queue' },
    ]);
    expect(pluck(query(org, `SELECT Subject FROM Case WHERE Owner.Name = 'tier 1 queue'`).records, 'Subject')).toEqual([
      'Invoice question',
      'back\\slash_and_underscore',
    ]);
  });

  it('filters and orders on parent paths three levels deep', () => {
    const { records } = query(
      org,
      `SELECT Name FROM Escalation__c WHERE Case__r.Account.Owner.Name = 'Ada Agent' ORDER BY Case__r.Account.Owner.Name, Name DESC`,
    );
    expect(pluck(records, 'Name')).toEqual(['ESC-2', 'ESC-1']);
  });

  it('selects a parent Id and a lookup field side by side', () => {
    const [rec] = query(org, `SELECT AccountId, Account.Id FROM Case WHERE Id = '${ids.k3}'`).records;
    expect(rec).toEqual({
      attributes: { type: 'Case', url: url('Case', ids.k3) },
      AccountId: ids.globex,
      Account: { attributes: { type: 'Account', url: url('Account', ids.globex) }, Id: ids.globex },
    });
  });
});

describe('child subqueries', () => {
  it('nests each parent’s children as a query result, null when there are none', () => {
    const { records } = query(
      org,
      `SELECT Name, (SELECT Subject, Status FROM Cases WHERE Status != 'Closed' ORDER BY Subject DESC) FROM Account ORDER BY Name`,
    );
    expect(records).toEqual([
      {
        attributes: { type: 'Account', url: url('Account', ids.acme) },
        Name: 'Acme',
        Cases: {
          totalSize: 2,
          done: true,
          records: [
            { attributes: { type: 'Case', url: url('Case', ids.k2) }, Subject: 'Invoice question', Status: 'Working' },
            {
              attributes: { type: 'Case', url: url('Case', ids.k1) },
              Subject: 'Charger dock caught fire',
              Status: 'New',
            },
          ],
        },
      },
      { attributes: { type: 'Account', url: url('Account', ids.globex) }, Name: 'Globex', Cases: null },
      {
        attributes: { type: 'Account', url: url('Account', ids.initech) },
        Name: 'Initech',
        Cases: {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Case', url: url('Case', ids.k5) },
              Subject: 'back\\slash_and_underscore',
              Status: 'Escalated',
            },
          ],
        },
      },
    ]);
  });

  it('applies the subquery LIMIT per parent', () => {
    const { records } = query(
      org,
      'SELECT Name, (SELECT Subject FROM Cases ORDER BY Subject LIMIT 1) FROM Account ORDER BY Name',
    );
    expect(
      records.map((r) => [r.Name, (r.Cases as { records: Array<{ Subject: string }> }).records.map((c) => c.Subject)]),
    ).toEqual([
      ['Acme', ['Charger dock caught fire']],
      ['Globex', ["O'Brien's 50% discount"]],
      ['Initech', ['back\\slash_and_underscore']],
    ]);
  });

  it('follows parent paths inside a subquery', () => {
    const [rec] = query(
      org,
      `SELECT Subject, (SELECT Name, Case__r.Account.Name FROM Escalations__r ORDER BY Name DESC LIMIT 1) FROM Case WHERE Id = '${ids.k1}'`,
    ).records;
    expect(rec!.Escalations__r).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Escalation__c', url: url('Escalation__c', ids.e2) },
          Name: 'ESC-2',
          Case__r: {
            attributes: { type: 'Case', url: url('Case', ids.k1) },
            Account: { attributes: { type: 'Account', url: url('Account', ids.acme) }, Name: 'Acme' },
          },
        },
      ],
    });
  });

  it('never shows soft-deleted children', () => {
    const [k2] = query(
      org,
      `SELECT Subject, (SELECT Name FROM Escalations__r) FROM Case WHERE Id = '${ids.k2}'`,
    ).records;
    expect(k2!.Escalations__r).toBeNull();
  });
});

describe('semi-joins', () => {
  it('Id IN (SELECT …) and NOT IN', () => {
    const names = (where: string) => pluck(query(org, `SELECT Name FROM Account WHERE ${where}`).records, 'Name');
    expect(names(`Id IN (SELECT AccountId FROM Case WHERE Status = 'New')`)).toEqual(['Acme']);
    expect(names(`Id NOT IN (SELECT AccountId FROM Case WHERE Status = 'New')`)).toEqual(['Globex', 'Initech']);
    expect(names(`Id IN (SELECT AccountId FROM Case WHERE Priority = 'Low') AND Industry = null`)).toEqual(['Initech']);
    expect(
      pluck(
        query(
          org,
          `SELECT Subject FROM Case WHERE Id IN (SELECT Case__c FROM Escalation__c WHERE Category__c = 'churn_risk')`,
        ).records,
        'Subject',
      ),
    ).toEqual(['Charger dock caught fire', "O'Brien's 50% discount"]);
  });
});

describe('ORDER BY', () => {
  const order = (clause: string) =>
    pluck(query(org, `SELECT Name FROM Escalation__c ORDER BY ${clause}`).records, 'Name');

  it('ASC puts nulls first and DESC puts them last by default; NULLS FIRST/LAST overrides', () => {
    expect(order('Score__c')).toEqual(['ESC-4', 'ESC-3', 'ESC-2', 'ESC-5', 'ESC-1']);
    expect(order('Score__c ASC NULLS LAST')).toEqual(['ESC-3', 'ESC-2', 'ESC-5', 'ESC-1', 'ESC-4']);
    expect(order('Score__c DESC')).toEqual(['ESC-1', 'ESC-5', 'ESC-2', 'ESC-3', 'ESC-4']);
    expect(order('Score__c DESC NULLS FIRST')).toEqual(['ESC-4', 'ESC-1', 'ESC-5', 'ESC-2', 'ESC-3']);
  });

  it('orders by several fields, parent paths included', () => {
    expect(order('Category__c, Severity__c DESC')).toEqual(['ESC-2', 'ESC-3', 'ESC-5', 'ESC-1', 'ESC-4']);
    expect(order('Case__r.Account.Name DESC NULLS FIRST, Name')).toEqual(['ESC-5', 'ESC-4', 'ESC-3', 'ESC-1', 'ESC-2']);
  });

  it('sorts text case-insensitively', () => {
    expect(pluck(query(org, 'SELECT Subject FROM Case ORDER BY Subject').records, 'Subject')).toEqual([
      'back\\slash_and_underscore',
      'Charger dock caught fire',
      'Invoice question',
      'Login broken',
      "O'Brien's 50% discount",
    ]);
  });
});

describe('LIMIT and OFFSET', () => {
  it('limit totalSize and the records', () => {
    const r = query(org, 'SELECT Name FROM Escalation__c ORDER BY Name LIMIT 2');
    expect(r.totalSize).toBe(2);
    expect(pluck(r.records, 'Name')).toEqual(['ESC-1', 'ESC-2']);
    const o = query(org, 'SELECT Name FROM Escalation__c ORDER BY Name LIMIT 2 OFFSET 3');
    expect(o.totalSize).toBe(2);
    expect(pluck(o.records, 'Name')).toEqual(['ESC-4', 'ESC-5']);
    const past = query(org, 'SELECT Name FROM Escalation__c OFFSET 4');
    expect([past.totalSize, pluck(past.records, 'Name')]).toEqual([1, ['ESC-5']]);
    expect(query(org, 'SELECT Name FROM Escalation__c LIMIT 0').totalSize).toBe(0);
  });

  it('page() returns slices of the limited result', () => {
    const q = prepareQuery(org.db, schema, 'SELECT Name FROM Escalation__c ORDER BY Name DESC LIMIT 4', {
      apiVersion: '62.0',
      includeDeleted: false,
      now: NOW,
    });
    expect(pluck(q.page(1, 2), 'Name')).toEqual(['ESC-4', 'ESC-3']);
    expect(pluck(q.page(3, 10), 'Name')).toEqual(['ESC-2']);
    expect(q.page(4, 10)).toEqual([]);
    expect(pluck(q.page(0, 1), 'Name')).toEqual(['ESC-5']);
  });
});

describe('paging a large result', () => {
  const big = new Org();
  const categories = ['product_safety', 'ethics_violation', 'churn_risk', 'service_breach'];
  big.db.exec('BEGIN');
  for (let i = 0; i < 5000; i++) {
    big.insert('Escalation__c', {
      Name: `E-${String(i).padStart(5, '0')}`,
      Category__c: categories[i % 4]!,
      Score__c: i % 7 === 0 ? null : (i * 37) % 1000,
      Flagged__c: i % 2,
      IsDeleted: i % 10 === 9 ? 1 : 0,
    });
  }
  big.db.exec('COMMIT');
  const options = { apiVersion: '62.0', includeDeleted: false, now: NOW };
  const all = (soql: string, pageSize: number) => {
    const q = prepareQuery(big.db, schema, soql, options);
    const names: unknown[] = [];
    for (let offset = 0; offset < q.totalSize; offset += pageSize)
      names.push(...pluck(q.page(offset, pageSize), 'Name'));
    return { totalSize: q.totalSize, names };
  };

  it('pages without ORDER BY in Id order (keyset), every live row once', () => {
    const { totalSize, names } = all(`SELECT Name FROM Escalation__c WHERE Flagged__c = true`, 700);
    const expected = [];
    for (let i = 0; i < 5000; i++) if (i % 2 === 1 && i % 10 !== 9) expected.push(`E-${String(i).padStart(5, '0')}`);
    expect(totalSize).toBe(2000);
    expect(names).toEqual(expected);
  });

  it('pages with ORDER BY in the requested order, nulls first, ties broken by Id', () => {
    const { totalSize, names } = all(`SELECT Name, Score__c FROM Escalation__c ORDER BY Score__c, Name DESC`, 2000);
    const q = big.db
      .prepare(`SELECT Name FROM "Escalation__c" WHERE IsDeleted = 0 ORDER BY Score__c ASC NULLS FIRST, Name DESC`)
      .all()
      .map((r) => r.Name);
    expect(totalSize).toBe(4500);
    expect(names).toEqual(q);
  });

  it('serves pages in any order, and the same page twice alike', () => {
    for (const soql of ['SELECT Name FROM Escalation__c', 'SELECT Name FROM Escalation__c ORDER BY Score__c DESC']) {
      const q = prepareQuery(big.db, schema, soql, options);
      const third = q.page(4000, 2000);
      const first = q.page(0, 2000);
      const second = q.page(2000, 2000);
      expect(third).toHaveLength(500);
      expect(q.page(4000, 2000)).toEqual(third);
      expect(new Set(pluck([...first, ...second, ...third], 'Name')).size).toBe(4500);
      expect(q.page(1999, 2)).toEqual([first[1999], second[0]]);
    }
  });

  it('attaches child subqueries to the parents of every page', () => {
    const parents = new Org();
    parents.db.exec('BEGIN');
    for (let i = 0; i < 2500; i++) {
      const account = parents.insert('Account', { Name: `A-${String(i).padStart(4, '0')}` });
      for (let c = 0; c < i % 3; c++) parents.insert('Case', { Subject: `A-${i} case ${c}`, AccountId: account });
    }
    parents.db.exec('COMMIT');
    const q = prepareQuery(
      parents.db,
      schema,
      'SELECT Name, (SELECT Subject FROM Cases ORDER BY Subject) FROM Account ORDER BY Name DESC',
      options,
    );
    expect(q.totalSize).toBe(2500);
    const records = [...q.page(0, 2000), ...q.page(2000, 2000)];
    expect(records).toHaveLength(2500);
    records.forEach((r, k) => {
      const i = 2499 - k;
      expect(r.Name).toBe(`A-${String(i).padStart(4, '0')}`);
      const subjects = Array.from({ length: i % 3 }, (_, c) => `A-${i} case ${c}`);
      expect(r.Cases).toEqual(
        subjects.length
          ? {
              totalSize: subjects.length,
              done: true,
              records: subjects.map((Subject) => expect.objectContaining({ Subject })),
            }
          : null,
      );
    });
  });
});
