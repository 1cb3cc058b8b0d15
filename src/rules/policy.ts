/**
 * The routing policy is data: phrases, negation cues, context thresholds, weights, precedence and
 * severities. This schema validates an admin's policy file and names the exact path of every problem.
 *
 * Pattern syntax (one pattern matches inside one sentence):
 *   word      the word itself              word*       any word starting with "word"
 *   @group    any entry of lexicon.group   {a|b c|@g}  any one of these (an alternative may be several words)
 *   A lexicon entry is a word or a few words. A group with entries of several words ("my son") must be an
 *   alternative of its own ({@g|…} or a bare @g step), not a word inside a longer alternative.
 *   #         any number (digits)          *           any one word
 *   ..  ..N   skip up to 3 (or N) words before the next step
 */
import { z } from 'zod';
import { MODEL_CLASSES, type Model as ModelType } from './model.js';
import { MAX_ALTERNATIVE_WORDS, MAX_GAP, MAX_STEPS, patternParts } from './pattern.js';
import { AlarmCategory, Owner, Severity } from './schema.js';
import { patternWords } from './text.js';

export const FieldName = z.enum(['Subject', 'Description', 'Type', 'Reason', 'Priority', 'Origin', 'Account.Type']);
export type FieldName = z.infer<typeof FieldName>;

const Id = z.string().regex(/^[a-z][a-z0-9_.]*$/, 'an id in lower_snake_case (letters, digits, _ and .)');
const Weight = z.number().min(0).max(5);

/** Free text for the people who maintain the policy; never read by decide(). */
const Note = z.string().optional();

export const Signal = z.strictObject({
  id: Id,
  note: Note,
  /** Short noun phrase for the action sentence: "Hand to Customer Service: {label}." */
  label: z.string().min(1),
  patterns: z.array(z.string().min(1)).min(1),
  /** A hit overlapping one of these is not a hit ("smoke test", "fire up"). */
  except: z.array(z.string().min(1)).optional(),
  /**
   * Signals whose `except` lists this signal shares, so one list of everyday uses ("fire up", "smoke
   * test") serves several signals without being copied: `["harm", "fire"]`.
   */
  exceptAs: z.array(Id).min(1).optional(),
  weight: Weight,
  /** Routine and strategic signals add their weight to an owner; alarm ingredients leave it out. */
  owner: z.enum(['customer_service', 'client_success', 'account_executive']).optional(),
  fields: z.array(FieldName).min(1).optional(),
  /** false for signals that are negative by nature ("no callback"); default true. */
  negatable: z.boolean().optional(),
  /**
   * false: a hit on a name is not a hit: one word written as a name in running text ("the Sparks DC
   * roof", "Mr Burns"), or capitalised words continuing a name after the first line ("Lone Pine Fire
   * Crew" in a signature). A title-case subject and "called Poison Control" still count.
   */
  names: z.boolean().optional(),
});
export type Signal = z.infer<typeof Signal>;

export const ContextCheck = z.strictObject({
  path: z.enum([
    'account.casesLast90Days',
    'account.reopenedLast90Days',
    'account.escalationsLast90Days',
    'queue.breachRate14d',
    'queue.daysInBreach14d',
  ]),
  gte: z.number().min(0),
});
export type ContextCheck = z.infer<typeof ContextCheck>;

export const ContextSignal = z.strictObject({
  id: Id,
  note: Note,
  label: z.string().min(1),
  match: z.enum(['any', 'all']),
  checks: z.array(ContextCheck).min(1),
  weight: Weight,
  owner: z.enum(['customer_service', 'client_success', 'account_executive']).optional(),
});
export type ContextSignal = z.infer<typeof ContextSignal>;

export type Condition = string | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.string().min(1),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

export const Rule = z.strictObject({
  id: Id,
  note: Note,
  label: z.string().min(1),
  /** Signal ids combined with all / any / not. */
  when: Condition,
  then: z.union([
    z.strictObject({ owner: z.literal('sales_leadership'), alarm: AlarmCategory, severity: Severity }),
    z.strictObject({ owner: z.enum(['customer_service', 'client_success', 'account_executive']) }),
  ]),
  weight: Weight,
});
export type Rule = z.infer<typeof Rule>;

const OwnerText = z.strictObject({ name: z.string().min(1), action: z.string().min(1) });

/** The learned model (src/rules/model.ts): a weight per class for each feature, as integers. */
export const ModelSchema = z
  .strictObject({
    version: z.literal(1),
    description: z.string().optional(),
    classes: z
      .array(z.string())
      .refine((c) => c.join() === MODEL_CLASSES.join(), { message: `exactly ${MODEL_CLASSES.join(', ')}` }),
    scale: z.number().positive(),
    bias: z.array(z.number()).length(MODEL_CLASSES.length),
    alarmThreshold: z.number().gt(0).max(1),
    features: z.record(z.string().min(1), z.array(z.number().int()).length(MODEL_CLASSES.length)),
    policy: z.string().min(1),
    trainedOn: z
      .strictObject({
        files: z.array(z.string()),
        cases: z.number().int(),
        /** Of those cases, how many are routine requests trained on again with heavy account history. */
        heavyHistoryCounterexamples: z.number().int().optional(),
        /** And how many trained on again on a breached queue. */
        breachedQueueCounterexamples: z.number().int().optional(),
        epochs: z.number().int(),
        /** How many seeded training runs were averaged into the weights (src/rules/train.ts). */
        runs: z.number().int().positive().optional(),
      })
      .optional(),
  })
  .transform((m) => m as ModelType);

export const Policy = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    description: z.string().optional(),
    negation: z.strictObject({
      cues: z.array(z.string().min(1)).min(1),
      /** At most this many words between the cue and the phrase it negates. */
      window: z.number().int().min(0).max(10),
      /** Words after which an earlier cue no longer applies ("but", "however"). */
      scopeBreaks: z.array(z.string().min(1)),
      /** A cue followed by one of these is not a negation ("not only", "no longer"). */
      notACueBefore: z.array(z.string().min(1)),
    }),
    lexicon: z.record(
      z.string().regex(/^[a-z][a-z0-9_]*$/, 'a group name in lower_snake_case'),
      z.array(z.string().min(1)).min(1),
    ),
    signals: z.array(Signal).min(1),
    context: z.array(ContextSignal),
    rules: z.array(Rule).min(1),
    decision: z.strictObject({
      /** An AE score at least this high takes the case from the routine owners. */
      strategicMin: z.number().min(0),
      /** ... unless the best routine owner's score is at least this many times the AE's. */
      routineOverride: z.number().min(1),
      /** Order used to break ties between alarms, then between owners. */
      alarmPrecedence: z.array(AlarmCategory).length(4),
      ownerPrecedence: z.array(Owner).length(4),
      fallbackOwner: z.enum(['customer_service', 'client_success', 'account_executive']),
      fallbackAction: z.string().min(1),
      maxReasons: z.number().int().min(1).max(50),
      /**
       * What an alarm read by the model needs: at least one of these signals or context signals found
       * ("consistently poor service" needs repetition in the text or a heavy history). The rules say it
       * in their own conditions.
       */
      alarmNeeds: z.partialRecord(AlarmCategory, z.array(Id).min(1)).optional(),
      /**
       * Per alarm: how sure the model must be that a case is no alarm at all to overrule a sev1 alarm of
       * the rules in that category. A category not listed is never overruled.
       */
      sev1VetoAt: z.partialRecord(AlarmCategory, z.number().gt(0).max(1)).optional(),
      /**
       * Signals whose sev1 alarm always stands, whatever sev1VetoAt says (e.g. harm, fire). A sev1 alarm
       * resting only on other signals may be overruled. The shipped policy lists none: with nearWords the
       * model reads the sentence around an injury or a fire, and dropping one takes it 80% sure.
       */
      sev1Stands: z.array(Id).optional(),
      /**
       * Signals whose neighbourhood the model reads apart: the words of the sentence around each place
       * one of these is found (up to nearReach words either side) are features of their own, so the
       * model can learn when "fire" or "burns" is an event of the product ("the cord reel melted and
       * started sparking") and when it is the customer's trade or an idiom ("fire-loss claims").
       */
      nearWords: z.array(Id).optional(),
      /**
       * An alarm the model reads although the rules found none of these signals of its category (the
       * words alone say "ethics") needs the model to be at least unsupportedAlarmAt sure; below that the
       * rules decide. A category not listed is not checked.
       */
      alarmEvidence: z.partialRecord(AlarmCategory, z.array(Id).min(1)).optional(),
      unsupportedAlarmAt: z.number().gt(0).max(1).optional(),
      /**
       * Rules whose owner stands: a case the rules give to an owner, with no alarm, because one of these
       * fired keeps that owner when the model reads another owner. routing.md fixes these outcomes (a leave
       * threat alone, or heavy account history alone, is the AE's); the model may still raise an alarm.
       */
      ownerStands: z.array(Id).optional(),
      /** ownerStands applies only while the model is less sure than this of its other owner (default 1). */
      ownerStandsBelow: z.number().gt(0).max(1).optional(),
    }),
    owners: z.strictObject({
      customer_service: OwnerText,
      client_success: OwnerText,
      account_executive: OwnerText,
      sales_leadership: OwnerText,
    }),
    alarms: z.strictObject({
      churn_risk: OwnerText,
      product_safety: OwnerText,
      service_breach: OwnerText,
      ethics_violation: OwnerText,
    }),
    /**
     * The learned model that weighs the rules' findings and the words (src/rules/model.ts), or false for
     * the rules alone. A policy file without it gets the shipped model when it is loaded.
     */
    model: z
      .union([z.literal(false), ModelSchema], {
        error: 'false (the rules decide alone), or a model in the format of src/rules/default-model.json',
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    const groups = new Set(Object.keys(p.lexicon));
    const phrases = new Set(
      Object.entries(p.lexicon)
        .filter(([, words]) => words.some((w) => /\s/.test(w.trim())))
        .map(([g]) => g),
    );
    const checkPattern = (pattern: string, path: (string | number)[]) => {
      const problem = patternProblem(pattern, groups, phrases);
      if (problem) ctx.addIssue({ code: 'custom', path, message: `pattern "${pattern}": ${problem}` });
    };
    const ids = new Set<string>();
    p.signals.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['signals', i, 'id'], message: `duplicate id "${s.id}"` });
      ids.add(s.id);
      for (const [j, pt] of s.patterns.entries()) checkPattern(pt, ['signals', i, 'patterns', j]);
      for (const [j, pt] of (s.except ?? []).entries()) checkPattern(pt, ['signals', i, 'except', j]);
    });
    const signalIds = new Set(p.signals.map((s) => s.id));
    p.signals.forEach((s, i) => {
      for (const [j, id] of (s.exceptAs ?? []).entries()) {
        if (id === s.id)
          ctx.addIssue({
            code: 'custom',
            path: ['signals', i, 'exceptAs', j],
            message: 'a signal already uses its own exceptions',
          });
        else if (!signalIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['signals', i, 'exceptAs', j],
            message: `"${id}" is not the id of a signal`,
          });
      }
    });
    p.context.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['context', i, 'id'], message: `duplicate id "${c.id}"` });
      ids.add(c.id);
    });
    const signalId = (id: string, path: (string | number)[]) => {
      if (!ids.has(id))
        ctx.addIssue({ code: 'custom', path, message: `"${id}" is not the id of a signal or context signal` });
    };
    const visit = (c: Condition, path: (string | number)[]) => {
      if (typeof c === 'string') signalId(c, path);
      else if ('all' in c) for (const [k, x] of c.all.entries()) visit(x, [...path, 'all', k]);
      else if ('any' in c) for (const [k, x] of c.any.entries()) visit(x, [...path, 'any', k]);
      else visit(c.not, [...path, 'not']);
    };
    const ruleIds = new Set<string>();
    p.rules.forEach((r, i) => {
      if (ruleIds.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate id "${r.id}"` });
      ruleIds.add(r.id);
      visit(r.when, ['rules', i, 'when']);
    });
    for (const key of ['alarmNeeds', 'alarmEvidence'] as const)
      for (const [alarm, ids] of Object.entries(p.decision[key] ?? {}))
        for (const [k, id] of (ids ?? []).entries()) signalId(id, ['decision', key, alarm, k]);
    for (const [k, id] of (p.decision.sev1Stands ?? []).entries()) signalId(id, ['decision', 'sev1Stands', k]);
    for (const [k, id] of (p.decision.nearWords ?? []).entries())
      if (!signalIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['decision', 'nearWords', k],
          message: `"${id}" is not the id of a signal found in the text (context signals have no words around them)`,
        });
    for (const [k, id] of (p.decision.ownerStands ?? []).entries())
      if (!ruleIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['decision', 'ownerStands', k],
          message: `"${id}" is not a rule id; expected one of the ids under "rules"`,
        });
    for (const key of ['alarmPrecedence', 'ownerPrecedence'] as const) {
      if (new Set(p.decision[key]).size !== p.decision[key].length)
        ctx.addIssue({ code: 'custom', path: ['decision', key], message: 'each value once' });
    }
    for (const [g, words] of Object.entries(p.lexicon))
      for (const [j, w] of words.entries()) {
        const parts = w.trim().split(/\s+/);
        if (
          !/^[^@{}|#]+$/.test(w) ||
          parts.length > MAX_ALTERNATIVE_WORDS ||
          parts.some((x) => x === '*' || x === '^' || patternWords(x).length !== 1)
        )
          ctx.addIssue({
            code: 'custom',
            path: ['lexicon', g, j],
            message: `"${w}": a lexicon entry is a word, or up to ${MAX_ALTERNATIVE_WORDS} words, each optionally ending in *`,
          });
      }
  });
export type Policy = z.infer<typeof Policy>;

export { MAX_ALTERNATIVE_WORDS, MAX_GAP, MAX_STEPS, patternParts };

/** Describes what is wrong with a pattern, or returns null when it is well formed. */
export function patternProblem(pattern: string, groups: Set<string>, phrases: Set<string> = new Set()): string | null {
  let steps = 0;
  let lastWasGap = true; // a pattern may not start with a gap
  for (const part of patternParts(pattern)) {
    if (part === '{' || part === '}') return 'unbalanced { }';
    if (/^\.\.\d*$/.test(part)) {
      if (lastWasGap) return 'a gap (..) must stand between two words';
      if (Number(part.slice(2) || 3) > MAX_GAP) return `a gap may skip at most ${MAX_GAP} words`;
      lastWasGap = true;
      continue;
    }
    const alternatives = part.startsWith('{') ? part.slice(1, -1).split('|') : [part];
    for (const alt of alternatives) {
      if (alt.trim() === '') return `empty alternative in "${part}"`;
      const altWords = alt.trim().split(/\s+/);
      for (const w of altWords) {
        if (w.startsWith('@') && !groups.has(w.slice(1))) return `unknown lexicon group "${w}"`;
        if (w.startsWith('@') && altWords.length > 1 && phrases.has(w.slice(1)))
          return `"${w}" has entries of several words, so it must be an alternative of its own, as in {${w}|…}, not part of "${alt.trim()}"`;
        if (!w.startsWith('@') && w !== '*' && w !== '#' && w !== '^' && !/^[^\s{}|@]+$/.test(w))
          return `"${w}" is not a word, word*, @group, #, ^ or *`;
        if (patternWords(w).length === 0) return `"${w}" has no letter or digit to match`;
      }
      const words = patternWords(alt);
      if (words.length > MAX_ALTERNATIVE_WORDS) return `an alternative may have at most ${MAX_ALTERNATIVE_WORDS} words`;
      if (steps === 0 && words[0] === '*') return 'a pattern may not start with *';
      if (steps === 0 && words[0] === '^') return 'a pattern may not start with ^ (a name): put a word before it';
    }
    steps++;
    if (steps > MAX_STEPS) return `at most ${MAX_STEPS} steps`;
    lastWasGap = false;
  }
  if (steps === 0) return 'no words';
  if (lastWasGap) return 'a pattern may not end with a gap (..)';
  return null;
}

/** Validates a parsed policy object; on failure, one line per problem, each naming its path. */
export function parsePolicy(
  value: unknown,
): { ok: true; policy: Policy } | { ok: false; errors: { path: string; message: string }[] } {
  const r = Policy.safeParse(value);
  if (r.success) return { ok: true, policy: r.data };
  return { ok: false, errors: r.error.issues.flatMap((i) => explain(i)) };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * One line per problem. A value that may be one of several shapes (`"model": false` or a model) reports
 * the problems of the shape it came closest to, at their own paths, not just "invalid input" at its key.
 */
function explain(issue: Issue): { path: string; message: string }[] {
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    const deepest = issue.errors.reduce((best, branch) =>
      Math.max(...branch.map((i) => i.path.length)) > Math.max(...best.map((i) => i.path.length)) ? branch : best,
    );
    if (deepest.some((i) => i.path.length > 0))
      return deepest.flatMap((i) => explain({ ...i, path: [...issue.path, ...i.path] }));
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(top level)';
}
