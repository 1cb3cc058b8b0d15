import fc from 'fast-check';
import { Decision, decide } from '../../src/rules/index.js';

const caseFields = ['Id', 'Subject', 'Description', 'Type', 'Reason', 'Priority', 'Origin', 'Status', 'Account'];

describe('decide() never throws', () => {
  it('on any JSON value at all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Decision.safeParse(decide(value)).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('on case and context objects whose fields hold any JSON value', () => {
    const anyCase = fc.dictionary(fc.constantFrom(...caseFields), fc.jsonValue());
    const anyContext = fc.record({ account: fc.jsonValue(), queue: fc.jsonValue() }, { requiredKeys: [] });
    fc.assert(
      fc.property(anyCase, anyContext, (kase, context) => {
        const d = decide({ case: kase, context });
        expect(Decision.safeParse(d).success).toBe(true);
        expect(decide({ case: kase, context })).toEqual(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('on any text, including unicode, and its evidence is always a span of that text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.string({ maxLength: 60 }),
        (Description, Subject) => {
          const d = decide({ case: { Subject, Description } });
          for (const r of d.reasons) {
            if (r.field === 'Description') expect(Description).toContain(r.evidence);
            if (r.field === 'Subject') expect(Subject).toContain(r.evidence);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on a 1 MB description', () => {
    const Description = 'We waited on hold again, nobody called back, and the unit was smoking. '.repeat(15000);
    const d = decide({ case: { Description } });
    expect(d.alarm?.category).toBe('product_safety');
  });
});
