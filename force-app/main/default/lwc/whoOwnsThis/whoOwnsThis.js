/**
 * Who owns this Case? Reads the case (and its account's last 90 days) through Lightning Data Service,
 * decides with the generated c/ownershipRules (the same code as the CLI), and shows the presentation
 * model: the owner on the ladder, the action, the alarm banner, the reasons, and the escalate panel.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { gql, graphql } from 'lightning/uiGraphQLApi';
import { decide, present, reasonsText } from 'c/ownershipRules';
import { reduceErrors } from 'c/ldsUtils';
import CASE_NUMBER from '@salesforce/schema/Case.CaseNumber';
import SUBJECT from '@salesforce/schema/Case.Subject';
import DESCRIPTION from '@salesforce/schema/Case.Description';
import TYPE from '@salesforce/schema/Case.Type';
import REASON from '@salesforce/schema/Case.Reason';
import PRIORITY from '@salesforce/schema/Case.Priority';
import ORIGIN from '@salesforce/schema/Case.Origin';
import STATUS from '@salesforce/schema/Case.Status';
import CREATED_DATE from '@salesforce/schema/Case.CreatedDate';
import ACCOUNT_ID from '@salesforce/schema/Case.AccountId';
import ACCOUNT_NAME from '@salesforce/schema/Case.Account.Name';
import ACCOUNT_TYPE from '@salesforce/schema/Case.Account.Type';

// CaseNumber is readable by anyone who can open the case; every other field may be hidden by field-level
// security, so it is optional: a missing field is simply not evidence.
const FIELDS = [CASE_NUMBER];
const OPTIONAL_FIELDS = [
  SUBJECT,
  DESCRIPTION,
  TYPE,
  REASON,
  PRIORITY,
  ORIGIN,
  STATUS,
  CREATED_DATE,
  ACCOUNT_ID,
  ACCOUNT_NAME,
  ACCOUNT_TYPE,
];
const DAY_MS = 24 * 60 * 60 * 1000;

// Account history for the decision's context: cases and escalations on the account in the last 90 days.
const ACCOUNT_HISTORY = gql`
  query whoOwnsThisAccountHistory($accountId: ID, $since: DateTime) {
    uiapi {
      query {
        Case(
          where: { and: [{ AccountId: { eq: $accountId } }, { CreatedDate: { gte: { value: $since } } }] }
          first: 1
        ) {
          edges {
            node {
              Id
            }
          }
          totalCount
        }
        Escalation__c(
          where: { and: [{ Account__c: { eq: $accountId } }, { CreatedDate: { gte: { value: $since } } }] }
          first: 1
        ) {
          edges {
            node {
              Id
            }
          }
          totalCount
        }
      }
    }
  }
`;

export default class WhoOwnsThis extends LightningElement {
  @api recordId;

  record;
  recordError;
  history;
  historyError;
  /** The presentation model of the current decision (c/ownershipRules present()), or null. */
  view = null;
  reasonsText = '';

  @wire(getRecord, { recordId: '$recordId', fields: FIELDS, optionalFields: OPTIONAL_FIELDS })
  wiredCase({ data, error }) {
    this.record = data;
    this.recordError = error;
    this.updateDecision();
  }

  @wire(graphql, { query: ACCOUNT_HISTORY, variables: '$historyVariables', operationName: 'whoOwnsThisAccountHistory' })
  wiredHistory({ data, errors }) {
    // An emission with neither (not loaded yet, or refreshing) keeps the history already shown.
    if (!data && !errors) return;
    this.history = data;
    this.historyError = errors;
    this.updateDecision();
  }

  get accountId() {
    return this.record ? getFieldValue(this.record, ACCOUNT_ID) : undefined;
  }

  /** Undefined until the case names an account, so no history is asked for a case without one. */
  get historyVariables() {
    if (!this.accountId) return undefined;
    // Midnight UTC 90 days ago: the same value all day, so the query is not re-sent on every render.
    const since = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 90 * DAY_MS).toISOString();
    return { accountId: this.accountId, since };
  }

  /** The case line decide() reads, in the REST API shape of routing.md. */
  line() {
    const value = (field) => getFieldValue(this.record, field) ?? null;
    const kase = {
      Id: this.recordId,
      CaseNumber: value(CASE_NUMBER),
      Subject: value(SUBJECT),
      Description: value(DESCRIPTION),
      Type: value(TYPE),
      Reason: value(REASON),
      Priority: value(PRIORITY),
      Origin: value(ORIGIN),
      Status: value(STATUS),
      CreatedDate: value(CREATED_DATE),
      Account: this.accountId ? { Name: value(ACCOUNT_NAME), Type: value(ACCOUNT_TYPE) } : null,
    };
    const q = this.history && this.history.uiapi && this.history.uiapi.query;
    // Reopens and queue health need field history or entitlements, which LDS does not expose: left out.
    const account = q
      ? { casesLast90Days: q.Case?.totalCount ?? null, escalationsLast90Days: q.Escalation__c?.totalCount ?? null }
      : null;
    return { case: kase, context: account ? { account } : null };
  }

  /** Decides once the case (and, when it has an account, the account history or its error) is in. */
  updateDecision() {
    const waiting = !this.record || (this.accountId && !this.history && !this.historyError);
    if (this.recordError || waiting) {
      this.view = null;
      this.reasonsText = '';
      return;
    }
    const line = this.line();
    this.view = present(decide(line), line);
    this.reasonsText = reasonsText(this.view);
  }

  get loading() {
    return !this.recordError && !this.view;
  }

  get errorMessages() {
    if (!this.recordError) return null;
    const messages = reduceErrors(this.recordError);
    return messages.length ? messages : ['Unknown error'];
  }

  get historyWarning() {
    return this.historyError && this.view
      ? `Account history unavailable (${reduceErrors(this.historyError).join('; ')}): decided on the case alone.`
      : null;
  }

  get announcement() {
    if (this.errorMessages) return `Could not decide who owns this case: ${this.errorMessages.join(' ')}`;
    return this.view ? this.view.announcement : 'Deciding who owns this case.';
  }

  get rungs() {
    return this.view.ladder.map((r) => ({
      ...r,
      className: `ladder-rung${r.current ? ' ladder-rung_current' : ''}${r.passed ? ' ladder-rung_passed' : ''}`,
      ariaCurrent: r.current ? 'step' : null,
      assistive: r.current ? ' (owner)' : r.passed ? ' (passed)' : '',
    }));
  }

  get confidenceText() {
    return `${this.view.confidenceLabel} (${Math.round(this.view.confidence * 100)}%)`;
  }

  get alarmClass() {
    const sev1 = this.view.alarm && this.view.alarm.severity === 'sev1';
    return `slds-notify slds-notify_alert alarm ${sev1 ? 'slds-alert_error' : 'slds-alert_warning'}`;
  }
}
