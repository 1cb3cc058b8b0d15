/**
 * The learned model: what it adds to the rules, when it is used, and that the shipped file is exactly
 * what training gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideByRules, modelFeatures } from '../../src/rules/decide.js';
import { Expectation, Scorecard } from '../../src/rules/evaluate.js';
import { decide, defaultPolicy, parsePolicy, type Policy, usesModel } from '../../src/rules/index.js';
import { fitModel, featurize, type Labeled } from '../../src/rules/train.js';
import { labeled, modelFile, train, trainingFiles } from '../../scripts/train-model.js';
import { root } from '../helpers/cli.js';

const rulesOnly: Policy = { ...defaultPolicy, model: false };

describe('the learned model', () => {
  it('is exactly what `npm run train` gives from the labeled files and the shipped policy', async () => {
    // If this fails, the policy or the labeled files changed since the model was trained: run npm run train.
    expect(await train()).toBe(readFileSync(modelFile, 'utf8'));
  }, 180000);

  it('is used with the shipped policy and with an unchanged copy of it, and not with an edited one', () => {
    expect(usesModel(defaultPolicy)).toBe(true);
    const copy = parsePolicy(JSON.parse(JSON.stringify(defaultPolicy)));
    expect(copy.ok && usesModel(copy.policy)).toBe(true);
    const edited = structuredClone(defaultPolicy);
    edited.signals.push({
      id: 'invoice_is_ae',
      label: 'invoices',
      patterns: ['invoice*'],
      weight: 5,
      owner: 'account_executive',
    });
    expect(usesModel(edited)).toBe(false);
    // The admin's rule decides: the model trained on other rules does not overrule it.
    const line = { case: { Subject: 'Invoice', Description: 'Please resend invoice 77.' } };
    expect(decide(line, edited).owner).toBe('account_executive');
    expect(usesModel(rulesOnly)).toBe(false);
  });

  it('still needs repetition or a heavy history for churn: a leave threat alone stays with the AE', () => {
    const line = {
      case: {
        Subject: 'Reviewing other service providers for next year',
        Description: "We're reviewing other mechanical service providers for next year's contract. I've had enough.",
      },
    };
    expect(decide(line)).toMatchObject({ owner: 'account_executive', alarm: null });
    const heavy = { ...line, context: { account: { casesLast90Days: 14, reopenedLast90Days: 3 } } };
    expect(decide(heavy)).toMatchObject({ owner: 'sales_leadership', alarm: { category: 'churn_risk' } });
  });

  it('reading churn without repetition, leaves the decision to the rules and says what the alarm lacks', () => {
    // A model taught that every leave threat is churn: the policy's alarmNeeds still holds it back.
    const rules: Policy = { ...defaultPolicy, model: false };
    const leave = (d: string): Labeled => ({
      line: { case: { Description: d } },
      owner: 'sales_leadership',
      alarm: 'churn_risk',
    });
    const routine = (d: string): Labeled => ({
      line: { case: { Description: d } },
      owner: 'customer_service',
      alarm: null,
    });
    const taught = [
      leave('We are moving to another supplier next quarter.'),
      leave('We will not renew the contract.'),
      leave('We are switching to a competitor.'),
      routine('Please resend invoice 4410.'),
      routine('Where is order 5521?'),
    ];
    const policy: Policy = { ...rules, model: fitModel(featurize(taught, rules), rules) };
    const line = { case: { Subject: 'Contract', Description: 'We are moving to another supplier next year.' } };
    const ruled = decideByRules(line, rules).decision;
    expect(ruled).toMatchObject({ owner: 'account_executive', alarm: null });
    const d = decide(line, policy);
    expect(d).toMatchObject({ owner: 'account_executive', alarm: null, action: ruled.action });
    expect(d.reasons.slice(0, ruled.reasons.length)).toEqual(ruled.reasons);
    expect(d.reasons.at(-1)).toMatchObject({ rule: 'model.churn_risk', field: 'rule' });
    expect(d.reasons.at(-1)?.evidence).toContain('needs repeated failures');
    // With the repetition the policy asks for, the model's alarm stands.
    const again = { case: { ...line.case, Description: `${line.case.Description} Third missed delivery this month.` } };
    expect(decide(again, policy)).toMatchObject({ owner: 'sales_leadership', alarm: { category: 'churn_risk' } });
  });

  it('may overrule a sev1 alarm when sure the word names the product, never a signal of decision.sev1Stands', () => {
    const rules: Policy = { ...defaultPolicy, model: false };
    const order = (d: string): Labeled => ({
      line: { case: { Description: d } },
      owner: 'customer_service',
      alarm: null,
    });
    // A pest-control customer's vocabulary: "poison" names the product.
    const taught = [
      order('Where is our order of rodent poison bait blocks?'),
      order('Please resend the invoice for the poison bait stations.'),
      order('Can we get a price list for poison bait refills?'),
      order('Reorder 20 cases of the poison pellets, same as last month.'),
      order('Our poison bait delivery is a day late, any tracking?'),
    ];
    const policy: Policy = { ...rules, model: fitModel(featurize(taught, rules), rules) };
    const term = { case: { Description: 'Where is our second order of poison bait blocks?' } };
    expect(decideByRules(term, rules).decision.alarm).toMatchObject({ category: 'product_safety', severity: 'sev1' });
    expect(decide(term, policy)).toMatchObject({ owner: 'customer_service', alarm: null });
    // A policy that lists someone hurt in decision.sev1Stands keeps that alarm whatever the model reads.
    const standing = { ...rules, decision: { ...rules.decision, sev1Stands: ['harm', 'fire'] } };
    const stands: Policy = { ...standing, model: fitModel(featurize(taught, standing), standing) };
    const hurt = { case: { Description: `${term.case.Description} Our tech got sick after opening a box.` } };
    expect(decide(hurt, stands).alarm).toMatchObject({ category: 'product_safety', severity: 'sev1' });
    expect(decide(term, stands)).toMatchObject({ owner: 'customer_service', alarm: null });
    // A policy that does not let the model overrule product safety keeps even the word's alarm.
    const never = { ...rules, decision: { ...rules.decision, sev1VetoAt: { ethics_violation: 0.9 } } };
    const strict: Policy = { ...never, model: fitModel(featurize(taught, never), never) };
    expect(decide(term, strict).alarm).toMatchObject({ category: 'product_safety', severity: 'sev1' });
  });

  it('reads the words around a fire or an injury as features of their own, within that sentence only', () => {
    expect(defaultPolicy.decision.nearWords).toEqual(['harm', 'fire']);
    const line = {
      case: {
        Subject: 'Invoice copy',
        Description:
          'Please resend invoice 4471 for the March service visit. The space heater in the lobby started sparking and caught fire last night.',
      },
    };
    const near = (p: Policy) => [...modelFeatures(line, p).features.keys()].filter((k) => k.startsWith('N='));
    expect(near(rulesOnly)).toEqual(expect.arrayContaining(['N=heater', 'N=lobby', 'N=sparking']));
    // The invoice sentence is not near the fire.
    expect(near(rulesOnly)).not.toContain('N=invoice');
    expect(near(rulesOnly)).not.toContain('N=resend');
    const none = { ...rulesOnly, decision: { ...rulesOnly.decision, nearWords: undefined } };
    expect(near(none)).toEqual([]);
  });

  it('needs to be surer of an alarm read from the words alone (decision.alarmEvidence, unsupportedAlarmAt)', () => {
    const rules: Policy = { ...defaultPolicy, model: false };
    // A model taught that a word no rule looks for means ethics.
    const labeledAs = (d: string, owner: string, alarm: string | null): Labeled => ({
      line: { case: { Description: d } },
      owner,
      alarm,
    });
    const taught = [
      labeledAs('The zebra binder for the Q3 audit is ready.', 'sales_leadership', 'ethics_violation'),
      labeledAs('Zebra binder pages attached for review.', 'sales_leadership', 'ethics_violation'),
      labeledAs('Send the zebra binder to the auditors.', 'sales_leadership', 'ethics_violation'),
      labeledAs('Please resend invoice 4410.', 'customer_service', null),
      labeledAs('Where is order 5521?', 'customer_service', null),
    ];
    const trainedFor = (p: Policy): Policy => ({ ...p, model: fitModel(featurize(taught, p), p) });
    const line = { case: { Description: 'Please send the zebra binder with invoice 4410.' } };
    const { alarmEvidence, unsupportedAlarmAt, ...others } = rules.decision;
    expect(alarmEvidence?.ethics_violation).toContain('bribery');
    expect(unsupportedAlarmAt).toBeGreaterThan(0.5);
    expect(decide(line, trainedFor({ ...rules, decision: others })).alarm).toMatchObject({
      category: 'ethics_violation',
    });
    const strict = trainedFor({ ...rules, decision: { ...others, alarmEvidence, unsupportedAlarmAt: 1 } });
    const d = decide(line, strict);
    expect(d).toMatchObject({ owner: decideByRules(line, rules).decision.owner, alarm: null });
    expect(d.reasons.at(-1)).toMatchObject({ rule: 'model.ethics_violation', field: 'rule' });
    expect(d.reasons.at(-1)?.evidence).toContain('from the words alone');
    // With a signal the policy counts as evidence of ethics (a kickback), the model's reading stands.
    const kickback = { case: { Description: `${line.case.Description} Your rep offered our buyer a kickback.` } };
    expect(decide(kickback, strict).alarm).toMatchObject({ category: 'ethics_violation' });
    // When the rules find nothing at all in the case, the words alone never raise it, whatever the bar.
    const lenient = trainedFor({ ...rules, decision: { ...others, alarmEvidence, unsupportedAlarmAt: 0 } });
    const bare = { case: { Description: 'The zebra binder is here.' } };
    expect(decideByRules(bare, rules).decision.reasons).toEqual([]);
    const held = decide(bare, lenient);
    expect(held).toMatchObject({ owner: 'customer_service', alarm: null });
    expect(held.reasons).toEqual([expect.objectContaining({ rule: 'model.ethics_violation', field: 'rule' })]);
    expect(held.reasons[0]?.evidence).toContain('the rules found nothing in the case');
    expect(decide(line, lenient).alarm).toMatchObject({ category: 'ethics_violation' });
  });

  it('keeps the decision and reasons of the rules when it agrees, and cites its reading last', () => {
    const line = { case: { Subject: 'Invoice copy', Description: 'Please resend invoice 4410.' } };
    const ruled = decideByRules(line, defaultPolicy).decision;
    const d = decide(line);
    expect(d.owner).toBe(ruled.owner);
    expect(d.reasons.slice(0, ruled.reasons.length)).toEqual(ruled.reasons);
    expect(d.reasons.at(-1)).toMatchObject({ rule: 'model.customer_service', field: 'rule' });
    // Nothing at all to read: the front line, with no reasons to cite.
    expect(decide({ case: {} })).toMatchObject({ owner: 'customer_service', reasons: [] });
  });

  it('trained without an author, raises alarms on that author that the rules alone miss, citing exact words', async () => {
    const held = join(root, 'test', 'fixtures', 'heldout-cases-av.jsonl');
    const train: Labeled[] = [];
    for (const f of await trainingFiles()) if (f.file !== held) train.push(...(await labeled(f.file, f.every)));
    const model = fitModel(featurize(train, rulesOnly), rulesOnly);
    const withModel: Policy = { ...rulesOnly, model };
    expect(usesModel(withModel)).toBe(true);
    const cards = { rules: new Scorecard(), model: new Scorecard() };
    let caught = 0;
    for (const c of await labeled(held)) {
      const expect_ = Expectation.parse({ owner: c.owner, alarm: c.alarm });
      const byRules = decide(c.line, rulesOnly);
      const byModel = decide(c.line, withModel);
      cards.rules.add(expect_, byRules);
      cards.model.add(expect_, byModel);
      if (c.alarm && byRules.alarm === null && byModel.alarm?.category === c.alarm) {
        caught++;
        const kase = (c.line as { case: Record<string, string> }).case;
        // Every reason that quotes the case quotes it exactly.
        for (const r of byModel.reasons.filter((x) => x.field === 'Subject' || x.field === 'Description'))
          expect(kase[r.field]).toContain(r.evidence);
      }
    }
    const [rules, model_] = [cards.rules.result(), cards.model.result()];
    expect(caught).toBeGreaterThanOrEqual(3);
    expect(model_.alarms.all.recall as number).toBeGreaterThan(rules.alarms.all.recall as number);
    expect(model_.ownerAccuracy).toBeGreaterThan(rules.ownerAccuracy);
    expect(model_.falseAlarmRate as number).toBeLessThanOrEqual(rules.falseAlarmRate as number);
  }, 60000);

  it('is validated like the rest of the policy: a bad weight names its path', () => {
    const value = JSON.parse(JSON.stringify(defaultPolicy));
    value.model.features.invoice = [1, 2, 3];
    const r = parsePolicy(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('model.features.invoice');
  });
});
