/** The presentation model (src/rules/present.ts) that both panels render. */
import {
  decide,
  defaultPolicy,
  escalationKey,
  LADDER,
  present,
  reasonsText,
  toCaseId18,
} from '../../src/rules/index.js';

const line = {
  case: {
    Id: '500Dn0000XYZ1234AAA',
    Subject: 'Charger dock caught fire',
    Description: 'The charging dock in bay 3 caught fire overnight and a cleaner burned her hand putting it out.',
  },
};

describe('present()', () => {
  const p = present(decide(line), line, defaultPolicy);

  it('puts the owner on the ladder, front line first', () => {
    expect(p.ladder.map((r) => r.owner)).toEqual([...LADDER]);
    expect(p.ladder.filter((r) => r.current).map((r) => r.owner)).toEqual(['sales_leadership']);
    expect(p.ladder.filter((r) => r.passed)).toHaveLength(3);
    expect(p.step).toBe(4);
    expect(p.ownerLabel).toBe('Sales Leadership');
  });

  it('raises the banner with category and severity labels', () => {
    expect(p.alarm).toEqual({
      category: 'product_safety',
      categoryLabel: 'Product safety',
      severity: 'sev1',
      severityLabel: 'Sev 1 (within the hour)',
      title: 'Fire alarm: Product safety, Sev 1 (within the hour)',
    });
    expect(
      p.announcement.startsWith('Fire alarm: Product safety, Sev 1 (within the hour). Owner: Sales Leadership'),
    ).toBe(true);
  });

  it('locates each text reason’s evidence in its field, and highlights it in the full text', () => {
    const text = p.reasons.filter((r) => r.kind === 'text');
    expect(text.length).toBeGreaterThan(0);
    for (const r of text) {
      const field = line.case[r.field as 'Subject' | 'Description'];
      expect(r.snippet).not.toBeNull();
      expect(field.slice(r.snippet?.start, r.snippet?.end)).toBe(r.evidence);
    }
    for (const h of p.highlights) {
      const field = line.case[h.field as 'Subject' | 'Description'];
      expect(h.segments.map((s) => s.text).join('')).toBe(field);
      for (const s of h.segments.filter((x) => x.reason !== null))
        expect(p.reasons[s.reason as number]?.evidence).toBe(s.text);
    }
    expect(p.reasons[0]?.kind).toBe('rule');
    expect(p.reasons[0]?.snippet).toBeNull();
  });

  it('shows context reasons with their figure and a readable label', () => {
    const ctx = { case: { Subject: 'Question about our invoice' }, context: { account: { casesLast90Days: 9 } } };
    const q = present(decide(ctx), ctx, defaultPolicy);
    const r = q.reasons.find((x) => x.kind === 'context');
    expect(r).toMatchObject({
      fieldLabel: 'Account cases (90 days)',
      evidence: 'account.casesLast90Days=9',
      snippet: null,
    });
  });

  it('says when no signal was found', () => {
    const empty = present(decide({ case: {} }), { case: {} }, defaultPolicy);
    expect(empty.reasons).toEqual([]);
    expect(empty.owner).toBe('customer_service');
    expect(empty.alarm).toBeNull();
  });

  it('serialises the reasons readably for Reasons__c', () => {
    const text = reasonsText(p);
    expect(text.split('\n')[0]).toBe(
      `Who owns this: Sales Leadership - fire alarm: Product safety, Sev 1 (within the hour). Confidence ${p.confidence} (${p.confidenceLabel}).`,
    );
    expect(text).toContain('\nReasons:\n1. ');
    expect(text).toContain('"caught fire"');
    const huge = { case: { Description: 'caught fire. '.repeat(5000) } };
    expect(reasonsText(present(decide(huge), huge, defaultPolicy)).length).toBeLessThanOrEqual(32768);
  });

  it('turns 15-character ids into the 18-character form the case-insensitive key needs', () => {
    expect(toCaseId18('500Dn0000SiuahS')).toBe('500Dn0000SiuahSIQQ');
    expect(toCaseId18('001000000000000')).toBe('001000000000000AAA');
    expect(toCaseId18('500Dn0000SiuahSIQQ')).toBe('500Dn0000SiuahSIQQ');
    expect(toCaseId18('500Dn0000Siuah')).toBeNull();
    expect(toCaseId18(42)).toBeNull();
    expect(escalationKey('500dn0000siuahs', 'product_safety')).toBe('500dn0000siuahsAAA:product_safety');
  });
});
