// Benchmark of the routing decision: decide() against json-rules-engine (peer) and a keyword scan
// (floor) on the same policy and the same ~1 KB cases, all in this one process on one core.

import { decide, defaultPolicy } from '../../lib/rules/index.js';
import { compileMatcher } from '../../lib/rules/matcher.js';
import { tokenize } from '../../lib/rules/text.js';
import { realisticCases } from './cases.js';
import { keywordScan, phraseList, rulesEngine } from './peers.js';

/** Runs fn over the cases for about `ms` milliseconds; returns calls per second. */
async function rate(fn, cases, ms, isAsync) {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 16; i++) {
      const r = isAsync ? await fn(cases[n % cases.length]) : fn(cases[n % cases.length]);
      sink += typeof r === 'number' ? r : 1;
      n++;
    }
  }
  if (sink < 0) console.log(sink);
  return n / ((performance.now() - start) / 1000);
}

const ratio = (a, b, i) =>
  i === 0 ? '1x' : a >= b ? `${(a / b).toFixed(1)}x faster` : `${(b / a).toFixed(1)}x slower`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US');

export async function benchDecide({ seconds = 2, rounds = 3 } = {}) {
  const cases = realisticCases(1024);
  const phrases = phraseList(defaultPolicy);
  const engine = rulesEngine(defaultPolicy);
  const scan = keywordScan(phrases);
  const rulesOnly = { ...defaultPolicy, model: false };
  const runners = [
    ['decide() (this project: rules + learned model)', (c) => decide(c), false],
    ['decide(), rules alone ("model": false)', (c) => decide(c, rulesOnly), false],
    ['json-rules-engine, same rules (peer)', engine, true],
    ['keyword scan, lower-case + includes (floor)', scan, false],
  ];
  // Warm up every contender before measuring, then interleave rounds so drift hits all alike.
  for (const [, fn, isAsync] of runners) await rate(fn, cases, 300, isAsync);
  const results = runners.map(() => []);
  for (let r = 0; r < rounds; r++)
    for (const [i, [, fn, isAsync]] of runners.entries())
      results[i].push(await rate(fn, cases, seconds * 1000, isAsync));
  const rates = results.map(median);
  const avgLen = Math.round(cases.reduce((n, c) => n + c.case.Description.length, 0) / cases.length);
  console.log(`\n## Routing decisions per second, one core (${cases.length} cases, ${avgLen}-char descriptions)`);
  console.log(`policy: ${defaultPolicy.signals.length} signals; keyword floor scans ${phrases.length} phrases\n`);
  console.log('| contender | decisions/s | decide() is |');
  console.log('|---|---:|---:|');
  for (const [i, [name]] of runners.entries())
    console.log(`| ${name} | ${fmt(rates[i])} | ${ratio(rates[0], rates[i], i)} |`);
  return { decide: rates[0], rulesAlone: rates[1], jsonRulesEngine: rates[2], keywordScan: rates[3] };
}

export function benchLinearity() {
  const sentence = 'We were on hold again for an hour, and nobody called back about the smoke. ';
  const matcher = compileMatcher(defaultPolicy);
  console.log('\n## Linear in input size: one description of growing size');
  console.log('| description | decide() ms | token comparisons | comparisons per KB |');
  console.log('|---:|---:|---:|---:|');
  for (const kb of [10, 100, 1000]) {
    const text = sentence.repeat(Math.ceil((kb * 1024) / sentence.length)).slice(0, kb * 1024);
    decide({ case: { Description: text } });
    const t = performance.now();
    decide({ case: { Description: text } });
    const ms = performance.now() - t;
    const stats = { comparisons: 0 };
    matcher.scan(tokenize(text), () => true, stats);
    console.log(`| ${kb} KB | ${ms.toFixed(1)} | ${fmt(stats.comparisons)} | ${fmt(stats.comparisons / kb)} |`);
  }
}
