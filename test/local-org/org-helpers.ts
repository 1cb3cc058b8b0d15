/** Starts a real local org on an ephemeral port with a temporary data file, and a jsforce client for it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg, type StartOptions } from '../../src/local-org/index.js';
import { loadSchema } from '../../src/local-org/schema/load.js';
import { root } from '../helpers/cli.js';

export const schema = loadSchema(join(root, 'force-app', 'main', 'default', 'objects'));

export const tempFile = (name = 'org.sqlite'): string => join(mkdtempSync(join(tmpdir(), 'whoowns-org-')), name);

export interface TestOrg {
  local: LocalOrg;
  conn: Connection;
  dataFile: string;
  /** fetch() against the org with the session token, for what jsforce does not expose. */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<{ status: number; body: any }>;
}

export async function startTestOrg(options: Partial<StartOptions> = {}): Promise<TestOrg> {
  const dataFile = options.dataFile ?? tempFile();
  const local = await startLocalOrg({ seed: 'none', ...options, dataFile, port: 0, schema });
  const conn = new Connection({ instanceUrl: local.url, accessToken: local.token, version: '62.0' });
  const call = async (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token, ...rest } = init;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers['authorization'] = `Bearer ${token ?? local.token}`;
    const res = await fetch(local.url + path, { ...rest, headers: { ...headers, ...(rest.headers as object) } });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return { local, conn, dataFile, call };
}

/** The error jsforce throws for a failed call, as { errorCode, message }. */
export async function apiError(
  promise: Promise<unknown>,
): Promise<{ errorCode: string; message: string; fields?: string[] }> {
  try {
    await promise;
  } catch (e) {
    const err = e as { errorCode?: string; name?: string; message: string; fields?: string[]; data?: any };
    return { errorCode: err.errorCode ?? err.name ?? 'UNKNOWN', message: err.message, fields: err.fields };
  }
  throw new Error('expected the call to fail');
}

/** A Case to hang escalations on. */
export async function newCase(conn: Connection, subject = 'Dock caught fire'): Promise<string> {
  const r = await conn.sobject('Case').create({ Subject: subject });
  if (!r.success) throw new Error('case not created');
  return r.id;
}
