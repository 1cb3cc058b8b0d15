/**
 * The console's only way to the data: the REST API of the org that served the page, with the session
 * cookie, exactly the calls a real org takes (query, sobjects create / update).
 */
export const API = '/services/data/v62.0';

export type SObject = Record<string, unknown> & { Id?: string };

/** A Salesforce error answer: `[{message, errorCode, fields}]`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  if (res.status === 401) {
    // The session is gone: back to the sign-in page, which returns here.
    window.location.reload();
    throw new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  }
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const first = (Array.isArray(body) ? body[0] : body) as { errorCode?: string; message?: string } | undefined;
    throw new ApiError(res.status, first?.errorCode ?? 'UNKNOWN', first?.message ?? `HTTP ${res.status}`);
  }
  return body;
}

/** All records of a SOQL query, following nextRecordsUrl. */
export async function query<T extends SObject = SObject>(soql: string): Promise<T[]> {
  let page = (await call(`${API}/query?q=${encodeURIComponent(soql)}`)) as {
    records: T[];
    nextRecordsUrl?: string;
  };
  const records = [...page.records];
  while (page.nextRecordsUrl) {
    page = (await call(page.nextRecordsUrl)) as typeof page;
    records.push(...page.records);
  }
  return records;
}

export async function create(object: string, fields: SObject): Promise<string> {
  const r = (await call(`${API}/sobjects/${object}`, { method: 'POST', body: JSON.stringify(fields) })) as {
    id: string;
  };
  return r.id;
}

export async function update(object: string, id: string, fields: SObject): Promise<void> {
  await call(`${API}/sobjects/${object}/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(fields) });
}

let me: Promise<{ user_id: string; name: string }> | undefined;
/** The signed-in user (GET /services/oauth2/userinfo). */
export function currentUser(): Promise<{ user_id: string; name: string }> {
  me ??= call('/services/oauth2/userinfo') as Promise<{ user_id: string; name: string }>;
  return me;
}

/** A SOQL string literal. */
export const soqlString = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** A value read along a relationship path of a REST record ('Account.Name'). */
export function field(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v ?? null;
}
