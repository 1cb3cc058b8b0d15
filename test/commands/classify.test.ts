import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decision, defaultPolicy } from '../../src/rules/index.js';
import { jsonLines, runCli, spawnCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'whoowns-classify-'));
const line = (Id: string, Description: string, extra: object = {}) =>
  JSON.stringify({ case: { Id, Subject: null, Description }, ...extra });

describe('whoowns classify', () => {
  it('writes one decision per line, in input order, ignoring extra keys such as expect', async () => {
    const input = [
      line('500A', 'Where is my order 4411? I need the tracking number.', { expect: { owner: 'x' } }),
      line('500B', 'The charger caught fire and an employee was burned.'),
      line('500C', 'Can you export our usage data as a CSV?'),
      '',
      line('500D', 'We would like pricing for 200 additional seats.'),
    ].join('\n');
    const file = join(dir, 'cases.jsonl');
    writeFileSync(file, input);
    const r = await runCli(['whoowns', 'classify', '--file', file]);
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout) as Decision[];
    expect(out.map((d) => [d.caseId, d.owner, d.alarm?.category ?? null])).toEqual([
      ['500A', 'customer_service', null],
      ['500B', 'sales_leadership', 'product_safety'],
      ['500C', 'client_success', null],
      ['500D', 'account_executive', null],
    ]);
    for (const d of out) expect(Decision.strict().safeParse(d).success).toBe(true);
  });

  it('reads standard input with --file -, answers each bad line with its number and problem, and exits 1', async () => {
    const input = [
      line('500A', 'Please resend invoice 77.'),
      '{"case": {"Subject": "broken json"',
      JSON.stringify({ case: { Subject: 42 } }),
      JSON.stringify([1, 2]),
      line('500E', 'Password reset link expired.'),
    ].join('\n');
    const r = await runCli(['whoowns', 'classify', '--file', '-'], { input });
    expect(r.code).toBe(1);
    const out = jsonLines(r.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ caseId: '500A', owner: 'customer_service' });
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringContaining('case.Subject') });
    expect(out[3]).toMatchObject({ line: 4, error: expect.stringContaining('expected object') });
    expect(out[4]).toMatchObject({ caseId: '500E', owner: 'customer_service' });
    expect(r.stderr).toContain('3 of 5 lines could not be classified');
  });

  it('uses the policy given with --policy', async () => {
    // Same shipped policy, but "invoice" now means the AE.
    const policy = structuredClone(defaultPolicy);
    policy.signals.push({
      id: 'invoice_is_ae',
      label: 'invoices',
      patterns: ['invoice*'],
      weight: 5,
      owner: 'account_executive',
    });
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify(policy));
    const input = line('500A', 'Please resend invoice 77.');
    const shipped = jsonLines((await runCli(['whoowns', 'classify', '-f', '-'], { input })).stdout)[0];
    const custom = jsonLines((await runCli(['whoowns', 'classify', '-f', '-', '--policy', file], { input })).stdout)[0];
    expect(shipped).toMatchObject({ owner: 'customer_service' });
    expect(custom).toMatchObject({ owner: 'account_executive' });
  });

  it('refuses an invalid policy file, naming the path of each problem, before reading any case', async () => {
    const policy = structuredClone(defaultPolicy) as unknown as { signals: { patterns: string[] }[] };
    (policy.signals[4] as { patterns: string[] }).patterns[0] = '.. login';
    const file = join(dir, 'bad-policy.json');
    writeFileSync(file, JSON.stringify(policy));
    const r = await runCli(['whoowns', 'classify', '-f', '-', '-p', file], { input: line('500A', 'hello') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('signals[4].patterns[0]: pattern ".. login": a gap (..) must stand between two words');
  });

  it('says what to do when the input file does not exist', async () => {
    const r = await runCli(['whoowns', 'classify', '--file', join(dir, 'missing.jsonl')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Cannot read .*missing\.jsonl/);
    expect(r.stderr).toContain('pass "-" to read standard input');
  });

  it('streams: decisions come out while input is still going in, and a slow reader holds the writer back', async () => {
    // Offer 60 MB of 10 KB cases, writing only as fast as classify reads. A reader that slurped its
    // input would drain all 60 MB before the first decision; a streaming one has read a few MB.
    const one = `${line('500S', `Where is my order? ${'The tracking page has not changed. '.repeat(290)}`)}\n`;
    const total = Math.ceil((60 * 1024 * 1024) / one.length);
    const child = spawnCli(['whoowns', 'classify', '-f', '-']);
    let written = 0;
    let writtenAtFirst200: number | null = null;
    let outputLines = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      outputLines += d.split('\n').length - 1;
      if (outputLines >= 200 && writtenAtFirst200 === null) writtenAtFirst200 = written;
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (written < total && writtenAtFirst200 === null) {
      written++;
      if (!child.stdin.write(one)) await new Promise((r) => child.stdin.once('drain', r));
    }
    child.stdin.end();
    expect(await closed).toBe(0);
    expect(outputLines).toBe(written);
    expect(writtenAtFirst200).not.toBeNull();
    expect((writtenAtFirst200 ?? total) * one.length).toBeLessThan(8 * 1024 * 1024);
  });
});
