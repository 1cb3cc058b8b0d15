/**
 * The shipped policy against the labeled example data, held to the bars of the routing issue. A policy
 * change that makes any of these worse fails here before it reaches an agent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Evaluation, Expectation, Scorecard } from '../../src/rules/evaluate.js';
import { CaseLine, decide } from '../../src/rules/index.js';
import { root, sharedData } from '../helpers/cli.js';

function evaluate(path: string): Evaluation {
  const card = new Scorecard();
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const value = JSON.parse(text);
    card.add(Expectation.parse(value.expect), decide(CaseLine.parse(value)));
  }
  return card.result();
}

const devCases = join(sharedData, 'dev-cases.jsonl');
// Cases written apart from the rules, in other industries and styles, to check that they generalise.
const heldOut = join(root, 'test', 'fixtures', 'heldout-cases.jsonl');
const heldOutB = join(root, 'test', 'fixtures', 'heldout-cases-b.jsonl');
const heldOutC = join(root, 'test', 'fixtures', 'heldout-cases-c.jsonl');
const heldOutD = join(root, 'test', 'fixtures', 'heldout-cases-d.jsonl');
const heldOutE = join(root, 'test', 'fixtures', 'heldout-cases-e.jsonl');
const heldOutG = join(root, 'test', 'fixtures', 'heldout-cases-g.jsonl');
const heldOutH = join(root, 'test', 'fixtures', 'heldout-cases-h.jsonl');
const heldOutI = join(root, 'test', 'fixtures', 'heldout-cases-i.jsonl');
const heldOutJ = join(root, 'test', 'fixtures', 'heldout-cases-j.jsonl');
const heldOutM = join(root, 'test', 'fixtures', 'heldout-cases-m.jsonl');
const heldOutL = join(root, 'test', 'fixtures', 'heldout-cases-l.jsonl');
const heldOutN = join(root, 'test', 'fixtures', 'heldout-cases-n.jsonl');
const heldOutO = join(root, 'test', 'fixtures', 'heldout-cases-o.jsonl');
const heldOutP = join(root, 'test', 'fixtures', 'heldout-cases-p.jsonl');
const heldOutQ = join(root, 'test', 'fixtures', 'heldout-cases-q.jsonl');
const heldOutR = join(root, 'test', 'fixtures', 'heldout-cases-r.jsonl');
const heldOutS = join(root, 'test', 'fixtures', 'heldout-cases-s.jsonl');
const heldOutT = join(root, 'test', 'fixtures', 'heldout-cases-t.jsonl');
const heldOutU = join(root, 'test', 'fixtures', 'heldout-cases-u.jsonl');
const heldOutV = join(root, 'test', 'fixtures', 'heldout-cases-v.jsonl');
const heldOutW = join(root, 'test', 'fixtures', 'heldout-cases-w.jsonl');
const heldOutX = join(root, 'test', 'fixtures', 'heldout-cases-x.jsonl');
const heldOutY = join(root, 'test', 'fixtures', 'heldout-cases-y.jsonl');
const heldOutAA = join(root, 'test', 'fixtures', 'heldout-cases-aa.jsonl');
const heldOutAB = join(root, 'test', 'fixtures', 'heldout-cases-ab.jsonl');
const heldOutAC = join(root, 'test', 'fixtures', 'heldout-cases-ac.jsonl');
const heldOutAD = join(root, 'test', 'fixtures', 'heldout-cases-ad.jsonl');
const heldOutAG = join(root, 'test', 'fixtures', 'heldout-cases-ag.jsonl');
const heldOutAJ = join(root, 'test', 'fixtures', 'heldout-cases-aj.jsonl');
const heldOutAH = join(root, 'test', 'fixtures', 'heldout-cases-ah.jsonl');
const heldOutAI = join(root, 'test', 'fixtures', 'heldout-cases-ai.jsonl');
const heldOutAK = join(root, 'test', 'fixtures', 'heldout-cases-ak.jsonl');
const heldOutAL = join(root, 'test', 'fixtures', 'heldout-cases-al.jsonl');
const heldOutAM = join(root, 'test', 'fixtures', 'heldout-cases-am.jsonl');
const heldOutAN = join(root, 'test', 'fixtures', 'heldout-cases-an.jsonl');
const heldOutAO = join(root, 'test', 'fixtures', 'heldout-cases-ao.jsonl');
const heldOutAP = join(root, 'test', 'fixtures', 'heldout-cases-ap.jsonl');
const heldOutAQ = join(root, 'test', 'fixtures', 'heldout-cases-aq.jsonl');
const heldOutAR = join(root, 'test', 'fixtures', 'heldout-cases-ar.jsonl');
const heldOutAT = join(root, 'test', 'fixtures', 'heldout-cases-at.jsonl');
const heldOutAU = join(root, 'test', 'fixtures', 'heldout-cases-au.jsonl');
const heldOutAV = join(root, 'test', 'fixtures', 'heldout-cases-av.jsonl');
const heldOutAZ = join(root, 'test', 'fixtures', 'heldout-cases-az.jsonl');
const heldOutBA = join(root, 'test', 'fixtures', 'heldout-cases-ba.jsonl');
const heldOutBD = join(root, 'test', 'fixtures', 'heldout-cases-bd.jsonl');
const heldOutBI = join(root, 'test', 'fixtures', 'heldout-cases-bi.jsonl');
const heldOutBM = join(root, 'test', 'fixtures', 'heldout-cases-bm.jsonl');
const heldOutBQ = join(root, 'test', 'fixtures', 'heldout-cases-bq.jsonl');
const heldOutBU = join(root, 'test', 'fixtures', 'heldout-cases-bu.jsonl');
const heldOutBY = join(root, 'test', 'fixtures', 'heldout-cases-by.jsonl');
const heldOutCC = join(root, 'test', 'fixtures', 'heldout-cases-cc.jsonl');
const heldOutCG = join(root, 'test', 'fixtures', 'heldout-cases-cg.jsonl');
const heldOutCH = join(root, 'test', 'fixtures', 'heldout-cases-ch.jsonl');
const heldOutCL = join(root, 'test', 'fixtures', 'heldout-cases-cl.jsonl');
const heldOutCM = join(root, 'test', 'fixtures', 'heldout-cases-cm.jsonl');
const heldOutCR = join(root, 'test', 'fixtures', 'heldout-cases-cr.jsonl');
const heldOutCW = join(root, 'test', 'fixtures', 'heldout-cases-cw.jsonl');
const heldOutDA = join(root, 'test', 'fixtures', 'heldout-cases-da.jsonl');
const heldOutDB = join(root, 'test', 'fixtures', 'heldout-cases-db.jsonl');
const fixture = (name: string) => join(root, 'test', 'fixtures', name);

describe.each([
  ['dev-cases.jsonl', devCases],
  ['held-out fixture A', heldOut],
  ['held-out fixture B', heldOutB],
  ['held-out fixture C', heldOutC],
  ['held-out fixture D', heldOutD],
  ['held-out fixture E', heldOutE],
  ['held-out fixture G', heldOutG],
  ['held-out fixture H', heldOutH],
  ['held-out fixture I', heldOutI],
  ['held-out fixture J', heldOutJ],
  ['held-out fixture M', heldOutM],
  ['held-out fixture L', heldOutL],
  ['held-out fixture N', heldOutN],
  ['held-out fixture O', heldOutO],
  ['held-out fixture P', heldOutP],
  ['held-out fixture Q', heldOutQ],
  ['held-out fixture R', heldOutR],
  ['held-out fixture S', heldOutS],
  ['held-out fixture T', heldOutT],
  ['held-out fixture U', heldOutU],
  ['held-out fixture V', heldOutV],
  ['held-out fixture W', heldOutW],
  ['held-out fixture X', heldOutX],
  ['held-out fixture Y', heldOutY],
  ['held-out fixture AA', heldOutAA],
  ['held-out fixture AB', heldOutAB],
  ['held-out fixture AC', heldOutAC],
  ['held-out fixture AD', heldOutAD],
  ['held-out fixture AG', heldOutAG],
  ['held-out fixture AJ', heldOutAJ],
  ['held-out fixture AH', heldOutAH],
  ['held-out fixture AI', heldOutAI],
  ['held-out fixture AK', heldOutAK],
  ['held-out fixture AL', heldOutAL],
  ['held-out fixture AM', heldOutAM],
  ['held-out fixture AN', heldOutAN],
  ['held-out fixture AO', heldOutAO],
  ['held-out fixture AP', heldOutAP],
  ['held-out fixture AQ', heldOutAQ],
  ['held-out fixture AR', heldOutAR],
  ['held-out fixture AT', heldOutAT],
  ['held-out fixture AU', heldOutAU],
  ['held-out fixture AV', heldOutAV],
  ['held-out fixture AZ', heldOutAZ],
  ['held-out fixture BA', heldOutBA],
  ['held-out fixture BD', heldOutBD],
  ['held-out fixture BI', heldOutBI],
  ['held-out fixture BM', heldOutBM],
  ['held-out fixture BQ', heldOutBQ],
  ['held-out fixture BU', heldOutBU],
  ['held-out fixture BY', heldOutBY],
  ['held-out fixture CC', heldOutCC],
  ['held-out fixture CG', heldOutCG],
  ['held-out fixture CH', heldOutCH],
  ['held-out fixture CL', heldOutCL],
  ['held-out fixture CM', heldOutCM],
  ['held-out fixture CR', heldOutCR],
  ['held-out fixture CW', heldOutCW],
  ['held-out fixture DA', heldOutDA],
  ['held-out fixture DB', heldOutDB],
])('labeled B2B cases: %s', (_, path) => {
  it('owner accuracy ≥ 0.85, alarm precision ≥ 0.85 and recall ≥ 0.90', () => {
    const e = evaluate(path);
    expect(e.ownerAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(e.alarms.all.precision).toBeGreaterThanOrEqual(0.85);
    expect(e.alarms.all.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('real-world routine requests (bitext)', () => {
  it('raise a false alarm on fewer than 1% and stay with a routine owner on at least 90%', () => {
    const e = evaluate(join(sharedData, 'bitext-routine.jsonl'));
    expect(e.cases).toBeGreaterThan(3000);
    expect(e.falseAlarmRate).toBeLessThan(0.01);
    expect(e.routineRate).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each([
  ['F', 'heldout-routine-f.jsonl', 200],
  ['J', 'heldout-routine-j.jsonl', 150],
  ['M', 'heldout-routine-m.jsonl', 150],
  ['Q', 'heldout-routine-q.jsonl', 150],
  ['Z', 'heldout-routine-z.jsonl', 160],
  ['AE', 'heldout-routine-ae.jsonl', 200],
  ['AS', 'heldout-routine-as.jsonl', 200],
  ['BS', 'heldout-routine-bs.jsonl', 200],
  ['CU', 'heldout-routine-cu.jsonl', 200],
])('routine consumer requests written apart from the rules (fixture %s)', (_, name, count) => {
  it('raise a false alarm on fewer than 1% and stay with a routine owner on at least 90%', () => {
    const e = evaluate(fixture(name));
    expect(e.cases).toBe(count);
    expect(e.falseAlarmRate).toBeLessThan(0.01);
    expect(e.routineRate).toBeGreaterThanOrEqual(0.9);
  });
});

// These routine authors wrote almost every case around an alarm word used technically or in an idiom ("Salmonella
// results", "hazardous location cable", "injury claim intake", "smoke and soot cleanup invoice"). The shipped
// policy never lets the learned model drop a sev1 product-safety alarm resting on someone hurt or a fire
// (decision.sev1Stands), because an injury told in passing inside a refund request must
// still raise the alarm (fixtures BE, BH, BL, BP and BT, held out: severe recall 94.8% this way against 86.5% when
// the model may drop any of them at 99.9% certainty). Some of these technical uses are phrased like events
// ("kitchen fire" in a sprinkler recharge order), so these files are held to at most 7.5% false alarms as a
// guard against regressions. That is not the 1% bar, which the Bitext requests and the routine files
// above meet. README, "Figures", gives the trade-off.
describe.each([
  ['AW', 'heldout-routine-aw.jsonl', 200],
  ['AX', 'heldout-routine-ax.jsonl', 200],
  ['AY', 'heldout-routine-ay.jsonl', 200],
  ['BB', 'heldout-routine-bb.jsonl', 200],
  ['BC', 'heldout-routine-bc.jsonl', 200],
  ['BF', 'heldout-routine-bf.jsonl', 150],
  ['BG', 'heldout-routine-bg.jsonl', 150],
  ['BJ', 'heldout-routine-bj.jsonl', 150],
  ['BK', 'heldout-routine-bk.jsonl', 150],
  ['BN', 'heldout-routine-bn.jsonl', 150],
  ['BO', 'heldout-routine-bo.jsonl', 150],
  ['BR', 'heldout-routine-br.jsonl', 150],
  ['BV', 'heldout-routine-bv.jsonl', 150],
  ['BW', 'heldout-routine-bw.jsonl', 200],
  ['BZ', 'heldout-routine-bz.jsonl', 150],
  ['CA', 'heldout-routine-ca.jsonl', 200],
  ['CD', 'heldout-routine-cd.jsonl', 200],
  ['CE', 'heldout-routine-ce.jsonl', 200],
  ['CI', 'heldout-routine-ci.jsonl', 200],
  ['CJ', 'heldout-routine-cj.jsonl', 200],
  ['CN', 'heldout-routine-cn.jsonl', 200],
  ['CO', 'heldout-routine-co.jsonl', 200],
  ['CP', 'heldout-routine-cp.jsonl', 200],
  ['CS', 'heldout-routine-cs.jsonl', 200],
  ['CT', 'heldout-routine-ct.jsonl', 200],
  ['CX', 'heldout-routine-cx.jsonl', 200],
  ['CY', 'heldout-routine-cy.jsonl', 200],
  ['CZ', 'heldout-routine-cz.jsonl', 200],
])('routine requests built around alarm-sounding words, technical or idiomatic (fixture %s)', (_, name, count) => {
  it('raise a false alarm on at most 7.5% and stay with a routine owner on at least 92%', () => {
    const e = evaluate(fixture(name));
    expect(e.cases).toBe(count);
    expect(e.falseAlarmRate).toBeLessThanOrEqual(0.075);
    expect(e.routineRate).toBeGreaterThanOrEqual(0.92);
  });
});

describe.each([
  ['F', 'heldout-safety-f.jsonl', 120, 'vehicles, appliances, toys, devices, food'],
  ['H', 'heldout-safety-h.jsonl', 60, 'complaints'],
  ['AF', 'heldout-safety-af.jsonl', 90, 'consumer-product complaints, half with nobody hurt yet'],
  ['BE', 'heldout-safety-be.jsonl', 100, 'business products, many told in passing in a refund or RMA request'],
  ['BH', 'heldout-safety-bh.jsonl', 80, 'most told in one aside inside a refund, credit or parts request'],
  ['BL', 'heldout-safety-bl.jsonl', 100, 'a third of the severe ones told in passing without the obvious words'],
  ['BP', 'heldout-safety-bp.jsonl', 100, 'playgrounds, infusion pumps, cobots, garage doors, pet food'],
  ['BT', 'heldout-safety-bt.jsonl', 120, 'consumer complaints in the style of public complaint databases'],
  ['BX', 'heldout-safety-bx.jsonl', 100, 'half buried in a QBR agenda, a renewal or a timesheet question'],
  ['CB', 'heldout-safety-cb.jsonl', 120, 'half businesses to their supplier and half consumers'],
  ['CF', 'heldout-safety-cf.jsonl', 100, 'nursery, e-bike, hospital-bed, fryer and fall-arrest products'],
  ['CK', 'heldout-safety-ck.jsonl', 100, 'supplements, forklifts, heaters, trampolines and infant formula'],
  ['CQ', 'heldout-safety-cq.jsonl', 100, 'laundry presses, pool chemicals, lifts, hair dyes and ride-on toys'],
  ['CV', 'heldout-safety-cv.jsonl', 100, 'grills, saws, infusion pumps, pet food, car seats and scaffolds'],
])('product-safety complaints written apart from the rules (fixture %s, %s, %i cases: %s)', (_, name, count) => {
  it('raise product safety on at least 90% of them and on at least 90% of the severe ones', () => {
    const e = evaluate(fixture(name));
    expect(e.cases).toBe(count);
    expect(e.alarms.product_safety.recall).toBeGreaterThanOrEqual(0.9);
    expect(e.severeRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('real vehicle safety complaints (NHTSA)', () => {
  it('raise product safety on at least 90% of the severe ones (crash, fire, injury, death)', () => {
    const e = evaluate(join(sharedData, 'nhtsa-safety.jsonl'));
    expect(e.severeRecall).toBeGreaterThanOrEqual(0.9);
    expect(e.alarms.product_safety.precision).toBe(1);
  });
});
