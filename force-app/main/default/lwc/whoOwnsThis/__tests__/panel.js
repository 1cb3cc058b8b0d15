/**
 * Test helpers for the Who Owns This panel: create it, drive its wires, look inside the nested shadow
 * roots, and check what assistive technology gets from each rendered state.
 */
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/uiGraphQLApi';
import WhoOwnsThis from 'c/whoOwnsThis';

export function createPanel(recordId) {
  const element = createElement('c-who-owns-this', { is: WhoOwnsThis });
  element.recordId = recordId;
  document.body.appendChild(element);
  return element;
}

export function reset() {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
}

/** Lets wire emissions, promise chains and re-renders settle. */
export function flush() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const byOperation = (name) => (config) => config.operationName === name;

export function emitCase(record) {
  getRecord.emit(record);
}

export function emitHistory(data) {
  graphql.emit(data, byOperation('whoOwnsThisAccountHistory'));
}

export function emitHistoryErrors(errors) {
  graphql.emitErrors(errors, byOperation('whoOwnsThisAccountHistory'));
}

export function emitOpenEscalations(data) {
  graphql.emit(data, byOperation('whoOwnsThisOpenEscalations'));
}

export function historyConfig() {
  return [...graphql._wireInstances].map((w) => w.getConfig()).find(byOperation('whoOwnsThisAccountHistory'));
}

export const root = (element) => element.shadowRoot;
export const reasonsRoot = (element) => element.shadowRoot.querySelector('c-who-owns-this-reasons').shadowRoot;
export const escalateRoot = (element) => element.shadowRoot.querySelector('c-who-owns-this-escalate').shadowRoot;
export const formRoot = (element) =>
  escalateRoot(element).querySelector('c-who-owns-this-escalate-form')?.shadowRoot ?? null;

function* shadowRoots(node) {
  yield node;
  for (const el of node.querySelectorAll('*'))
    if (el.shadowRoot && el.tagName.startsWith('C-')) yield* shadowRoots(el.shadowRoot);
}

const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();

/**
 * Accessibility of one rendered state (sa11y is not installed, so the checks are explicit): every control
 * and icon has a name, every form control a label, every ARIA reference resolves in its own shadow root,
 * lists are named, links have text, and the panel has its live region for the decision.
 * Returns the problems found, so a failing test says which.
 */
export function accessibilityProblems(element) {
  const problems = [];
  const named = (sel, prop) => (root) => {
    for (const el of root.querySelectorAll(sel))
      if (!el[prop] || String(el[prop]).trim() === '') problems.push(`${sel} without ${prop}`);
  };
  const checks = [
    named('lightning-button', 'label'),
    named('lightning-button-icon', 'alternativeText'),
    named('lightning-icon', 'alternativeText'),
    named('lightning-spinner', 'alternativeText'),
    named('lightning-combobox', 'label'),
    named('lightning-textarea', 'label'),
    named('lightning-input', 'label'),
    named('lightning-badge', 'label'),
  ];
  for (const root of shadowRoots(element.shadowRoot)) {
    for (const check of checks) check(root);
    for (const a of root.querySelectorAll('a')) if (!text(a)) problems.push('link without text');
    for (const el of root.querySelectorAll('[aria-labelledby]'))
      for (const id of el.getAttribute('aria-labelledby').split(/\s+/))
        if (!root.querySelector(`[id="${id}"]`)) problems.push(`aria-labelledby="${id}" names no element`);
    for (const list of root.querySelectorAll('ol, ul[aria-label], ul[aria-labelledby]'))
      if (!list.getAttribute('aria-label') && !list.getAttribute('aria-labelledby')) problems.push('unnamed list');
    for (const el of root.querySelectorAll('[role="alert"], [role="status"]'))
      if (!text(el) && el.getAttribute('role') === 'alert') problems.push('empty alert');
  }
  const live = element.shadowRoot.querySelector('[aria-live]');
  if (!live) problems.push('no aria-live region for the decision');
  else if (!text(live)) problems.push('empty aria-live region');
  return problems;
}

export function expectAccessible(element) {
  expect(accessibilityProblems(element)).toEqual([]);
}

export const textOf = text;
