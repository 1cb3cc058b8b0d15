/**
 * The benchmark's peer (json-rules-engine running the same policy) must decide like decide(), or its
 * speed ratio compares different work. Checked on the first 40 dev cases (the peer is slow).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain JavaScript bench module without types
import { rulesEngine } from '../../scripts/bench/peers.js';
import { decide, defaultPolicy } from '../../src/rules/index.js';
import { sharedData } from '../helpers/cli.js';

it('json-rules-engine with the shipped policy raises the same alarms and picks the same owners as decide()', async () => {
  const peer = rulesEngine(defaultPolicy) as (line: unknown) => Promise<{ owner: string; alarm: string | null }>;
  const lines = readFileSync(join(sharedData, 'dev-cases.jsonl'), 'utf8').trim().split('\n').slice(0, 40);
  let sameOwner = 0;
  for (const text of lines) {
    const line = JSON.parse(text);
    const ours = decide(line);
    const theirs = await peer(line);
    expect(theirs.alarm).toBe(ours.alarm?.category ?? null);
    if (theirs.owner === ours.owner) sameOwner++;
  }
  // The peer sums weights without decide()'s repeat bonus and routine override, so a rare owner differs.
  expect(sameOwner / lines.length).toBeGreaterThanOrEqual(0.95);
}, 60000);
