// The two comparison points for decide(): the same policy as a json-rules-engine rule set (the peer
// baseline), and a plain lower-case-and-includes scan over the policy's phrase list (the floor).
import { Engine } from 'json-rules-engine';

const SEP = '[^\\p{L}\\p{N}.!?;\\n]+'; // between two words, inside one sentence
const WORD = "[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*";

function parts(pattern) {
  return pattern.trim().match(/\{[^{}]*\}|[^\s{}]+/g) ?? [];
}

function wordRegex(w, lexicon) {
  if (w === '*') return WORD;
  if (w === '#') return '\\d[\\d,.]*';
  if (w.startsWith('@')) return `(?:${lexicon[w.slice(1)].map((x) => wordRegex(x, lexicon)).join('|')})`;
  const star = w.endsWith('*');
  const lit = (star ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
  return star ? `${lit}[\\p{L}\\p{N}'’]*` : lit;
}

/** One regular expression per pattern, with the same words, gaps and sentence limits. */
export function patternRegex(pattern, lexicon) {
  let src = '';
  let gap = 0;
  for (const part of parts(pattern)) {
    if (part.startsWith('..')) {
      gap = part.length > 2 ? Number(part.slice(2)) : 3;
      continue;
    }
    const alts = (part.startsWith('{') ? part.slice(1, -1).split('|') : [part]).map((alt) =>
      alt
        .trim()
        .split(/\s+/)
        .map((w) => wordRegex(w, lexicon))
        .join(SEP),
    );
    if (src !== '') src += gap > 0 ? `(?:${SEP}${WORD}){0,${gap}}${SEP}` : SEP;
    src += `(?:${alts.join('|')})`;
    gap = 0;
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${src}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The policy's phrase list: every word and multi-word alternative of every step, lower-cased. */
export function phraseList(policy) {
  const phrases = new Set();
  const add = (w) => {
    if (w === '*' || w === '#') return;
    if (w.startsWith('@')) for (const x of policy.lexicon[w.slice(1)]) add(x);
    else phrases.add(w.replace(/\*$/, '').toLowerCase());
  };
  for (const s of policy.signals)
    for (const pattern of [...s.patterns, ...(s.except ?? [])])
      for (const part of parts(pattern)) {
        if (part.startsWith('..')) continue;
        for (const alt of part.startsWith('{') ? part.slice(1, -1).split('|') : [part]) {
          const words = alt.trim().split(/\s+/);
          if (words.length === 1) add(words[0]);
          else phrases.add(words.map((w) => w.replace(/\*$/, '').toLowerCase()).join(' '));
        }
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
 * The peer: json-rules-engine with one rule per signal (its patterns as regular expressions, with the
 * same exceptions and negation window, in a custom operator), then the policy's rules over the signals
 * found, and the same owner scoring. Returns an async function deciding one case line.
 */
export function rulesEngine(policy) {
  const cues = new Set(policy.negation.cues);
  const compiled = policy.signals.map((s) => ({
    patterns: s.patterns.map((p) => patternRegex(p, policy.lexicon)),
    except: (s.except ?? []).map((p) => patternRegex(p, policy.lexicon)),
    negatable: s.negatable !== false,
    fields: s.fields ?? ['Subject', 'Description'],
  }));
  const negated = (text, index) => {
    const before =
      text
        .slice(Math.max(0, index - 80), index)
        .split(/[.!?;\n]/)
        .pop() ?? '';
    const words = before.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
    return words.slice(-(policy.negation.window + 1)).some((w) => cues.has(w.replace('’', "'")));
  };
  const signalEngine = new Engine([], { allowUndefinedFacts: true });
  signalEngine.addOperator('signal', (text, index) => {
    if (typeof text !== 'string' || text === '') return false;
    const c = compiled[index];
    const spans = c.except.flatMap((re) => [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]));
    return c.patterns.some((re) =>
      [...text.matchAll(re)].some(
        (m) =>
          !spans.some(([a, b]) => m.index < b && a < m.index + m[0].length) && !(c.negatable && negated(text, m.index)),
      ),
    );
  });
  policy.signals.forEach((s, i) => {
    signalEngine.addRule({
      name: s.id,
      conditions: { any: compiled[i].fields.map((f) => ({ fact: f, operator: 'signal', value: i })) },
      event: { type: 'signal', params: { id: s.id, weight: s.weight, owner: s.owner ?? null } },
    });
  });
  const ruleEngine = new Engine([], { allowUndefinedFacts: true });
  for (const r of policy.rules)
    ruleEngine.addRule({ name: r.id, conditions: toCondition(r.when), event: { type: 'rule', params: r } });

  return async (line) => {
    const facts = {};
    for (const f of FIELDS) facts[f] = line.case[f] ?? '';
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
