/**
 * decide(): the product's judgement. Pure, synchronous and deterministic: the same case, context and
 * policy always give the same decision and reasons. It never throws, whatever JSON value it is given.
 */
import { compileMatcher, type Hit, type Matcher } from './matcher.js';
import {
  addNearFeatures,
  addTextFeatures,
  type Features,
  isAlarmClass,
  type Model,
  ownerOfClass,
  policyFingerprint,
  predict,
  weightsOf,
} from './model.js';
import type { Condition, ContextSignal, FieldName, Policy, Signal } from './policy.js';
import type { AlarmCategory, Decision, Owner, Reason, Severity } from './schema.js';
import { tokenize, type Tokens } from './text.js';

const DEFAULT_FIELDS: FieldName[] = ['Subject', 'Description'];
const FIELDS: FieldName[] = ['Subject', 'Description', 'Type', 'Reason', 'Priority', 'Origin', 'Account.Type'];

interface Compiled {
  matcher: Matcher;
  /** The fields at least one signal reads, and for each, whether each signal may read it. */
  allowedIn: Map<FieldName, boolean[]>;
  /** The owner each signal or context signal speaks for, if any. */
  ownerOf: Map<string, Owner | undefined>;
  /** The readable label of every signal, context signal and rule. */
  labels: Map<string, string>;
  cues: Set<string>;
  /** The policy's model, when it was trained with this policy's rules (else null: the rules decide). */
  model: Model | null;
  /** For each signal, whether the model reads the words around it (decision.nearWords). */
  near: boolean[];
}

const compiledPolicies = new WeakMap<Policy, Compiled>();

function compiled(policy: Policy): Compiled {
  let c = compiledPolicies.get(policy);
  if (!c) {
    const allowedIn = new Map<FieldName, boolean[]>();
    for (const f of FIELDS) {
      const allowed = policy.signals.map((s) => (s.fields ?? DEFAULT_FIELDS).includes(f));
      if (allowed.includes(true)) allowedIn.set(f, allowed);
    }
    const ownerOf = new Map<string, Owner | undefined>([
      ...policy.signals.map((s) => [s.id, s.owner] as const),
      ...policy.context.map((x) => [x.id, x.owner] as const),
    ]);
    const labels = new Map([...policy.rules, ...policy.context, ...policy.signals].map((x) => [x.id, x.label]));
    const model = policy.model && policy.model.policy === policyFingerprint(policy) ? policy.model : null;
    const nearWords = new Set(policy.decision.nearWords);
    const near = policy.signals.map((s) => nearWords.has(s.id));
    c = {
      matcher: compileMatcher(policy),
      allowedIn,
      ownerOf,
      labels,
      cues: new Set(policy.negation.cues),
      model,
      near,
    };
    compiledPolicies.set(policy, c);
  }
  return c;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readText(record: unknown, field: FieldName): string {
  let v: unknown = record;
  for (const key of field.split('.')) v = isRecord(v) ? v[key] : undefined;
  return typeof v === 'string' ? v : '';
}

function readNumber(context: unknown, path: string): number | null {
  let v: unknown = context;
  for (const key of path.split('.')) v = isRecord(v) ? v[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The strongest piece of evidence for one signal. */
export interface Found {
  reason: Reason;
  order: number;
  /** How many places in the case said it. */
  hits: number;
  /** Field and last token of the latest counted place, to merge overlapping hits. */
  field?: FieldName;
  last?: number;
}

const REPEAT_BONUS = 0.25;
const REPEAT_CAP = 1.5;

function contextFound(c: ContextSignal, context: unknown): Reason | null {
  const met: string[] = [];
  let all = true;
  for (const check of c.checks) {
    const v = readNumber(context, check.path);
    if (v !== null && v >= check.gte) met.push(`${check.path}=${v}`);
    else all = false;
  }
  if (met.length === 0 || (c.match === 'all' && !all)) return null;
  return { rule: c.id, field: `context.${met[0]?.split('=')[0]}`, evidence: met.join(', '), weight: c.weight };
}

function holds(cond: Condition, found: Map<string, Found>): boolean {
  if (typeof cond === 'string') return found.has(cond);
  if ('all' in cond) return cond.all.every((c) => holds(c, found));
  if ('any' in cond) return cond.any.some((c) => holds(c, found));
  return !holds(cond.not, found);
}

/** The signals a condition relied on (the positive ones that were found). */
function support(cond: Condition, found: Map<string, Found>, out: Set<string>): void {
  if (typeof cond === 'string') {
    if (found.has(cond)) out.add(cond);
  } else if ('all' in cond) for (const c of cond.all) support(c, found, out);
  else if ('any' in cond) for (const c of cond.any) support(c, found, out);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Confidence from how far the winner stands above the runner-up. */
function confidence(win: number, runnerUp: number): number {
  return round2(Math.min(0.99, Math.max(0.05, win / (win + runnerUp + 0.35))));
}

function byStrength(a: Found, b: Found): number {
  return b.reason.weight - a.reason.weight || a.order - b.order;
}

/** What the rules found in one case, besides their decision: the model's input. */
export interface RulesOutcome {
  decision: Decision;
  found: Map<string, Found>;
  fired: { id: string; alarm: AlarmCategory | null; severity: Severity | null; support: Found[] }[];
  backing: Record<Owner, Found[]>;
  tokens: Map<string, { text: string; tokens: Tokens }>;
  /** Every place a signal of decision.nearWords was found, in token positions of its field. */
  near: { field: FieldName; first: number; last: number }[];
}

/** decide() as the policy's rules alone would decide, with what they found. */
export function decideByRules(input: unknown, policy: Policy): RulesOutcome {
  const line = isRecord(input) ? input : {};
  const kase = isRecord(line.case) ? line.case : {};
  const context = isRecord(line.context) ? line.context : {};
  const { matcher, allowedIn, ownerOf, labels, near: nearSignal } = compiled(policy);
  const tokenized = new Map<string, { text: string; tokens: Tokens }>();
  const fired: RulesOutcome['fired'] = [];
  const near: RulesOutcome['near'] = [];

  // 1. Signals found in the text, one (first, strongest) piece of evidence per signal.
  const found = new Map<string, Found>();
  let order = 0;
  for (const [field, allowed] of allowedIn) {
    const text = readText(kase, field);
    if (text === '') continue;
    const tokens = tokenize(text);
    tokenized.set(field, { text, tokens });
    for (const h of matcher.scan(tokens, (s) => allowed[s] === true) as Hit[]) {
      if (h.negated) continue;
      if (nearSignal[h.signal]) near.push({ field, first: h.first, last: h.last });
      const s = policy.signals[h.signal] as Signal;
      const seen = found.get(s.id);
      if (seen) {
        // More places saying the same thing add confidence, with diminishing returns; overlapping
        // hits (two patterns on the same words) are one place.
        if (seen.field === field && h.first <= (seen.last ?? -1)) {
          seen.last = Math.max(seen.last ?? -1, h.last);
          continue;
        }
        seen.field = field;
        seen.last = h.last;
        seen.hits++;
        seen.reason.weight = round2(s.weight * Math.min(REPEAT_CAP, 1 + REPEAT_BONUS * (seen.hits - 1)));
        continue;
      }
      const evidence = text.slice(tokens.starts[h.first], tokens.ends[h.last]);
      found.set(s.id, {
        reason: { rule: s.id, field, evidence, weight: s.weight },
        order: order++,
        hits: 1,
        field,
        last: h.last,
      });
    }
  }
  for (const c of policy.context) {
    const reason = contextFound(c, context);
    if (reason) found.set(c.id, { reason, order: order++, hits: 1 });
  }

  // 2. Owner scores from routine and strategic signals, then from rules that fired.
  const scores: Record<Owner, number> = {
    customer_service: 0,
    client_success: 0,
    account_executive: 0,
    sales_leadership: 0,
  };
  const backing: Record<Owner, Found[]> = {
    customer_service: [],
    client_success: [],
    account_executive: [],
    sales_leadership: [],
  };
  for (const f of found.values()) {
    const o = ownerOf.get(f.reason.rule);
    if (o) {
      scores[o] += f.reason.weight;
      backing[o].push(f);
    }
  }

  interface Alarm {
    category: AlarmCategory;
    severity: Severity;
    score: number;
    rule: string;
    label: string;
    support: Found[];
  }
  const alarms: Alarm[] = [];
  for (const r of policy.rules) {
    if (!holds(r.when, found)) continue;
    const ids = new Set<string>();
    support(r.when, found, ids);
    const sup = [...ids].map((id) => found.get(id) as Found);
    const score = r.weight + sup.reduce((a, f) => a + f.reason.weight, 0);
    fired.push({
      id: r.id,
      alarm: 'alarm' in r.then ? r.then.alarm : null,
      severity: 'alarm' in r.then ? r.then.severity : null,
      support: sup,
    });
    if ('alarm' in r.then) {
      alarms.push({ ...r.then, category: r.then.alarm, score, rule: r.id, label: r.label, support: sup });
    } else {
      scores[r.then.owner] += r.weight;
      backing[r.then.owner].push(
        { reason: { rule: r.id, field: 'rule', evidence: r.label, weight: r.weight }, order: order++, hits: 1 },
        ...sup.filter((f) => !backing[r.then.owner].includes(f)),
      );
    }
  }
  const d = policy.decision;
  const caseId = typeof kase.Id === 'string' ? kase.Id : null;
  const reasonsOf = (list: Found[]) =>
    [...new Set(list)]
      .sort(byStrength)
      .slice(0, d.maxReasons)
      .map((f) => f.reason);

  // 3. An alarm wins over everything: sev1 first, then score, then the policy's precedence.
  if (alarms.length > 0) {
    const rank = (a: Alarm) => d.alarmPrecedence.indexOf(a.category);
    alarms.sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'sev1' ? -1 : 1) || b.score - a.score || rank(a) - rank(b),
    );
    const win = alarms[0] as Alarm;
    const other = alarms.find((a) => a.category !== win.category);
    const routineBest = Math.max(scores.customer_service, scores.client_success, scores.account_executive);
    const decision: Decision = {
      caseId,
      owner: 'sales_leadership',
      alarm: { category: win.category, severity: win.severity },
      confidence: confidence(win.score, Math.max(other?.score ?? 0, routineBest / 2)),
      action: policy.alarms[win.category].action.replaceAll('{reason}', win.label),
      reasons: [
        { rule: win.rule, field: 'rule', evidence: win.label, weight: round2(win.score) },
        ...reasonsOf(win.support),
      ],
    };
    return { decision, found, fired, backing, tokens: tokenized, near };
  }

  // 4. Then the AE's strategic signals, unless routine work clearly dominates; then the routine owners.
  const routine = d.ownerPrecedence.filter(
    (o): o is 'customer_service' | 'client_success' => o === 'customer_service' || o === 'client_success',
  );
  const bestRoutine = routine.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  const ae = scores.account_executive;
  let owner: Owner;
  let runnerUp: number;
  if (ae >= d.strategicMin && scores[bestRoutine] < ae * d.routineOverride) {
    owner = 'account_executive';
    runnerUp = scores[bestRoutine];
  } else if (scores[bestRoutine] > 0 || ae > 0) {
    owner = scores[bestRoutine] >= ae ? bestRoutine : 'account_executive';
    runnerUp = Math.max(
      ...(['customer_service', 'client_success', 'account_executive'] as const)
        .filter((o) => o !== owner)
        .map((o) => scores[o]),
    );
  } else {
    const decision: Decision = {
      caseId,
      owner: d.fallbackOwner,
      alarm: null,
      confidence: 0.3,
      action: d.fallbackAction,
      reasons: [],
    };
    return { decision, found, fired, backing, tokens: tokenized, near };
  }
  const reasons = reasonsOf(backing[owner]);
  const top = reasons.find((r) => r.field !== 'rule') ?? reasons[0];
  const topLabel = top ? (labels.get(top.rule) ?? top.rule) : '';
  const decision: Decision = {
    caseId,
    owner,
    alarm: null,
    confidence: confidence(scores[owner], runnerUp),
    action: policy.owners[owner].action.replaceAll('{reason}', topLabel),
    reasons,
  };
  return { decision, found, fired, backing, tokens: tokenized, near };
}

const TEXT_FIELDS = ['Subject', 'Description'] as const;
const TOP_FEATURES = 4;
const NOTHING_FOUND_CAP = 0.5;

/**
 * The model's features of one case (see model.ts): the words of Subject and Description, Type and
 * Reason, and everything the rules found, fired and decided. Training and deciding both use this.
 */
export function modelFeatures(
  input: unknown,
  policy: Policy,
  rules: RulesOutcome = decideByRules(input, policy),
  known?: ReadonlyMap<string, number[]>,
) {
  const line = isRecord(input) ? input : {};
  const kase = isRecord(line.case) ? line.case : {};
  const context = isRecord(line.context) ? line.context : {};
  const { cues } = compiled(policy);
  const features: Features = new Map();
  for (const field of TEXT_FIELDS) {
    const t = rules.tokens.get(field);
    const text = t ? t.text : readText(kase, field);
    if (text !== '') addTextFeatures(features, field, t ? t.tokens : tokenize(text), cues, known);
  }
  const type = readText(kase, 'Type').trim().toLowerCase();
  if (type !== '') features.set(`T=${type}`, null);
  for (const w of tokenize(readText(kase, 'Reason')).words) features.set(`R=${w}`, null);
  for (const key of ['account', 'queue']) if (isRecord(context[key])) features.set(`C=${key}`, null);
  for (const [id] of rules.found) {
    const isContext = policy.context.some((c) => c.id === id);
    features.set(isContext ? `C=${id}` : `S=${id}`, null);
  }
  for (const f of rules.fired) features.set(`F=${f.id}`, null);
  for (const place of rules.near) {
    const t = rules.tokens.get(place.field);
    if (t) addNearFeatures(features, place.field, t.tokens, place.first, place.last, known);
  }
  features.set(`A=${rules.decision.alarm?.category ?? 'none'}`, null);
  features.set(`O=${rules.decision.owner}`, null);
  return { features, rules };
}

/** Two reasons that cite the same rule, field and words are one reason. */
const reasonKey = (r: Reason) => `${r.rule}|${r.field}|${r.evidence}`;

/** The reason a model feature gives, in the terms a person reads: the words, or what the rules found. */
function featureReason(feature: string, weight: number, features: Features, rules: RulesOutcome, policy: Policy) {
  const w = round2(weight);
  const src = features.get(feature);
  if (src) {
    const text = rules.tokens.get(src.field)?.text ?? '';
    return { rule: 'model.words', field: src.field, evidence: text.slice(src.start, src.end), weight: w };
  }
  const [kind, id] = [feature.slice(0, 2), feature.slice(2)];
  const found = rules.found.get(id);
  if ((kind === 'S=' || kind === 'C=') && found) return { ...found.reason, weight: w };
  const label = kind === 'F=' ? compiled(policy).labels.get(id) : undefined;
  if (label !== undefined) return { rule: id, field: 'rule', evidence: label, weight: w };
  return null;
}

/** The rules' decision stands, and the model's reading is cited after their reasons. */
function citing(ruled: Decision, modelReason: Reason, policy: Policy): Decision {
  return { ...ruled, reasons: [...ruled.reasons.slice(0, policy.decision.maxReasons), modelReason] };
}

/** The model agrees with the rules: their decision stands, and the model's reading is cited last. */
function agreed(ruled: Decision, modelReason: Reason, policy: Policy): Decision {
  return ruled.reasons.length === 0 ? ruled : citing(ruled, modelReason, policy);
}

/**
 * Why an alarm the model reads is held back and the rules decide instead, as the evidence and weight of
 * the reason that cites the model's reading; null when the alarm stands.
 * - decision.alarmNeeds: "consistently" needs repetition in the text or the context (a leave signal
 *   alone is the AE's), so whoever owns the case knows the alarm is one repetition away;
 * - decision.alarmEvidence: read from the words alone, with none of the signals listed for its category,
 *   the model must be at least decision.unsupportedAlarmAt sure; when the rules found nothing at all in
 *   the case, such a reading never raises the alarm (a decision on the words alone is at most even odds).
 */
function heldBack(
  category: AlarmCategory,
  sure: number,
  alarmProbability: number,
  rules: RulesOutcome,
  policy: Policy,
): { evidence: string; weight: number } | null {
  const { alarmNeeds, alarmEvidence, unsupportedAlarmAt } = policy.decision;
  const name = policy.alarms[category].name;
  const needs = alarmNeeds?.[category];
  if (needs && !needs.some((id) => rules.found.has(id))) {
    const { labels } = compiled(policy);
    const missing = needs.map((id) => labels.get(id) ?? id).join(' or ');
    return {
      evidence: `the learned model reads it as ${name}, but that alarm needs ${missing}, which the case does not show`,
      weight: round2(alarmProbability),
    };
  }
  const evidence = alarmEvidence?.[category];
  const bar = unsupportedAlarmAt ?? 0;
  const nothingFound = rules.found.size === 0;
  if (
    evidence &&
    (nothingFound || sure < bar) &&
    rules.decision.alarm?.category !== category &&
    !evidence.some((id) => rules.found.has(id))
  )
    return {
      evidence: nothingFound
        ? `the learned model leans to ${name} (${Math.round(sure * 100)}%) from the words alone, and the rules found nothing in the case to support it`
        : `the learned model leans to ${name} (${Math.round(sure * 100)}%) from the words alone, short of the ${Math.round(bar * 100)}% the policy asks when nothing the rules look for is found`,
      weight: round2(sure),
    };
  return null;
}

/** The model's decision: it weighs the rules' findings and the words together (src/rules/model.ts). */
function decideWithModel(input: unknown, policy: Policy, model: Model): Decision {
  const { features, rules } = modelFeatures(input, policy, undefined, weightsOf(model));
  const ruled = rules.decision;
  const p = predict(model, features, TOP_FEATURES);
  const index = model.classes.indexOf(p.chosen);
  if (isAlarmClass(p.chosen)) {
    const held = heldBack(p.chosen, p.probabilities[index] as number, p.alarmProbability, rules, policy);
    // Cited even when the rules found nothing, so whoever reads the case sees what was held back.
    if (held) return citing(ruled, { rule: `model.${p.chosen}`, field: 'rule', ...held }, policy);
  }
  // With nothing of the policy found, the decision rests on the words alone: never more than even odds.
  const cap = rules.found.size === 0 ? NOTHING_FOUND_CAP : 0.99;
  const sure = round2(Math.min(cap, Math.max(0.05, p.probabilities[index] as number)));
  const modelReason: Reason = {
    rule: `model.${p.chosen}`,
    field: 'rule',
    evidence: `the learned model weighs everything found and reads it as ${
      isAlarmClass(p.chosen) ? policy.alarms[p.chosen].name : policy.owners[p.chosen].name
    }`,
    weight: sure,
  };
  const seen = new Set<string>();
  const featureReasons: Reason[] = [];
  for (const t of p.top) {
    const r = featureReason(t.feature, t.weight, features, rules, policy);
    if (!r) continue;
    const key = reasonKey(r);
    if (seen.has(key)) continue;
    seen.add(key);
    featureReasons.push(r);
  }
  const merge = (ruleReasons: Reason[]) => {
    const out: Reason[] = [modelReason, ...ruleReasons];
    const keys = new Set(out.map(reasonKey));
    for (const r of featureReasons) if (!keys.has(reasonKey(r))) out.push(r);
    return out.slice(0, policy.decision.maxReasons + 1);
  };
  // A sev1 alarm of the rules stands unless the policy lets the model overrule that category and the
  // model is at least that sure the case is no alarm at all (decision.sev1VetoAt), and always when it
  // rests on a signal of decision.sev1Stands. The shipped policy lists none: the model reads the words of
  // the sentence around an injury or a fire (decision.nearWords) and must be 80% sure there is no alarm
  // (90% for ethics) before it drops one ("my son broke his arm skateboarding", "phones on fire").
  if (ruled.alarm?.severity === 'sev1' && !isAlarmClass(p.chosen)) {
    const stands = policy.decision.sev1Stands?.some((id) => rules.found.has(id)) ?? false;
    if (stands || 1 - p.alarmProbability < (policy.decision.sev1VetoAt?.[ruled.alarm.category] ?? Infinity))
      return agreed(ruled, modelReason, policy);
  }
  const owner = ownerOfClass(p.chosen);
  if (isAlarmClass(p.chosen)) {
    const category = p.chosen;
    // A sev1 alarm of the rules (someone hurt, fire, bribery) outranks the model's choice of category.
    if (ruled.alarm?.category === category || ruled.alarm?.severity === 'sev1')
      return agreed(ruled, modelReason, policy);
    // The rules raised another alarm or none: the severity of a rule of this category that fired, if any.
    const rule = rules.fired.find((f) => f.alarm === category);
    const severity: Severity = rule?.severity ?? 'sev2';
    const support = rule ? rule.support.map((f) => f.reason).sort((a, b) => b.weight - a.weight) : [];
    const head = rule
      ? [{ rule: rule.id, field: 'rule', evidence: compiled(policy).labels.get(rule.id) ?? rule.id, weight: sure }]
      : [];
    const label = head[0]?.evidence ?? `the learned model reads it as ${policy.alarms[category].name.toLowerCase()}`;
    return {
      caseId: ruled.caseId,
      owner: 'sales_leadership',
      alarm: { category, severity },
      confidence: sure,
      action: policy.alarms[category].action.replaceAll('{reason}', label),
      reasons: merge([...head, ...support]),
    };
  }
  if (ruled.owner === owner && ruled.alarm === null) return agreed(ruled, modelReason, policy);
  // An owner routing.md fixes (a leave threat alone is the AE's) stands against the model's other owner.
  const standing = policy.decision.ownerStands;
  if (
    ruled.alarm === null &&
    sure < (policy.decision.ownerStandsBelow ?? 1) &&
    standing?.some((id) => rules.fired.some((f) => f.id === id))
  )
    return citing(
      ruled,
      {
        rule: `model.${p.chosen}`,
        field: 'rule',
        evidence: `the learned model leans to ${policy.owners[owner].name} (${Math.round(sure * 100)}%), but the owner of a rule the policy says stands is kept`,
        weight: sure,
      },
      policy,
    );
  const { labels } = compiled(policy);
  const backing = [...new Set(rules.backing[owner])].sort(byStrength).map((f) => f.reason);
  const top = backing.find((r) => r.field !== 'rule') ?? featureReasons[0];
  const topLabel = top ? (labels.get(top.rule) ?? `what the case says ("${top.evidence}")`) : 'the learned model';
  return {
    caseId: ruled.caseId,
    owner,
    alarm: null,
    confidence: sure,
    action: policy.owners[owner].action.replaceAll('{reason}', topLabel),
    reasons: merge(backing.slice(0, policy.decision.maxReasons)),
  };
}

/**
 * Who owns one case. With a model trained for this policy (the shipped default has one), the model
 * decides from the rules' findings and the words; without one, or after the rules were edited, the
 * rules alone decide.
 */
export function decide(input: unknown, policy: Policy): Decision {
  const { model } = compiled(policy);
  if (model) return decideWithModel(input, policy, model);
  return decideByRules(input, policy).decision;
}

/** True when decide() uses the policy's model: it has one, trained with exactly these rules. */
export function usesModel(policy: Policy): boolean {
  return compiled(policy).model !== null;
}
