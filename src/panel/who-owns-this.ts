/**
 * `<who-owns-this>`: the "Who owns this?" panel for any web page. It renders the presentation model of
 * src/rules (present.ts), the same model the Salesforce panel (lwc/whoOwnsThis) renders, and holds no
 * routing logic: a `decider` turns `record` + `context` into that model, or a host that decided elsewhere
 * sets `presentation` directly.
 *
 * The policy is data, not code. With who-owns-this.js (define.ts: the rules engine, no policy) the panel
 * fetches its policy once per URL and shows "Loading the routing policy…" until it arrives, or an error
 * state if it cannot be loaded. By default it is the shipped policy, lib/panel/default-policy.json, fetched
 * from beside the module (`new URL('./default-policy.json', import.meta.url)`: serve it next to
 * who-owns-this.js, cacheably). An admin points the panel at their own policy file with an attribute:
 *
 *   <who-owns-this policy-src="/policies/acme-routing.json"></who-owns-this>
 *
 * (a policy in the JSON format of src/rules/default-policy.json; check it first with
 * `sf whoowns policy check`, since the browser only checks its shape), or hands over a policy object
 * already loaded with `panel.policy = json`. Precedence: `presentation`, then `decider`, then `policy`,
 * then `policy-src`, then `WhoOwnsThis.defaultDecider`, then the shipped default-policy.json. The view
 * bundle (who-owns-this-view.js) has no engine and never fetches: it renders `presentation` only.
 *
 * The host does all saving: the panel asks with `who-owns-this:escalate` and the host answers by setting
 * `escalation`. Case text is only ever rendered as text nodes (Lit bindings), evidence inside <mark>.
 *
 * @fires who-owns-this:escalate - {@link EscalateRequest}: the person asked to escalate.
 * @fires who-owns-this:decided - `{presentation}`: a new decision was rendered.
 * @csspart card - the panel's card.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  ESCALATION_CATEGORIES,
  SEVERITY_LABELS,
  escalationKey,
  reasonsText,
  type EscalationCategory,
  type EscalationSeverity,
  type Presentation,
} from '../rules/present.js';
import { DECIDED_EVENT, ESCALATE_EVENT, type EscalateRequest, type EscalationState } from './events.js';
import { evidenceText, ladder, reasonList } from './parts.js';
import { panelStyles } from './styles.js';

/** Turns a case line into the presentation model: the shipped rules, or whatever the host plugs in. */
export interface Decider {
  present(line: { case: unknown; context: unknown }): Presentation;
  categoryLabel(category: EscalationCategory): string;
}

/** How the deciding bundle turns policy data into a decider (define.ts sets it; the view bundle does not). */
export interface PolicyLoader {
  /** The policy file used when the panel names none: the shipped one beside the module. */
  defaultSrc: string;
  /** A decider for a policy given as data; throws when it is not a policy. */
  fromPolicy(policy: unknown): Decider;
  /** The decider of the policy file at a URL, fetched once: the decider itself once it has arrived. */
  load(src: string): Decider | Promise<Decider>;
}

type PolicyStatus = { state: 'none' } | { state: 'loading'; src: string } | { state: 'failed'; message: string };

/** A Case as the REST API returns it (every field optional). */
export type CaseRecord = Record<string, unknown>;

const ONE_CLICK_NOTE = 'Raised with one click on the fire alarm of the Who Owns This panel.';
const SEVERITIES = Object.keys(SEVERITY_LABELS) as EscalationSeverity[];
const DECISION_INPUTS = ['presentation', 'record', 'context', 'decider', 'policy', 'policySrc', 'policyStatus'];
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const fallbackLabel = (c: string) => c.replace(/_/g, ' ').replace(/^./, (s) => s.toUpperCase());

export class WhoOwnsThis extends LitElement {
  static override styles = panelStyles;

  static override properties = {
    record: { attribute: false },
    context: { attribute: false },
    presentation: { attribute: false },
    escalation: { attribute: false },
    decider: { attribute: false },
    policy: { attribute: false },
    policySrc: { attribute: 'policy-src' },
    heading: {},
    policyStatus: { state: true },
    formOpen: { state: true },
    noteError: { state: true },
  };

  /** The decider every panel uses unless given its own (define.ts sets the shipped rules). */
  static defaultDecider: Decider | null = null;
  /** The engine that decides from policy data (define.ts sets it); null in the view bundle. */
  static policyLoader: PolicyLoader | null = null;

  /** The Case, Salesforce-shaped: Id, Subject, Description, Type, Reason, Priority, Origin, Account… */
  declare record: CaseRecord | null;
  /** Account and queue context of routing.md (`{account: {...}, queue: {...}}`), optional. */
  declare context: unknown;
  /** A presentation decided elsewhere; when set it is shown as is and `record` is not decided. */
  declare presentation: Presentation | null;
  /** The host's answer to the last escalate request. */
  declare escalation: EscalationState;
  declare decider: Decider | null;
  /** A routing policy as data (the JSON of default-policy.json), instead of fetching one. */
  declare policy: unknown;
  /** `policy-src`: the URL of the policy file to fetch (once per URL) instead of the shipped one. */
  declare policySrc: string | null;
  declare heading: string;

  declare private policyStatus: PolicyStatus;
  private policyDecider: { policy: unknown; decider: Decider } | null = null;
  private fetched: { src: string; decider: Decider } | null = null;
  private fresh = false;

  declare private formOpen: boolean;
  declare private noteError: string;
  private shown: Presentation | null = null;

  constructor() {
    super();
    this.record = null;
    this.context = null;
    this.presentation = null;
    this.escalation = { state: 'idle' };
    this.decider = null;
    this.policy = null;
    this.policySrc = null;
    this.policyStatus = { state: 'none' };
    this.heading = 'Who owns this?';
    this.formOpen = false;
    this.noteError = '';
  }

  /** The presentation currently shown, or null. */
  get decision(): Presentation | null {
    return this.shown;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (DECISION_INPUTS.some((k) => changed.has(k))) {
      this.fresh = true;
      if (this.presentation) this.shown = this.presentation;
      else if (!this.record) this.shown = null;
      else {
        try {
          const decider = this.activeDecider();
          this.shown = decider ? decider.present({ case: this.record, context: this.context }) : null;
        } catch (e) {
          this.shown = null;
          this.policyStatus = { state: 'failed', message: errorText(e) };
        }
      }
    }
  }

  /** The decider for the record, or null while its policy is loading (or when it failed). */
  private activeDecider(): Decider | null {
    if (this.decider) return this.decider;
    const loader = WhoOwnsThis.policyLoader;
    if (this.policy !== null && this.policy !== undefined && loader) {
      if (this.policyDecider?.policy !== this.policy) {
        this.policyDecider = null;
        this.policyDecider = { policy: this.policy, decider: loader.fromPolicy(this.policy) };
      }
      return this.policyDecider.decider;
    }
    if (!this.policySrc && WhoOwnsThis.defaultDecider) return WhoOwnsThis.defaultDecider;
    if (!loader) return null;
    const src = this.policySrc || loader.defaultSrc;
    if (this.fetched?.src === src) return this.fetched.decider;
    const s = this.policyStatus;
    if (s.state === 'failed' && this.failedSrc === src) return null;
    const got = loader.load(src);
    if (!(got instanceof Promise)) {
      this.fetched = { src, decider: got };
      return got;
    }
    if (s.state !== 'loading' || s.src !== src) {
      this.policyStatus = { state: 'loading', src };
      got.then(
        (decider) => {
          if ((this.policySrc || loader.defaultSrc) !== src) return;
          this.fetched = { src, decider };
          this.policyStatus = { state: 'none' };
        },
        (e: unknown) => {
          if ((this.policySrc || loader.defaultSrc) !== src) return;
          this.failedSrc = src;
          this.policyStatus = { state: 'failed', message: `could not load ${src}: ${errorText(e)}` };
        },
      );
    }
    return null;
  }

  private failedSrc: string | null = null;

  protected override updated(changed: PropertyValues): void {
    if (this.shown && this.fresh) {
      this.dispatchEvent(
        new CustomEvent(DECIDED_EVENT, { detail: { presentation: this.shown }, bubbles: true, composed: true }),
      );
    }
    this.fresh = false;
    const before = changed.get('escalation') as EscalationState | undefined;
    if (before?.state === 'saving' && this.escalation.state !== 'saving') {
      // The button that was pressed may be gone: take focus to the result so it is read and keyboard users stay put.
      this.renderRoot.querySelector<HTMLElement>('#escalation-status')?.focus();
    }
  }

  private label(category: EscalationCategory): string {
    return (this.decider ?? WhoOwnsThis.defaultDecider)?.categoryLabel(category) ?? fallbackLabel(category);
  }

  private request(category: EscalationCategory, severity: EscalationSeverity, note: string, oneClick: boolean) {
    const p = this.shown;
    if (!p || this.escalation.state === 'saving') return;
    const detail: EscalateRequest = {
      caseId: p.caseId,
      category,
      severity,
      note,
      key: escalationKey(p.caseId, category),
      reasons: reasonsText(p),
      owner: p.owner,
      oneClick,
    };
    this.dispatchEvent(new CustomEvent(ESCALATE_EVENT, { detail, bubbles: true, composed: true }));
  }

  private onOneClick() {
    const alarm = this.shown?.alarm;
    if (alarm) this.request(alarm.category, alarm.severity, ONE_CLICK_NOTE, true);
  }

  private async openForm() {
    this.formOpen = true;
    this.noteError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#esc-category')?.focus();
  }

  private async closeForm() {
    this.formOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#manual-toggle')?.focus();
  }

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    if (note === '') {
      this.noteError = 'Say why you are escalating: the note is required.';
      form.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    this.noteError = '';
    this.formOpen = false;
    this.request(data.get('category') as EscalationCategory, data.get('severity') as EscalationSeverity, note, false);
  }

  private renderStatus() {
    const e = this.escalation;
    const text =
      e.state === 'saving'
        ? 'Escalating…'
        : e.state === 'created'
          ? html`Escalated to sales leadership: <a href=${e.href}>${e.name}</a> is open.`
          : e.state === 'existing'
            ? html`Already escalated: <a href=${e.href}>${e.name}</a> is already open.`
            : e.state === 'failed'
              ? `Could not escalate: ${e.message}`
              : '';
    return html`<p id="escalation-status" class="status ${e.state}" role="status" tabindex="-1">${text}</p>`;
  }

  private renderForm(p: Presentation) {
    const category = p.alarm ? p.alarm.category : 'other';
    const severity = p.alarm ? p.alarm.severity : 'sev2';
    const busy = this.escalation.state === 'saving';
    return html`<form @submit=${this.onSubmit} aria-labelledby="manual-heading" novalidate>
      <h4 id="manual-heading">Escalate to sales leadership</h4>
      <label for="esc-category">Category</label>
      <select id="esc-category" name="category">
        ${ESCALATION_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === category}>${this.label(c)}</option>`)}
      </select>
      <label for="esc-severity">Severity</label>
      <select id="esc-severity" name="severity">
        ${SEVERITIES.map((s) => html`<option value=${s} ?selected=${s === severity}>${SEVERITY_LABELS[s]}</option>`)}
      </select>
      <label for="esc-note">Why are you escalating? <span class="required" aria-hidden="true">*</span></label>
      <textarea
        id="esc-note"
        name="note"
        rows="3"
        maxlength="32000"
        required
        aria-required="true"
        aria-invalid=${this.noteError ? 'true' : 'false'}
        aria-describedby=${this.noteError ? 'note-error' : nothing}
      ></textarea>
      ${this.noteError ? html`<p id="note-error" class="field-error" role="alert">${this.noteError}</p>` : nothing}
      <div class="buttons">
        <button type="button" @click=${this.closeForm}>Cancel</button>
        <button type="submit" class="brand" ?disabled=${busy}>Raise escalation</button>
      </div>
    </form>`;
  }

  private renderEscalation(p: Presentation) {
    const e = this.escalation;
    const done = e.state === 'created' || e.state === 'existing';
    const busy = e.state === 'saving';
    return html`<section aria-labelledby="escalate-heading">
      <h3 class="caps" id="escalate-heading">Escalation</h3>
      ${this.renderStatus()}
      <div class="buttons">
        ${
          p.alarm && !done
            ? html`<button id="escalate" class="destructive" ?disabled=${busy} @click=${this.onOneClick}>
                Escalate: ${p.alarm.categoryLabel}
              </button>`
            : nothing
        }
        ${
          this.formOpen
            ? nothing
            : html`<button id="manual-toggle" ?disabled=${busy} @click=${this.openForm}>
                Escalate on my own judgement
              </button>`
        }
      </div>
      ${this.formOpen ? this.renderForm(p) : nothing}
    </section>`;
  }

  override render() {
    const p = this.shown;
    const s = this.policyStatus;
    const waiting = !p && this.record && !this.presentation ? s.state : 'none';
    const announcement = p
      ? p.announcement
      : waiting === 'loading'
        ? 'Loading the routing policy.'
        : waiting === 'failed'
          ? 'The routing policy could not be loaded.'
          : 'No case to decide.';
    return html`<article class="card" part="card" aria-labelledby="panel-title">
      <h2 class="title" id="panel-title">${this.heading}</h2>
      <p class="assistive" aria-live="polite" aria-atomic="true" id="announcement">${announcement}</p>
      ${
        p
          ? html`${
                p.alarm
                  ? html`<section class="alarm ${p.alarm.severity}" aria-labelledby="alarm-title" id="alarm">
                      <span aria-hidden="true">⚠</span>
                      <h3 id="alarm-title">${p.alarm.title}</h3>
                    </section>`
                  : nothing
              }
              <p class="owner-line">
                Owner: <strong id="owner">${p.ownerLabel}</strong>
                <span class="badge">${p.confidenceLabel} (${Math.round(p.confidence * 100)}%)</span>
              </p>
              <p class="action" id="action">${p.action}</p>
              ${ladder(p)} ${reasonList(p)} ${evidenceText(p)} ${this.renderEscalation(p)}`
          : waiting === 'loading'
            ? html`<p class="weak" id="policy-loading" aria-busy="true">Loading the routing policy…</p>`
            : s.state === 'failed' && waiting === 'failed'
              ? html`<p class="field-error" id="policy-error" role="alert">
                  The routing policy could not be loaded, so this case is not decided: ${s.message}
                </p>`
              : html`<p class="weak">Open a case to see who owns it.</p>`
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'who-owns-this': WhoOwnsThis;
  }
}
