#!/usr/bin/env node
/**
 * What a rule edit does to history before it is trained into a model: decides every labeled case (the
 * training files, plus any extra labeled files) by the rules alone under two policies, and lists each case
 * whose alarm changed, as FIXED (now matches its label), BROKEN (no longer does) or OTHER (wrong either
 * way), with a count of each.
 *
 *   node scripts/rules-diff.js --before old-policy.json [--after my-policy.json] [--extra a.jsonl,b.jsonl] [--all]
 *
 * --before the policy to compare against, e.g. git show HEAD:src/rules/default-policy.json > /tmp/before.json
 * --after  the edited policy (default: the shipped src/rules/default-policy.json)
 * --extra  labeled files outside the training set (a new author not yet added)
 * --all    also list the FIXED cases (by default only BROKEN and OTHER are listed)
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { labeled, rulesOfPolicy, trainingFiles } from './train-model.js';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    extra: { type: 'string', default: '' },
    all: { type: 'boolean', default: false },
  },
});
if (!values.before) {
  console.error('Give --before <policy.json>: the policy to compare against.');
  process.exit(2);
}
const { decide } = await import('../lib/rules/index.js');
const before = { ...(await rulesOfPolicy(values.before)), model: false };
const after = { ...(await rulesOfPolicy(values.after)), model: false };
const sets = [];
for (const f of await trainingFiles()) sets.push([f.file, await labeled(f.file, f.every)]);
for (const file of values.extra.split(',').filter(Boolean)) sets.push([file, await labeled(file)]);

const counts = { FIXED: 0, BROKEN: 0, OTHER: 0 };
let cases = 0;
for (const [file, list] of sets)
  for (const c of list) {
    cases++;
    const was = decide(c.line, before).alarm?.category ?? null;
    const now = decide(c.line, after).alarm?.category ?? null;
    if (was === now) continue;
    const want = c.alarm ?? null;
    const tag = was !== want && now === want ? 'FIXED' : was === want && now !== want ? 'BROKEN' : 'OTHER';
    counts[tag]++;
    if (tag !== 'FIXED' || values.all)
      console.log(
        `${tag}\t${basename(file)}\t${JSON.stringify(c.line.case?.Subject ?? null)}\t${was} -> ${now} (labeled ${want})`,
      );
  }
console.log(
  `${cases} labeled cases by the rules alone: ${counts.FIXED} fixed, ${counts.BROKEN} broken, ${counts.OTHER} changed but wrong either way`,
);
process.exit(counts.BROKEN > 0 ? 1 : 0);
