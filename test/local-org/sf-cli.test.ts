/**
 * The stock sf CLI (node_modules/.bin/sf, from @salesforce/cli) registered against the local org with
 * `sf org login access-token`, then `sf data query` (a relationship query and an aggregate),
 * `sf data create record`, `sf data update record` and `sf data get record`, with a temporary HOME.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../helpers/cli.js';
import { startTestOrg, type TestOrg } from './org-helpers.js';

const run = promisify(execFile);
const sfBin = join(root, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
const home = mkdtempSync(join(tmpdir(), 'whoowns-sf-home-'));
let t: TestOrg;

async function sf(args: string[], env: NodeJS.ProcessEnv = {}): Promise<any> {
  const { stdout } = await run(process.execPath, [sfBin, ...args, '--json'], {
    cwd: home,
    env: { ...process.env, HOME: home, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true', ...env },
  }).catch((e: { stdout?: string; stderr?: string }) => {
    throw new Error(`sf ${args.join(' ')} failed: ${e.stdout ?? ''} ${e.stderr ?? ''}`);
  });
  return JSON.parse(stdout);
}

const describeIfSf = existsSync(sfBin) ? describe : describe.skip;

describeIfSf('the stock sf CLI against the local org', () => {
  let caseId: string;
  beforeAll(async () => {
    t = await startTestOrg();
    const account = await t.conn.sobject('Account').create({ Name: 'Acme Freight' });
    const cases = await t.conn.sobject('Case').create([
      { Subject: 'Label printer jammed', AccountId: account.id, Status: 'New' },
      { Subject: 'Dock caught fire', AccountId: account.id, Status: 'New' },
      { Subject: 'Invoice copy', Status: 'Closed' },
    ]);
    caseId = cases[0]!.id!;
    const login = await sf(
      ['org', 'login', 'access-token', '--instance-url', t.local.url, '--alias', 'local', '--no-prompt'],
      {
        SF_ACCESS_TOKEN: t.local.token,
      },
    );
    expect(login.status).toBe(0);
    expect(login.result).toMatchObject({ orgId: t.local.org.orgId, instanceUrl: `${t.local.url}/` });
  }, 60000);
  afterAll(() => t?.local.close());

  it('runs a relationship query', async () => {
    const out = await sf([
      'data',
      'query',
      '-q',
      "SELECT Subject, Account.Name FROM Case WHERE Account.Name = 'Acme Freight' ORDER BY Subject",
      '-o',
      'local',
    ]);
    expect(out.result.totalSize).toBe(2);
    expect(out.result.records.map((r: any) => [r.Subject, r.Account.Name])).toEqual([
      ['Dock caught fire', 'Acme Freight'],
      ['Label printer jammed', 'Acme Freight'],
    ]);
  }, 30000);

  it('runs an aggregate query', async () => {
    const out = await sf([
      'data',
      'query',
      '-q',
      'SELECT Status, COUNT(Id) n FROM Case GROUP BY Status ORDER BY Status',
      '-o',
      'local',
    ]);
    expect(out.result.records.map((r: any) => [r.Status, r.n])).toEqual([
      ['Closed', 1],
      ['New', 2],
    ]);
  }, 30000);

  it("serves @salesforce/core's Connection through the alias", async () => {
    const script = `
      const { Org } = await import('@salesforce/core');
      const org = await Org.create({ aliasOrUsername: 'local' });
      const conn = org.getConnection();
      const r = await conn.query('SELECT COUNT() FROM Case');
      const me = await conn.identity();
      process.stdout.write(JSON.stringify({ count: r.totalSize, user: me.user_id, version: conn.getApiVersion() }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, HOME: home, SF_DISABLE_TELEMETRY: 'true' },
    });
    expect(JSON.parse(stdout)).toEqual({ count: 3, user: t.local.org.userId, version: '66.0' });
  }, 30000);

  it('creates, updates and gets a record', async () => {
    const created = await sf([
      'data',
      'create',
      'record',
      '-s',
      'Escalation__c',
      '-v',
      `Case__c=${caseId} Category__c=churn_risk Note__c='Customer called twice'`,
      '-o',
      'local',
    ]);
    expect(created.result).toMatchObject({ success: true });
    const id = created.result.id as string;
    const updated = await sf([
      'data',
      'update',
      'record',
      '-s',
      'Escalation__c',
      '-i',
      id,
      '-v',
      'Status__c=Acknowledged',
      '-o',
      'local',
    ]);
    expect(updated.result).toMatchObject({ success: true });
    const got = await sf(['data', 'get', 'record', '-s', 'Escalation__c', '-i', id, '-o', 'local']);
    expect(got.result).toMatchObject({
      Id: id,
      Case__c: caseId,
      Category__c: 'churn_risk',
      Status__c: 'Acknowledged',
      Note__c: 'Customer called twice',
    });
    expect(got.result.Name).toMatch(/^ESC-\d{5}$/);
  }, 60000);
});
