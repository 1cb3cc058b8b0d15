import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { refreshGraphQL } from 'lightning/uiGraphQLApi';
import {
  createPanel,
  emitCase,
  emitHistory,
  emitOpenEscalations,
  escalateRoot,
  expectAccessible,
  flush,
  formRoot,
  reset,
  textOf,
} from './panel';

const productSafety = require('./data/getRecordProductSafety.json');
const customerService = require('./data/getRecordCustomerService.json');
const quietHistory = require('./data/accountHistoryQuiet.json');
const noOpenEscalations = require('./data/openEscalationsNone.json');
const openProductSafety = require('./data/openEscalationsProductSafety.json');
const created = require('./data/createEscalationResult.json');
const duplicate = require('./data/createEscalationDuplicate.json');
const failure = require('./data/createEscalationFailure.json');

const USER_ID = '005000000000000000'; // what sfdx-lwc-jest gives @salesforce/user/Id
const KEY = '500Dn0000VI5AtXIQV:product_safety';

async function showCase(record, open = noOpenEscalations) {
  const element = createPanel(record.id);
  emitCase(record);
  await flush();
  emitHistory(quietHistory);
  await flush();
  emitOpenEscalations(open);
  await flush();
  return element;
}

const $ = (element, selector) => escalateRoot(element).querySelector(selector);
const escalateButton = (element) => $(element, '[data-id="escalate"]');
const openLinks = (element) => [...escalateRoot(element).querySelectorAll('[data-id="open-escalations"] a')];
const status = (element) => textOf($(element, '[data-id="status"]'));

describe('c-who-owns-this escalate', () => {
  afterEach(reset);

  it('escalates the alarm with one click: one flagged Escalation__c, the case marked escalated, a link to it', async () => {
    createRecord.mockResolvedValue(created);
    const element = await showCase(productSafety);
    expect(escalateButton(element).label).toBe('Escalate: Product safety');
    expectAccessible(element);

    escalateButton(element).click();
    await flush();

    expect(createRecord).toHaveBeenCalledTimes(1);
    const { apiName, fields } = createRecord.mock.calls[0][0];
    expect(apiName).toBe('Escalation__c');
    expect(fields).toEqual({
      Case__c: productSafety.id,
      Account__c: productSafety.fields.AccountId.value,
      Category__c: 'product_safety',
      Severity__c: 'sev2',
      Reasons__c: expect.stringMatching(
        /^Who owns this: Sales Leadership - fire alarm: Product safety, Sev 2 \(today\)\./,
      ),
      Suggested_Owner__c: 'sales_leadership',
      Raised_By__c: USER_ID,
      Note__c: expect.stringContaining('one click'),
      Status__c: 'New',
      Flagged__c: true,
      Escalation_Key__c: KEY,
    });
    expect(fields.Reasons__c).toContain('Reasons:\n1. ');
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: productSafety.id, IsEscalated: true } });

    const [link] = openLinks(element);
    expect(textOf(link)).toBe('ESC-00042');
    expect(link.getAttribute('href')).toBe('https://www.example.com');
    expect(escalateButton(element)).toBeNull();
    expect(status(element)).toBe('Escalated to sales leadership: ESC-00042.');
    expect(refreshGraphQL).toHaveBeenCalled();
    expectAccessible(element);
  });

  it('creates one escalation however often it is clicked: a second click shows the open one', async () => {
    let resolve;
    createRecord.mockReturnValue(new Promise((r) => (resolve = r)));
    const element = await showCase(productSafety);
    const button = escalateButton(element);
    button.click();
    button.click(); // while the first is in flight
    await flush();
    expect(button.disabled).toBe(true);
    resolve(created);
    await flush();
    expect(createRecord).toHaveBeenCalledTimes(1);

    // The button is gone; the manual form on the same category shows the open escalation instead.
    expect(escalateButton(element)).toBeNull();
    $(element, '[data-id="manual"]').click();
    await flush();
    const form = formRoot(element);
    form
      .querySelector('lightning-combobox[data-id], lightning-combobox')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'product_safety' } }));
    form
      .querySelector('lightning-textarea')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'Again, to be sure.' } }));
    form.querySelector('[data-id="submit"]').click();
    await flush();
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(status(element)).toBe('Already escalated: ESC-00042 is open.');
    expect(openLinks(element).map(textOf)).toEqual(['ESC-00042']);
    expectAccessible(element);
  });

  it('treats DUPLICATE_VALUE on the key as the normal path: shows the existing open escalation, not an error', async () => {
    createRecord.mockRejectedValue(duplicate);
    const element = await showCase(productSafety);
    escalateButton(element).click();
    await flush();

    expect(createRecord).toHaveBeenCalledTimes(1);
    expect($(element, '[data-id="escalate-error"]')).toBeNull();
    expect(status(element)).toBe('Already escalated: showing the open escalation.');
    const [link] = openLinks(element);
    expect(link.dataset.recordId).toBe('a0BDn000000Fq7kMAC');
    expect(textOf(link)).toBe('Open escalation');
    expect(updateRecord).not.toHaveBeenCalled();
    expect(refreshGraphQL).toHaveBeenCalled();

    // The refreshed query brings the record's name; still one entry for the key.
    emitOpenEscalations(openProductSafety);
    await flush();
    expect(openLinks(element).map(textOf)).toEqual(['ESC-00042']);
    expect(escalateButton(element)).toBeNull();
    expectAccessible(element);
  });

  it('shows an escalation someone else already raised, and offers no second one-click escalate', async () => {
    const element = await showCase(productSafety, openProductSafety);
    expect(escalateButton(element)).toBeNull();
    const [link] = openLinks(element);
    expect(textOf(link)).toBe('ESC-00042');
    expect(textOf($(element, '[data-id="open-escalations"] li'))).toContain('Product safety · Sev 2 (today) · New');
    expectAccessible(element);
  });

  it('opens the escalation in the app when its link is clicked', async () => {
    const element = await showCase(productSafety, openProductSafety);
    const [link] = openLinks(element);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows a failure as an error and lets the person try again', async () => {
    createRecord.mockRejectedValueOnce(failure).mockResolvedValueOnce(created);
    const element = await showCase(productSafety);
    escalateButton(element).click();
    await flush();

    const error = $(element, '[data-id="escalate-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain("You don't have access to create Escalation records.");
    expect(openLinks(element)).toEqual([]);
    expectAccessible(element);

    escalateButton(element).click();
    await flush();
    expect(createRecord).toHaveBeenCalledTimes(2);
    expect($(element, '[data-id="escalate-error"]')).toBeNull();
    expect(openLinks(element).map(textOf)).toEqual(['ESC-00042']);
  });

  it('keeps the escalation and says so when the case cannot be marked escalated', async () => {
    createRecord.mockResolvedValue(created);
    updateRecord.mockRejectedValueOnce({
      body: { message: 'The Case is locked by an approval process.' },
      status: 400,
    });
    const element = await showCase(productSafety);
    escalateButton(element).click();
    await flush();
    expect(openLinks(element).map(textOf)).toEqual(['ESC-00042']);
    expect(textOf($(element, '[data-id="escalate-error"]'))).toBe(
      'The escalation was raised, but the case could not be marked escalated: The Case is locked by an approval process.',
    );
  });

  it('lets a person escalate a case the rules did not flag, and requires them to say why', async () => {
    createRecord.mockResolvedValue({
      ...created,
      fields: { ...created.fields, Name: { value: 'ESC-00043', displayValue: null } },
    });
    const element = await showCase(customerService);
    expect(escalateButton(element)).toBeNull();
    const manual = $(element, '[data-id="manual"]');
    expect(manual.label).toBe('Escalate on my own judgement');
    manual.click();
    await flush();

    const form = formRoot(element);
    const [category, severity] = form.querySelectorAll('lightning-combobox');
    const note = form.querySelector('lightning-textarea');
    expect(category.value).toBe('other');
    expect(category.options.map((o) => o.value)).toEqual([
      'product_safety',
      'ethics_violation',
      'churn_risk',
      'service_breach',
      'other',
    ]);
    expect(category.options.find((o) => o.value === 'other').label).toBe('Other');
    expect(severity.value).toBe('sev2');
    expect(note.required).toBe(true);
    expectAccessible(element);

    // No reason: nothing is created, the person is told what is missing.
    form.querySelector('[data-id="submit"]').click();
    await flush();
    expect(createRecord).not.toHaveBeenCalled();
    expect(textOf(form.querySelector('[data-id="note-error"]'))).toBe('Write why you are escalating this case.');
    note.dispatchEvent(new CustomEvent('change', { detail: { value: '   ' } }));
    form.querySelector('[data-id="submit"]').click();
    await flush();
    expect(createRecord).not.toHaveBeenCalled();
    expectAccessible(element);

    category.dispatchEvent(new CustomEvent('change', { detail: { value: 'churn_risk' } }));
    severity.dispatchEvent(new CustomEvent('change', { detail: { value: 'sev1' } }));
    note.dispatchEvent(
      new CustomEvent('change', {
        detail: { value: 'Their COO told me on the phone they are talking to a competitor.' },
      }),
    );
    await flush();
    expect(form.querySelector('[data-id="note-error"]')).toBeNull();
    form.querySelector('[data-id="submit"]').click();
    await flush();

    expect(createRecord).toHaveBeenCalledTimes(1);
    const { fields } = createRecord.mock.calls[0][0];
    expect(fields).toMatchObject({
      Case__c: customerService.id,
      Category__c: 'churn_risk',
      Severity__c: 'sev1',
      Suggested_Owner__c: 'customer_service',
      Note__c: 'Their COO told me on the phone they are talking to a competitor.',
      Flagged__c: true,
      Status__c: 'New',
      Escalation_Key__c: `${customerService.id}:churn_risk`,
    });
    expect(fields.Reasons__c).toMatch(/^Who owns this: Customer Service\. /);
    expect(formRoot(element)).toBeNull();
    expect(openLinks(element).map(textOf)).toEqual(['ESC-00043']);
    expectAccessible(element);
  });

  it('closes the manual form on cancel without creating anything', async () => {
    const element = await showCase(customerService);
    $(element, '[data-id="manual"]').click();
    await flush();
    formRoot(element).querySelector('[data-id="cancel"]').click();
    await flush();
    expect(formRoot(element)).toBeNull();
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('asks for open escalations by the key of every category of this case', async () => {
    const { graphql } = require('lightning/uiGraphQLApi');
    await showCase(productSafety);
    const config = [...graphql._wireInstances]
      .map((w) => w.getConfig())
      .find((c) => c.operationName === 'whoOwnsThisOpenEscalations');
    expect(config.variables.keys).toEqual([
      '500Dn0000VI5AtXIQV:product_safety',
      '500Dn0000VI5AtXIQV:ethics_violation',
      '500Dn0000VI5AtXIQV:churn_risk',
      '500Dn0000VI5AtXIQV:service_breach',
      '500Dn0000VI5AtXIQV:other',
    ]);
  });
});
