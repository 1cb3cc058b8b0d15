import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Connection } from 'jsforce';
import { spawnCli } from '../helpers/cli.js';

/** Starts `whoowns org start` as a child process and resolves with its URL and token once it is up. */
function start(args: string[]) {
  const child = spawnCli(['whoowns', 'org', 'start', '--port', '0', ...args]);
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ready = new Promise<{ url: string; token: string }>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      lines.push(line);
      const token = lines.map((l) => /^Session token: (\S+)/.exec(l)?.[1]).find(Boolean);
      const url = lines.map((l) => /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(l)?.[1]).find(Boolean);
      if (line.startsWith('Press Ctrl-C') && url && token) resolve({ url, token });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)));
  });
  return { child, lines, exited, ready };
}

describe('whoowns org start', () => {
  it('starts a seeded org, prints the URL, token and sf login command, keeps the token across restarts and stops on SIGTERM', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'whoowns-start-')), 'org.sqlite');
    const first = start(['--data', data, '--alias', 'whoowns-test']);
    const { url, token } = await first.ready;
    expect(first.lines.join('\n')).toContain(
      `SF_ACCESS_TOKEN=${token} sf org login access-token --instance-url ${url} --alias whoowns-test --no-prompt`,
    );
    expect(first.lines.join('\n')).toMatch(/Seeded \d+ demo records/);
    expect(first.lines.join('\n')).toMatch(/Registered with the sf CLI as "whoowns-test" \(admin@00d\w+\.localorg\)/);
    const conn = new Connection({ instanceUrl: url, accessToken: token, version: '62.0' });
    expect((await conn.query('SELECT COUNT() FROM Case')).totalSize).toBeGreaterThanOrEqual(300);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.lines.join('\n')).toContain('Local org stopped');

    const second = start(['--data', data, '--seed', 'demo']);
    const again = await second.ready;
    expect(again.token).toBe(token);
    expect(second.lines.join('\n')).not.toMatch(/Seeded/);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 60000);
});
