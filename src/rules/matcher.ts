/**
 * Compiles every pattern of a policy into one index keyed by first word, so a field's text is scanned
 * once however many phrases the policy has: each token looks up the patterns that can start on it and
 * extends them a bounded number of steps. Cost is linear in the text and independent of phrase count.
 */
import { MAX_ALTERNATIVE_WORDS, MAX_GAP, MAX_STEPS, type Policy, patternParts } from './policy.js';
import type { Tokens } from './text.js';

/** Matches one token. */
interface Word {
  words: Set<string>;
  prefixes: string[];
  any: boolean;
  number: boolean;
}

interface Step {
  /** Alternatives, each a run of consecutive words (most are one word long). */
  runs: Word[][];
  /** Words that may be skipped before this step. */
  gap: number;
}

interface Pattern {
  /** Index into policy.signals. */
  signal: number;
  steps: Step[];
  negatable: boolean;
  /** True for a signal's `except` pattern. */
  exception: boolean;
}

export interface Hit {
  signal: number;
  first: number;
  last: number;
  negated: boolean;
}

export interface Matcher {
  scan(tokens: Tokens, allowed: (signal: number) => boolean): Hit[];
}

const DIGITS = /^\d[\d,.]*$/;
/** The longest span a match can cover, in tokens: how far back an exception can start. */
const MAX_SPAN = MAX_STEPS * MAX_ALTERNATIVE_WORDS + (MAX_STEPS - 1) * MAX_GAP;

const norm = (w: string) => w.toLowerCase().replaceAll('’', "'");

function wordMatches(m: Word, w: string): boolean {
  if (m.any || m.words.has(w)) return true;
  if (m.number && DIGITS.test(w)) return true;
  for (const p of m.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/** Last token of `run` matched at token `k`, or -1. Runs never cross a sentence. */
function runEnd(run: Word[], k: number, t: Tokens): number {
  const end = k + run.length - 1;
  if (end >= t.words.length || t.sentence[end] !== t.sentence[k]) return -1;
  for (let j = 0; j < run.length; j++) if (!wordMatches(run[j] as Word, t.words[k + j] as string)) return -1;
  return end;
}

/** Exceptions arrive ordered by first token; only those starting near the hit can overlap it. */
function overlapsException(h: Hit, exceptions: Hit[]): boolean {
  let lo = 0;
  let hi = exceptions.length;
  const from = h.first - MAX_SPAN;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((exceptions[mid] as Hit).first < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < exceptions.length; k++) {
    const e = exceptions[k] as Hit;
    if (e.first > h.last) break;
    if (e.signal === h.signal && e.last >= h.first) return true;
  }
  return false;
}

export function compileMatcher(policy: Policy): Matcher {
  const cues = new Set(policy.negation.cues.map(norm));
  const breaks = new Set(policy.negation.scopeBreaks.map(norm));
  const notACue = new Set(policy.negation.notACueBefore.map(norm));
  const window = policy.negation.window;

  const byWord = new Map<string, Pattern[]>();
  const byPrefix = new Map<string, Pattern[]>();
  const byNumber: Pattern[] = [];
  const push = (map: Map<string, Pattern[]>, key: string, p: Pattern) => {
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    else if (list[list.length - 1] !== p) list.push(p);
  };

  const compileWord = (entry: string): { word: Word; cue: boolean } => {
    const word: Word = { words: new Set(), prefixes: [], any: false, number: false };
    let cue = false;
    const add = (e: string) => {
      if (e === '*') word.any = true;
      else if (e === '#') word.number = true;
      else if (e.startsWith('@')) for (const w of policy.lexicon[e.slice(1)] ?? []) add(w);
      else {
        const w = norm(e);
        if (cues.has(w.replace(/\*$/, ''))) cue = true;
        if (w.endsWith('*')) word.prefixes.push(w.slice(0, -1));
        else word.words.add(w);
      }
    };
    add(entry);
    return { word, cue };
  };

  const addPattern = (signal: number, source: string, exception: boolean, negatable: boolean) => {
    const steps: Step[] = [];
    let gap = 0;
    let hasCue = false;
    for (const part of patternParts(source)) {
      if (part.startsWith('..')) {
        gap = part.length > 2 ? Number(part.slice(2)) : 3;
        continue;
      }
      const alternatives = part.startsWith('{') ? part.slice(1, -1).split('|') : [part];
      const runs = alternatives.map((alt) =>
        alt
          .trim()
          .split(/\s+/)
          .map((w) => {
            const c = compileWord(w);
            hasCue ||= c.cue;
            return c.word;
          }),
      );
      steps.push({ runs, gap });
      gap = 0;
    }
    // A pattern that spells out its own negation ("no callback") is not negated again.
    const p: Pattern = { signal, steps, exception, negatable: negatable && !hasCue };
    for (const run of (steps[0] as Step).runs) {
      const first = run[0] as Word;
      for (const w of first.words) push(byWord, w, p);
      for (const pre of first.prefixes) push(byPrefix, pre, p);
      if (first.number && byNumber[byNumber.length - 1] !== p) byNumber.push(p);
    }
  };

  policy.signals.forEach((s, i) => {
    for (const pt of s.patterns) addPattern(i, pt, false, s.negatable !== false);
    for (const pt of s.except ?? []) addPattern(i, pt, true, false);
  });
  const prefixLengths = [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);

  /** Last token of the shortest match of steps[s..] after token `prev`, or -1. Bounded by the schema. */
  const extend = (p: Pattern, s: number, prev: number, t: Tokens): number => {
    if (s === p.steps.length) return prev;
    const step = p.steps[s] as Step;
    const limit = Math.min(t.words.length - 1, prev + 1 + step.gap);
    for (let k = prev + 1; k <= limit; k++) {
      if (t.sentence[k] !== t.sentence[prev]) break;
      for (const run of step.runs) {
        const end = runEnd(run, k, t);
        if (end < 0) continue;
        const last = extend(p, s + 1, end, t);
        if (last >= 0) return last;
      }
    }
    return -1;
  };

  const start = (p: Pattern, i: number, t: Tokens): number => {
    for (const run of (p.steps[0] as Step).runs) {
      const end = runEnd(run, i, t);
      if (end < 0) continue;
      const last = extend(p, 1, end, t);
      if (last >= 0) return last;
    }
    return -1;
  };

  return {
    scan(t, allowed) {
      const hits: Hit[] = [];
      const exceptions: Hit[] = [];
      const seen = new Set<Pattern>();
      let lastCue = -1; // token index of the latest negation cue still in scope
      const n = t.words.length;
      for (let i = 0; i < n; i++) {
        const w = t.words[i] as string;
        if (i > 0 && t.sentence[i] !== t.sentence[i - 1]) lastCue = -1;
        const negated = lastCue >= 0 && i - lastCue - 1 <= window;
        seen.clear();
        const tryAll = (list: Pattern[] | undefined) => {
          if (!list) return;
          for (const p of list) {
            if (seen.has(p) || !allowed(p.signal)) continue;
            seen.add(p);
            const last = start(p, i, t);
            if (last < 0) continue;
            const hit = { signal: p.signal, first: i, last, negated: p.negatable && negated };
            (p.exception ? exceptions : hits).push(hit);
          }
        };
        tryAll(byWord.get(w));
        for (const len of prefixLengths) {
          if (len > w.length) break;
          tryAll(byPrefix.get(w.slice(0, len)));
        }
        if (byNumber.length > 0 && DIGITS.test(w)) tryAll(byNumber);
        if (breaks.has(w)) lastCue = -1;
        else if (cues.has(w) && !notACue.has(t.words[i + 1] ?? '')) lastCue = i;
      }
      return exceptions.length === 0 ? hits : hits.filter((h) => !overlapsException(h, exceptions));
    },
  };
}
