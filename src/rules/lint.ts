/**
 * Warnings about a valid policy: patterns that can never fire, and patterns written twice. A policy
 * edited by hand over years collects both; neither changes a decision, but each misleads the next
 * person who reads the file ("we already handle 'burn unit'") and costs a little time on every case.
 *
 * A pattern is dead when an exception of its own signal (its `except`, or one shared through
 * `exceptAs`) matches every wording of it. That is checked by writing out the pattern's wordings:
 * every alternative, a prefix `burn*` as "burn" and as a longer word only a prefix can match, a gap as
 * no words and as its full width of filler words, `*` as a filler and `#` as a number. When the
 * exceptions match every one of them, they match the pattern wherever it occurs, since an exception
 * that matches inside a pattern's own words overlaps its hit in any text. Patterns with too many
 * wordings to write out, or with a name step (`^`), are not judged.
 */
import { compileMatcher, exceptionsInForce } from './matcher.js';
import { patternParts } from './pattern.js';
import type { Policy, Signal } from './policy.js';
import { patternWords, tokenize } from './text.js';

export interface PolicyWarning {
  /** Where in the policy file, as `signals[3].patterns[12]`. */
  path: string;
  pattern: string;
  problem: string;
}

export interface LintResult {
  warnings: PolicyWarning[];
  /** The signals' patterns, not counting their exceptions. */
  patterns: number;
  /** Of those, how many have too many wordings (or a name step) to judge. */
  unjudged: number;
}

/** A word only `*`, a gap or a prefix can match. */
const FILLER = 'qqzx';
/** Wordings written out per pattern before it is left unjudged. */
const MAX_WORDINGS = 512;

const canonical = (p: string) => patternParts(p).join(' ').toLowerCase();

/** Every wording of one pattern, as token lists, or null when there are too many or a step is a name. */
export function wordings(pattern: string, lexicon: Policy['lexicon']): string[][] | null {
  let out: string[][] = [[]];
  const grow = (choices: string[][]): boolean => {
    if (choices.length === 0) return true;
    if (out.length * choices.length > MAX_WORDINGS) return false;
    out = out.flatMap((w) => choices.map((c) => [...w, ...c]));
    return true;
  };
  /** The wordings of one alternative (several words, each of which may itself vary). */
  const alternative = (alt: string, depth = 0): string[][] | null => {
    let acc: string[][] = [[]];
    for (const w of patternWords(alt)) {
      let choices: string[][];
      if (w === '^') return null;
      if (w === '*') choices = [[FILLER]];
      else if (w === '#') choices = [['7']];
      else if (w.startsWith('@')) {
        if (depth > 0) return null;
        const entries = (lexicon[w.slice(1)] ?? []).map((e) => alternative(e, depth + 1));
        if (entries.some((e) => e === null)) return null;
        choices = (entries as string[][][]).flat();
      } else if (w.endsWith('*')) choices = [[w.slice(0, -1)], [w.slice(0, -1) + FILLER]];
      else choices = [[w]];
      if (acc.length * choices.length > MAX_WORDINGS) return null;
      acc = acc.flatMap((a) => choices.map((c) => [...a, ...c]));
    }
    return acc;
  };
  for (const part of patternParts(pattern)) {
    if (part.startsWith('..')) {
      const width = part.length > 2 ? Number(part.slice(2)) : 3;
      if (!grow(width > 0 ? [[], Array<string>(width).fill(FILLER)] : [[]])) return null;
      continue;
    }
    const alts = part.startsWith('{') ? part.slice(1, -1).split('|') : [part];
    const choices: string[][] = [];
    for (const alt of alts) {
      const w = alternative(alt);
      if (w === null) return null;
      choices.push(...w);
    }
    if (!grow(choices)) return null;
  }
  return out;
}

/** A policy of one signal per pattern, so a scan tells which pattern matched. */
function onePerSignal(policy: Policy, patterns: string[]): Policy {
  return {
    ...policy,
    signals: patterns.map((p, i): Signal => ({ id: `p${i}`, label: p, patterns: [p], weight: 1, negatable: false })),
  };
}

export function lintPolicy(policy: Policy): LintResult {
  const warnings: PolicyWarning[] = [];
  let unjudged = 0;
  const inForce = exceptionsInForce(policy);

  policy.signals.forEach((s, si) => {
    // Written twice in one list.
    for (const list of ['patterns', 'except'] as const) {
      const seen = new Map<string, number>();
      (s[list] ?? []).forEach((p, i) => {
        const key = canonical(p);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else
          warnings.push({
            path: `signals[${si}].${list}[${i}]`,
            pattern: p,
            problem: `written twice in this list: the same as signals[${si}].${list}[${first}]`,
          });
      });
    }

    const exceptions = inForce[si] ?? [];
    if (exceptions.length === 0) return;
    const exceptionMatcher = compileMatcher(
      onePerSignal(
        policy,
        exceptions.map((e) => e.pattern),
      ),
    );
    const all = () => true;

    s.patterns.forEach((p, pi) => {
      const texts = wordings(p, policy.lexicon);
      if (texts === null) {
        unjudged++;
        return;
      }
      const self = compileMatcher(onePerSignal(policy, [p]));
      let killer: number | null = null;
      let judged = 0;
      for (const words of texts) {
        const tokens = tokenize(words.join(' '));
        // A wording the pattern itself does not match (a tokenizer subtlety) says nothing.
        if (self.scan(tokens, all).length === 0) continue;
        judged++;
        const hits = exceptionMatcher.scan(tokens, all);
        if (hits.length === 0) return; // this wording gets through: the pattern can fire
        killer ??= (hits[0] as { signal: number }).signal;
      }
      if (judged === 0 || killer === null) {
        unjudged++;
        return;
      }
      const k = exceptions[killer] as { pattern: string; from: string };
      const where = k.from === s.id ? 'its own except' : `the except of "${k.from}"`;
      warnings.push({
        path: `signals[${si}].patterns[${pi}]`,
        pattern: p,
        problem: `never fires: the exception "${k.pattern}" (${where}) matches every wording of it`,
      });
    });
  });
  return { warnings, patterns: policy.signals.reduce((n, s) => n + s.patterns.length, 0), unjudged };
}
