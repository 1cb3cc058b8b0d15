// The two comparison points for decide(): the same policy as a json-rules-engine rule set (the peer
// baseline), and a plain lower-case-and-includes scan over the policy's phrase list (the floor).
import { Engine } from 'json-rules-engine';
import { compileMatcher } from '../../lib/rules/matcher.js';
import { tokenize } from '../../lib/rules/text.js';

function parts(pattern) {
  return pattern.trim().match(/\{[^{}]*\}|[^\s{}]+/g) ?? [];
}

/** The policy's phrase list: every word and multi-word alternative of every step, lower-cased. */
export function phraseList(policy) {
  const phrases = new Set();
  // An alternative of one word or several; a whole @group is each of its entries (an entry may be several words).
  const add = (alt) => {
    if (alt === '*' || alt === '#' || alt === '^') return;
    if (/^@\S+$/.test(alt)) for (const entry of policy.lexicon[alt.slice(1)]) add(entry.trim());
    else
      phrases.add(
        alt
          .split(/\s+/)
          .map((w) => w.replace(/\*$/, '').toLowerCase())
          .join(' '),
      );
  };
  for (const s of policy.signals)
    for (const pattern of [...s.patterns, ...(s.except ?? [])])
      for (const part of parts(pattern)) {
        if (part.startsWith('..')) continue;
        for (const alt of part.startsWith('{') ? part.slice(1, -1).split('|') : [part]) add(alt.trim());
      }
  return [...phrases];
}

/** The floor: lower-case the text once, then one includes() per phrase. */
export function keywordScan(phrases) {
  return (line) => {
    const text = `${line.case.Subject ?? ''}\n${line.case.Description ?? ''}`.toLowerCase();
    let hits = 0;
    for (const p of phrases) if (text.includes(p)) hits++;
    return hits;
  };
}

const FIELDS = ['Subject', 'Description', 'Type', 'Reason', 'Priority', 'Origin'];

function toCondition(when) {
  if (typeof when === 'string') return { fact: 'signals', operator: 'contains', value: when };
  if ('all' in when) return { all: when.all.map(toCondition) };
  if ('any' in when) return { any: when.any.map(toCondition) };
  return { not: toCondition(when.not) };
}

/**
 * The peer: json-rules-engine with one condition per pattern (each a pass over the case's words, with
 * the same exceptions and negation, by a custom operator), one rule per signal, then the policy's rules
 * over the signals found, and the same owner scoring. The text is tokenized once per case, as a fact,
 * so the difference measured is the engine and one pass per pattern against one pass for all.
 * Returns an async function deciding one case line.
 */
export function rulesEngine(policy) {
  const matchers = [];
  const signalEngine = new Engine([], { allowUndefinedFacts: true });
  signalEngine.addOperator('pattern', (tokens, index) => {
    if (!tokens) return false;
    return matchers[index].scan(tokens, () => true).some((h) => !h.negated);
  });
  for (const s of policy.signals) {
    const conditions = [];
    for (const p of s.patterns) {
      const one = { ...policy, signals: [{ ...s, patterns: [p] }] };
      matchers.push(compileMatcher(one));
      for (const f of s.fields ?? ['Subject', 'Description'])
        conditions.push({ fact: f, operator: 'pattern', value: matchers.length - 1 });
    }
    signalEngine.addRule({
      name: s.id,
      conditions: { any: conditions },
      event: { type: 'signal', params: { id: s.id, weight: s.weight, owner: s.owner ?? null } },
    });
  }
  const ruleEngine = new Engine([], { allowUndefinedFacts: true });
  for (const r of policy.rules)
    ruleEngine.addRule({
      name: r.id,
      // json-rules-engine wants all/any/not at the root: a rule on one signal becomes all: [it].
      conditions: typeof r.when === 'string' ? { all: [toCondition(r.when)] } : toCondition(r.when),
      event: { type: 'rule', params: r },
    });

  return async (line) => {
    const facts = {};
    for (const f of FIELDS) if (typeof line.case[f] === 'string') facts[f] = tokenize(line.case[f]);
    const found = (await signalEngine.run(facts)).events.map((e) => e.params);
    const ids = found.map((f) => f.id);
    for (const c of policy.context) {
      const v = (path) => path.split('.').reduce((o, k) => o?.[k], line.context ?? {});
      const met = c.checks.filter((ch) => (v(ch.path) ?? -1) >= ch.gte).length;
      if (c.match === 'any' ? met > 0 : met === c.checks.length) ids.push(c.id);
    }
    const fired = (await ruleEngine.run({ signals: ids })).events.map((e) => e.params);
    const alarm = fired.find((r) => 'alarm' in r.then);
    if (alarm) return { owner: 'sales_leadership', alarm: alarm.then.alarm };
    const score = { customer_service: 0, client_success: 0, account_executive: 0 };
    for (const f of found) if (f.owner) score[f.owner] += f.weight;
    for (const r of fired) score[r.then.owner] += r.weight;
    const owner = Object.entries(score).sort((a, b) => b[1] - a[1])[0][0];
    return { owner, alarm: null };
  };
}
