/**
 * The learned model: a linear (multinomial logistic) model over what the rules found and the words of the
 * case. The rules stay the engine: their signals, the rules that fired and the context checks are the
 * model's strongest features; the words add what no phrase list has written yet. The model weighs all of
 * it together and gives one of seven outcomes: a routine owner, the AE, or one of the four alarms.
 *
 * Features are plain strings, so a model file is readable data (src/rules/default-model.json):
 *   word         a word of Subject or Description (digits become #)
 *   !word        the word within 3 words after a negation cue, in the same sentence
 *   word_word    two adjacent words in one sentence
 *   T=problem    the Case Type;  R=billing  a word of the Case Reason
 *   S=<id>       a signal of the policy found in the text;  F=<id>  a rule of the policy that fired
 *   C=<id>       a context signal held (C=account, C=queue: that context was given)
 *   A=<alarm>    the alarm the rules alone would raise (A=none when none)
 *   O=<owner>    the owner the rules alone would choose
 * Pure and linear in the text: one pass over the tokens, one map look-up per feature.
 */
import type { AlarmCategory, Owner } from './schema.js';
import type { Tokens } from './text.js';

export const MODEL_CLASSES = [
  'customer_service',
  'client_success',
  'account_executive',
  'churn_risk',
  'product_safety',
  'service_breach',
  'ethics_violation',
] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
/** Index of the first alarm in MODEL_CLASSES. */
export const FIRST_ALARM = 3;

export interface Model {
  version: 1;
  description?: string;
  classes: ModelClass[];
  /** Weights are integers: the real weight times `scale`. */
  scale: number;
  bias: number[];
  /** An alarm is raised when the alarm classes together have at least this probability. */
  alarmThreshold: number;
  features: Record<string, number[]>;
  /** policyFingerprint() of the policy it was trained with: with any other rules it is not used. */
  policy: string;
  trainedOn?: {
    files: string[];
    cases: number;
    heavyHistoryCounterexamples?: number;
    breachedQueueCounterexamples?: number;
    epochs: number;
    runs?: number;
  };
}

/** Where a feature was seen: the exact span of the text, or the reason of a signal. */
export interface FeatureSource {
  field: string;
  start: number;
  end: number;
}

/** The features of one case, each with where it was first seen (null for non-text features). */
export type Features = Map<string, FeatureSource | null>;

const NEGATION_REACH = 3;
const DIGIT = /^\d/;
const word = (w: string) => (DIGIT.test(w) ? '#' : w);

/**
 * True for the feature of one word ("refund", "!injured" when negated), as addTextFeatures makes them;
 * word pairs ("send_back") and what the rules found ("S=harm") are not.
 */
export const isWordFeature = (feature: string): boolean => !feature.includes('_') && !feature.includes('=');

/**
 * Adds the word features of one field's tokens; with `known`, only those the model has a weight for
 * (deciding needs no others, and a long text then allocates nothing for its unknown words).
 */
export function addTextFeatures(
  out: Features,
  field: string,
  tokens: Tokens,
  cues: ReadonlySet<string>,
  known?: ReadonlyMap<string, number[]>,
): void {
  const { words, starts, ends, sentence } = tokens;
  let cue = -1;
  for (let i = 0; i < words.length; i++) {
    const w = word(words[i] as string);
    const negated = cue >= 0 && i - cue <= NEGATION_REACH && sentence[i] === sentence[cue];
    if (cues.has(words[i] as string)) cue = i;
    const f = negated ? `!${w}` : w;
    if (!out.has(f) && (!known || known.has(f)))
      out.set(f, { field, start: starts[i] as number, end: ends[i] as number });
    if (i > 0 && sentence[i - 1] === sentence[i]) {
      const b = `${word(words[i - 1] as string)}_${w}`;
      if (!out.has(b) && (!known || known.has(b)))
        out.set(b, { field, start: starts[i - 1] as number, end: ends[i] as number });
    }
  }
}

/** How many words either side of a decision.nearWords place, within its sentence, the model reads. */
export const NEAR_REACH = 8;

/**
 * The words of the sentence around one place a decision.nearWords signal was found, as `N=word`
 * features: what "fire" is near ("the heater", "sparking") says whether it happened to the product.
 */
export function addNearFeatures(
  out: Features,
  field: string,
  tokens: Tokens,
  first: number,
  last: number,
  known?: ReadonlyMap<string, number[]>,
): void {
  const { words, starts, ends, sentence } = tokens;
  const from = Math.max(0, first - NEAR_REACH);
  const to = Math.min(words.length - 1, last + NEAR_REACH);
  for (let i = from; i <= to; i++) {
    if ((i >= first && i <= last) || sentence[i] !== sentence[first]) continue;
    const f = `N=${word(words[i] as string)}`;
    if (!out.has(f) && (!known || known.has(f)))
      out.set(f, { field, start: starts[i] as number, end: ends[i] as number });
  }
}

export interface Prediction {
  probabilities: number[];
  /** The alarm classes together. */
  alarmProbability: number;
  /** The class chosen: an alarm when the alarm classes together reach the threshold. */
  chosen: ModelClass;
  /** The features that pushed hardest towards the chosen class, strongest first. */
  top: { feature: string; weight: number }[];
}

/** The most likely class among classes[from..to). */
function bestOf(probabilities: readonly number[], from: number, to: number): number {
  let best = from;
  for (let c = from + 1; c < to; c++) if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
  return best;
}

const weightMaps = new WeakMap<Model, Map<string, number[]>>();

/** The model's weights as a Map, built once per model. */
export function weightsOf(model: Model): Map<string, number[]> {
  let m = weightMaps.get(model);
  if (!m) {
    m = new Map(Object.entries(model.features));
    weightMaps.set(model, m);
  }
  return m;
}

/** Scores the features with the model. */
export function predict(model: Model, features: Features, topN: number): Prediction {
  const k = model.classes.length;
  const z = model.bias.slice();
  const used: [string, number[]][] = [];
  const weights = weightsOf(model);
  for (const f of features.keys()) {
    const w = weights.get(f);
    if (w === undefined) continue;
    used.push([f, w]);
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[c] as number) / model.scale;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  const probabilities = e.map((v) => v / sum);
  const alarmProbability = probabilities.slice(FIRST_ALARM).reduce((a, b) => a + b, 0);
  const index =
    alarmProbability >= model.alarmThreshold
      ? bestOf(probabilities, FIRST_ALARM, k)
      : bestOf(probabilities, 0, FIRST_ALARM);
  const top = used
    .map(([feature, w]) => ({ feature, weight: (w[index] as number) / model.scale }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0))
    .slice(0, topN);
  return { probabilities, alarmProbability, chosen: model.classes[index] as ModelClass, top };
}

export function isAlarmClass(c: ModelClass): c is AlarmCategory {
  return MODEL_CLASSES.indexOf(c) >= FIRST_ALARM;
}

export function ownerOfClass(c: ModelClass): Owner {
  return isAlarmClass(c) ? 'sales_leadership' : c;
}

/**
 * A fingerprint of everything in a policy that shapes the model's features: negation, lexicon, signals,
 * context, rules and decision settings (not the owners' and alarms' texts, nor notes). A model only
 * applies to the policy it was trained with; an edited policy decides by its rules until retrained.
 * FNV-1a over the JSON text, so it runs the same in Node, the browser and Salesforce.
 */
export function policyFingerprint(policy: {
  negation: unknown;
  lexicon: unknown;
  signals: object[];
  context: object[];
  rules: object[];
  decision: unknown;
}): string {
  const noNote = (x: object) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'note'));
  const text = JSON.stringify([
    policy.negation,
    policy.lexicon,
    policy.signals.map(noNote),
    policy.context.map(noNote),
    policy.rules.map(noNote),
    policy.decision,
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `fnv1a32:${h.toString(16).padStart(8, '0')}`;
}
