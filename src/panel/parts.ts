/** Pieces of the panel's template: the ladder, the reasons and the case text with its evidence marked. */
import { html, nothing } from 'lit';
import type { Presentation } from '../rules/present.js';

export function ladder(p: Presentation) {
  return html`<ol class="ladder" aria-label="Ownership ladder" id="ladder">
    ${p.ladder.map(
      (r) =>
        html`<li
          class="rung ${r.current ? 'current' : ''} ${r.passed ? 'passed' : ''} ${r.current && p.alarm ? 'alarmed' : ''}"
          aria-current=${r.current ? 'step' : nothing}
          data-owner=${r.owner}
        >
          ${r.label}<span class="assistive">${r.current ? ' (owner)' : r.passed ? ' (passed)' : ''}</span>
        </li>`,
    )}
  </ol>`;
}

export function reasonList(p: Presentation) {
  return html`<h3 class="caps" id="reasons-heading">Why</h3>
    ${
      p.reasons.length === 0
        ? html`<p class="weak" id="no-reasons">No routing signal found in the case.</p>`
        : html`<ul class="reasons" aria-labelledby="reasons-heading" id="reasons">
            ${p.reasons.map(
              (r) =>
                html`<li>
                  <span>${r.label}</span> <span class="weak">(${r.fieldLabel} · weight ${r.weight})</span>
                  ${
                    r.snippet
                      ? html`<q class="evidence"
                          >${r.snippet.before}<mark><span class="assistive">Evidence: </span>${r.snippet.match}</mark
                          >${r.snippet.after}</q
                        >`
                      : r.kind === 'rule'
                        ? nothing
                        : html`<span class="evidence">${r.evidence}</span>`
                  }
                </li>`,
            )}
          </ul>`
    }`;
}

/** The Subject and Description with every piece of evidence marked where it stands. */
export function evidenceText(p: Presentation) {
  if (p.highlights.length === 0) return nothing;
  return html`<h3 class="caps">In the case</h3>
    ${p.highlights.map(
      (h) =>
        html`<div class="weak">${h.fieldLabel}</div>
          <p class="text" data-field=${h.field}>${h.segments.map(segment(p))}</p>`,
    )}`;
}

// pre-wrap text: the segments must sit directly inside the <p>, with no template whitespace around them.
const segment = (p: Presentation) => (s: Presentation['highlights'][number]['segments'][number]) =>
  s.reason === null ? s.text : html`<mark title=${p.reasons[s.reason]?.label ?? ''}>${s.text}</mark>`;
