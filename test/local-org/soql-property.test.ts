/**
 * Random WHERE clauses — AND / OR / NOT trees over conditions that hit nulls, with redundant
 * parentheses — compiled by the engine and compared with a direct evaluation of Salesforce's
 * semantics (two-valued: a comparison with a null field is false, its negation true).
 */
import fc from 'fast-check';
import { demoOrg, query } from './soql-fixture.js';

const { org } = demoOrg();

interface CaseRow {
  Subject: string;
  Status: string | null;
  Priority: string | null;
  IsEscalated: boolean;
  CreatedDate: string;
  Account: { Name: string } | null;
}

const rows = query(
  org,
  'SELECT Subject, Status, Priority, IsEscalated, CreatedDate, Account.Name FROM Case',
).records.map((r) => r as unknown as CaseRow);
const ci = (v: string | null | undefined) => v?.toLowerCase() ?? null;

const ATOMS: Array<[string, (r: CaseRow) => boolean]> = [
  [`Status = 'new'`, (r) => ci(r.Status) === 'new'],
  [`Status != 'Working'`, (r) => ci(r.Status) !== 'working'],
  [`Priority IN ('Low', 'HIGH')`, (r) => ['low', 'high'].includes(ci(r.Priority) ?? '')],
  [`Priority NOT IN ('Low')`, (r) => ci(r.Priority) !== 'low'],
  [`Priority < 'M'`, (r) => r.Priority !== null && ci(r.Priority)! < 'm'],
  ['IsEscalated = true', (r) => r.IsEscalated],
  [`Subject LIKE '%o%'`, (r) => /o/i.test(r.Subject)],
  ['CreatedDate = TODAY', (r) => r.CreatedDate.startsWith('2026-11-04')],
  ['CreatedDate < 2026-11-01T00:00:00Z', (r) => r.CreatedDate < '2026-11-01'],
  [`Account.Name = 'acme'`, (r) => ci(r.Account?.Name) === 'acme'],
  [`Account.Name != 'Globex'`, (r) => ci(r.Account?.Name) !== 'globex'],
  ['Status = null', (r) => r.Status === null],
  ['AccountId != null', (r) => r.Account !== null],
];

type Tree = { atom: number } | { not: Tree } | { op: 'AND' | 'OR'; items: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ atom: fc.integer({ min: 0, max: ATOMS.length - 1 }) }),
    fc.record({ not: tie('t') }),
    fc.record({
      op: fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
      items: fc.array(tie('t'), { minLength: 2, maxLength: 3 }),
    }),
  ),
})).t;

/** SOQL for a tree: a group under a different operator or a NOT is parenthesised, as Salesforce requires. */
function render(t: Tree, redundant: () => boolean): string {
  const wrap = (s: string) => (redundant() ? `(${s})` : s);
  if ('atom' in t) return wrap(ATOMS[t.atom]![0]);
  if ('not' in t) {
    const inner = render(t.not, redundant);
    return wrap('op' in t.not ? `NOT (${inner})` : `NOT ${inner}`);
  }
  const parts = t.items.map((item) => {
    const s = render(item, redundant);
    return 'op' in item && item.op !== t.op ? `(${s})` : s; // NOT binds to what follows it: no parentheses needed
  });
  return wrap(parts.join(` ${t.op} `));
}

function evaluate(t: Tree, r: CaseRow): boolean {
  if ('atom' in t) return ATOMS[t.atom]![1](r);
  if ('not' in t) return !evaluate(t.not, r);
  return t.op === 'AND' ? t.items.every((i) => evaluate(i, r)) : t.items.some((i) => evaluate(i, r));
}

describe('random WHERE clauses', () => {
  it('select exactly the rows Salesforce’s semantics select', () => {
    expect(rows).toHaveLength(5);
    fc.assert(
      fc.property(tree, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (t, coins) => {
        let k = 0;
        const where = render(t, () => coins[k++ % coins.length]!);
        if (/NOT[\s(]*NOT[\s(]*NOT/.test(where)) {
          // the parser would lose one of them, so the engine refuses rather than answer wrongly
          expect(() => query(org, `SELECT Subject FROM Case WHERE ${where}`)).toThrow('three or more NOTs in a row');
          return;
        }
        const got = query(org, `SELECT Subject FROM Case WHERE ${where}`).records.map((r) => r.Subject);
        const want = rows.filter((r) => evaluate(t, r)).map((r) => r.Subject);
        expect([where, got]).toEqual([where, want]);
      }),
      {
        numRuns: Number(process.env.SOQL_PROPERTY_RUNS ?? 500),
        seed: Number(process.env.SOQL_PROPERTY_SEED ?? 20261104),
      },
    );
  });
});
