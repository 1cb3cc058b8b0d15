/**
 * Compiles every pattern of a policy into one index keyed by first word, so a field's text is scanned
 * once however many phrases the policy has: each token looks up the patterns that can start on it and
 * extends them a bounded number of steps. Cost is linear in the text and independent of phrase count.
 */
import { MAX_ALTERNATIVE_WORDS, MAX_GAP, MAX_STEPS, patternParts } from './pattern.js';
import type { Policy } from './policy.js';
import { patternWords, type Tokens } from './text.js';

/** Matches one token. */
interface Word {
  words: Set<string>;
  prefixes: string[];
  any: boolean;
  number: boolean;
  /** `^`: a capitalised word inside a sentence (Tokens.names). */
  name: boolean;
}

interface Step {
  /** All one-word alternatives, merged into one matcher (null when there are none). */
  single: Word | null;
  /** Alternatives of several consecutive words. */
  runs: Word[][];
  /** Words that may be skipped before this step. */
  gap: number;
}

interface Pattern {
  /** Position in the compiled pattern list. */
  index: number;
  /** Index into policy.signals. */
  signal: number;
  steps: Step[];
  negatable: boolean;
  /** True for a signal's `except` pattern. */
  exception: boolean;
  /** False when a one-word hit on a name in running text does not count (Signal.names). */
  names: boolean;
}

export interface Hit {
  signal: number;
  first: number;
  last: number;
  negated: boolean;
}

/** Work done by a scan, counted in token comparisons: it grows linearly with the text. */
export interface ScanStats {
  comparisons: number;
}

export interface Matcher {
  scan(tokens: Tokens, allowed: (signal: number) => boolean, stats?: ScanStats): Hit[];
}

const DIGITS = /^\d[\d,.]*$/;
/** The longest span a match can cover, in tokens: how far back an exception can start. */
const MAX_SPAN = MAX_STEPS * MAX_ALTERNATIVE_WORDS + (MAX_STEPS - 1) * MAX_GAP;

const norm = (w: string) => w.toLowerCase().replaceAll('’', "'");

/**
 * What a prefix pattern may add to its stem when the word is a name: "Smoking" in a title-case subject
 * is still smoke, but "Smokey Hollow Farms" and "Rashida" are not smoke and rash.
 */
const INFLECTION =
  /^(?:|e|s|es|ed|d|t|ing|ings|er|ers|y|ies|ied|ly|a|al|ally|ion|ions|ation|ations|ity|ities|ous|ment|ments|ness|ive)$/;

function wordMatches(m: Word, w: string, name: boolean): boolean {
  if (m.any || m.words.has(w) || (m.name && name)) return true;
  if (m.number && DIGITS.test(w)) return true;
  for (const p of m.prefixes) if (w.startsWith(p) && (!name || INFLECTION.test(w.slice(p.length)))) return true;
  return false;
}

function mergeWords(list: Word[]): Word {
  const m: Word = { words: new Set(), prefixes: [], any: false, number: false, name: false };
  for (const w of list) {
    for (const x of w.words) m.words.add(x);
    m.prefixes.push(...w.prefixes);
    m.any ||= w.any;
    m.number ||= w.number;
    m.name ||= w.name;
  }
  m.prefixes = [...new Set(m.prefixes)];
  return m;
}

/** Last token of `run` matched at token `k`, or -1. Runs never cross a sentence. */
function runEnd(run: Word[], k: number, t: Tokens, stats: ScanStats | undefined): number {
  const end = k + run.length - 1;
  if (end >= t.words.length || t.sentence[end] !== t.sentence[k]) return -1;
  for (let j = 0; j < run.length; j++) {
    if (stats) stats.comparisons++;
    if (!wordMatches(run[j] as Word, t.words[k + j] as string, t.names[k + j] === true)) return -1;
  }
  return end;
}

/**
 * A hit that is part of a name (Signal.names false): one word written as a name in running text ("the
 * Sparks DC roof"), or capitalised words that continue a name after the first line ("Lone Pine Fire Crew"
 * in a signature). A title-case subject or first line ("Battery Pack Caught Fire") is never a name.
 */
function onName(t: Tokens, first: number, last: number): boolean {
  if (first === last && t.proper[first]) return true;
  // The word before must be a name in the same sentence, and that sentence not the first line.
  if (t.sentence[first] === 0 || t.sentence[first - 1] !== t.sentence[first] || !t.names[first - 1]) return false;
  for (let k = first; k <= last; k++) if (!t.names[k]) return false;
  return true;
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

/**
 * The exceptions in force for each signal, in policy order: its own `except`, then those of the signals it
 * names in `exceptAs` (one level), each pattern once, with the id of the signal whose list writes it.
 */
export function exceptionsInForce(policy: Policy): { pattern: string; from: string }[][] {
  const exceptOf = new Map(policy.signals.map((s) => [s.id, s.except ?? []]));
  return policy.signals.map((s) => {
    const seen = new Set<string>();
    const out: { pattern: string; from: string }[] = [];
    for (const from of [s.id, ...(s.exceptAs ?? [])])
      for (const pattern of exceptOf.get(from) ?? [])
        if (!seen.has(pattern)) {
          seen.add(pattern);
          out.push({ pattern, from });
        }
    return out;
  });
}

export function compileMatcher(policy: Policy): Matcher {
  const cues = new Set(policy.negation.cues.map(norm));
  const breaks = new Set(policy.negation.scopeBreaks.map(norm));
  const notACue = new Set(policy.negation.notACueBefore.map(norm));
  const window = policy.negation.window;

  const byWord = new Map<string, Pattern[]>();
  const byPrefix = new Map<string, Pattern[]>();
  const byNumber: Pattern[] = [];
  // Anchors: for each pattern, the words of its most selective step. A pattern none of whose anchor
  // words occurs in the text cannot match, so it is never tried there (most patterns, most texts).
  const anchorWord = new Map<string, Pattern[]>();
  const anchorPrefix = new Map<string, Pattern[]>();
  const unanchored: Pattern[] = [];
  let patternCount = 0;
  const push = (map: Map<string, Pattern[]>, key: string, p: Pattern) => {
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    else if (list[list.length - 1] !== p) list.push(p);
  };
  const anchor = (p: Pattern) => {
    let best: Word[] | null = null;
    let bestSize = Number.POSITIVE_INFINITY;
    for (const step of p.steps) {
      // One required word per alternative: its most selective (narrowest) word.
      const picks: Word[] = [];
      for (const run of [...(step.single ? [[step.single]] : []), ...step.runs]) {
        const usable = run.filter((w) => !w.any && !w.number && !w.name);
        if (usable.length === 0) {
          picks.length = 0;
          break;
        }
        picks.push(usable.reduce((a, b) => (size(b) < size(a) ? b : a)));
      }
      const total = picks.reduce((n, w) => n + size(w), 0);
      if (picks.length > 0 && total < bestSize) {
        best = picks;
        bestSize = total;
      }
    }
    if (!best) return unanchored.push(p);
    for (const w of best) {
      for (const word of w.words) push(anchorWord, word, p);
      for (const pre of w.prefixes) push(anchorPrefix, pre, p);
    }
  };
  // Broad words (big groups, short prefixes) make weak anchors.
  const size = (w: Word) => w.words.size + w.prefixes.reduce((n, pre) => n + Math.max(1, 8 - pre.length), 0);

  const compileWord = (entry: string): { word: Word; cue: boolean } => {
    const word: Word = { words: new Set(), prefixes: [], any: false, number: false, name: false };
    let cue = false;
    const add = (e: string) => {
      if (e === '*') word.any = true;
      else if (e === '#') word.number = true;
      else if (e === '^') word.name = true;
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

  const addPattern = (signal: number, source: string, exception: boolean, negatable: boolean, names = true) => {
    const steps: Step[] = [];
    let gap = 0;
    let hasCue = false;
    for (const part of patternParts(source)) {
      if (part.startsWith('..')) {
        gap = part.length > 2 ? Number(part.slice(2)) : 3;
        continue;
      }
      // An alternative that is a whole lexicon group is each of its entries (an entry may be several words).
      const alternatives = (part.startsWith('{') ? part.slice(1, -1).split('|') : [part]).flatMap((alt) => {
        const t = alt.trim();
        return t.startsWith('@') && !/\s/.test(t) ? (policy.lexicon[t.slice(1)] ?? []) : [alt];
      });
      const all = alternatives.map((alt) =>
        patternWords(alt).map((w) => {
          const c = compileWord(w);
          hasCue ||= c.cue;
          return c.word;
        }),
      );
      const singles = all.filter((r) => r.length === 1).map((r) => r[0] as Word);
      steps.push({
        single: singles.length > 0 ? mergeWords(singles) : null,
        runs: all.filter((r) => r.length > 1),
        gap,
      });
      gap = 0;
    }
    // A pattern that spells out its own negation ("no callback") is not negated again.
    const p: Pattern = { index: patternCount++, signal, steps, exception, negatable: negatable && !hasCue, names };
    anchor(p);
    const first0 = steps[0] as Step;
    for (const first of [...(first0.single ? [first0.single] : []), ...first0.runs.map((r) => r[0] as Word)]) {
      for (const w of first.words) push(byWord, w, p);
      for (const pre of first.prefixes) push(byPrefix, pre, p);
      if (first.number && byNumber[byNumber.length - 1] !== p) byNumber.push(p);
    }
  };

  const inForce = exceptionsInForce(policy);
  policy.signals.forEach((s, i) => {
    for (const pt of s.patterns) addPattern(i, pt, false, s.negatable !== false, s.names !== false);
    for (const e of inForce[i] ?? []) addPattern(i, e.pattern, true, false);
  });
  const lengths = (m: Map<string, unknown>) => [...new Set([...m.keys()].map((k) => k.length))].sort((a, b) => a - b);
  const prefixLengths = lengths(byPrefix);
  const anchorPrefixLengths = lengths(anchorPrefix);

  /** Every pattern listed under the word itself or under one of its prefixes, once each. */
  const lookup = (w: string, exact: Map<string, Pattern[]>, prefixes: Map<string, Pattern[]>, lens: number[]) => {
    const out = new Set<Pattern>(exact.get(w));
    for (const len of lens) {
      if (len > w.length) break;
      for (const p of prefixes.get(w.slice(0, len)) ?? []) out.add(p);
    }
    if (exact === byWord && DIGITS.test(w)) for (const p of byNumber) out.add(p);
    return [...out];
  };
  // Both lookups depend only on the word, and texts reuse a small vocabulary: cache them (bounded).
  const CACHE_LIMIT = 50_000;
  const startCache = new Map<string, Pattern[]>();
  const anchorCache = new Map<string, Pattern[]>();
  const cached = (cache: Map<string, Pattern[]>, w: string, make: (w: string) => Pattern[]) => {
    let v = cache.get(w);
    if (v === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      v = make(w);
      cache.set(w, v);
    }
    return v;
  };
  const startsAt = (w: string) => cached(startCache, w, (x) => lookup(x, byWord, byPrefix, prefixLengths));
  const anchoredBy = (w: string) =>
    cached(anchorCache, w, (x) => lookup(x, anchorWord, anchorPrefix, anchorPrefixLengths));

  /**
   * Marks the patterns whose anchor occurs in the sentence of tokens [from, to), as `stamp` in the
   * `active` array (stamps differ per sentence, so the array never needs clearing).
   */
  const activate = (t: Tokens, from: number, to: number, active: Int32Array, stamp: number) => {
    for (const p of unanchored) active[p.index] = stamp;
    for (let k = from; k < to; k++) for (const p of anchoredBy(t.words[k] as string)) active[p.index] = stamp;
  };

  // (step, token) states already known not to lead to a match from the current start: with gaps,
  // many paths reach the same state, and remembering failures keeps each start polynomial in the
  // pattern's size instead of exponential.
  const failed = new Set<number>();

  /** Last token of the shortest match of steps[s..] after token `prev`, or -1. */
  const extend = (p: Pattern, s: number, prev: number, t: Tokens, stats?: ScanStats): number => {
    if (s === p.steps.length) return prev;
    const state = prev * (MAX_STEPS + 1) + s;
    if (failed.has(state)) return -1;
    const step = p.steps[s] as Step;
    const limit = Math.min(t.words.length - 1, prev + 1 + step.gap);
    for (let k = prev + 1; k <= limit; k++) {
      if (t.sentence[k] !== t.sentence[prev]) break;
      if (step.single) {
        if (stats) stats.comparisons++;
        if (wordMatches(step.single, t.words[k] as string, t.names[k] === true)) {
          const last = extend(p, s + 1, k, t, stats);
          if (last >= 0) return last;
        }
      }
      for (const run of step.runs) {
        const end = runEnd(run, k, t, stats);
        if (end < 0) continue;
        const last = extend(p, s + 1, end, t, stats);
        if (last >= 0) return last;
      }
    }
    failed.add(state);
    return -1;
  };

  const start = (p: Pattern, i: number, t: Tokens, stats?: ScanStats): number => {
    if (failed.size > 0) failed.clear();
    const first = p.steps[0] as Step;
    if (first.single && wordMatches(first.single, t.words[i] as string, t.names[i] === true)) {
      const last = extend(p, 1, i, t, stats);
      if (last >= 0) return last;
    }
    for (const run of first.runs) {
      const end = runEnd(run, i, t, stats);
      if (end < 0) continue;
      const last = extend(p, 1, end, t, stats);
      if (last >= 0) return last;
    }
    return -1;
  };

  /**
   * Token k is a negation cue: "not", but not "not only", nor the "no" of a compound such as "no-show"
   * or "zero-tolerance" ("no-one" is still "no one").
   */
  const isCue = (t: Tokens, k: number): boolean =>
    cues.has(t.words[k] as string) &&
    !notACue.has(t.words[k + 1] ?? '') &&
    (t.joined[k + 1] !== true || t.words[k + 1] === 'one');

  /**
   * A negation cue inside a match ("the brakes have never failed") negates it: a negatable pattern has no
   * cue words of its own, so a cue within its span lies in one of its gaps, before the words it negates.
   */
  const cueInside = (t: Tokens, first: number, last: number): boolean => {
    let cue = false; // a scope break ("but") between the cue and the pattern's last word ends it
    for (let k = first + 1; k < last; k++) {
      if (breaks.has(t.words[k] as string)) cue = false;
      else if (isCue(t, k)) cue = true;
    }
    return cue;
  };

  return {
    scan(t, allowed, stats) {
      const hits: Hit[] = [];
      const exceptions: Hit[] = [];
      // Patterns never cross a sentence, so only those anchored in the current sentence are tried.
      const active = new Int32Array(patternCount);
      let stamp = 0;
      let lastCue = -1; // token index of the latest negation cue still in scope
      const n = t.words.length;
      for (let i = 0; i < n; i++) {
        const w = t.words[i] as string;
        if (i === 0 || t.sentence[i] !== t.sentence[i - 1]) {
          lastCue = -1;
          let end = i + 1;
          while (end < n && t.sentence[end] === t.sentence[i]) end++;
          activate(t, i, end, active, ++stamp);
        }
        const negated = lastCue >= 0 && i - lastCue - 1 <= window;
        for (const p of startsAt(w)) {
          if (active[p.index] !== stamp || !allowed(p.signal)) continue;
          const last = start(p, i, t, stats);
          if (last < 0 || (!p.names && onName(t, i, last))) continue;
          const hit = {
            signal: p.signal,
            first: i,
            last,
            negated: p.negatable && (negated || t.denied[last] === true || cueInside(t, i, last)),
          };
          (p.exception ? exceptions : hits).push(hit);
        }
        if (breaks.has(w)) lastCue = -1;
        else if (isCue(t, i)) lastCue = i;
      }
      return exceptions.length === 0 ? hits : hits.filter((h) => !overlapsException(h, exceptions));
    },
  };
}
