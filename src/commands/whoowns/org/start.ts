import { resolve } from 'node:path';
import { AuthInfo, Messages, matchesAccessToken } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { frontdoorUrl } from '../../../console/session.js';
import { startLocalOrg, type LocalOrg } from '../../../local-org/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.org.start');

export interface OrgStartResult {
  url: string;
  dataFile: string;
  orgId: string;
  username: string;
  seeded: number;
}

export default class OrgStart extends SfCommand<OrgStartResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  // A foreground server: it prints where it runs and stays up; there is no result to print as JSON.
  public static override readonly enableJsonFlag = false;

  public static override readonly flags = {
    port: Flags.integer({ summary: messages.getMessage('flags.port.summary'), default: 6110, min: 0, max: 65535 }),
    data: Flags.string({ summary: messages.getMessage('flags.data.summary'), default: '.localorg/org.sqlite' }),
    token: Flags.string({ summary: messages.getMessage('flags.token.summary') }),
    seed: Flags.option({
      summary: messages.getMessage('flags.seed.summary'),
      options: ['demo', 'none'] as const,
      default: 'demo',
    })(),
    alias: Flags.string({ summary: messages.getMessage('flags.alias.summary') }),
  };

  public async run(): Promise<OrgStartResult> {
    // Before anything is printed, so a Ctrl-C right after "Press Ctrl-C" is always ours.
    const stopped = stopSignal();
    const { flags } = await this.parse(OrgStart);
    const dataFile = resolve(flags.data);
    let org: LocalOrg;
    try {
      org = await startLocalOrg({
        dataFile,
        port: flags.port,
        token: flags.token,
        seed: flags.seed,
        // A request the server could not answer (a bug): it answered 500 UNKNOWN_EXCEPTION; say why here.
        onError: (error) => this.warn(error instanceof Error ? (error.stack ?? error.message) : String(error)),
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE') throw messages.createError('error.PortInUse', [flags.port]);
      throw messages.createError('error.CannotOpen', [dataFile, err.message]);
    }
    const username = String(org.org.store.retrieve('User', org.org.userId, '66.0')['Username']);
    this.log(messages.getMessage('info.Started', [org.url, dataFile]));
    if (org.seeded > 0) this.log(messages.getMessage('info.Seeded', [org.seeded]));
    this.log(messages.getMessage('info.Token', [org.token]));
    this.log(messages.getMessage('info.Console', [frontdoorUrl(org.url, org.token)]));
    if (!matchesAccessToken(org.token)) this.warn(messages.getMessage('warning.TokenShape'));
    this.log(messages.getMessage('info.Register'));
    this.log(
      `  SF_ACCESS_TOKEN=${org.token} sf org login access-token --instance-url ${org.url} --alias ${flags.alias ?? 'local'} --no-prompt`,
    );
    if (flags.alias) await this.register(org, flags.alias, username);
    this.log(messages.getMessage('info.Stop'));
    await stopped;
    await org.close();
    this.log(messages.getMessage('info.Stopped', [dataFile]));
    return { url: org.url, dataFile, orgId: org.org.orgId, username, seeded: org.seeded };
  }

  /** What `sf org login access-token --alias` does, against the org just started. */
  private async register(org: LocalOrg, alias: string, username: string): Promise<void> {
    try {
      const authInfo = await AuthInfo.create({
        accessTokenOptions: { accessToken: org.token, instanceUrl: org.url, loginUrl: org.url },
      });
      await authInfo.save();
      await authInfo.handleAliasAndDefaultSettings({ alias, setDefault: false, setDefaultDevHub: false });
      this.log(messages.getMessage('info.Registered', [alias, username]));
    } catch (e) {
      this.warn((e as Error).message);
    }
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolves on the first Ctrl-C, SIGTERM or SIGHUP. SfCommand's own handlers exit at once (code 130,
 * thrown from the listener); this command replaces them so the server closes and the data file is
 * closed cleanly first.
 */
function stopSignal(): Promise<void> {
  for (const signal of STOP_SIGNALS) process.removeAllListeners(signal);
  return new Promise((resolveStop) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      resolveStop();
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
  });
}
