/**
 * A local org's identity, kept in its data file: the org id, the admin user every request runs as, and
 * the session token (random on first start, so a restart keeps it; a given token overrides it).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { makeId } from './ids.js';
import { loadSchema } from './schema/load.js';
import type { Schema } from './schema/types.js';
import { Store } from './store/store.js';
import type { Org } from './server/context.js';
import { Cursors } from './server/query.js';

export interface OpenOrgOptions {
  dataFile: string;
  /** Use this session token instead of the one kept in the data file. */
  token?: string;
  schema?: Schema;
}

/** The admin's username, unique per org so that two local orgs can both be registered with the sf CLI. */
export const adminUsername = (orgId: string): string => `admin@${orgId.slice(0, 15).toLowerCase()}.localorg`;

/**
 * A token the stock sf CLI accepts as an access token: `<15-character org id>!<secret>` (the secret
 * uses only letters, digits, '_' and '.').
 */
export function newToken(orgId: string): string {
  return `${orgId.slice(0, 15)}!${randomBytes(36).toString('base64url').replace(/-/g, '.')}`;
}

export function openOrg(options: OpenOrgOptions): Org {
  const store = new Store(options.dataFile, options.schema ?? loadSchema());
  try {
    const { orgId, userId, token } = store.transaction(() => {
      let orgId = store.getMeta('orgId');
      if (orgId === undefined) {
        orgId = makeId('00D', randomInt(1, 2 ** 40));
        store.setMeta('orgId', orgId);
        insertOrganization(store, orgId);
      }
      let userId = store.getMeta('userId');
      if (userId === undefined) {
        // The admin is the first user, and creates itself.
        const self = makeId(store.schema.object('User')!.keyPrefix, 1);
        userId = store.create(
          'User',
          {
            Username: adminUsername(orgId),
            FirstName: 'Local',
            LastName: 'Admin',
            Email: 'admin@whoowns.localorg',
            Alias: 'ladmin',
            Title: 'System Administrator',
            CompanyName: 'Who Owns This (local org)',
          },
          { userId: self },
        );
        store.setMeta('userId', userId);
      }
      let token = store.getMeta('token');
      if (token === undefined) {
        token = newToken(orgId);
        store.setMeta('token', token);
      }
      return { orgId, userId, token };
    });
    const day = new Date().toISOString().slice(0, 10);
    const used = Number(store.getMeta(`apiUsage:${day}`) ?? 0);
    return {
      store,
      orgId,
      userId,
      token: options.token ?? token,
      cursors: new Cursors(),
      usage: { day, used },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}

/** The Organization record (read-only through the API, so written here directly). */
function insertOrganization(store: Store, orgId: string): void {
  const now = new Date().toISOString();
  const self = makeId(store.schema.object('User')!.keyPrefix, 1);
  store
    .prepare(
      'INSERT INTO "Organization" ("Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "Name", "InstanceName", "IsSandbox", "OrganizationType", "Country", "LanguageLocaleKey", "DefaultLocaleSidKey", "TimeZoneSidKey") VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)',
    )
    .run(
      orgId,
      now,
      self,
      now,
      self,
      now,
      'Who Owns This (local org)',
      'LOCAL',
      'Developer Edition',
      'GB',
      'en_US',
      'en_US',
      'GMT',
    );
}

/** Keeps today's API count in the data file, then closes it. */
export function closeOrg(org: Org): void {
  if (!org.store.db.isOpen) return;
  org.store.setMeta(`apiUsage:${org.usage.day}`, String(org.usage.used));
  org.cursors.clear();
  org.store.close();
}
