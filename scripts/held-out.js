#!/usr/bin/env node
/**
 * How the learned model does on authors it has not seen. Trains a model on every labeled file except the
 * held-out ones, then scores the held-out files twice: with the policy's rules alone, and with that model.
 *
 *   node scripts/held-out.js --hold ao,ap,aq [--policy old-policy.json] [--extra a.jsonl,b.jsonl]
 *
 * --hold   the authors to hold out: test/fixtures files ending in -<name>.jsonl
 * --policy the rules to use (default: the shipped policy). To measure a round honestly, give the policy
 *          as it was before that round's authors were used, e.g.
 *          git show f0fe29f:src/rules/default-policy.json > /tmp/before.json
 * --extra  files outside test/fixtures to hold out too (new authors not yet added)
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { labeled, rulesOfPolicy, trainingFiles } from './train-model.js';

const { values } = parseArgs({
  options: {
    hold: { type: 'string', default: '' },
    policy: { type: 'string' },
    extra: { type: 'string', default: '' },
  },
});
const { decide } = await import('../lib/rules/index.js');
const { trainModel } = await import('../lib/rules/train.js');
const { Expectation, Scorecard } = await import('../lib/rules/evaluate.js');

const rules = { ...(await rulesOfPolicy(values.policy)), model: false };
const names = values.hold.split(',').filter(Boolean);
const extra = values.extra.split(',').filter(Boolean);
if (names.length === 0 && extra.length === 0) {
  console.error('Give --hold <names> and/or --extra <files>: the authors to hold out.');
  process.exit(2);
}
const held = (file) => names.some((n) => file.endsWith(`-${n}.jsonl`));
const train = [];
const tests = [];
for (const f of await trainingFiles()) {
  const cases = await labeled(f.file, f.every);
  if (held(f.file)) tests.push({ file: f.file, cases });
  else train.push(...cases);
}
for (const file of extra) tests.push({ file, cases: await labeled(file) });
const model = trainModel(train, rules);
const withModel = { ...rules, model };

/** The same figures as `whoowns policy check` and `npm run figures`. */
function score(cases, policy) {
  const card = new Scorecard();
  for (const c of cases)
    card.add(Expectation.parse({ owner: c.owner, alarm: c.alarm, severe: c.severe }), decide(c.line, policy));
  const e = card.result();
  const pct = (x) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
  return [
    e.ownerAccuracy,
    e.alarms.all.precision,
    e.alarms.all.recall,
    e.falseAlarmRate,
    e.routineRate,
    e.severeRecall,
  ].map(pct);
}

console.log(
  `model trained on ${train.length} cases without: ${[...names, ...extra.map((f) => basename(f))].join(', ')}`,
);
console.log(
  '| file | cases | decided by | owner accuracy | alarm precision | alarm recall | false alarms | kept routine | severe recall |',
);
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const all = tests.flatMap((t) => t.cases);
for (const t of [...tests, { file: 'all held out', cases: all }]) {
  for (const [label, policy] of [
    ['rules', rules],
    ['rules + model', withModel],
  ])
    console.log(`| ${basename(t.file)} | ${t.cases.length} | ${label} | ${score(t.cases, policy).join(' | ')} |`);
}
