/**
 * Tokenizer: one pass over a field's text. Tokens keep their offsets in the original text, so evidence
 * is always an exact span of what the person wrote, and carry sentence and negation-scope ids.
 */

export interface Tokens {
  /** Lower-cased words (curly apostrophes folded to '). */
  words: string[];
  starts: number[];
  ends: number[];
  /** Sentence id per token: patterns never match across sentences. */
  sentence: number[];
  /**
   * True for a capitalised word inside a sentence ("talking to Ziegler", "quotes from Lumen"): a
   * name, matched by `^` in a pattern. Words that start a sentence or are all capitals are not names.
   */
  names: boolean[];
  /**
   * True for a name in running text: a name in a sentence where most words are not capitalised. In a
   * title-case line ("Smoke Coming From Charger") every word looks like a name, so none counts as one.
   */
  proper: boolean[];
  /** True for a word joined to the one before by a hyphen ("show" in "no-show"). */
  joined: boolean[];
  /**
   * True for a word the writer answers "no" to: a question answered by a bare no ("Anyone hurt? No."),
   * or a label followed by a colon and none ("Injuries: none"). A hit on such words is negated.
   */
  denied: boolean[];
}

// Letters and digits, keeping in-word apostrophes ("don't", "customer's").
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** True when the characters between two tokens end a sentence (". ", "!", "?", ";", a newline). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // ! ? ; newline
    if (c === 33 || c === 63 || c === 59 || c === 10 || c === 13) return true;
    // "." followed by whitespace or end (not "3.5" or "v6.3")
    if (c === 46 && !(text.charCodeAt(i + 1) > 32)) return true;
  }
  return false;
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sentence: number[] = [];
  const names: boolean[] = [];
  const joined: boolean[] = [];
  let s = 0;
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = words.length === 0 || endsSentence(text, prevEnd, start);
    if (first && words.length > 0) s++;
    const raw = m[0];
    let w = raw.toLowerCase();
    names.push(!first && raw[0] !== w[0] && raw !== raw.toUpperCase());
    joined.push(words.length > 0 && start === prevEnd + 1 && text.charCodeAt(prevEnd) === 45);
    if (w.includes('’')) w = w.replaceAll('’', "'");
    words.push(w);
    starts.push(start);
    ends.push(end);
    sentence.push(s);
    prevEnd = end;
  }
  return {
    words,
    starts,
    ends,
    sentence,
    names,
    proper: properNames(sentence, names),
    joined,
    denied: deniedWords(text, words, starts, ends, sentence),
  };
}

/** Words that answer a question or a label with no. */
const ANSWER_NO = new Set(['no', 'none', 'nope', 'nobody', 'nil', 'nah', 'negative']);

/**
 * Words the writer answers no to. A bare answer only: the word after it is in another sentence or
 * punctuation follows it ("No.", "No -", "None, but …"); "No idea" and "no major ones" are not answers.
 */
function deniedWords(text: string, words: string[], starts: number[], ends: number[], sentence: number[]): boolean[] {
  const n = words.length;
  const denied = new Array<boolean>(n).fill(false);
  /** The characters between token k and the next. */
  const between = (k: number) => text.slice(ends[k], starts[k + 1]);
  const answersNo = (k: number) =>
    ANSWER_NO.has(words[k] as string) &&
    (k + 1 >= n || sentence[k + 1] !== sentence[k] || /[,;:.!?)\-–—]/.test(between(k)));
  let from = 0; // first token of the current sentence
  for (let k = 0; k + 1 < n; k++) {
    const breaks = sentence[k + 1] !== sentence[k];
    // Most words are not followed by a no: only then is the punctuation between them read.
    if (answersNo(k + 1)) {
      const gap = between(k);
      // "Anyone hurt? No." The question's words, when the next sentence is a bare no.
      if (breaks && gap.includes('?')) denied.fill(true, from, k + 1);
      // "Injuries: none." The label's words, back to the sentence start or the last comma or colon.
      if (!breaks && gap.includes(':')) {
        let j = k;
        while (j > from && !/[,;:]/.test(between(j - 1))) j--;
        denied.fill(true, j, k + 1);
      }
    }
    if (breaks) from = k + 1;
  }
  return denied;
}

function properNames(sentence: number[], names: boolean[]): boolean[] {
  const proper = new Array<boolean>(names.length).fill(false);
  for (let from = 0; from < names.length;) {
    let to = from;
    let capitalised = 0;
    while (to < names.length && sentence[to] === sentence[from]) if (names[to++]) capitalised++;
    // Names are rare in running text; a sentence where half the words after the first are capitalised is a title.
    if (2 * capitalised < to - from - 1) for (let k = from; k < to; k++) proper[k] = names[k] as boolean;
    from = to;
  }
  return proper;
}

/**
 * The words of one alternative of a pattern, as the tokenizer would see them in a text: "two-factor"
 * is two words, "e." is "e", "%" is none. @group, #, ^ and * stay as they are; a trailing * (prefix
 * match) stays on the last word. Patterns and texts are split by the same rule, so every literal can
 * match.
 */
export function patternWords(alternative: string): string[] {
  const out: string[] = [];
  for (const w of alternative.trim().split(/\s+/)) {
    if (w === '' || w === '*' || w === '#' || w === '^' || w.startsWith('@')) {
      if (w !== '') out.push(w);
      continue;
    }
    const prefix = w.endsWith('*');
    const words = tokenize(prefix ? w.slice(0, -1) : w).words;
    if (prefix && words.length > 0) words[words.length - 1] += '*';
    out.push(...words);
  }
  return out;
}
