/**
 * SOQL injection through string literals: a literal only ever means its value, and no text of the
 * query ever reaches the SQL (identifiers come from the schema, values travel as parameters).
 */
import type { DatabaseSync } from 'node:sqlite';
import { prepareQuery } from '../../src/local-org/soql/index.js';
import { OPTIONS, Org, pluck, query, schema } from './soql-fixture.js';

describe('SOQL injection through string literals', () => {
  const inj = new Org();
  inj.insert('Case', { Subject: 'plain' });
  const quoted = inj.insert('Case', { Subject: "x' OR Subject != '" });
  inj.insert('Case', { Subject: `'; DROP TABLE "Case"; --` });
  inj.insert('Case', { Subject: ':p0' });
  const subjects = (where: string) => pluck(query(inj, `SELECT Subject FROM Case WHERE ${where}`).records, 'Subject');

  it('an escaped quote stays inside the literal', () => {
    expect(subjects(`Subject = 'x\\' OR Subject != \\''`)).toEqual(["x' OR Subject != '"]);
    expect(subjects(`Subject = 'y\\' OR Subject != \\''`)).toEqual([]);
    expect(subjects(`Subject != 'x\\' OR Subject != \\''`)).toEqual(['plain', `'; DROP TABLE "Case"; --`, ':p0']);
  });

  it('SQL in a literal is just text: nothing is dropped and nothing else matches', () => {
    expect(subjects(`Subject = '\\'; DROP TABLE "Case"; --'`)).toEqual([`'; DROP TABLE "Case"; --`]);
    expect(subjects(`Subject = 'a" OR 1=1 --'`)).toEqual([]);
    expect(subjects(`Subject LIKE '%DROP TABLE%'`)).toEqual([`'; DROP TABLE "Case"; --`]);
    expect(query(inj, 'SELECT COUNT() FROM Case').totalSize).toBe(4);
    expect(inj.db.prepare('SELECT count(*) AS n FROM "Case"').get()).toEqual({ n: 4 });
  });

  it('text that looks like a parameter name is a value, not a parameter', () => {
    expect(subjects(`Subject = ':p0'`)).toEqual([':p0']);
    expect(subjects(`Subject IN (':p1', ':lim', '?')`)).toEqual([]);
  });

  it('a backslash cannot end a literal early: an unbalanced rest is a syntax error', () => {
    expect(() => subjects(`Subject = 'a\\\\' OR Subject != '`)).toThrow(
      expect.objectContaining({ errorCode: 'MALFORMED_QUERY' }),
    );
    expect(() => subjects(`Subject = 'it''s'`)).toThrow(expect.objectContaining({ errorCode: 'MALFORMED_QUERY' }));
    expect(() => subjects(`Subject = 'x' UNION SELECT Id FROM Account`)).toThrow(
      expect.objectContaining({ errorCode: 'MALFORMED_QUERY' }),
    );
    expect(() => subjects(`Subject = 'x'; DELETE FROM Case`)).toThrow(
      expect.objectContaining({ errorCode: 'MALFORMED_QUERY' }),
    );
  });

  it('LIKE wildcards in a literal are escaped only when the query escapes them', () => {
    expect(subjects(`Subject LIKE '\\%'`)).toEqual([]);
    expect(subjects(`Subject LIKE '%\\_%'`)).toEqual([]);
    expect(subjects(`Subject LIKE ':%'`)).toEqual([':p0']);
  });

  it('no text of the query ever appears in the SQL', () => {
    const seen: string[] = [];
    const spy = { prepare: (sql: string) => (seen.push(sql), inj.db.prepare(sql)) } as unknown as DatabaseSync;
    const soql = `SELECT Subject, (SELECT Name FROM Escalations__r WHERE Name = 'zz-child') FROM Case WHERE (Subject = 'zz-one' OR Subject LIKE 'plai%') AND Subject NOT IN ('zz-three') AND Id != '${quoted}' ORDER BY Subject LIMIT 3`;
    const q = prepareQuery(spy, schema, soql, OPTIONS);
    expect(pluck(q.page(0, 10), 'Escalations__r')).toEqual([null]);
    prepareQuery(
      spy,
      schema,
      `SELECT Status, COUNT(Id) FROM Case WHERE Subject != 'zz-four' GROUP BY Status HAVING Status != 'zz-five'`,
      OPTIONS,
    );
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const sql of seen) {
      expect(sql).not.toMatch(/zz-|plai|8W0/);
      // the only quoted text is the engine's own: LIKE's escape character
      expect(sql.match(/'[^']*'/g) ?? []).toEqual((sql.match(/ESCAPE '\\'/g) ?? []).map(() => "'\\'"));
    }
  });
});
