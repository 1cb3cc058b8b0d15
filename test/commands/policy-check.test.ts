import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'whoowns-policy-'));
const labeled = (Description: string, owner: string, alarm: string | null, severe?: boolean) =>
  JSON.stringify({ case: { Description }, expect: { owner, alarm, ...(severe === undefined ? {} : { severe }) } });

// Five labeled cases whose decisions under the shipped policy are known: four right, one wrong.
const cases = [
  labeled('Where is my order 5521? Please send tracking.', 'customer_service', null),
  labeled('Please export our usage data to CSV.', 'routine', null),
  labeled('The heater caught fire and a worker was burned.', 'sales_leadership', 'product_safety', true),
  labeled('Your rep offered our buyer a kickback for the renewal.', 'sales_leadership', 'ethics_violation'),
  // Labeled as churn, but nothing in it says so: the policy will route it to Customer Service.
  labeled('Please resend invoice 7.', 'sales_leadership', 'churn_risk'),
  'this line is not json',
].join('\n');

describe('whoowns policy check', () => {
  const casesFile = join(dir, 'labeled.jsonl');
  writeFileSync(casesFile, cases);

  it('reports owner accuracy, confusion and per-alarm precision and recall as --json', async () => {
    const r = await runCli(['whoowns', 'policy', 'check', '--cases', casesFile, '--json']);
    expect(r.code).toBe(0);
    const { status, result } = JSON.parse(r.stdout);
    expect(status).toBe(0);
    expect(result.policy).toMatchObject({ file: null, valid: true });
    const e = result.evaluation;
    expect(e.cases).toBe(5);
    expect(e.skipped).toEqual([{ line: 6, error: expect.stringContaining('not valid JSON') }]);
    expect(e.ownerAccuracy).toBe(0.8);
    expect(e.confusion.sales_leadership).toEqual({
      customer_service: 1,
      client_success: 0,
      account_executive: 0,
      sales_leadership: 2,
    });
    expect(e.confusion.routine.client_success).toBe(1);
    expect(e.alarms.product_safety).toMatchObject({ expected: 1, predicted: 1, correct: 1, precision: 1, recall: 1 });
    expect(e.alarms.churn_risk).toMatchObject({ expected: 1, predicted: 0, correct: 0, precision: null, recall: 0 });
    expect(e.alarms.all).toMatchObject({ expected: 3, predicted: 2, correct: 2, precision: 1 });
    expect(e.alarms.all.recall).toBeCloseTo(2 / 3, 4);
    expect(e.falseAlarmRate).toBe(0);
    expect(e.routineRate).toBe(1);
    expect(e.severeRecall).toBe(1);
    expect(e.counts).toEqual({ noAlarmExpected: 2, falseAlarms: 0, severe: 1, severeCaught: 1 });
  });

  it('lists the cases it gets wrong with --misses, and nothing it gets right', async () => {
    const r = await runCli(['whoowns', 'policy', 'check', '--cases', casesFile, '--misses', '--json']);
    expect(r.code).toBe(0);
    const { misses } = JSON.parse(r.stdout).result.evaluation;
    expect(misses).toEqual([
      {
        line: 5,
        caseId: null,
        subject: null,
        expected: { owner: 'sales_leadership', alarm: 'churn_risk' },
        decided: { owner: 'customer_service', alarm: null },
        because: expect.stringMatching(/^billing: /),
      },
    ]);
    const text = await runCli(['whoowns', 'policy', 'check', '--cases', casesFile, '--misses']);
    expect(text.stdout).toContain('Misses: 1');
    expect(text.stdout).toMatch(/5[\s│]+sales_leadership\/churn_risk[\s│]+customer_service/);
  });

  it('says whether the learned model is used: with a copy of the shipped policy yes, with an edited one no', async () => {
    const shipped = JSON.parse((await runCli(['whoowns', 'policy', 'check', '--json'])).stdout).result.policy;
    expect(shipped.model).toEqual({
      status: 'used',
      features: Object.keys(defaultPolicy.model ? defaultPolicy.model.features : {}).length,
    });
    const copyFile = join(dir, 'copy.json');
    // As an admin copies default-policy.json: without the model, which loading adds back.
    const copy = structuredClone(defaultPolicy);
    delete copy.model;
    writeFileSync(copyFile, JSON.stringify(copy));
    const copied = await runCli(['whoowns', 'policy', 'check', '--policy', copyFile]);
    expect(copied.stdout).toMatch(/Learned model: used \(\d+ features, trained with these rules\)/);
    const editedFile = join(dir, 'edited.json');
    copy.signals[0]?.patterns.push('where did my order go');
    writeFileSync(editedFile, JSON.stringify(copy));
    const edited = await runCli(['whoowns', 'policy', 'check', '--policy', editedFile, '--json']);
    expect(JSON.parse(edited.stdout).result.policy.model.status).toBe('stale');
    const text = await runCli(['whoowns', 'policy', 'check', '--policy', editedFile]);
    expect(text.stderr).toMatch(/Learned model: not used\. It was trained with other rules/);
  });

  it('warns of patterns that can never fire or are written twice, naming their path, and still passes', async () => {
    const shipped = JSON.parse((await runCli(['whoowns', 'policy', 'check', '--json'])).stdout).result.policy;
    expect(shipped.warnings).toEqual([]);
    const copy = structuredClone(defaultPolicy);
    delete copy.model;
    const fire = copy.signals.findIndex((s) => s.id === 'fire');
    const signal = copy.signals[fire];
    if (!signal?.except?.includes('fire up')) throw new Error('the shipped fire signal should except "fire up"');
    signal.patterns.push('fire up', signal.patterns[0] as string);
    const file = join(dir, 'untidy.json');
    writeFileSync(file, JSON.stringify(copy));
    const r = await runCli(['whoowns', 'policy', 'check', '--policy', file, '--json']);
    expect(r.code).toBe(0);
    const n = signal.patterns.length;
    expect(JSON.parse(r.stdout).result.policy.warnings).toEqual([
      {
        path: `signals[${fire}].patterns[${n - 1}]`,
        pattern: signal.patterns[0],
        problem: `written twice in this list: the same as signals[${fire}].patterns[0]`,
      },
      {
        path: `signals[${fire}].patterns[${n - 2}]`,
        pattern: 'fire up',
        problem: 'never fires: the exception "fire up" (its own except) matches every wording of it',
      },
    ]);
    const text = await runCli(['whoowns', 'policy', 'check', '--policy', file]);
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/2 patterns to tidy/);
    expect(text.stdout).toContain(`signals[${fire}].patterns[${n - 2}] "fire up": never fires`);
  });

  it('refuses --misses without labeled cases to compare against', async () => {
    const r = await runCli(['whoowns', 'policy', 'check', '--misses']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--cases/);
  });

  it('prints the same figures as tables for a person', async () => {
    const r = await runCli(['whoowns', 'policy', 'check', '--cases', casesFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Owner accuracy: 80.0%');
    // Boxed in a terminal, plain under CI=true: accept either separator.
    expect(r.stdout).toMatch(/churn_risk[\s│]+1[\s│]+0[\s│]+0[\s│]+-[\s│]+0\.0%/);
    expect(r.stderr).toContain('line 6 skipped');
  });

  it('names the exact path and expectation of every problem in an invalid policy file', async () => {
    const policy = structuredClone(defaultPolicy) as any;
    policy.decision.strategicMin = 'high';
    policy.signals[3].weight = -1;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(policy));
    const r = await runCli(['whoowns', 'policy', 'check', '--policy', file, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.name).toBe('InvalidPolicy');
    expect(out.data.problems).toEqual(
      expect.arrayContaining([
        { path: 'decision.strategicMin', message: expect.stringContaining('expected number') },
        { path: 'signals[3].weight', message: expect.stringContaining('>=0') },
      ]),
    );
    expect(out.actions.join(' ')).toContain('default-policy.json');
  });

  it('says where a policy file is not even JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "version": 1, ');
    const r = await runCli(['whoowns', 'policy', 'check', '--policy', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(file): not valid JSON');
  });
});
