/**
 * The input and output contract of `routing.md`, as zod schemas. Parse once at the edge (JSONL lines,
 * HTTP bodies, org records) and pass the typed values inward. Every Case field may be missing or null.
 */
import { z } from 'zod';

const text = z.string().nullish();

export const AccountInput = z.looseObject({ Name: text, Type: text });
export type AccountInput = z.infer<typeof AccountInput>;

export const CaseInput = z.looseObject({
  Id: text,
  CaseNumber: text,
  Subject: text,
  Description: text,
  Type: text,
  Reason: text,
  Priority: text,
  Origin: text,
  Status: text,
  CreatedDate: text,
  Account: AccountInput.nullish(),
});
export type CaseInput = z.infer<typeof CaseInput>;

const count = z.number().int().nonnegative().nullish();

export const AccountContext = z.looseObject({
  casesLast90Days: count,
  reopenedLast90Days: count,
  escalationsLast90Days: count,
});
export type AccountContext = z.infer<typeof AccountContext>;

export const QueueContext = z.looseObject({
  name: text,
  targetMinutes: z.number().nonnegative().nullish(),
  breachRate14d: z.number().min(0).max(1).nullish(),
  daysInBreach14d: z.number().int().min(0).max(14).nullish(),
});
export type QueueContext = z.infer<typeof QueueContext>;

export const CaseContext = z.looseObject({
  account: AccountContext.nullish(),
  queue: QueueContext.nullish(),
});
export type CaseContext = z.infer<typeof CaseContext>;

/** One line of classify input. Extra keys (such as `expect` in labeled files) are ignored. */
export const CaseLine = z.looseObject({
  case: CaseInput,
  context: CaseContext.nullish(),
});
export type CaseLine = z.infer<typeof CaseLine>;

export const Owner = z.enum(['customer_service', 'client_success', 'account_executive', 'sales_leadership']);
export type Owner = z.infer<typeof Owner>;

export const AlarmCategory = z.enum(['churn_risk', 'product_safety', 'service_breach', 'ethics_violation']);
export type AlarmCategory = z.infer<typeof AlarmCategory>;

export const Severity = z.enum(['sev1', 'sev2']);
export type Severity = z.infer<typeof Severity>;

export const Reason = z.object({
  rule: z.string(),
  field: z.string(),
  evidence: z.string(),
  weight: z.number(),
});
export type Reason = z.infer<typeof Reason>;

export const Decision = z.object({
  caseId: z.string().nullable(),
  owner: Owner,
  alarm: z.object({ category: AlarmCategory, severity: Severity }).nullable(),
  confidence: z.number().min(0).max(1),
  action: z.string(),
  reasons: z.array(Reason),
});
export type Decision = z.infer<typeof Decision>;
