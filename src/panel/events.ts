/**
 * What `<who-owns-this>` says to its host, and what the host says back. Events are namespaced
 * (`who-owns-this:*`), bubble and cross the shadow root; their payloads are plain data.
 */
import type { EscalationCategory, EscalationSeverity, Presentation } from '../rules/present.js';
import type { Owner } from '../rules/schema.js';

/** An escalation the person asked for: the host creates it (or finds the open one) and sets `escalation`. */
export interface EscalateRequest {
  caseId: string | null;
  category: EscalationCategory;
  severity: EscalationSeverity;
  note: string;
  /** Escalation_Key__c, `<18-char case id>:<category>`: unique while the escalation is open. */
  key: string | null;
  /** The reasons as a person reads them, for Reasons__c. */
  reasons: string;
  /** The suggested owner, for Suggested_Owner__c. */
  owner: Owner;
  /** True when raised with one click on the rules' own alarm; false for a person's own judgement. */
  oneClick: boolean;
}

/** The host's answer to an escalate request. */
export type EscalationState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'created'; href: string; name: string }
  | { state: 'existing'; href: string; name: string }
  | { state: 'failed'; message: string };

export const ESCALATE_EVENT = 'who-owns-this:escalate';
export const DECIDED_EVENT = 'who-owns-this:decided';

export type EscalateEvent = CustomEvent<EscalateRequest>;
/** Fired after each render of a new decision, with the presentation shown. */
export type DecidedEvent = CustomEvent<{ presentation: Presentation }>;

declare global {
  interface HTMLElementEventMap {
    'who-owns-this:escalate': EscalateEvent;
    'who-owns-this:decided': DecidedEvent;
  }
}
