/**
 * The plugin inside the stock Salesforce CLI: `sf plugins link .`, then `sf whoowns …` — the way an
 * admin runs it once linked. Uses the @salesforce/cli devDependency with a temporary HOME.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../helpers/cli.js';

const home = mkdtempSync(join(tmpdir(), 'whoowns-sf-'));
const sfBin = join(root, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

function sf(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [sfBin, ...args], {
      cwd: root,
      env: { ...process.env, HOME: home, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('sf whoowns, linked into the stock sf CLI', () => {
  beforeAll(async () => {
    const linked = await sf(['plugins', 'link', root]);
    expect(linked.code).toBe(0);
  }, 120000);

  it('lists the plugin and runs classify through sf', async () => {
    const plugins = await sf(['plugins', '--core']);
    expect(plugins.stdout).toContain('who-owns-this');
    const r = await sf(
      ['whoowns', 'classify', '--file', '-'],
      '{"case":{"Id":"500X","Subject":"Charger dock caught fire"}}\n',
    );
    expect(r.code).toBe(0);
    const decision = JSON.parse(r.stdout.trim());
    expect(decision).toMatchObject({
      caseId: '500X',
      owner: 'sales_leadership',
      alarm: { category: 'product_safety' },
    });
  }, 120000);

  it('reports policy check results as sf --json', async () => {
    const r = await sf(['whoowns', 'policy', 'check', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).result.policy.valid).toBe(true);
  }, 120000);
});
