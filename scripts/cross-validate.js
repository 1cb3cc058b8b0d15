#!/usr/bin/env node
/**
 * How the learned model does on authors it was not trained on, over every fixture author at once: the
 * test/fixtures files are dealt into folds by author, and each fold is scored with a model trained on the
 * other folds and ../shared/data (always trained on). The rules are the shipped ones for every fold, so
 * the figures are kinder than first sight (the rules were tuned on all of them); use them to compare
 * training settings, not as a promise.
 *
 *   node scripts/cross-validate.js [--folds 5] [--policy <file>] [--train '{"alarmWeight":3}' ...] [--decision '{...}' ...]
 *
 * --policy    the rules to use (default: the shipped policy), e.g. an edited copy to compare against a run
 *             without it.
 * --train     training options (src/rules/train.ts TrainOptions) to compare with the defaults; repeat it
 *             for several settings. Each is trained and scored on the same folds in the same run.
 * --decision  policy `decision` settings that only act once the model has read the case (sev1Stands,
 *             sev1VetoAt, alarmNeeds, alarmEvidence, unsupportedAlarmAt, ownerStands, ownerStandsBelow),
 *             merged over the shipped ones and scored with the default training's model of each fold;
 *             repeat it for several. Settings the rules' own decision reads need a retrained model: edit
 *             the policy and run the script on it instead.
 *
 * Prints, per setting: owner accuracy, false alarms on cases labeled without an alarm, alarms caught,
 * severe product safety caught, and how many fixture files meet the issue's bars (dev-style files: owner
 * accuracy 0.85, alarm precision 0.85, recall 0.90; routine files: under 1% false alarms; safety files:
 * recall and severe recall 0.90).
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { labeled, rulesOfPolicy, trainingFiles } from './train-model.js';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    policy: { type: 'string' },
    train: { type: 'string', multiple: true, default: [] },
    decision: { type: 'string', multiple: true, default: [] },
  },
});
const folds = Number(values.folds);
if (!Number.isInteger(folds) || folds < 2) {
  console.error('--folds must be a whole number of at least 2.');
  process.exit(2);
}
const AFTER_MODEL = [
  'sev1Stands',
  'sev1VetoAt',
  'alarmNeeds',
  'alarmEvidence',
  'unsupportedAlarmAt',
  'ownerStands',
  'ownerStandsBelow',
];
function json(flag, text, example) {
  try {
    const v = JSON.parse(text);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // reported below
  }
  console.error(`${flag} ${text}: not a JSON object. Give one such as '${example}'.`);
  process.exit(2);
}
const settings = [{ name: 'defaults', options: {}, decision: null }];
for (const t of values.train)
  settings.push({ name: t, options: json('--train', t, '{"alarmWeight":3}'), decision: null });
for (const t of values.decision) {
  const decision = json('--decision', t, '{"sev1Stands":["fire"]}');
  const other = Object.keys(decision).filter((k) => !AFTER_MODEL.includes(k));
  if (other.length > 0) {
    console.error(
      `--decision ${t}: ${other.join(', ')} shape the model's features, so the model must be retrained; edit a copy of the policy instead. Give only ${AFTER_MODEL.join(', ')}.`,
    );
    process.exit(2);
  }
  settings.push({ name: `decision ${t}`, options: {}, decision });
}
const { decide } = await import('../lib/rules/index.js');
const { trainModel } = await import('../lib/rules/train.js');
const { Expectation, Scorecard } = await import('../lib/rules/evaluate.js');
const { parsePolicy } = await import('../lib/rules/policy.js');
const { policyFingerprint } = await import('../lib/rules/model.js');
const rules = { ...(await rulesOfPolicy(values.policy)), model: false };
/** The shipped policy with a setting's decision merged in, checked as any policy file is. */
const variants = settings.map((s) => {
  if (!s.decision) return rules;
  const r = parsePolicy({ ...rules, decision: { ...rules.decision, ...s.decision } });
  if (r.ok) return { ...r.policy, model: false };
  console.error(
    `--decision ${s.name.slice('decision '.length)}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
  );
  process.exit(2);
});
const files = await trainingFiles();
const fixtures = files.filter((f) => f.file.includes('/test/fixtures/'));
const shared = [];
for (const f of files.filter((x) => !fixtures.includes(x))) shared.push(...(await labeled(f.file, f.every)));
const byFile = [];
for (const f of fixtures) byFile.push({ name: basename(f.file), cases: await labeled(f.file, f.every) });

const results = settings.map(() => ({ all: new Scorecard(), files: new Map() }));
for (let k = 0; k < folds; k++) {
  const train = [...shared];
  const test = [];
  byFile.forEach((f, i) => (i % folds === k ? test.push(f) : train.push(...f.cases)));
  const defaults = trainModel(train, rules);
  settings.forEach((s, si) => {
    const variant = variants[si];
    // A decision variant reads the same features, so the fold's model serves it, stamped for its policy.
    const model = s.decision
      ? { ...defaults, policy: policyFingerprint(variant) }
      : si === 0
        ? defaults
        : trainModel(train, rules, s.options);
    const policy = { ...variant, model };
    for (const f of test) {
      const card = new Scorecard();
      for (const c of f.cases) {
        const expect = Expectation.parse({ owner: c.owner, alarm: c.alarm, severe: c.severe });
        const d = decide(c.line, policy);
        card.add(expect, d);
        results[si].all.add(expect, d);
      }
      results[si].files.set(f.name, card.result());
    }
  });
  console.error(`fold ${k + 1} of ${folds} scored`);
}

const pct = (x) => (x === null || Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
console.log(
  `${folds}-fold by author over ${byFile.length} fixture files (${shared.length} shared cases always trained on)`,
);
console.log('| training | owner accuracy | false alarms | alarms caught | severe caught | files meeting the bars |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
/** The issue's bars for one file, by the kind of file it is. */
function meetsBars(kind, e) {
  const { all } = e.alarms;
  if (kind === 'routine') return e.counts.falseAlarms < 0.01 * e.counts.noAlarmExpected;
  if (kind === 'safety') return all.correct >= 0.9 * all.expected && e.counts.severeCaught >= 0.9 * e.counts.severe;
  return e.ownerAccuracy >= 0.85 && all.correct >= 0.85 * all.predicted && all.correct >= 0.9 * all.expected;
}
for (const [si, s] of settings.entries()) {
  const all = results[si].all.result();
  const pass = { dev: [0, 0], routine: [0, 0], safety: [0, 0] };
  for (const [name, e] of results[si].files) {
    const kind = name.includes('-routine') ? 'routine' : name.includes('-safety') ? 'safety' : 'dev';
    pass[kind][1]++;
    if (meetsBars(kind, e)) pass[kind][0]++;
  }
  const { falseAlarms, noAlarmExpected, severe, severeCaught } = all.counts;
  const alarms = all.alarms.all;
  console.log(
    `| ${s.name} | ${pct(all.ownerAccuracy)} | ${falseAlarms} of ${noAlarmExpected} (${pct(falseAlarms / noAlarmExpected)}) | ${alarms.correct} of ${alarms.expected} (${pct(alarms.recall)}) | ${severeCaught} of ${severe} | dev ${pass.dev.join('/')}, routine ${pass.routine.join('/')}, safety ${pass.safety.join('/')} |`,
  );
}
