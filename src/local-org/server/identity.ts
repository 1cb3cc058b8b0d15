/**
 * Who and what the org is: the API versions, a version's resources, limits, and the identity
 * resources (`/services/oauth2/userinfo`, `/id/<org>/<user>`, `chatter/users/me`) that
 * `sf org login access-token` and jsforce's `identity()` read.
 */
import { ok, type Ctx, type Org, type Reply } from './context.js';

export const MIN_VERSION = 50;
export const MAX_VERSION = 66;
export const DAILY_API_REQUESTS = 15000;

const SEASONS = ['Winter', 'Spring', 'Summer'];

export function versions(): Reply {
  const list = [];
  for (let v = MIN_VERSION; v <= MAX_VERSION; v++) {
    const k = v - MIN_VERSION;
    list.push({
      label: `${SEASONS[k % 3]} '${21 + Math.floor(k / 3)}`,
      url: `/services/data/v${v}.0`,
      version: `${v}.0`,
    });
  }
  return ok(list);
}

export function resources(ctx: Ctx): Reply {
  const base = `/services/data/v${ctx.version}`;
  return ok({
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    composite: `${base}/composite`,
    limits: `${base}/limits`,
    chatter: `${base}/chatter`,
    identity: `${ctx.baseUrl}/id/${ctx.org.orgId}/${ctx.org.userId}`,
  });
}

export function limits(ctx: Ctx): Reply {
  const limit = (max: number, used = 0) => ({ Max: max, Remaining: Math.max(0, max - used) });
  return ok({
    ConcurrentAsyncGetReportInstances: limit(200),
    ConcurrentSyncReportRuns: limit(20),
    DailyApiRequests: limit(DAILY_API_REQUESTS, ctx.org.usage.used),
    DailyAsyncApexExecutions: limit(250000),
    DailyBulkApiBatches: limit(15000),
    DailyBulkV2QueryFileStorageMB: limit(976562),
    DailyBulkV2QueryJobs: limit(10000),
    DataStorageMB: limit(1024),
    FileStorageMB: limit(1024),
    HourlyTimeBasedWorkflow: limit(1000),
    MassEmail: limit(5000),
    SingleEmail: limit(5000),
  });
}

function user(org: Org) {
  const u = org.store.retrieve('User', org.userId, `${MAX_VERSION}.0`);
  return {
    username: String(u['Username']),
    name: String(u['Name']),
    firstName: (u['FirstName'] as string | null) ?? '',
    lastName: String(u['LastName']),
    email: String(u['Email']),
    alias: String(u['Alias']),
    active: u['IsActive'] === true,
    updated: String(u['LastModifiedDate']),
  };
}

function urls(ctx: Ctx): Record<string, string> {
  const v = '{version}';
  const rest = `${ctx.baseUrl}/services/data/v${v}/`;
  return {
    enterprise: `${ctx.baseUrl}/services/Soap/c/${v}/${ctx.org.orgId}`,
    metadata: `${ctx.baseUrl}/services/Soap/m/${v}/${ctx.org.orgId}`,
    partner: `${ctx.baseUrl}/services/Soap/u/${v}/${ctx.org.orgId}`,
    rest,
    sobjects: `${rest}sobjects/`,
    search: `${rest}search/`,
    query: `${rest}query/`,
    recent: `${rest}recent/`,
    profile: `${ctx.baseUrl}/${ctx.org.userId}`,
    feeds: `${rest}chatter/feeds`,
    groups: `${rest}chatter/groups`,
    users: `${rest}chatter/users`,
    feed_items: `${rest}chatter/feed-items`,
    custom_domain: ctx.baseUrl,
  };
}

/** GET /services/oauth2/userinfo (OpenID Connect shape). */
export function userinfo(ctx: Ctx): Reply {
  const u = user(ctx.org);
  return ok({
    sub: `${ctx.baseUrl}/id/${ctx.org.orgId}/${ctx.org.userId}`,
    user_id: ctx.org.userId,
    organization_id: ctx.org.orgId,
    preferred_username: u.username,
    nickname: u.alias,
    name: u.name,
    email: u.email,
    email_verified: true,
    given_name: u.firstName,
    family_name: u.lastName,
    zoneinfo: 'GMT',
    profile: `${ctx.baseUrl}/${ctx.org.userId}`,
    picture: null,
    address: {},
    is_salesforce_integration_user: false,
    urls: urls(ctx),
    active: u.active,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    updated_at: u.updated,
    is_app_installed: true,
  });
}

/** GET /id/<orgId>/<userId> (the identity URL's shape). */
export function identityUrl(ctx: Ctx): Reply {
  const u = user(ctx.org);
  return ok({
    id: `${ctx.baseUrl}/id/${ctx.org.orgId}/${ctx.org.userId}`,
    asserted_user: true,
    user_id: ctx.org.userId,
    organization_id: ctx.org.orgId,
    username: u.username,
    nick_name: u.alias,
    display_name: u.name,
    email: u.email,
    email_verified: true,
    first_name: u.firstName,
    last_name: u.lastName,
    timezone: 'GMT',
    active: u.active,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: u.updated,
    is_app_installed: true,
    urls: urls(ctx),
  });
}

/** GET chatter/users/me: the session's user as Chatter describes a user. */
export function chatterMe(ctx: Ctx): Reply {
  const u = user(ctx.org);
  return ok({
    id: ctx.org.userId,
    type: 'User',
    username: u.username,
    name: u.name,
    displayName: u.name,
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    isActive: u.active,
    userType: 'Internal',
    url: `/services/data/v${ctx.version}/chatter/users/${ctx.org.userId}`,
  });
}
