/**
 * The local org: a Salesforce-compatible REST server on loopback over one SQLite file.
 *
 *   const org = await startLocalOrg({ dataFile: '.localorg/org.sqlite', port: 6110, seed: 'demo' });
 *   // org.url, org.token; new jsforce.Connection({ instanceUrl: org.url, accessToken: org.token })
 *   await org.close();
 */
import type { AddressInfo } from 'node:net';
import { closeOrg, openOrg } from './org.js';
import type { Schema } from './schema/types.js';
import type { Org } from './server/context.js';
import { createApiServer } from './server/http.js';
import { isEmpty, seedDemo } from './seed/index.js';

export interface StartOptions {
  dataFile: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** 'demo' seeds the demo data into an empty org; 'none' leaves it empty. */
  seed?: 'demo' | 'none';
  schema?: Schema;
  onError?: (error: unknown) => void;
  onRequest?: (method: string, url: string, status: number) => void;
}

export interface LocalOrg {
  /** 'http://127.0.0.1:6110' */
  url: string;
  port: number;
  token: string;
  org: Org;
  /** How many records the demo seed wrote (0 when the org already had data or seeding was off). */
  seeded: number;
  close(): Promise<void>;
}

/** The only address the server listens on: the local org is never reachable from another machine. */
export const HOST = '127.0.0.1';

export async function startLocalOrg(options: StartOptions): Promise<LocalOrg> {
  const org = openOrg({ dataFile: options.dataFile, token: options.token, schema: options.schema });
  let seeded = 0;
  try {
    if (options.seed === 'demo' && isEmpty(org)) seeded = seedDemo(org);
  } catch (e) {
    closeOrg(org);
    throw e;
  }
  const server = createApiServer(org, { onError: options.onError, onRequest: options.onRequest });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => {
      closeOrg(org);
      reject(e);
    });
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}`,
    port,
    token: org.token,
    org,
    seeded,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          closeOrg(org);
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
