import { getRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/uiGraphQLApi';
import {
  createPanel,
  emitCase,
  emitHistory,
  emitHistoryErrors,
  emitOpenEscalations,
  expectAccessible,
  flush,
  historyConfig,
  reasonsRoot,
  reset,
  root,
  textOf,
} from './panel';

const customerService = require('./data/getRecordCustomerService.json');
const clientSuccess = require('./data/getRecordClientSuccess.json');
const accountExecutive = require('./data/getRecordAccountExecutive.json');
const productSafety = require('./data/getRecordProductSafety.json');
const leaving = require('./data/getRecordLeaving.json');
const partial = require('./data/getRecordNoAccountNoDescription.json');
const noAccess = require('./data/getRecordNoAccess.json');
const quietHistory = require('./data/accountHistoryQuiet.json');
const heavyHistory = require('./data/accountHistoryHeavy.json');
const noOpenEscalations = require('./data/openEscalationsNone.json');

async function showCase(record, history = quietHistory) {
  const element = createPanel(record.id);
  emitCase(record);
  await flush();
  if (history) emitHistory(history);
  emitOpenEscalations(noOpenEscalations);
  await flush();
  return element;
}

const ownerOf = (element) => textOf(root(element).querySelector('[data-id="owner"]'));
const currentRung = (element) => textOf(root(element).querySelector('[aria-current="step"]'));

describe('c-who-owns-this', () => {
  afterEach(reset);

  it('shows a labelled spinner and says it is deciding while the case loads', async () => {
    const element = createPanel(productSafety.id);
    await flush();
    expect(root(element).querySelector('lightning-spinner').alternativeText).toBe('Deciding who owns this case');
    expect(textOf(root(element).querySelector('[aria-live]'))).toBe('Deciding who owns this case.');
    expect(root(element).querySelector('[data-id="decision"]')).toBeNull();
    expectAccessible(element);
  });

  it('asks for the case fields with CaseNumber required and every field a user may not see optional', async () => {
    createPanel(productSafety.id);
    await flush();
    const config = getRecord.getLastConfig();
    expect(config.recordId).toBe(productSafety.id);
    expect(config.fields.map((f) => f.fieldApiName)).toEqual(['CaseNumber']);
    expect(config.optionalFields.map((f) => f.fieldApiName)).toEqual(
      expect.arrayContaining(['Subject', 'Description', 'Type', 'Reason', 'AccountId', 'Account.Name', 'Account.Type']),
    );
  });

  it('waits for the account history before deciding, and asks for the last 90 days of that account', async () => {
    const element = createPanel(leaving.id);
    emitCase(leaving);
    await flush();
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    const { variables } = historyConfig();
    expect(variables.accountId).toBe(leaving.fields.AccountId.value);
    const days = (Date.now() - Date.parse(variables.since)) / 86400000;
    expect(days).toBeGreaterThanOrEqual(90);
    expect(days).toBeLessThan(91);
  });

  it.each([
    ['Customer Service', customerService, 1],
    ['Client Success', clientSuccess, 2],
    ['Account Executive', accountExecutive, 3],
  ])('shows %s on the ladder with the action and reasons, and no alarm', async (owner, record, step) => {
    const element = await showCase(record);
    expect(ownerOf(element)).toBe(owner);
    expect(currentRung(element)).toBe(`${owner} (owner)`);
    const rungs = [...root(element).querySelectorAll('[data-id="ladder"] li')];
    expect(rungs).toHaveLength(4);
    expect(rungs.findIndex((li) => li.getAttribute('aria-current') === 'step')).toBe(step - 1);
    expect(textOf(root(element).querySelector('[data-id="action"]'))).toMatch(
      owner === 'Account Executive' ? /^The AE owns this: / : new RegExp(`^Hand to ${owner}: `),
    );
    expect(root(element).querySelector('[data-id="alarm"]')).toBeNull();
    expect(reasonsRoot(element).querySelectorAll('[data-id="reasons"] li').length).toBeGreaterThan(0);
    expect(textOf(root(element).querySelector('[aria-live]'))).toMatch(
      new RegExp(`^Owner: ${owner} \\((clear|likely|unsure)\\)\\. `),
    );
    expectAccessible(element);
  });

  it('pulls the fire alarm: banner with category and severity, Sales Leadership on the top rung', async () => {
    const element = await showCase(productSafety);
    const banner = root(element).querySelector('[data-id="alarm"]');
    expect(textOf(banner)).toBe('Fire alarm: Product safety, Sev 2 (today)');
    expect(banner.className).toContain('slds-alert_warning');
    expect(ownerOf(element)).toBe('Sales Leadership');
    expect(currentRung(element)).toBe('Sales Leadership (owner)');
    expect(textOf(root(element).querySelector('[data-id="action"]'))).toMatch(
      /^Pull the fire alarm: notify sales leadership/,
    );
    expect(textOf(root(element).querySelector('[aria-live]'))).toMatch(
      /^Fire alarm: Product safety, Sev 2 \(today\)\. Owner: Sales Leadership/,
    );
    expectAccessible(element);
  });

  it('highlights each piece of evidence where it stands in the case text', async () => {
    const element = await showCase(productSafety);
    const marks = [...reasonsRoot(element).querySelectorAll('mark')].map((m) => textOf(m).replace(/^Evidence: /, ''));
    expect(marks.length).toBeGreaterThan(0);
    const text = `${productSafety.fields.Subject.value}\n${productSafety.fields.Description.value}`;
    for (const evidence of marks) expect(text).toContain(evidence);
    // What made it the fire alarm: QA held it back and a supervisor overrode that.
    expect(marks.join(' ')).toMatch(/QA had flagged/);
    expect(marks.join(' ')).toMatch(/supervisor told them/);
    expectAccessible(element);
  });

  it('uses the account history: a leave signal on a quiet account is the AE, on a heavy one churn risk', async () => {
    const quiet = await showCase(leaving, quietHistory);
    expect(ownerOf(quiet)).toBe('Account Executive');
    reset();
    const heavy = await showCase(leaving, heavyHistory);
    expect(ownerOf(heavy)).toBe('Sales Leadership');
    expect(textOf(root(heavy).querySelector('[data-id="alarm"]'))).toBe('Fire alarm: Churn risk, Sev 2 (today)');
    expect(textOf(reasonsRoot(heavy))).toContain('heavy account history (90 days)');
    expectAccessible(heavy);
  });

  it('decides a case with no account and a hidden description without asking for history', async () => {
    const element = await showCase(partial, null);
    expect(historyConfig().variables).toBeUndefined();
    expect(ownerOf(element)).toBe('Customer Service');
    expectAccessible(element);
  });

  it('decides on the case alone, and says so, when the account history cannot be read', async () => {
    const element = createPanel(leaving.id);
    emitCase(leaving);
    await flush();
    emitHistoryErrors([{ message: 'Cannot query Escalation__c: insufficient access' }]);
    await flush();
    expect(ownerOf(element)).toBe('Account Executive');
    expect(textOf(root(element).querySelector('[data-id="history-warning"]'))).toContain('insufficient access');
    expectAccessible(element);
  });

  it('shows the error, once, in an alert when the case cannot be read', async () => {
    const element = createPanel(productSafety.id);
    getRecord.error(noAccess, 403, 'Forbidden');
    await flush();
    const alert = root(element).querySelector('[data-id="error"]');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(textOf(alert)).toContain("You don't have access to this record.");
    expect(root(element).querySelector('lightning-spinner')).toBeNull();
    expect(textOf(root(element).querySelector('[aria-live]'))).toMatch(/^Could not decide who owns this case: /);
    expectAccessible(element);
  });

  it('redecides when the case changes', async () => {
    const element = await showCase(customerService);
    expect(ownerOf(element)).toBe('Customer Service');
    emitCase(productSafety);
    emitHistory(quietHistory);
    await flush();
    expect(ownerOf(element)).toBe('Sales Leadership');
    expect(graphql).toBeDefined();
  });
});
