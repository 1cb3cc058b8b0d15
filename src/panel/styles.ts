/**
 * SLDS look without SLDS itself. Every colour, size and radius reads a Salesforce Lightning Design System
 * 2 global styling hook (`--slds-g-*`), so a host page that loads SLDS (or sets the hooks) restyles the
 * panel; the fallback after each hook is that hook's SLDS value, so the panel looks at home standalone.
 *
 *   --slds-g-color-brand-base-50      #0176d3  brand (current rung, primary button, links)
 *   --slds-g-color-error-base-40      #ba0517  sev1 banner, destructive button, errors
 *   --slds-g-color-warning-base-60    #fe9339  sev2 banner
 *   --slds-g-color-neutral-base-100   #ffffff  card surface
 *   --slds-g-color-neutral-base-95    #f3f3f3  passed rungs, muted surfaces
 *   --slds-g-color-border-base-1      #c9c9c9  borders
 *   --slds-g-color-on-surface-1       #181818  text;  --slds-g-color-on-surface-2 #444444 weak text
 *   --slds-g-color-success-base-50    #2e844a  "created" status
 *   --slds-g-font-family              Salesforce Sans and the system stack
 *   --slds-g-radius-border-2          0.25rem
 *   --slds-g-spacing-1 … 4            0.25rem, 0.5rem, 0.75rem, 1rem
 */
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    font-family: var(
      --slds-g-font-family,
      'Salesforce Sans',
      -apple-system,
      BlinkMacSystemFont,
      'Segoe UI',
      Roboto,
      Helvetica,
      Arial,
      sans-serif
    );
    font-size: 0.8125rem;
    line-height: 1.5;
    color: var(--slds-g-color-on-surface-1, #181818);
  }
  .card {
    background: var(--slds-g-color-neutral-base-100, #ffffff);
    border: 1px solid var(--slds-g-color-border-base-1, #c9c9c9);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
    box-shadow: 0 2px 2px 0 rgba(0, 0, 0, 0.1);
    padding: var(--slds-g-spacing-3, 0.75rem) var(--slds-g-spacing-4, 1rem);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    font-weight: 700;
  }
  .title {
    font-size: 1rem;
    margin-bottom: var(--slds-g-spacing-2, 0.5rem);
  }
  .caps {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.0625rem;
    color: var(--slds-g-color-on-surface-2, #444444);
    margin-top: var(--slds-g-spacing-3, 0.75rem);
  }
  .assistive {
    position: absolute !important;
    margin: -1px !important;
    border: 0 !important;
    padding: 0 !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
  }
  .alarm {
    display: flex;
    align-items: center;
    gap: var(--slds-g-spacing-2, 0.5rem);
    padding: var(--slds-g-spacing-2, 0.5rem) var(--slds-g-spacing-3, 0.75rem);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
    color: #fff;
    background: var(--slds-g-color-error-base-40, #ba0517);
  }
  .alarm.sev2 {
    color: var(--slds-g-color-on-surface-1, #181818);
    background: var(--slds-g-color-warning-base-60, #fe9339);
  }
  .alarm h3 {
    font-size: 0.875rem;
  }
  .badge {
    display: inline-block;
    margin-left: var(--slds-g-spacing-2, 0.5rem);
    padding: 0 var(--slds-g-spacing-2, 0.5rem);
    border-radius: 15rem;
    background: var(--slds-g-color-neutral-base-95, #f3f3f3);
    font-size: 0.75rem;
    font-weight: 400;
  }
  .owner-line {
    font-size: 0.875rem;
    margin: var(--slds-g-spacing-2, 0.5rem) 0 0;
  }
  .action {
    margin: var(--slds-g-spacing-1, 0.25rem) 0 0;
  }
  .ladder {
    display: flex;
    flex-wrap: wrap;
    gap: var(--slds-g-spacing-1, 0.25rem);
    margin: var(--slds-g-spacing-2, 0.5rem) 0;
    padding: 0;
    list-style: none;
  }
  .rung {
    flex: 1 1 0;
    min-width: 6rem;
    padding: var(--slds-g-spacing-1, 0.25rem) var(--slds-g-spacing-2, 0.5rem);
    border: 1px solid var(--slds-g-color-border-base-1, #c9c9c9);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
    text-align: center;
    font-size: 0.75rem;
  }
  .rung.passed {
    background: var(--slds-g-color-neutral-base-95, #f3f3f3);
  }
  .rung.current {
    border-color: var(--slds-g-color-brand-base-50, #0176d3);
    background: var(--slds-g-color-brand-base-50, #0176d3);
    color: #fff;
    font-weight: 700;
  }
  .rung.current.alarmed {
    border-color: var(--slds-g-color-error-base-40, #ba0517);
    background: var(--slds-g-color-error-base-40, #ba0517);
  }
  ul.reasons {
    margin: var(--slds-g-spacing-1, 0.25rem) 0 0;
    padding-left: 1.25rem;
  }
  ul.reasons li {
    margin-bottom: var(--slds-g-spacing-2, 0.5rem);
  }
  .weak {
    color: var(--slds-g-color-on-surface-2, #444444);
    font-size: 0.75rem;
  }
  .evidence {
    display: block;
    font-size: 0.75rem;
    color: var(--slds-g-color-on-surface-2, #444444);
  }
  mark {
    background: #fff03f;
    color: inherit;
    padding: 0 0.125rem;
    border-radius: 0.125rem;
  }
  .text {
    white-space: pre-wrap;
    margin: var(--slds-g-spacing-1, 0.25rem) 0 var(--slds-g-spacing-2, 0.5rem);
    padding: var(--slds-g-spacing-2, 0.5rem);
    background: var(--slds-g-color-neutral-base-95, #f3f3f3);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--slds-g-spacing-2, 0.5rem);
    margin-top: var(--slds-g-spacing-2, 0.5rem);
  }
  button {
    font: inherit;
    min-height: 2rem;
    padding: 0 var(--slds-g-spacing-4, 1rem);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
    border: 1px solid var(--slds-g-color-border-base-1, #c9c9c9);
    background: var(--slds-g-color-neutral-base-100, #ffffff);
    color: var(--slds-g-color-brand-base-50, #0176d3);
    cursor: pointer;
  }
  button.brand {
    background: var(--slds-g-color-brand-base-50, #0176d3);
    border-color: var(--slds-g-color-brand-base-50, #0176d3);
    color: #fff;
  }
  button.destructive {
    background: var(--slds-g-color-error-base-40, #ba0517);
    border-color: var(--slds-g-color-error-base-40, #ba0517);
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible,
  [tabindex='-1']:focus {
    outline: 2px solid var(--slds-g-color-brand-base-50, #0176d3);
    outline-offset: 2px;
  }
  a {
    color: var(--slds-g-color-brand-base-50, #0176d3);
  }
  form {
    margin-top: var(--slds-g-spacing-2, 0.5rem);
    padding: var(--slds-g-spacing-3, 0.75rem);
    border: 1px solid var(--slds-g-color-border-base-1, #c9c9c9);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
  }
  label {
    display: block;
    margin-top: var(--slds-g-spacing-2, 0.5rem);
    font-size: 0.75rem;
    color: var(--slds-g-color-on-surface-2, #444444);
  }
  select,
  textarea {
    display: block;
    width: 100%;
    box-sizing: border-box;
    font: inherit;
    padding: var(--slds-g-spacing-1, 0.25rem) var(--slds-g-spacing-2, 0.5rem);
    border: 1px solid var(--slds-g-color-border-base-1, #c9c9c9);
    border-radius: var(--slds-g-radius-border-2, 0.25rem);
  }
  .required {
    color: var(--slds-g-color-error-base-40, #ba0517);
  }
  .status {
    margin-top: var(--slds-g-spacing-2, 0.5rem);
  }
  .status.created {
    color: var(--slds-g-color-success-base-50, #2e844a);
  }
  .status.failed,
  .field-error {
    color: var(--slds-g-color-error-base-40, #ba0517);
  }
`;
