import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '../../src/rules/index.js';
import { root, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'whoowns-train-'));
const fixtures = ['heldout-cases-au.jsonl', 'heldout-cases-av.jsonl'].map((f) => join(root, 'test', 'fixtures', f));

describe('whoowns policy train', () => {
  // An admin's edit: the shipped model no longer applies to these rules.
  const edited = structuredClone(defaultPolicy);
  delete edited.model;
  edited.signals[0]?.patterns.push('where did my order go');
  const policyFile = join(dir, 'edited.json');
  writeFileSync(policyFile, JSON.stringify(edited, null, 2));
  // One unreadable line among the labeled cases: skipped with its line number, the rest still used.
  const casesFile = join(dir, 'labeled.jsonl');
  writeFileSync(casesFile, `${readFileSync(fixtures[0] as string, 'utf8').trim()}\nnot json\n`);

  it('trains a model for an edited policy, which policy check then uses; the same inputs give the same file', async () => {
    const out = join(dir, 'trained.json');
    const args = [
      'whoowns',
      'policy',
      'train',
      '--policy',
      policyFile,
      '--cases',
      casesFile,
      '--cases',
      fixtures[1] as string,
    ];
    const before = JSON.parse((await runCli(['whoowns', 'policy', 'check', '--policy', policyFile, '--json'])).stdout);
    expect(before.result.policy.model.status).toBe('stale');

    const r = await runCli([...args, '--output-file', out, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout).result;
    expect(result).toMatchObject({ outputFile: out, cases: 260, unseen: [] });
    expect(result.skipped).toEqual([{ file: casesFile, line: 131, error: expect.stringContaining('not valid JSON') }]);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.signals[0].patterns).toContain('where did my order go');
    expect(Object.keys(written.model.features)).toHaveLength(result.features);

    const after = JSON.parse((await runCli(['whoowns', 'policy', 'check', '--policy', out, '--json'])).stdout);
    expect(after.result.policy.model).toEqual({ status: 'used', features: result.features });

    const again = join(dir, 'again.json');
    expect((await runCli([...args, '--output-file', again])).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 60000);

  it('refuses labeled files with no usable case, and leaves an existing output file as it was', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"case": {"Subject": "x"}}\nnot json\n');
    const out = join(dir, 'keep.json');
    writeFileSync(out, '{"kept": true}');
    const r = await runCli(['whoowns', 'policy', 'train', '--cases', bad, '--output-file', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/has no usable labeled case/);
    expect(r.stderr).toMatch(/line 1 skipped: .*expect/);
    expect(readFileSync(out, 'utf8')).toBe('{"kept": true}');
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });

  it('says when a few labeled cases leave outcomes it cannot learn', async () => {
    const few = join(dir, 'few.jsonl');
    const routine = join(root, 'test', 'fixtures', 'heldout-routine-aw.jsonl');
    writeFileSync(few, readFileSync(routine, 'utf8').split('\n').slice(0, 20).join('\n'));
    const out = join(dir, 'few.json');
    const r = await runCli(['whoowns', 'policy', 'train', '--cases', few, '--output-file', out, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.warnings.join('\n')).toMatch(/Only 20 labeled cases/);
    expect(json.warnings.join('\n')).toMatch(/No labeled case for: account_executive, churn_risk, product_safety/);
    expect(json.result.unseen).toEqual([
      'account_executive',
      'churn_risk',
      'product_safety',
      'service_breach',
      'ethics_violation',
    ]);
  });
});
