import { defaultPolicy, type Policy, type Signal } from '../../src/rules/index.js';
import { lintPolicy, wordings } from '../../src/rules/lint.js';

/** The shipped policy with these signals instead of its own (the lint reads only signals and lexicon). */
const withSignals = (signals: Partial<Signal>[], lexicon: Record<string, string[]> = {}): Policy => ({
  ...defaultPolicy,
  lexicon: { ...defaultPolicy.lexicon, ...lexicon },
  signals: signals.map((s, i) => ({ id: `s${i}`, label: 's', weight: 1, patterns: [], ...s })),
});

describe('lintPolicy', () => {
  it('finds a pattern its own exception always cancels, and names both', () => {
    const r = lintPolicy(withSignals([{ patterns: ['smoke test', 'smoke'], except: ['smoke {test|tests}'] }]));
    expect(r.warnings).toEqual([
      {
        path: 'signals[0].patterns[0]',
        pattern: 'smoke test',
        problem: expect.stringContaining('the exception "smoke {test|tests}" (its own except)'),
      },
    ]);
  });

  it('finds one cancelled by an exception shared through exceptAs', () => {
    const r = lintPolicy(
      withSignals([
        { id: 'harm', patterns: ['hurt'], except: ['choking hazard*'] },
        { id: 'term', patterns: ['choking hazard', 'choking'], exceptAs: ['harm'] },
      ]),
    );
    expect(r.warnings.map((w) => [w.path, w.problem])).toEqual([
      ['signals[1].patterns[0]', expect.stringContaining('(the except of "harm")')],
    ]);
  });

  it('keeps a pattern some wording of which gets past the exceptions', () => {
    const r = lintPolicy(
      withSignals([
        // The exception covers "burn" but not "burning", "burnt"…
        { patterns: ['burn*'], except: ['burn'] },
        // …"fire alarm" but not "fire in the alarm room".
        { patterns: ['fire ..3 alarm'], except: ['fire alarm'] },
        // …"fire alarm" but not "smoke alarm".
        { patterns: ['{fire|smoke} alarm'], except: ['fire alarm'] },
        // …any numbered form, but not "@nword weeks" spelled out.
        { patterns: ['{#|@nword} weeks'], except: ['# weeks'] },
      ]),
    );
    expect(r.warnings).toEqual([]);
  });

  it('sees through prefixes, gaps and lexicon groups when the exception is wider', () => {
    const r = lintPolicy(
      withSignals(
        [
          { patterns: ['burning* smell'], except: ['burn* ..2 smell*'] },
          { patterns: ['@kit ..2 fire'], except: ['{fire|smoke|burn} {drill|kit|pit} ..4 fire'] },
        ],
        { kit: ['fire kit', 'burn pit'] },
      ),
    );
    expect(r.warnings.map((w) => w.path)).toEqual(['signals[0].patterns[0]', 'signals[1].patterns[0]']);
  });

  it('flags a pattern written twice in one list, however it is spaced or capitalised', () => {
    const r = lintPolicy(withSignals([{ patterns: ['caught fire', 'Caught  FIRE', 'on fire'], except: ['x', 'x'] }]));
    expect(r.warnings.map((w) => [w.path, w.problem])).toEqual([
      ['signals[0].patterns[1]', 'written twice in this list: the same as signals[0].patterns[0]'],
      ['signals[0].except[1]', 'written twice in this list: the same as signals[0].except[0]'],
    ]);
  });

  it('leaves unjudged what it cannot write out: a name step, or too many wordings', () => {
    const many = `{${Array.from({ length: 30 }, (_, i) => `a${i}`).join('|')}} {${Array.from({ length: 30 }, (_, i) => `b${i}`).join('|')}}`;
    const r = lintPolicy(withSignals([{ patterns: ['talked to ^', many, 'plain'], except: ['talked', 'a1'] }]));
    expect(r).toEqual({ warnings: [], patterns: 3, unjudged: 2 });
    expect(wordings('talked to ^', {})).toBeNull();
    expect(wordings('fire ..2 {up|#}', {})).toEqual([
      ['fire', 'up'],
      ['fire', '7'],
      ['fire', 'qqzx', 'qqzx', 'up'],
      ['fire', 'qqzx', 'qqzx', '7'],
    ]);
  });

  it('finds nothing to tidy in the shipped policy, and judges most of it', () => {
    const r = lintPolicy(defaultPolicy);
    expect(r.warnings).toEqual([]);
    expect(r.unjudged / r.patterns).toBeLessThan(0.2);
  });
});
