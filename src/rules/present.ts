/**
 * The presentation model: what a view shows for one decision. The Salesforce panel (lwc/whoOwnsThis,
 * through the generated lwc/ownershipRules) and the Lit panel render this, never the raw decision, so
 * both show the same ladder, labels, banner, reasons and highlighted evidence. Pure, JSON-serialisable.
 */
import type { Policy } from './policy.js';
import type { AlarmCategory, Decision, Owner, Reason, Severity } from './schema.js';

/** The ladder, front line first. */
export const LADDER: readonly Owner[] = ['customer_service', 'client_success', 'account_executive', 'sales_leadership'];

/** Escalation categories: the decision's alarms, plus `other` for a person's own judgement. */
export type EscalationCategory = AlarmCategory | 'other';
export const ESCALATION_CATEGORIES: readonly EscalationCategory[] = [
  'product_safety',
  'ethics_violation',
  'churn_risk',
  'service_breach',
  'other',
];

/** Escalation severities; a person may pick sev3 for their own judgement. Labels as on Severity__c. */
export type EscalationSeverity = Severity | 'sev3';
export const SEVERITY_LABELS: Readonly<Record<EscalationSeverity, string>> = {
  sev1: 'Sev 1 (within the hour)',
  sev2: 'Sev 2 (today)',
  sev3: 'Sev 3 (this week)',
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  Subject: 'Subject',
  Description: 'Description',
  Type: 'Type',
  Reason: 'Case reason',
  Priority: 'Priority',
  Origin: 'Origin',
  'Account.Type': 'Account type',
  rule: 'Rule',
  'context.account.casesLast90Days': 'Account cases (90 days)',
  'context.account.reopenedLast90Days': 'Reopened cases (90 days)',
  'context.account.escalationsLast90Days': 'Escalations (90 days)',
  'context.queue.breachRate14d': 'Queue over target (14 days)',
  'context.queue.daysInBreach14d': 'Days in breach (14 days)',
};

/** Fields whose evidence the panel highlights in the full text. */
const HIGHLIGHTED = ['Subject', 'Description'] as const;
const SNIPPET = 60;

export interface Rung {
  owner: Owner;
  label: string;
  /** 1-based position on the ladder. */
  step: number;
  current: boolean;
  /** A rung below the owner: the case climbed past it. */
  passed: boolean;
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
  /** Offsets of the match in the field's text. */
  start: number;
  end: number;
}

export interface PresentedReason {
  /** Unique within the presentation, for list keys. */
  key: string;
  rule: string;
  label: string;
  kind: 'text' | 'context' | 'rule';
  field: string;
  fieldLabel: string;
  evidence: string;
  weight: number;
  /** Where the evidence stands in the case text (text reasons whose span was found). */
  snippet: Snippet | null;
}

export interface Segment {
  text: string;
  /** Index into `reasons` of the reason this span is evidence for, or null for plain text. */
  reason: number | null;
}

export interface Highlight {
  field: string;
  fieldLabel: string;
  segments: Segment[];
}

export interface AlarmBanner {
  category: AlarmCategory;
  categoryLabel: string;
  severity: Severity;
  severityLabel: string;
  title: string;
}

export interface Presentation {
  caseId: string | null;
  owner: Owner;
  ownerLabel: string;
  step: number;
  ladder: Rung[];
  action: string;
  confidence: number;
  /** "clear", "likely" or "unsure": how strongly the signals agree. */
  confidenceLabel: 'clear' | 'likely' | 'unsure';
  /** One sentence for a screen reader: who owns it, how sure, what to do. */
  announcement: string;
  alarm: AlarmBanner | null;
  reasons: PresentedReason[];
  highlights: Highlight[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readText(record: unknown, path: string): string {
  let v: unknown = record;
  for (const key of path.split('.')) v = isRecord(v) ? v[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/** Labels of every signal, context signal and rule of a policy, computed once per policy. */
const labelCache = new WeakMap<Policy, Map<string, string>>();
function labelsOf(policy: Policy): Map<string, string> {
  let labels = labelCache.get(policy);
  if (!labels) {
    labels = new Map([...policy.signals, ...policy.context, ...policy.rules].map((x) => [x.id, x.label]));
    // The learned model's reasons (src/rules/model.ts): its reading, and the words it weighed.
    labels.set('model.words', 'words the learned model weighs');
    for (const [id, o] of [...Object.entries(policy.owners), ...Object.entries(policy.alarms)])
      labels.set(`model.${id}`, `the learned model reads it as ${o.name}`);
    labelCache.set(policy, labels);
  }
  return labels;
}

export function categoryLabel(category: string, policy: Policy): string {
  if (category === 'other') return 'Other';
  return policy.alarms[category as AlarmCategory]?.name ?? category;
}

function confidenceLabel(c: number): Presentation['confidenceLabel'] {
  return c >= 0.75 ? 'clear' : c >= 0.5 ? 'likely' : 'unsure';
}

/** Up to SNIPPET characters either side of the match, cut at a word boundary. */
function snippetOf(text: string, start: number, end: number): Snippet {
  let from = Math.max(0, start - SNIPPET);
  let to = Math.min(text.length, end + SNIPPET);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    match: text.slice(start, end),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
    start,
    end,
  };
}

function kindOf(r: Reason): PresentedReason['kind'] {
  return r.field === 'rule' ? 'rule' : r.field.startsWith('context.') ? 'context' : 'text';
}

function highlightsOf(kase: unknown, reasons: PresentedReason[]): Highlight[] {
  const out: Highlight[] = [];
  for (const field of HIGHLIGHTED) {
    const text = readText(kase, field);
    const spans = reasons
      .map((r, i) => ({ i, s: r.field === field ? r.snippet : null }))
      .filter((x): x is { i: number; s: Snippet } => x.s !== null)
      .sort((a, b) => a.s.start - b.s.start || b.s.end - a.s.end);
    if (text === '' || spans.length === 0) continue;
    const segments: Segment[] = [];
    let at = 0;
    for (const { i, s } of spans) {
      if (s.start < at) continue; // overlaps an earlier span: one highlight per place
      if (s.start > at) segments.push({ text: text.slice(at, s.start), reason: null });
      segments.push({ text: text.slice(s.start, s.end), reason: i });
      at = s.end;
    }
    if (at < text.length) segments.push({ text: text.slice(at), reason: null });
    out.push({ field, fieldLabel: FIELD_LABELS[field] ?? field, segments });
  }
  return out;
}

/** What a view shows for `decision`, made from the case line it was decided on. */
export function present(decision: Decision, line: unknown, policy: Policy): Presentation {
  const kase = isRecord(line) ? line.case : undefined;
  const labels = labelsOf(policy);
  const step = LADDER.indexOf(decision.owner) + 1;
  const ownerLabel = policy.owners[decision.owner].name;
  const reasons = decision.reasons.map((r, i): PresentedReason => {
    const kind = kindOf(r);
    let snippet: Snippet | null = null;
    if (kind === 'text') {
      const text = readText(kase, r.field);
      const start = r.evidence === '' ? -1 : text.indexOf(r.evidence);
      if (start >= 0) snippet = snippetOf(text, start, start + r.evidence.length);
    }
    return {
      key: `${i}:${r.rule}`,
      rule: r.rule,
      label: labels.get(r.rule) ?? r.rule,
      kind,
      field: r.field,
      fieldLabel: FIELD_LABELS[r.field] ?? r.field,
      evidence: r.evidence,
      weight: r.weight,
      snippet,
    };
  });
  const alarm: AlarmBanner | null = decision.alarm
    ? {
        category: decision.alarm.category,
        categoryLabel: categoryLabel(decision.alarm.category, policy),
        severity: decision.alarm.severity,
        severityLabel: SEVERITY_LABELS[decision.alarm.severity],
        title: `Fire alarm: ${categoryLabel(decision.alarm.category, policy)}, ${SEVERITY_LABELS[decision.alarm.severity]}`,
      }
    : null;
  const sure = confidenceLabel(decision.confidence);
  return {
    caseId: decision.caseId,
    owner: decision.owner,
    ownerLabel,
    step,
    ladder: LADDER.map((owner, i) => ({
      owner,
      label: policy.owners[owner].name,
      step: i + 1,
      current: owner === decision.owner,
      passed: i + 1 < step,
    })),
    action: decision.action,
    confidence: decision.confidence,
    confidenceLabel: sure,
    announcement: `${alarm ? `${alarm.title}. ` : ''}Owner: ${ownerLabel} (${sure}). ${decision.action}`,
    alarm,
    reasons,
    highlights: highlightsOf(kase, reasons),
  };
}

const MAX_REASONS_TEXT = 32000;

/** The reasons as a person reads them, for Escalation__c.Reasons__c (a 32,768-character long text). */
export function reasonsText(p: Presentation): string {
  const alarm = p.alarm ? ` - fire alarm: ${p.alarm.categoryLabel}, ${p.alarm.severityLabel}` : '';
  const lines = [
    `Who owns this: ${p.ownerLabel}${alarm}. Confidence ${p.confidence} (${p.confidenceLabel}).`,
    `Action: ${p.action}`,
  ];
  if (p.reasons.length > 0) lines.push('Reasons:');
  p.reasons.forEach((r, i) => {
    const evidence = r.kind === 'rule' ? '' : `: "${r.evidence}"`;
    lines.push(`${i + 1}. ${r.label} [${r.fieldLabel}, weight ${r.weight}]${evidence}`);
  });
  const text = lines.join('\n');
  return text.length > MAX_REASONS_TEXT ? `${text.slice(0, MAX_REASONS_TEXT - 1)}…` : text;
}

const ID_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character, case-insensitive-safe form of a Salesforce id, or null when it is not an id. */
export function toCaseId18(id: unknown): string | null {
  if (typeof id !== 'string' || !/^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/.test(id)) return null;
  if (id.length === 18) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += ID_SUFFIX[bits];
  }
  return id + suffix;
}

/**
 * Escalation_Key__c: `<18-character case id>:<category>`. Unique and case-insensitive, so a second open
 * escalation of the same case and category fails with DUPLICATE_VALUE. Null when the id is not an id.
 */
export function escalationKey(caseId: unknown, category: EscalationCategory): string | null {
  const id = toCaseId18(caseId);
  return id ? `${id}:${category}` : null;
}

/**
 * The escalation lifecycle, for everything that writes it (src/org, the console; in Salesforce the
 * Escalation_Resolve_Frees_Key flow does the same): New → Acknowledged (who, when) → Resolved, and
 * resolving unflags it and frees Escalation_Key__c, so a later escalation of the same case and
 * category can be raised. Only open escalations hold a key.
 */
export const acknowledgedFields = (userId: string, at = new Date()): Record<string, unknown> => ({
  Status__c: 'Acknowledged',
  Acknowledged_By__c: userId,
  Acknowledged_At__c: at.toISOString(),
});

export const resolvedFields = (): Record<string, unknown> => ({
  Status__c: 'Resolved',
  Flagged__c: false,
  Escalation_Key__c: null,
});
