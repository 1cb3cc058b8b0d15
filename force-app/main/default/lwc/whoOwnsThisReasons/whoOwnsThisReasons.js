/** The reasons of a decision, each with its evidence highlighted where it stands in the case text. */
import { LightningElement, api } from 'lwc';

export default class WhoOwnsThisReasons extends LightningElement {
  /** PresentedReason[] from the presentation model (c/ownershipRules present()). */
  @api reasons = [];

  get hasReasons() {
    return Array.isArray(this.reasons) && this.reasons.length > 0;
  }

  get items() {
    return this.reasons.map((r) => ({
      key: r.key,
      label: r.label,
      meta: `${r.fieldLabel} · weight ${r.weight}`,
      snippet: r.snippet,
      // A rule's evidence is its own label; a context reason's is the figure that met the threshold.
      plain: r.snippet ? null : r.kind === 'rule' ? null : r.evidence,
    }));
  }
}
