/**
 * src/org: the one place that talks to an org (jsforce, through @salesforce/core's Connection). Cases
 * and their context, idempotent escalation, bulk triage and the manager report.
 */
export * from './session.js';
export * from './errors.js';
export * from './cases.js';
export * from './context.js';
export * from './escalations.js';
export * from './bulk.js';
export * from './triage.js';
export * from './triage-state.js';
export * from './report.js';
