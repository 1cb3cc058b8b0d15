// npm run figures: the shipped policy scored on every labeled file, as the README's markdown table.
// Same figures as `whoowns policy check --cases <file>`, one row per file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Expectation, Scorecard } from '../lib/rules/evaluate.js';
import { CaseLine, decide } from '../lib/rules/index.js';
import { sharedData as shared } from './shared-data.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const files = [
  [join(shared, 'dev-cases.jsonl'), '`../shared/data/dev-cases.jsonl` (B2B, developed on)'],
  [join(shared, 'bitext-routine.jsonl'), '`../shared/data/bitext-routine.jsonl` (real routine requests)'],
  [join(shared, 'nhtsa-safety.jsonl'), '`../shared/data/nhtsa-safety.jsonl` (real vehicle complaints)'],
  ...process.argv.slice(2).map((f) => [f, `\`${f}\``]),
];
const extra = process.argv.length > 2;
if (!extra) {
  for (const [f, label] of [
    ['heldout-cases.jsonl', 'A'],
    ['heldout-cases-b.jsonl', 'B'],
    ['heldout-cases-c.jsonl', 'C'],
    ['heldout-cases-d.jsonl', 'D'],
    ['heldout-cases-e.jsonl', 'E'],
    ['heldout-cases-g.jsonl', 'G'],
    ['heldout-cases-h.jsonl', 'H'],
    ['heldout-cases-i.jsonl', 'I'],
    ['heldout-cases-j.jsonl', 'J'],
    ['heldout-cases-m.jsonl', 'M'],
    ['heldout-cases-l.jsonl', 'L'],
    ['heldout-cases-n.jsonl', 'N'],
    ['heldout-cases-o.jsonl', 'O'],
    ['heldout-cases-p.jsonl', 'P'],
    ['heldout-cases-q.jsonl', 'Q'],
    ['heldout-cases-r.jsonl', 'R'],
    ['heldout-cases-s.jsonl', 'S'],
    ['heldout-cases-t.jsonl', 'T'],
    ['heldout-cases-u.jsonl', 'U'],
    ['heldout-cases-v.jsonl', 'V'],
    ['heldout-cases-w.jsonl', 'W'],
    ['heldout-cases-x.jsonl', 'X'],
    ['heldout-cases-y.jsonl', 'Y'],
    ['heldout-cases-aa.jsonl', 'AA'],
    ['heldout-cases-ab.jsonl', 'AB'],
    ['heldout-cases-ac.jsonl', 'AC'],
    ['heldout-cases-ad.jsonl', 'AD'],
    ['heldout-cases-ag.jsonl', 'AG'],
    ['heldout-cases-aj.jsonl', 'AJ'],
    ['heldout-cases-ah.jsonl', 'AH'],
    ['heldout-cases-ai.jsonl', 'AI'],
    ['heldout-cases-ak.jsonl', 'AK'],
    ['heldout-cases-al.jsonl', 'AL'],
    ['heldout-cases-am.jsonl', 'AM'],
    ['heldout-cases-an.jsonl', 'AN'],
    ['heldout-cases-ao.jsonl', 'AO'],
    ['heldout-cases-ap.jsonl', 'AP'],
    ['heldout-cases-aq.jsonl', 'AQ'],
    ['heldout-cases-ar.jsonl', 'AR'],
    ['heldout-cases-at.jsonl', 'AT'],
    ['heldout-cases-au.jsonl', 'AU'],
    ['heldout-cases-av.jsonl', 'AV'],
    ['heldout-cases-az.jsonl', 'AZ'],
    ['heldout-cases-ba.jsonl', 'BA'],
    ['heldout-cases-bd.jsonl', 'BD'],
    ['heldout-cases-bi.jsonl', 'BI'],
    ['heldout-cases-bm.jsonl', 'BM'],
    ['heldout-cases-bq.jsonl', 'BQ'],
    ['heldout-cases-bu.jsonl', 'BU'],
    ['heldout-cases-by.jsonl', 'BY'],
    ['heldout-cases-cc.jsonl', 'CC'],
    ['heldout-cases-cg.jsonl', 'CG'],
    ['heldout-cases-ch.jsonl', 'CH'],
    ['heldout-cases-cl.jsonl', 'CL'],
    ['heldout-cases-cm.jsonl', 'CM'],
    ['heldout-cases-cr.jsonl', 'CR'],
    ['heldout-cases-cw.jsonl', 'CW'],
    ['heldout-cases-da.jsonl', 'DA'],
    ['heldout-cases-db.jsonl', 'DB'],
    ['heldout-cases-df.jsonl', 'DF'],
    ['heldout-cases-dg.jsonl', 'DG'],
    ['heldout-cases-dk.jsonl', 'DK'],
    ['heldout-cases-dl.jsonl', 'DL'],
    ['heldout-cases-dp.jsonl', 'DP'],
    ['heldout-cases-dt.jsonl', 'DT'],
    ['heldout-cases-du.jsonl', 'DU'],
    ['heldout-cases-dv.jsonl', 'DV'],
    ['heldout-cases-ec.jsonl', 'EC'],
    ['heldout-cases-eh.jsonl', 'EH'],
    ['heldout-cases-eq.jsonl', 'EQ'],
    ['heldout-safety-f.jsonl', 'F safety'],
    ['heldout-routine-f.jsonl', 'F routine'],
    ['heldout-routine-j.jsonl', 'J routine'],
    ['heldout-routine-m.jsonl', 'M routine'],
    ['heldout-routine-q.jsonl', 'Q routine'],
    ['heldout-routine-z.jsonl', 'Z routine'],
    ['heldout-routine-ae.jsonl', 'AE routine'],
    ['heldout-routine-as.jsonl', 'AS routine'],
    ['heldout-routine-aw.jsonl', 'AW routine'],
    ['heldout-routine-ax.jsonl', 'AX routine'],
    ['heldout-routine-ay.jsonl', 'AY routine'],
    ['heldout-routine-bb.jsonl', 'BB routine'],
    ['heldout-routine-bc.jsonl', 'BC routine'],
    ['heldout-routine-bf.jsonl', 'BF routine'],
    ['heldout-routine-bg.jsonl', 'BG routine'],
    ['heldout-routine-bj.jsonl', 'BJ routine'],
    ['heldout-routine-bk.jsonl', 'BK routine'],
    ['heldout-routine-bn.jsonl', 'BN routine'],
    ['heldout-routine-bo.jsonl', 'BO routine'],
    ['heldout-routine-br.jsonl', 'BR routine'],
    ['heldout-routine-bs.jsonl', 'BS routine'],
    ['heldout-routine-bv.jsonl', 'BV routine'],
    ['heldout-routine-bw.jsonl', 'BW routine'],
    ['heldout-routine-bz.jsonl', 'BZ routine'],
    ['heldout-routine-ca.jsonl', 'CA routine'],
    ['heldout-routine-cd.jsonl', 'CD routine'],
    ['heldout-routine-ce.jsonl', 'CE routine'],
    ['heldout-routine-ci.jsonl', 'CI routine'],
    ['heldout-routine-cj.jsonl', 'CJ routine'],
    ['heldout-routine-cn.jsonl', 'CN routine'],
    ['heldout-routine-co.jsonl', 'CO routine'],
    ['heldout-routine-cp.jsonl', 'CP routine'],
    ['heldout-routine-cs.jsonl', 'CS routine'],
    ['heldout-routine-ct.jsonl', 'CT routine'],
    ['heldout-routine-cu.jsonl', 'CU routine'],
    ['heldout-routine-cx.jsonl', 'CX routine'],
    ['heldout-routine-cy.jsonl', 'CY routine'],
    ['heldout-routine-cz.jsonl', 'CZ routine'],
    ['heldout-routine-dd.jsonl', 'DD routine'],
    ['heldout-routine-di.jsonl', 'DI routine'],
    ['heldout-routine-dc.jsonl', 'DC routine'],
    ['heldout-routine-dh.jsonl', 'DH routine'],
    ['heldout-routine-dm.jsonl', 'DM routine'],
    ['heldout-routine-dn.jsonl', 'DN routine'],
    ['heldout-routine-dq.jsonl', 'DQ routine'],
    ['heldout-routine-dr.jsonl', 'DR routine'],
    ['heldout-routine-ds.jsonl', 'DS routine'],
    ['heldout-routine-dw.jsonl', 'DW routine'],
    ['heldout-routine-dx.jsonl', 'DX routine'],
    ['heldout-routine-dz.jsonl', 'DZ routine'],
    ['heldout-routine-ea.jsonl', 'EA routine'],
    ['heldout-routine-eb.jsonl', 'EB routine'],
    ['heldout-routine-ee.jsonl', 'EE routine'],
    ['heldout-routine-ef.jsonl', 'EF routine'],
    ['heldout-routine-eg.jsonl', 'EG routine'],
    ['heldout-routine-ej.jsonl', 'EJ routine'],
    ['heldout-routine-ek.jsonl', 'EK routine'],
    ['heldout-routine-el.jsonl', 'EL routine'],
    ['heldout-routine-em.jsonl', 'EM routine'],
    ['heldout-routine-en.jsonl', 'EN routine'],
    ['heldout-routine-eo.jsonl', 'EO routine'],
    ['heldout-routine-ep.jsonl', 'EP routine'],
    ['heldout-safety-af.jsonl', 'AF safety'],
    ['heldout-safety-be.jsonl', 'BE safety'],
    ['heldout-safety-bh.jsonl', 'BH safety'],
    ['heldout-safety-bl.jsonl', 'BL safety'],
    ['heldout-safety-bp.jsonl', 'BP safety'],
    ['heldout-safety-bt.jsonl', 'BT safety'],
    ['heldout-safety-bx.jsonl', 'BX safety'],
    ['heldout-safety-cb.jsonl', 'CB safety'],
    ['heldout-safety-cf.jsonl', 'CF safety'],
    ['heldout-safety-ck.jsonl', 'CK safety'],
    ['heldout-safety-cq.jsonl', 'CQ safety'],
    ['heldout-safety-cv.jsonl', 'CV safety'],
    ['heldout-safety-de.jsonl', 'DE safety'],
    ['heldout-safety-do.jsonl', 'DO safety'],
    ['heldout-safety-dy.jsonl', 'DY safety'],
    ['heldout-safety-ed.jsonl', 'ED safety'],
    ['heldout-safety-ei.jsonl', 'EI safety'],
    ['heldout-safety-er.jsonl', 'ER safety'],
    ['heldout-safety-h.jsonl', 'H safety'],
    ['heldout-safety-k.jsonl', 'K safety'],
    ['heldout-safety-o.jsonl', 'O safety'],
    ['heldout-safety-s.jsonl', 'S safety'],
  ])
    files.push([join(fixtures, f), `fixture ${label} (\`test/fixtures/${f}\`)`]);
}
const pct = (x) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
console.log(
  '| labeled file | cases | owner accuracy | alarm precision | alarm recall | false-alarm rate | routine kept routine | product-safety recall (severe) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [file, label] of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const card = new Scorecard();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const v = JSON.parse(line);
    card.add(Expectation.parse(v.expect), decide(CaseLine.parse(v)));
  }
  const e = card.result();
  const ps = e.alarms.product_safety.recall;
  const severe = e.severeRecall === null ? '' : ` (${pct(e.severeRecall)})`;
  console.log(
    `| ${label} | ${e.cases.toLocaleString('en-US')} | ${pct(e.ownerAccuracy)} | ${pct(e.alarms.all.precision)} | ${pct(e.alarms.all.recall)} | ${pct(e.falseAlarmRate)} | ${pct(e.routineRate)} | ${ps === null ? '–' : pct(ps) + severe} |`,
  );
}
