import { type CaseContext, Decision, decide, defaultPolicy } from '../../src/rules/index.js';

/** Decides a case written for this test (none of these texts come from the example data). */
function route(Subject: string | null, Description: string | null, context?: CaseContext) {
  const d = decide({ case: { Id: '500TEST', Subject, Description }, context });
  return { ...d, who: d.alarm ? `${d.owner}/${d.alarm.category}` : d.owner };
}

const rulesOnly = { ...defaultPolicy, model: false as const };

/** A case written for this test raises no alarm, by the rules alone or by the shipped decision. */
function expectNoAlarm(Subject: string, Description: string) {
  const c = { case: { Id: '500TEST', Subject, Description } };
  expect(decide(c, rulesOnly).alarm).toBeNull();
  expect(decide(c).alarm).toBeNull();
}

/** A case written for this test raises this alarm, by the rules alone and by the shipped decision. */
function expectAlarm(Subject: string, Description: string, category: string) {
  const c = { case: { Id: '500TEST', Subject, Description } };
  expect([Subject, decide(c, rulesOnly).alarm?.category]).toEqual([Subject, category]);
  expect([Subject, decide(c).alarm?.category]).toEqual([Subject, category]);
}

describe('decide(): the four owners', () => {
  it.each([
    [
      'Where is my shipment?',
      'Tracking for PO 7781 has not updated since Monday. When will it arrive?',
      'customer_service',
    ],
    [
      'Refund for duplicate payment',
      'Your portal charged our card twice for invoice 5520. Please refund one.',
      'customer_service',
    ],
    [
      'MFA locked out',
      'New phone, so the authenticator codes no longer work and I am locked out of the portal.',
      'customer_service',
    ],
    [
      'Usage export for finance',
      'Could you export last quarter’s usage by department as a CSV for our finance team?',
      'client_success',
    ],
    [
      'Training for new dispatchers',
      'We hired four dispatchers. Can we book a training session on the scheduling module?',
      'client_success',
    ],
    ['SSO setup', 'We need help configuring SAML single sign-on and user roles for the new tenant.', 'client_success'],
    [
      'Pricing for 3 more plants',
      'We are opening three more plants next year and want pricing for adding them to our agreement.',
      'account_executive',
    ],
    [
      'MSA redlines',
      'Legal sent redlines on the liability cap and payment terms in the master services agreement.',
      'account_executive',
    ],
  ])('%s → %s', (subject, description, owner) => {
    expect(route(subject, description, undefined).who).toBe(owner);
  });
});

describe('decide(): the fire alarm', () => {
  it('raises product safety, sev1, when someone is hurt', () => {
    const d = route(
      'Heater unit',
      'The space heater you installed in the break room sparked and a worker was burned on the hand.',
    );
    expect(d.alarm).toEqual({ category: 'product_safety', severity: 'sev1' });
    expect(d.owner).toBe('sales_leadership');
  });

  it.each([
    [
      'Credit for returned sauce',
      'Please credit the 4 cases we sent back. Our line cook bit down on a metal shard and cracked a tooth.',
    ],
    [
      'Guard for the mixer',
      'Need a price on a new guard for the dough mixer. The old one was missing and it took two fingers off our baker.',
    ],
    [
      'Warranty claim on lift',
      'Please process this as warranty: the lift arm dropped, and our tech is in a neck brace for six weeks.',
    ],
  ])(
    'raises product safety when someone was hurt, told in passing without the word "injury": %s',
    (subject, description) => {
      expect(route(subject, description)).toMatchObject({
        who: 'sales_leadership/product_safety',
        alarm: { severity: 'sev1' },
      });
    },
  );

  it('raises product safety, sev2, for a known defect still being shipped before anyone is hurt', () => {
    const d = route(
      'Valve batch',
      'Your plant knows the relief valves in batch 12 are faulty and they are still shipping them to us.',
    );
    expect(d.alarm).toEqual({ category: 'product_safety', severity: 'sev2' });
  });

  it('raises an ethics violation for a kickback offered by our rep', () => {
    const d = route(
      'Concerning offer',
      'Your sales rep offered our buyer a kickback if we renewed without going to tender.',
    );
    expect(d.who).toBe('sales_leadership/ethics_violation');
    expect(d.alarm?.severity).toBe('sev1');
  });

  it('raises an ethics violation for falsified inspection records', () => {
    expect(route('Inspection log', 'Your inspector falsified the elevator inspection records for March.').who).toBe(
      'sales_leadership/ethics_violation',
    );
  });

  it('raises churn risk for a leave signal with repetition in the text', () => {
    const d = route('Done', 'This is the fourth outage this month. We will not renew the contract in June.');
    expect(d.who).toBe('sales_leadership/churn_risk');
  });

  it('raises churn risk for a leave signal with heavy account history', () => {
    const ctx = { account: { casesLast90Days: 11, reopenedLast90Days: 3, escalationsLast90Days: 2 } };
    expect(route('Vendor review', 'We are evaluating other providers for next year.', ctx).who).toBe(
      'sales_leadership/churn_risk',
    );
  });

  it('raises a service breach for repeated unanswered calls over weeks', () => {
    expect(
      route('No callback', 'For three weeks nobody has returned our calls; every voicemail goes unanswered.').who,
    ).toBe('sales_leadership/service_breach');
  });

  it('raises a service breach for one wait when the queue has been over target for days', () => {
    const ctx = { queue: { name: 'Phone', targetMinutes: 20, breachRate14d: 0.5, daysInBreach14d: 11 } };
    expect(route('Hold time', 'I spent 45 minutes on hold before anyone picked up.', ctx).who).toBe(
      'sales_leadership/service_breach',
    );
  });
});

describe('decide(): the hard cases of routing.md', () => {
  it('reads negation: "no one was hurt" and "not a safety issue" raise no alarm', () => {
    expect(
      route('Dented panel', 'The side panel arrived dented. No one was hurt and it is not a safety issue.').alarm,
    ).toBeNull();
  });

  it('reads a question or a label answered no as negation: "Anyone hurt? No", "Injuries: none"', () => {
    expectNoAlarm('Anyone hurt? No', 'The kettle arrived in the wrong colour. Please exchange it for the white one.');
    expectNoAlarm(
      'Toaster',
      'Phone note. Injuries: none. Customer wants a refund for the toaster that stopped heating.',
    );
    // The answer covers its own question only.
    expectAlarm('Anyone hurt? No', 'But the next morning the heater caught fire in the break room.', 'product_safety');
    expectAlarm(
      'Anyone hurt?',
      'No idea yet, the heater caught fire in the break room and two staff were burned.',
      'product_safety',
    );
  });

  it('does not read the "no" of a compound as negation: "no-showed twice" is repetition, "no-one" still negates', () => {
    expect(
      route(
        'Moving the rest to another installer',
        'Your crew no-showed twice at our Elm St site. We are moving the remaining sites to another installer.',
      ).who,
    ).toBe('sales_leadership/churn_risk');
    expect(route('Dented panel', 'The side panel arrived dented. No-one was hurt.').alarm).toBeNull();
  });

  it('reads negation of leaving: "we have no plans to cancel" is not a leave signal', () => {
    const ctx = { account: { casesLast90Days: 9, reopenedLast90Days: 3, escalationsLast90Days: 1 } };
    const d = route('Invoice copy', 'We have no plans to cancel our contract; we just need a copy of invoice 88.', ctx);
    expect(d.alarm).toBeNull();
  });

  it.each([
    ['Fire up the weekly report', 'Can you fire up the weekly occupancy report again for our team?'],
    ['Kill the job', 'Please kill the job that emails the export every five minutes.'],
    ['Dead slow dashboard', 'The analytics dashboard is dead slow when we filter by region.'],
    ['Cancel the webinar', 'Please cancel the webinar on Thursday and rebook it for next week.'],
    ['Deadline', 'We are dangerously close to the deadline for the catalog printing order status.'],
    ['Feature idea', 'Feature request: a fraud detection rule that flags changed bank details.'],
  ])('everyday words raise no alarm: %s', (subject, description) => {
    const d = route(subject, description);
    expect(d.alarm).toBeNull();
    expect(['customer_service', 'client_success']).toContain(d.owner);
  });

  it.each([
    'Please send the replacement to another address again, the last one went to the old office.',
    'Can we move the training to another day? This is the second time we have to reschedule.',
    'Please book the install with a different technician, the last two visits were late.',
    'We moved our office to a new building, please update the ship-to again.',
    'Could you switch carriers for this shipment? The last three were late.',
    'The dashboard export keeps failing every week. Can you send the file via a different method?',
  ])('"another / a different" in routine logistics is not leaving: %s', (description) => {
    const d = route(null, description);
    expect(d.alarm).toBeNull();
    expect(d.owner).not.toBe('account_executive');
  });

  it.each([
    'After six months of quoting errors we have started placing new business through a different platform.',
    'We are going to use another supplier from next month, this is the third late delivery this month.',
  ])('leaving to another vendor after repeated failures is churn: %s', (description) => {
    expect(route(null, description).who).toBe('sales_leadership/churn_risk');
  });

  it('treats fraud by a third party against the customer as urgent service work, not ethics', () => {
    const d = route(
      'Phishing',
      'A phishing email tricked our clerk and a fraudster changed our bank details in your portal.',
    );
    expect(d.owner).toBe('customer_service');
    expect(d.alarm).toBeNull();
  });

  it('keeps an angry but routine request routine', () => {
    const d = route(
      'RIDICULOUS',
      'This is absolutely unacceptable!!! Where is my order 4471? I need the tracking number today.',
    );
    expect(d.owner).toBe('customer_service');
    expect(d.alarm).toBeNull();
  });

  it('needs repetition for churn: one angry leave threat on a quiet account goes to the AE', () => {
    const ctx = { account: { casesLast90Days: 1, reopenedLast90Days: 0, escalationsLast90Days: 0 } };
    const d = route('Late delivery', 'If you miss a delivery like this again we will switch to another supplier.', ctx);
    expect(d.owner).toBe('account_executive');
    expect(d.alarm).toBeNull();
  });

  it('needs persistence for a breach: one slow reply on a healthy queue is routine', () => {
    const ctx = { queue: { name: 'Email', targetMinutes: 240, breachRate14d: 0.04, daysInBreach14d: 1 } };
    const d = route('Slow reply', 'I waited two days for a reply about my refund.', ctx);
    expect(d.alarm).toBeNull();
  });

  it('routes a case on its merits when its queue is in breach but it is not about waiting', () => {
    const ctx = { queue: { name: 'Phone', targetMinutes: 20, breachRate14d: 0.6, daysInBreach14d: 12 } };
    const d = route('Invoice copy', 'Please send a copy of invoice 1182 to accounts payable.', ctx);
    expect(d.owner).toBe('customer_service');
    expect(d.alarm).toBeNull();
  });

  it('gives an alarm precedence over strategic and routine signals', () => {
    const d = route(
      'Pricing and an injury',
      'Our operator was injured by the press guard. Also, please send the 2027 pricing.',
    );
    expect(d.alarm?.category).toBe('product_safety');
  });
});

describe('decide(): what a decision carries', () => {
  const line = {
    case: {
      Id: '500XYZ',
      Subject: 'Smoke from the charger',
      Description: 'The charging dock started smoking and melted.',
    },
  };

  it('matches the output contract', () => {
    expect(Decision.safeParse(decide(line)).success).toBe(true);
    expect(decide(line).caseId).toBe('500XYZ');
  });

  it('gives reasons whose evidence is an exact span of the field it names', () => {
    const d = decide(line);
    const text = line.case as Record<string, string>;
    const fromText = d.reasons.filter((r) => r.field in text);
    expect(fromText.length).toBeGreaterThan(0);
    for (const r of fromText) expect(text[r.field]).toContain(r.evidence);
  });

  it('is deterministic: the same input gives the same decision, reasons and order', () => {
    expect(JSON.stringify(decide(line))).toBe(JSON.stringify(decide(structuredClone(line))));
  });

  it('says what to do next in one sentence', () => {
    expect(decide(line).action).toMatch(/^Pull the fire alarm: notify sales leadership now/);
    expect(route('Invoice copy', 'Please resend invoice 4410.').action).toMatch(/^Hand to Customer Service: /);
  });

  it('is less confident when the signals are thin', () => {
    const clear = route('Refund', 'Please refund the duplicate charge on invoice 77 and send a receipt.');
    const thin = route(null, 'Hello, question about something.');
    expect(thin.confidence).toBeLessThan(clear.confidence);
    // Nothing the rules know was found: only the learned model's reading of the words is cited.
    expect(thin.reasons.filter((r) => !r.rule.startsWith('model.'))).toEqual([]);
  });

  it('cites context signals with the field and value they read', () => {
    const ctx = { account: { casesLast90Days: 12, reopenedLast90Days: 4, escalationsLast90Days: 0 } };
    const d = route('Switching', 'We are moving our business to another vendor.', ctx);
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ field: 'context.account.casesLast90Days', evidence: expect.stringContaining('=12') }),
    );
  });
});

describe('decide(): everyday words that only sound like an alarm or a leave signal', () => {
  it.each([
    ['Gift card balance', 'How do I check my gift card balance? The code says already redeemed.', 'customer_service'],
    [
      'Headcount',
      'Our headcount has exploded this year, so we want pricing to add 300 seats to our agreement.',
      'account_executive',
    ],
    [
      'Returns',
      'The return window closed yesterday, any chance of an exception? I was in hospital.',
      'customer_service',
    ],
    ['Cancel', 'Please cancel my subscription before the next billing date.', 'customer_service'],
    ['Promo', 'My discount code did not apply at checkout, can you adjust the price?', 'customer_service'],
    [
      'Truck',
      'TRUCK 2021: POWER TRAIN: the dealer has the parts on order, when is my appointment?',
      'customer_service',
    ],
    [
      'Review',
      "Our CEO's pride is a little injured after the review. He wants an executive sponsor call about the relationship.",
      'account_executive',
    ],
    // Names in running text that are also alarm words: a place, a person, a farm.
    [
      'Invoice copies',
      'Please email the March invoice copies to Dana Ruiz at the Sparks DC and to Mr Burns at Smokey Hollow Farms.',
      'customer_service',
    ],
    ['Thanks', 'Thanks for the quick credit on the last invoice.\n\nRashida Bell, Purchasing', 'customer_service'],
    ['Restock', 'Restock the poison ivy cream and the flame pattern decals, same as last order.', 'customer_service'],
    [
      'Lighter bags',
      "Nobody's been hurt, our EHS team just wants the bedding in 20 lb bags. Price?",
      'customer_service',
    ],
  ])('%s → %s', (subject, description, who) => {
    expect(route(subject, description).who).toBe(who);
  });

  it('damage the customer puts down to their own handling or to age is a replacement, not a defect we shipped', () => {
    const own = [
      [
        'Cracked lid on unit 4',
        'Our forklift driver backed into the cooler and the lid hinge snapped. Can you quote a new hinge?',
      ],
      ['Worn seals', 'The door seals on the walk-in are cracked from age. Please send two replacements.'],
      [
        'Bent pole',
        'My fault: I stepped on the tent pole last night and a section snapped. Do you sell the section alone?',
      ],
      [
        'Label printer',
        'One of our cashiers knocked the label printer off the desk and its lid cracked. Is a new one covered?',
      ],
      ['Gauge reads 0%', 'I think the tank sensor battery died. Can your driver swap it on the next visit?'],
    ] as const;
    // The rules alone hold back the sev2 defect alarm, and so does the shipped decision.
    for (const [subject, description] of own) expectNoAlarm(subject, description);
    // Handling the customer owns up to does not excuse a fire: the sev1 alarm still stands.
    const fire = route(
      'Heater',
      'I knocked over the space heater by accident and it caught fire on the rug instead of shutting off.',
    );
    expect(fire.alarm).toEqual({ category: 'product_safety', severity: 'sev1' });
    // And the customer's own fault, denied, is no excuse either.
    const denied = route(
      'Valve handle',
      'It is not our fault: the gas shutoff handle snapped off in normal use and you are still shipping the same part.',
    );
    expect(denied.alarm?.category).toBe('product_safety');
  });

  it('an order extra, a part missing from the box or a frozen screen told in alarm words is routine work', () => {
    const routine = [
      ['Hold my boxes', 'Please hold my weekly box deliveries while travelling next month, back on the 20th.'],
      ['Thermostat', 'The touchscreen on our thermostat stopped responding after the update. Can a tech come out?'],
      ['Padlock', "The padlock came with no key in the box, so it won't open. Can you send one?"],
      ['Lamp', 'A clip on the lamp shade broke off when I unpacked it. The lamp itself is fine, I only need the clip.'],
      ['Gift message', 'I paid extra for a gift message for my aunt and the card in the parcel was blank. Refund it?'],
      ['Card declined', 'Your site declines my card every time, yet it works elsewhere with no issue. Can you check?'],
      ['Door lock', 'Can the smart lock lock itself when I walk away? I forget to lock it every time.'],
      ['Recalled stock', 'Please issue the credit for the recalled batteries your driver collected on Monday.'],
    ] as const;
    for (const [subject, description] of routine) expectNoAlarm(subject, description);
    // The same words around a real alarm still raise it.
    const sparks = route(
      'Heater plug',
      'The heater itself is fine but the plug melted and sparked in the socket last night.',
    );
    expect(sparks.alarm).toEqual({ category: 'product_safety', severity: 'sev1' });
    const leaving = route(
      'Late again',
      'Third late delivery this month. We will take our business elsewhere if the next one is late too.',
    );
    expect(leaving.alarm?.category).toBe('churn_risk');
  });

  it('a power cut, a hospital check-up, an igniter that stopped sparking or a chip on arrival is routine work', () => {
    const routine = [
      ['Router', 'We had a power cut last night and now the router light blinks orange. What do I press?'],
      ['Car seat base', 'We go to the hospital for a check-up on Thursday. How do I fit the car seat base properly?'],
      ['Stove igniter', 'The push igniter on my camping stove stopped sparking. It lights with a match. Replacement?'],
      [
        'Pot chipped on arrival',
        'The pot has a chip on the rim and the glass lid was loose inside the box with no padding.',
      ],
      ['Air fryer', 'The timer knob came off in my hand on day three. Can you send a new dial?'],
      ['Registry', "We'd like to hide the prices on our baby registry before we share it. Is that possible?"],
      ['Invoice', 'We paid twice. Please refund it, our controller wants it off the books before month-end.'],
      ['Flea treatment', 'I read somewhere that permethrin is poison to cats. Which of your dog products are OK?'],
    ] as const;
    for (const [subject, description] of routine) expectNoAlarm(subject, description);
  });

  it('a torn ligament, a car that surged forward, a detector that stayed silent or a buggy folding by itself is product safety', () => {
    const safety = [
      ['Garage', 'My foot was on the brake and the car surged forward into the garage wall. Nobody else was there.'],
      ['Knee', 'My knee hit the dash when it happened and I have a torn ligament.'],
      ['CO detector', 'With the test gas the basement CO detector did not alarm at all.'],
      ['Buggy', 'Twice now the buggy started to fold on its own when the wheel hit a curb.'],
      ['Drill', 'The drill started running by itself inside my tool bag although the switch was on lock.'],
      ['Crayons', 'The swab test of the red crayons turned pink, which is a positive for lead.'],
    ] as const;
    for (const [subject, description] of safety) expectAlarm(subject, description, 'product_safety');
  });

  it('an insurance cover, a vet record, a fee or an alarm order told in alarm words is routine work', () => {
    const routine = [
      ['Collision cover', 'My car is 15 years old. Should I keep paying for collision or just keep liability?'],
      [
        'Frozen pipe',
        'A pipe burst in the basement overnight in the freeze. Do I need an adjuster before the plumber starts?',
      ],
      ['Garage roof', 'A tree fell across our detached garage during the storm. Nobody was inside. Is it covered?'],
      ['Vet records', 'How do I mark a patient as deceased so the family stops getting reminders?'],
      ['Reminders', 'How do we send text reminders for vaccine recalls as well as emails?'],
      ['Order status', 'Has our order of overdose response kits for the clinic shipped yet?'],
      ['Late fee', 'Why am I paying a late fee for a payment I made on time? Please reverse it.'],
      ['Rental', 'Please ship the smoke and CO alarms to three different rental addresses.'],
      ['Panel', "The app says 'sensor tamper - back door'. What does that mean?"],
      ['Bus', 'She broke her ankle at a weekend netball match and needs the lift bus for six weeks.'],
      ['Heater', 'Does the oil-filled heater have overheat protection and a timer?'],
    ] as const;
    for (const [subject, description] of routine) expectNoAlarm(subject, description);
  });

  it('a fire or a failing brake told in plain or broken English raises product safety', () => {
    const safety = [
      ['Dryer', 'the dryer i bought make fire last night and my son breathe the smoke, we go to hospital'],
      ['Charger', 'the charger make smoke and spark when i plug it, the wall socket is black now'],
      [
        'Pads',
        'Two of our vans had the friction material come off the new brake pads this week, the pedal went to the floor on one.',
      ],
    ] as const;
    for (const [subject, description] of safety) expectAlarm(subject, description, 'product_safety');
  });

  it('a smoking-room fee, a drill roster or a failed bump test is routine work', () => {
    const routine = [
      [
        'Room 12',
        "Guest complained of cigarette smell in a non-smoking room. How do I add the smoking fee to the previous guest's folio?",
      ],
      ['Drill tomorrow', "For tomorrow's fire drill I need the evacuation roster by floor, can you print it?"],
      [
        'Bump test',
        'Our gas detector failed its bump test this morning, we swapped it for the spare. Please send an RMA.',
      ],
    ] as const;
    for (const [subject, description] of routine) expectNoAlarm(subject, description);
  });

  it('a shock from a grill lid or a heater that stays lit when off is product safety; a recall already done is not', () => {
    expectAlarm(
      'grill lid',
      'the grill lid shocked me and my arm is still aching, refund order 5512',
      'product_safety',
    );
    expectAlarm(
      'heater',
      'the patio heater stays lit when i turn the knob to off, i have to shut the gas bottle',
      'product_safety',
    );
    expectNoAlarm(
      'Recall letters',
      'I keep getting letters about the brake hose recall on my van. That recall was completed at your Eastside shop in March, I have the invoice. Please stop the letters.',
    );
    expectNoAlarm('Fraud add-on', 'What does the fraud shield add-on cost per month, and can we trial it?');
  });

  it("an insurer's claim intake is routine work, but an insurer blaming our product still raises the alarm", () => {
    const intake = [
      [
        'FNOL - garage fire',
        'First notice of loss for our mutual insured. A fire in the detached garage overnight; the fire service put it out and nobody was hurt. Please assign a property adjuster this week.',
      ],
      [
        'Injury at the warehouse',
        'Insured reports a forklift driver cut his forearm on a pallet band on Monday, three stitches. Opened WC claim, please confirm the date of loss is 4 March.',
      ],
      [
        'Car fire on the motorway',
        'My car caught fire on the hard shoulder last night and it is a write-off. What is the total loss valuation process, and does my policy give me a hire car in the meantime?',
      ],
    ] as const;
    for (const [subject, description] of intake) expectNoAlarm(subject, description);
    expectAlarm(
      'Subrogation - kitchen fire',
      "We paid the claim for a kitchen fire at our insured's home. The investigator traced it to the toaster oven your company makes. We intend to pursue subrogation; please place your carrier on notice.",
      'product_safety',
    );
  });

  it("a leave threat the customer calls a first in years is the AE's, not churn, unless the account history is heavy", () => {
    const text =
      'This is the first problem we have had with you in six years, but the claim is still not paid. If it is not sorted this week we will move the account to another carrier at renewal.';
    const quiet = route('Claim handling', text);
    expect(quiet.owner).toBe('account_executive');
    expect(quiet.alarm).toBeNull();
    // The rules leave churn open when the account history is heavy (the learned model, which has seen few
    // such contradictions, weighs the customer's own word and may still send it to the AE).
    const heavy = decide(
      {
        case: { Id: '500TEST', Subject: 'Claim handling', Description: text },
        context: { account: { casesLast90Days: 14, reopenedLast90Days: 5, escalationsLast90Days: 3 } },
      },
      rulesOnly,
    );
    expect(heavy.alarm?.category).toBe('churn_risk');
  });

  it('being sick is not leaving; being sick of the vendor is', () => {
    const heavy = { account: { casesLast90Days: 14, reopenedLast90Days: 5, escalationsLast90Days: 3 } };
    const ill = {
      case: {
        Id: '500TEST',
        Subject: 'Reschedule',
        Description: "Our buyer is home sick with this flu, can we move Thursday's call to next week?",
      },
      context: heavy,
    };
    // The rules find no leave signal in it, so by the rules it is the heavy account's AE, not churn.
    const ruled = decide(ill, rulesOnly);
    expect(ruled.alarm).toBeNull();
    expect(ruled.owner).toBe('account_executive');
    // And the shipped decision, with the learned model, agrees: a busy account alone is not churn.
    const shipped = decide(ill);
    expect(shipped.reasons.some((r) => r.rule === 'leave_intent')).toBe(false);
    expect(shipped.alarm).toBeNull();
    expect(shipped.owner).toBe('account_executive');
    const leaving = route(
      'Again',
      'Third late delivery this month. We are sick of dealing with you and will move the account in June.',
      heavy,
    );
    expect(leaving.who).toBe('sales_leadership/churn_risk');
    expect(leaving.reasons.map((r) => r.evidence).join(' | ')).toMatch(/sick of dealing with you/);
  });

  it('a leave signal the customer withdraws is not churn, even on a heavy account', () => {
    const heavy = { account: { casesLast90Days: 14, reopenedLast90Days: 5, escalationsLast90Days: 3 } };
    const d = route(
      'Data quality',
      "We're not looking to leave. But duplicates keep getting created and we need someone senior to own it.",
      heavy,
    );
    expect(d.alarm).toBeNull();
    expect(d.owner).toBe('account_executive');
  });
});

describe('decide(): ways of saying it that are not the obvious words', () => {
  it.each([
    [
      'Sync',
      'THE SYNC HAS BROKEN AGAIN. FOURTH TICKET. WE ARE CANCELLING AT THE END OF THIS TERM.',
      'sales_leadership/churn_risk',
    ],
    [
      'VPN',
      'Honestly we have an RFP going out next month because this keeps happening.',
      'sales_leadership/churn_risk',
    ],
    [
      'Support',
      "We've been chasing your support team for a fortnight. Rang heaps of times, no one picks up.",
      'sales_leadership/service_breach',
    ],
    [
      'Truck rolled',
      'Put the truck in park and got out. It rolled backward and pinned me against the door frame. Broken left leg.',
      'sales_leadership/product_safety',
    ],
    [
      'Toy',
      'The plastic eyes on the bunny come off with barely any pull. My 10 month old had one in his mouth.',
      'sales_leadership/product_safety',
    ],
    [
      'Patrols',
      'Your patrol reports show hourly checks all night. Our cameras show nobody on the docks after midnight.',
      'sales_leadership/ethics_violation',
    ],
    [
      'Shred',
      'Our supervisor told us to shred the complaint logs before the audit next week.',
      'sales_leadership/ethics_violation',
    ],
  ])('%s → %s', (subject, description, who) => {
    expect(route(subject, description).who).toBe(who);
  });
});
