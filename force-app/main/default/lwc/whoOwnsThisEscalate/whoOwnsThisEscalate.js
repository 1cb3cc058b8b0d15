/**
 * One-click escalate, inside the panel (quick actions do not run in the Salesforce mobile app).
 *
 * Creates one flagged Escalation__c whose Escalation_Key__c is `<18-char case id>:<category>`. The key is
 * unique, so a second click, a retry or a concurrent click from someone else fails with DUPLICATE_VALUE:
 * that is the normal path, and the panel shows the open escalation instead of an error. A person can also
 * escalate on their own judgement: a category (including `other`) and a required note.
 */
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { gql, graphql, refreshGraphQL } from 'lightning/uiGraphQLApi';
import USER_ID from '@salesforce/user/Id';
import { ESCALATION_CATEGORIES, SEVERITY_LABELS, categoryLabel, escalationKey } from 'c/ownershipRules';
import { errorCodes, reduceErrors } from 'c/ldsUtils';
import ESCALATION from '@salesforce/schema/Escalation__c';
import CASE_FIELD from '@salesforce/schema/Escalation__c.Case__c';
import ACCOUNT_FIELD from '@salesforce/schema/Escalation__c.Account__c';
import CATEGORY_FIELD from '@salesforce/schema/Escalation__c.Category__c';
import SEVERITY_FIELD from '@salesforce/schema/Escalation__c.Severity__c';
import REASONS_FIELD from '@salesforce/schema/Escalation__c.Reasons__c';
import SUGGESTED_OWNER_FIELD from '@salesforce/schema/Escalation__c.Suggested_Owner__c';
import RAISED_BY_FIELD from '@salesforce/schema/Escalation__c.Raised_By__c';
import NOTE_FIELD from '@salesforce/schema/Escalation__c.Note__c';
import STATUS_FIELD from '@salesforce/schema/Escalation__c.Status__c';
import FLAGGED_FIELD from '@salesforce/schema/Escalation__c.Flagged__c';
import KEY_FIELD from '@salesforce/schema/Escalation__c.Escalation_Key__c';
import CASE_ID from '@salesforce/schema/Case.Id';
import CASE_IS_ESCALATED from '@salesforce/schema/Case.IsEscalated';

const ONE_CLICK_NOTE = 'Raised with one click on the fire alarm of the Who Owns This panel.';
const DUPLICATE_ID = /record with id:?\s*([a-zA-Z0-9]{15,18})/;

// The open escalations of this case: resolving one clears its key, so "has a key" is "is open".
const OPEN_ESCALATIONS = gql`
  query whoOwnsThisOpenEscalations($keys: [String]) {
    uiapi {
      query {
        Escalation__c(
          where: { Escalation_Key__c: { in: $keys } }
          first: 10
          orderBy: { CreatedDate: { order: DESC } }
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Category__c {
                value
              }
              Severity__c {
                value
              }
              Status__c {
                value
                displayValue
              }
              Escalation_Key__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

export default class WhoOwnsThisEscalate extends NavigationMixin(LightningElement) {
  @api caseId;
  @api accountId;
  /** The presentation model of the decision (c/ownershipRules present()). */
  @api presentation;
  /** The reasons as text, for Reasons__c. */
  @api reasonsText = '';

  wiredOpen;
  openLoaded = false;
  openWarning = null;
  /** Open escalations by lower-cased key: from the query, and those this panel created or met. */
  fromQuery = {};
  known = {};
  urls = {};
  busy = false;
  message = '';
  errors = [];
  showForm = false;

  @wire(graphql, { query: OPEN_ESCALATIONS, variables: '$openVariables', operationName: 'whoOwnsThisOpenEscalations' })
  wiredOpenEscalations(result) {
    this.wiredOpen = result;
    const edges = result && result.data && result.data.uiapi.query.Escalation__c.edges;
    if (edges) {
      const open = {};
      for (const { node } of edges) {
        const key = node.Escalation_Key__c.value;
        if (!key) continue;
        open[key.toLowerCase()] = {
          id: node.Id,
          name: node.Name.value,
          key,
          category: node.Category__c.value,
          severity: node.Severity__c.value,
          status: node.Status__c.displayValue || node.Status__c.value,
        };
        this.generateUrl(node.Id);
      }
      this.fromQuery = open;
      this.openLoaded = true;
      this.openWarning = null;
    } else if (result && result.errors) {
      this.openLoaded = true;
      this.openWarning = `Could not check for open escalations: ${reduceErrors(result.errors).join('; ')}`;
    }
  }

  get openVariables() {
    const keys = ESCALATION_CATEGORIES.map((c) => escalationKey(this.caseId, c)).filter(Boolean);
    return keys.length ? { keys } : undefined;
  }

  get alarm() {
    return this.presentation ? this.presentation.alarm : null;
  }

  findOpen(key) {
    const k = key.toLowerCase();
    return this.fromQuery[k] || this.known[k] || null;
  }

  get openItems() {
    const all = { ...this.known, ...this.fromQuery };
    return Object.values(all).map((e) => ({
      ...e,
      title: e.name || 'Open escalation',
      detail: [categoryLabel(e.category), SEVERITY_LABELS[e.severity], e.status].filter(Boolean).join(' · '),
      url: this.urls[e.id] || null,
    }));
  }

  get hasOpen() {
    return this.openItems.length > 0;
  }

  get hasErrors() {
    return this.errors.length > 0;
  }

  get canOneClick() {
    if (!this.alarm || !this.openLoaded) return false;
    return !this.findOpen(escalationKey(this.caseId, this.alarm.category) || '');
  }

  get oneClickLabel() {
    return `Escalate: ${this.alarm.categoryLabel}`;
  }

  get showManualToggle() {
    return !this.showForm;
  }

  handleEscalate() {
    const { category, severity } = this.alarm;
    this.escalate({ category, severity, note: ONE_CLICK_NOTE });
  }

  get formCategory() {
    return this.alarm && this.canOneClick ? this.alarm.category : 'other';
  }

  get formSeverity() {
    return this.alarm ? this.alarm.severity : 'sev2';
  }

  handleShowForm() {
    this.showForm = true;
  }

  handleDismiss() {
    this.showForm = false;
  }

  /** The manual form's submit: a category, a severity and the person's reason (already validated). */
  handleManual(event) {
    this.escalate(event.detail);
  }

  handleOpen(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate](this.pageRef(event.currentTarget.dataset.recordId));
  }

  async escalate({ category, severity, note }) {
    const key = escalationKey(this.caseId, category);
    if (!key) {
      this.errors = ['This page has no valid case id to escalate.'];
      return;
    }
    const existing = this.findOpen(key);
    if (existing) {
      // One open escalation per case and category: never a second createRecord for an open key.
      this.showForm = false;
      this.message = `Already escalated: ${existing.name || 'the open escalation'} is open.`;
      return;
    }
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    this.message = 'Escalating.';
    try {
      const record = await createRecord({
        apiName: ESCALATION.objectApiName,
        fields: {
          [CASE_FIELD.fieldApiName]: this.caseId,
          [ACCOUNT_FIELD.fieldApiName]: this.accountId || null,
          [CATEGORY_FIELD.fieldApiName]: category,
          [SEVERITY_FIELD.fieldApiName]: severity,
          [REASONS_FIELD.fieldApiName]: this.reasonsText,
          [SUGGESTED_OWNER_FIELD.fieldApiName]: this.presentation ? this.presentation.owner : null,
          [RAISED_BY_FIELD.fieldApiName]: USER_ID,
          [NOTE_FIELD.fieldApiName]: note,
          [STATUS_FIELD.fieldApiName]: 'New',
          [FLAGGED_FIELD.fieldApiName]: true,
          [KEY_FIELD.fieldApiName]: key,
        },
      });
      const name = record.fields && record.fields.Name ? record.fields.Name.value : null;
      this.remember({ id: record.id, name, key, category, severity, status: 'New' });
      this.showForm = false;
      this.message = `Escalated to sales leadership: ${name || 'escalation created'}.`;
      await this.markCaseEscalated();
    } catch (error) {
      if (errorCodes(error).includes('DUPLICATE_VALUE')) {
        // Someone (or an earlier click) already escalated this case and category: show that one.
        const match = reduceErrors(error).join(' ').match(DUPLICATE_ID);
        this.remember({ id: match ? match[1] : null, name: null, key, category, severity, status: 'Open' });
        this.showForm = false;
        this.message = 'Already escalated: showing the open escalation.';
      } else {
        this.errors = reduceErrors(error);
        this.message = `Could not escalate: ${this.errors.join(' ')}`;
      }
    } finally {
      this.busy = false;
      this.refresh();
    }
  }

  async markCaseEscalated() {
    try {
      await updateRecord({ fields: { [CASE_ID.fieldApiName]: this.caseId, [CASE_IS_ESCALATED.fieldApiName]: true } });
    } catch (error) {
      this.errors = [
        `The escalation was raised, but the case could not be marked escalated: ${reduceErrors(error).join(' ')}`,
      ];
    }
  }

  remember(entry) {
    this.known = { ...this.known, [entry.key.toLowerCase()]: entry };
    this.generateUrl(entry.id);
  }

  refresh() {
    if (this.wiredOpen) Promise.resolve(refreshGraphQL(this.wiredOpen)).catch(() => {});
  }

  pageRef(recordId) {
    return {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: ESCALATION.objectApiName, actionName: 'view' },
    };
  }

  generateUrl(recordId) {
    if (!recordId || this.urls[recordId]) return;
    this[NavigationMixin.GenerateUrl](this.pageRef(recordId)).then((url) => {
      this.urls = { ...this.urls, [recordId]: url };
    });
  }
}
