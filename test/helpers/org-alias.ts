/** Registers a local org with the sf CLI's auth files under a temporary HOME, as `sf org login access-token` does. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from './cli.js';

const run = promisify(execFile);

/** A new temporary HOME where `alias` opens the org at `url` with `token`. */
export async function registerAlias(url: string, token: string, alias: string): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'whoowns-org-home-'));
  const script = `
    const { AuthInfo } = await import('@salesforce/core');
    const a = await AuthInfo.create({ accessTokenOptions: { accessToken: process.env.T, instanceUrl: process.env.U, loginUrl: process.env.U } });
    await a.save();
    await a.handleAliasAndDefaultSettings({ alias: process.env.A, setDefault: false, setDefaultDevHub: false });`;
  await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, HOME: home, T: token, U: url, A: alias, SF_DISABLE_TELEMETRY: 'true' },
  });
  return home;
}
