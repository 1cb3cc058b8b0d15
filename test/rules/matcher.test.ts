import fc from 'fast-check';
import { defaultPolicy, type Policy, parsePolicy } from '../../src/rules/index.js';
import { compileMatcher } from '../../src/rules/matcher.js';
import { tokenize } from '../../src/rules/text.js';

/** A one-signal policy built on the default one, for testing pattern syntax in isolation. */
function policyWith(patterns: string[], except: string[] = [], lexicon: Record<string, string[]> = {}): Policy {
  const r = parsePolicy({
    ...defaultPolicy,
    lexicon: { ...defaultPolicy.lexicon, ...lexicon },
    signals: [{ id: 'probe', label: 'probe', patterns, except, weight: 1 }],
    context: [],
    rules: [{ id: 'r', label: 'r', when: 'probe', then: { owner: 'account_executive' }, weight: 1 }],
    // Rules alone: the shipped alarm needs and model refer to the shipped signals.
    decision: {
      ...defaultPolicy.decision,
      alarmNeeds: undefined,
      sev1Stands: undefined,
      nearWords: undefined,
      alarmEvidence: undefined,
      ownerStands: undefined,
    },
    model: false,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

function spans(policy: Policy, text: string) {
  const t = tokenize(text);
  return compileMatcher(policy)
    .scan(t, () => true)
    .map((h) => ({ text: text.slice(t.starts[h.first], t.ends[h.last]), negated: h.negated }));
}

describe('tokenize', () => {
  it('marks the words a writer answers no to: a question with a bare no, a label with a colon and none', () => {
    const denied = (text: string) => {
      const t = tokenize(text);
      return t.words.filter((_, k) => t.denied[k]);
    };
    expect(denied('Anyone hurt? No. The shelf is bent.')).toEqual(['anyone', 'hurt']);
    expect(denied('Guest injured? No - just move the room')).toEqual(['guest', 'injured']);
    expect(denied('Unit 4, injuries: none, damage: dented door')).toEqual(['injuries']);
    // Not an answer: "No idea", "no major ones", a question answered yes.
    expect(denied('Anyone hurt? No idea yet.')).toEqual([]);
    expect(denied('Injuries: no major ones, a cut hand')).toEqual([]);
    expect(denied('Anyone hurt? Yes, a cut hand.')).toEqual([]);
  });

  it('keeps offsets into the original text, folds case and curly apostrophes', () => {
    const text = 'We DON’T want it. Ship 3.5 units!';
    const t = tokenize(text);
    expect(t.words).toEqual(['we', "don't", 'want', 'it', 'ship', '3', '5', 'units']);
    for (const [i, word] of t.words.entries()) {
      expect(text.slice(t.starts[i], t.ends[i]).toLowerCase().replace('’', "'")).toBe(word);
    }
  });

  it('starts a new sentence after . ! ? ; and newlines, but not inside "3.5"', () => {
    const t = tokenize('One two. Three; four\nfive 3.5 six');
    expect(t.sentence).toEqual([0, 0, 1, 2, 3, 3, 3, 3]);
  });
});

describe('pattern syntax', () => {
  it('matches words, prefixes, groups, numbers, alternatives of several words and gaps', () => {
    const p = policyWith([
      'caught fire',
      'scorch*',
      '@staff lied',
      '# times',
      '{ship anyway|sent it anyway}',
      'cancel ..2 contract',
    ]);
    expect(spans(p, 'It caught fire. Scorched wires.').map((s) => s.text)).toEqual(['caught fire', 'Scorched']);
    expect(spans(p, 'Your rep lied to us.').map((s) => s.text)).toEqual(['rep lied']);
    expect(spans(p, 'Failed 4 times; they sent it anyway.').map((s) => s.text)).toEqual(['4 times', 'sent it anyway']);
    expect(spans(p, 'We will cancel the whole contract.').map((s) => s.text)).toEqual(['cancel the whole contract']);
    expect(spans(p, 'We will cancel the whole big contract.')).toEqual([]);
  });

  it('matches a lexicon group whose entries are several words wherever the group stands as an alternative', () => {
    const p = policyWith(['{@who|somebody} ..2 dropped it', '@who spilled'], [], {
      who: ['my son', 'one of our techs', 'toddler', 'kid*'],
    });
    const hits = (text: string) => spans(p, text).map((s) => s.text);
    expect(hits('My son dropped it down the stairs.')).toEqual(['My son dropped it']);
    expect(hits('One of our techs just dropped it.')).toEqual(['One of our techs just dropped it']);
    expect(hits('The kids spilled juice. Somebody dropped it.')).toEqual(['kids spilled', 'Somebody dropped it']);
    // Each entry matches as a whole: "son" alone, or "one of our" without "techs", is not an entry.
    expect(hits('Our son dropped it. One of our drivers spilled coffee.')).toEqual([]);
  });

  it('splits pattern words the way texts are split, so hyphenated words match', () => {
    const p = policyWith(['sim-swap*', 'two-factor']);
    expect(spans(p, 'A SIM-swapped phone, and two factor codes.').map((s) => s.text)).toEqual([
      'SIM-swapped',
      'two factor',
    ]);
  });

  it('matches ^ on a capitalised name inside a sentence, not on a sentence start, a shout or a lower-case word', () => {
    const p = policyWith(['ordering from ^']);
    expect(spans(p, 'Next time we will be ordering from Beacon.').map((s) => s.text)).toEqual(['ordering from Beacon']);
    expect(spans(p, 'We are ordering from them. We keep ordering from stock.')).toEqual([]);
    expect(spans(p, 'WE ARE ORDERING FROM BEACON')).toEqual([]);
    expect(tokenize('Talking to Ziegler. Call Mr Jones').names).toEqual([false, false, true, false, true, true]);
  });

  it('never matches across a sentence boundary', () => {
    const p = policyWith(['cancel ..3 contract']);
    expect(spans(p, 'Cancel the meeting. The contract is fine.')).toEqual([]);
  });

  it('drops a hit that overlaps one of its exceptions', () => {
    const p = policyWith(['smok*'], ['smoke test*']);
    expect(spans(p, 'The smoke test failed but the unit was smoking.').map((s) => s.text)).toEqual(['smoking']);
  });

  it('drops a hit that overlaps an exception of a signal it names in exceptAs, and only then', () => {
    const r = parsePolicy({
      ...policyWith(['smok*']),
      signals: [
        { id: 'probe', label: 'probe', patterns: ['smok*'], except: ['smoke test*'], weight: 1 },
        { id: 'sharer', label: 'sharer', patterns: ['smok*'], except: ['smoke-free'], exceptAs: ['probe'], weight: 1 },
        { id: 'loner', label: 'loner', patterns: ['smok*'], weight: 1 },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const text = 'Smoke test passed, smoke-free site, then it started smoking.';
    const t = tokenize(text);
    const bySignal = (i: number) =>
      compileMatcher(r.policy)
        .scan(t, (s) => s === i)
        .map((h) => text.slice(t.starts[h.first], t.ends[h.last]));
    expect(bySignal(0)).toEqual(['smoke', 'smoking']);
    expect(bySignal(1)).toEqual(['smoking']);
    expect(bySignal(2)).toEqual(['Smoke', 'smoke', 'smoking']);
  });

  it('lets a prefix add only an inflection to a name: "Smoking" in a title, not "Smokey Hollow"', () => {
    const p = policyWith(['smok*']);
    expect(spans(p, 'Unit Smoking After Install').map((s) => s.text)).toEqual(['Smoking']);
    expect(spans(p, 'Ship it to Smokey Hollow Farms, please.')).toEqual([]);
    expect(spans(p, 'Smokey the dog is fine, the unit was smoking.').map((s) => s.text)).toEqual(['Smokey', 'smoking']);
  });

  it('with names: false, skips a one-word hit on a name in running text, and only that', () => {
    const r = parsePolicy({
      ...policyWith(['sparks']),
      signals: [{ id: 'probe', label: 'probe', patterns: ['sparks', 'poison control'], names: false, weight: 1 }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const hits = (text: string) => spans(r.policy, text).map((s) => s.text);
    expect(hits('Please add a login for the Sparks DC team.')).toEqual([]);
    expect(hits('Sparks came out of the charger.')).toEqual(['Sparks']); // starts the sentence
    expect(hits('Charger Sparks And Smokes')).toEqual(['Sparks']); // a title-case line
    expect(hits('We saw sparks at the Reno DC.')).toEqual(['sparks']);
    expect(hits('The nurse called Poison Control at once.')).toEqual(['Poison Control']); // two words
    // Capitalised words that continue a name after the first line: a signature, not an event.
    const crew = parsePolicy({
      ...policyWith(['fire crew']),
      signals: [{ id: 'probe', label: 'probe', patterns: ['fire crew', 'caught fire'], names: false, weight: 1 }],
    });
    if (!crew.ok) throw new Error(JSON.stringify(crew.errors));
    const crewHits = (text: string) => spans(crew.policy, text).map((s) => s.text);
    expect(crewHits('Please refund the duplicate.\nSandra, Lone Pine Fire Crew')).toEqual([]);
    expect(crewHits('Battery Pack Caught Fire')).toEqual(['Caught Fire']); // a title-case first line
    expect(crewHits('Thanks. The fire crew came at noon.')).toEqual(['fire crew']);
    expect(tokenize('Add the Sparks DC team').proper).toEqual([false, false, true, false, false]);
  });

  it('marks a hit negated when a cue stands shortly before it in the same sentence', () => {
    const p = policyWith(['injur*', 'hurt']);
    expect(spans(p, 'Nobody was hurt.')).toEqual([{ text: 'hurt', negated: true }]);
    expect(spans(p, 'There were no reported injuries.')).toEqual([{ text: 'injuries', negated: true }]);
    // Too far from the cue, after "but", or in the next sentence: not negated.
    expect(spans(p, 'No, we checked everything twice and then an operator got hurt.')[0]?.negated).toBe(false);
    expect(spans(p, 'Not a big deal but someone was hurt.')[0]?.negated).toBe(false);
    expect(spans(p, 'No delay. Someone was hurt.')[0]?.negated).toBe(false);
    // "not only" is not a negation.
    expect(spans(p, 'Not only was he hurt, the unit burned.')[0]?.negated).toBe(false);
  });

  it('marks a hit negated when a cue stands in one of its gaps', () => {
    const p = policyWith(['{brakes|valve} ..4 {failed|leaked}']);
    expect(spans(p, 'The brakes have never failed.')).toEqual([{ text: 'brakes have never failed', negated: true }]);
    expect(spans(p, 'The valve has not leaked since June.')[0]?.negated).toBe(true);
    expect(spans(p, 'The brakes suddenly failed.')).toEqual([{ text: 'brakes suddenly failed', negated: false }]);
    // A scope break after the cue ends it; "not only" is not a negation.
    expect(spans(p, 'The brakes were not checked but failed')[0]?.negated).toBe(false);
    expect(spans(p, 'The valve not only leaked')[0]?.negated).toBe(false);
  });

  it('does not negate a pattern that spells out its own negation', () => {
    const p = policyWith(['no callback']);
    expect(spans(p, 'Still no callback.')).toEqual([{ text: 'no callback', negated: false }]);
  });
});

describe('scan cost is linear in the text', () => {
  // Adversarial texts: words the policy's patterns start with and continue with, in long sentences.
  const vocabulary = [
    ...new Set(
      defaultPolicy.signals
        .flatMap((s) => s.patterns.flatMap((p) => p.split(/[\s{}|]+/)))
        .filter((w) => /^[a-z']+$/.test(w)),
    ),
  ];
  const matcher = compileMatcher(defaultPolicy);
  const cost = (text: string) => {
    const stats = { comparisons: 0 };
    matcher.scan(tokenize(text), () => true, stats);
    return stats.comparisons;
  };

  it('does at most a constant amount of work per word, whatever the words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary, ',', 'not', 'again'), { minLength: 50, maxLength: 400 }),
        (words) => {
          const text = words.join(' ');
          const once = cost(text);
          const ten = cost(Array(10).fill(text).join(' '));
          // Ten copies cost at most ten times one copy plus the joins between them.
          expect(ten).toBeLessThanOrEqual(10 * once + 10 * 2000);
          expect(once).toBeLessThanOrEqual(words.length * 2000);
        },
      ),
      { numRuns: 40 },
    );
  });
});
