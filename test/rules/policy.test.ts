import { defaultPolicy, parsePolicy } from '../../src/rules/index.js';

const withChange = (change: (p: Record<string, unknown>) => void) => {
  const p = structuredClone(defaultPolicy) as unknown as Record<string, unknown>;
  change(p);
  return parsePolicy(p);
};

describe('policy validation', () => {
  it('accepts the shipped default, which covers all four owners and all four alarms', () => {
    expect(parsePolicy(defaultPolicy).ok).toBe(true);
    const owners = new Set([
      ...defaultPolicy.signals.map((s) => s.owner),
      ...defaultPolicy.rules.map((r) => r.then.owner),
    ]);
    expect(owners).toEqual(
      new Set([undefined, 'customer_service', 'client_success', 'account_executive', 'sales_leadership']),
    );
    const alarms = new Set(defaultPolicy.rules.flatMap((r) => ('alarm' in r.then ? [r.then.alarm] : [])));
    expect(alarms).toEqual(new Set(['churn_risk', 'product_safety', 'service_breach', 'ethics_violation']));
  });

  it.each([
    [
      'a bad pattern',
      (p: any) => (p.signals[2].patterns[1] = 'refund ..'),
      'signals[2].patterns[1]',
      'may not end with a gap',
    ],
    [
      'an unknown lexicon group',
      (p: any) => (p.signals[0].patterns[0] = '@nosuch order'),
      'signals[0].patterns[0]',
      'unknown lexicon group "@nosuch"',
    ],
    [
      'a lexicon group of several-word entries used inside a longer alternative',
      (p: any) => {
        p.lexicon.who = ['my son', 'toddler'];
        p.signals[0].patterns[0] = '{our @who|somebody} dropped it';
      },
      'signals[0].patterns[0]',
      '"@who" has entries of several words, so it must be an alternative of its own',
    ],
    [
      'a lexicon entry that is not words',
      (p: any) => (p.lexicon.who = ['my son', 'any {one}']),
      'lexicon.who[1]',
      'a lexicon entry is a word, or up to 6 words',
    ],
    ['a duplicate signal id', (p: any) => (p.signals[1].id = p.signals[0].id), 'signals[1].id', 'duplicate id'],
    [
      'a rule naming no signal',
      (p: any) => (p.rules[0].when = { any: ['harm', 'nosuch'] }),
      'rules[0].when.any[1]',
      '"nosuch" is not the id',
    ],
    [
      'an exceptAs entry naming no signal',
      (p: any) => (p.signals[0].exceptAs = ['harm', 'harms']),
      'signals[0].exceptAs[1]',
      '"harms" is not the id of a signal',
    ],
    [
      'a signal sharing its own exceptions',
      (p: any) => (p.signals[0].exceptAs = [p.signals[0].id]),
      'signals[0].exceptAs[0]',
      'already uses its own exceptions',
    ],
    [
      'a sev1Stands entry naming no signal',
      (p: any) => (p.decision.sev1Stands = ['harm', 'hurt']),
      'decision.sev1Stands[1]',
      '"hurt" is not the id',
    ],
    [
      'an ownerStands entry naming no rule',
      (p: any) => (p.decision.ownerStands = ['account_executive.leave_signal', 'leave_intent']),
      'decision.ownerStands[1]',
      '"leave_intent" is not a rule id',
    ],
    [
      'a nearWords entry naming a context signal, which has no words around it',
      (p: any) => (p.decision.nearWords = ['harm', 'account_history_heavy']),
      'decision.nearWords[1]',
      '"account_history_heavy" is not the id of a signal found in the text',
    ],
    [
      'an alarmEvidence entry naming no signal',
      (p: any) => (p.decision.alarmEvidence = { ethics_violation: ['bribery', 'bribes'] }),
      'decision.alarmEvidence.ethics_violation[1]',
      '"bribes" is not the id',
    ],
    [
      'a probability above 1',
      (p: any) => (p.decision.unsupportedAlarmAt = 1.5),
      'decision.unsupportedAlarmAt',
      'expected number to be <=1',
    ],
    ['a weight of the wrong type', (p: any) => (p.signals[3].weight = 'high'), 'signals[3].weight', 'expected number'],
    [
      'an unknown alarm category',
      (p: any) => (p.rules[0].then.alarm = 'fire'),
      'rules[0].then.alarm',
      'expected one of "churn_risk"',
    ],
    ['an unknown key', (p: any) => (p.negation.windw = 3), 'negation', 'windw'],
    [
      'a gap too wide',
      (p: any) => (p.signals[0].patterns[0] = 'order ..50 status'),
      'signals[0].patterns[0]',
      'at most 10',
    ],
    [
      'a pattern starting with a name',
      (p: any) => (p.signals[0].patterns[0] = '^ from'),
      'signals[0].patterns[0]',
      'may not start with ^',
    ],
  ])('names the exact path of %s', (_, change, path, message) => {
    const r = withChange(change);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
