#!/usr/bin/env node
/**
 * How the learned model does on authors it was not trained on, over every fixture author at once: the
 * test/fixtures files are dealt into folds by author, and each fold is scored with a model trained on the
 * other folds and ../shared/data (always trained on). The rules are the shipped ones for every fold, so
 * the figures are kinder than first sight (the rules were tuned on all of them); use them to compare
 * training settings, not as a promise.
 *
 *   node scripts/cross-validate.js [--folds 5] [--train '{"alarmWeight":3}' ...]
 *
 * --train  training options (src/rules/train.ts TrainOptions) to compare with the defaults; repeat it
 *          for several settings. Each is trained and scored on the same folds in the same run.
 *
 * Prints, per setting: owner accuracy, false alarms on cases labeled without an alarm, alarms caught,
 * severe product safety caught, and how many fixture files meet the bars (dev-style files: owner
 * accuracy 0.85, alarm precision 0.85, recall 0.90; routine files: under 1% false alarms; safety files:
 * recall and severe recall 0.90).
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { labeled, rulesOfPolicy, trainingFiles } from './train-model.js';

const { values } = parseArgs({
  options: { folds: { type: 'string', default: '5' }, train: { type: 'string', multiple: true, default: [] } },
});
const folds = Number(values.folds);
if (!Number.isInteger(folds) || folds < 2) {
  console.error('--folds must be a whole number of at least 2.');
  process.exit(2);
}
const settings = [{ name: 'defaults', options: {} }];
for (const t of values.train) {
  try {
    settings.push({ name: t, options: JSON.parse(t) });
  } catch (e) {
    console.error(`--train ${t}: not JSON (${e.message}). Give an object such as '{"alarmWeight":3}'.`);
    process.exit(2);
  }
}
const { decide } = await import('../lib/rules/index.js');
const { trainModel } = await import('../lib/rules/train.js');
const rules = { ...(await rulesOfPolicy()), model: false };
const files = await trainingFiles();
const fixtures = files.filter((f) => f.file.includes('/test/fixtures/'));
const shared = [];
for (const f of files.filter((x) => !fixtures.includes(x))) shared.push(...(await labeled(f.file, f.every)));
const byFile = [];
for (const f of fixtures) byFile.push({ name: basename(f.file), cases: await labeled(f.file, f.every) });

const routine = new Set(['customer_service', 'client_success']);
const blank = () => ({
  n: 0,
  owner: 0,
  neg: 0,
  fa: 0,
  pos: 0,
  caught: 0,
  raised: 0,
  right: 0,
  severe: 0,
  severeCaught: 0,
});
const add = (t, c, d) => {
  const got = d.alarm?.category ?? null;
  t.n++;
  if (c.owner === 'routine' ? routine.has(d.owner) : d.owner === c.owner) t.owner++;
  if (got) {
    t.raised++;
    if (got === c.alarm) t.right++;
  }
  if (c.alarm === null) {
    t.neg++;
    if (got) t.fa++;
  } else {
    t.pos++;
    if (got === c.alarm) t.caught++;
    if (c.severe) {
      t.severe++;
      if (got === c.alarm) t.severeCaught++;
    }
  }
};
const results = settings.map(() => ({ all: blank(), files: new Map() }));
for (let k = 0; k < folds; k++) {
  const train = [...shared];
  const test = [];
  byFile.forEach((f, i) => (i % folds === k ? test.push(f) : train.push(...f.cases)));
  settings.forEach((s, si) => {
    const policy = { ...rules, model: trainModel(train, rules, s.options) };
    for (const f of test) {
      const t = blank();
      for (const c of f.cases) {
        const d = decide(c.line, policy);
        add(t, c, d);
        add(results[si].all, c, d);
      }
      results[si].files.set(f.name, t);
    }
  });
  console.error(`fold ${k + 1} of ${folds} scored`);
}

const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
console.log(
  `${folds}-fold by author over ${byFile.length} fixture files (${shared.length} shared cases always trained on)`,
);
console.log('| training | owner accuracy | false alarms | alarms caught | severe caught | files meeting the bars |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const [si, s] of settings.entries()) {
  const { all, files: per } = results[si];
  const pass = { dev: [0, 0], routine: [0, 0], safety: [0, 0] };
  for (const [name, t] of per) {
    const kind = name.includes('-routine') ? 'routine' : name.includes('-safety') ? 'safety' : 'dev';
    const ok =
      kind === 'routine'
        ? t.fa < 0.01 * t.neg
        : kind === 'safety'
          ? t.caught >= 0.9 * t.pos && t.severeCaught >= 0.9 * t.severe
          : t.owner >= 0.85 * t.n && t.right >= 0.85 * t.raised && t.caught >= 0.9 * t.pos;
    pass[kind][1]++;
    if (ok) pass[kind][0]++;
  }
  console.log(
    `| ${s.name} | ${pct(all.owner, all.n)} | ${all.fa} of ${all.neg} (${pct(all.fa, all.neg)}) | ${all.caught} of ${all.pos} (${pct(all.caught, all.pos)}) | ${all.severeCaught} of ${all.severe} | dev ${pass.dev.join('/')}, routine ${pass.routine.join('/')}, safety ${pass.safety.join('/')} |`,
  );
}
