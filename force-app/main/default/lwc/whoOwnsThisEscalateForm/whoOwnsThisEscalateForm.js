/**
 * Escalate on a person's own judgement: a category (the four alarms or `other`), a severity and a
 * required note saying why.
 * @fires escalate {category, severity, note} when the form is valid
 * @fires dismiss
 */
import { LightningElement, api } from 'lwc';
import { ESCALATION_CATEGORIES, SEVERITY_LABELS, categoryLabel } from 'c/ownershipRules';

const NOTE_REQUIRED = 'Write why you are escalating this case.';

export default class WhoOwnsThisEscalateForm extends LightningElement {
  /** Initial category and severity. */
  @api category = 'other';
  @api severity = 'sev2';
  @api busy = false;

  note = '';
  noteError = null;
  chosenCategory;
  chosenSeverity;

  get categoryValue() {
    return this.chosenCategory || this.category;
  }

  get severityValue() {
    return this.chosenSeverity || this.severity;
  }

  get categoryOptions() {
    return ESCALATION_CATEGORIES.map((value) => ({ label: categoryLabel(value), value }));
  }

  get severityOptions() {
    return Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ label, value }));
  }

  get noteRequired() {
    return NOTE_REQUIRED;
  }

  handleCategory(event) {
    this.chosenCategory = event.detail.value;
  }

  handleSeverity(event) {
    this.chosenSeverity = event.detail.value;
  }

  handleNote(event) {
    this.note = event.detail.value || '';
    if (this.noteError && this.note.trim()) this.noteError = null;
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('dismiss'));
  }

  handleSubmit() {
    const note = this.note.trim();
    this.noteError = note ? null : NOTE_REQUIRED;
    const textarea = this.template.querySelector('lightning-textarea');
    textarea.setCustomValidity(this.noteError || '');
    textarea.reportValidity();
    if (!note) {
      textarea.focus?.();
      return;
    }
    this.dispatchEvent(
      new CustomEvent('escalate', { detail: { category: this.categoryValue, severity: this.severityValue, note } }),
    );
  }
}
