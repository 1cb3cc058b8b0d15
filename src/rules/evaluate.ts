/**
 * Scores decisions against labeled cases (the `expect` objects of ../shared/data): owner accuracy,
 * a confusion table, per-alarm precision and recall, the false-alarm and routine rates.
 */
import { z } from 'zod';
import { AlarmCategory, type Decision, Owner } from './schema.js';

export const Expectation = z.looseObject({
  owner: z.union([Owner, z.literal('routine')]),
  alarm: AlarmCategory.nullish(),
  severe: z.boolean().optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export type ExpectedOwner = Expectation['owner'];
const EXPECTED: ExpectedOwner[] = [
  'routine',
  'customer_service',
  'client_success',
  'account_executive',
  'sales_leadership',
];
const ALARMS = AlarmCategory.options;

export interface AlarmFigures {
  expected: number;
  predicted: number;
  correct: number;
  /** null when the policy never raised this alarm. */
  precision: number | null;
  /** null when no case expected this alarm. */
  recall: number | null;
}

export interface Evaluation {
  cases: number;
  ownerAccuracy: number;
  /** Owner and alarm category both right. */
  exactAccuracy: number;
  /** expected owner -> decided owner -> count. */
  confusion: Record<ExpectedOwner, Record<Owner, number>>;
  alarms: Record<AlarmCategory, AlarmFigures> & { all: AlarmFigures };
  /** Share of cases expecting no alarm that got one. */
  falseAlarmRate: number | null;
  /** Share of cases expecting a routine owner that went to Customer Service or Client Success. */
  routineRate: number | null;
  /** Alarm recall on cases marked `severe`. */
  severeRecall: number | null;
  /** The counts behind the rates above. */
  counts: { noAlarmExpected: number; falseAlarms: number; severe: number; severeCaught: number };
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
const isRoutine = (o: Owner) => o === 'customer_service' || o === 'client_success';

export class Scorecard {
  private cases = 0;
  private ownerOk = 0;
  private exactOk = 0;
  private noAlarmExpected = 0;
  private falseAlarms = 0;
  private routineExpected = 0;
  private routineGot = 0;
  private severe = 0;
  private severeOk = 0;
  private readonly confusion = Object.fromEntries(
    EXPECTED.map((e) => [e, Object.fromEntries(Owner.options.map((o) => [o, 0]))]),
  ) as Record<ExpectedOwner, Record<Owner, number>>;
  private readonly alarmCounts = Object.fromEntries(
    [...ALARMS, 'all'].map((a) => [a, { expected: 0, predicted: 0, correct: 0 }]),
  ) as Record<AlarmCategory | 'all', { expected: number; predicted: number; correct: number }>;

  /** Counts one decision; true when owner and alarm are both right. */
  public add(expect: Expectation, decision: Decision): boolean {
    this.cases++;
    const got = decision.owner;
    const ownerOk = expect.owner === 'routine' ? isRoutine(got) : got === expect.owner;
    const wanted = expect.alarm ?? null;
    const raised = decision.alarm?.category ?? null;
    if (ownerOk) this.ownerOk++;
    if (ownerOk && wanted === raised) this.exactOk++;
    this.confusion[expect.owner][got]++;
    if (wanted === null) {
      this.noAlarmExpected++;
      if (raised !== null) this.falseAlarms++;
    }
    if (expect.owner === 'routine' || isRoutine(expect.owner as Owner)) {
      this.routineExpected++;
      if (isRoutine(got)) this.routineGot++;
    }
    if (wanted) {
      this.alarmCounts[wanted].expected++;
      this.alarmCounts.all.expected++;
    }
    if (raised) {
      this.alarmCounts[raised].predicted++;
      this.alarmCounts.all.predicted++;
    }
    if (wanted && raised === wanted) {
      this.alarmCounts[wanted].correct++;
      this.alarmCounts.all.correct++;
    }
    if (expect.severe === true) {
      this.severe++;
      if (wanted && raised === wanted) this.severeOk++;
    }
    return ownerOk && wanted === raised;
  }

  public result(): Evaluation {
    const figures = (k: AlarmCategory | 'all'): AlarmFigures => {
      const c = this.alarmCounts[k];
      return { ...c, precision: ratio(c.correct, c.predicted), recall: ratio(c.correct, c.expected) };
    };
    return {
      cases: this.cases,
      ownerAccuracy: ratio(this.ownerOk, this.cases) ?? 0,
      exactAccuracy: ratio(this.exactOk, this.cases) ?? 0,
      confusion: this.confusion,
      alarms: {
        ...(Object.fromEntries(ALARMS.map((a) => [a, figures(a)])) as Record<AlarmCategory, AlarmFigures>),
        all: figures('all'),
      },
      falseAlarmRate: ratio(this.falseAlarms, this.noAlarmExpected),
      routineRate: ratio(this.routineGot, this.routineExpected),
      severeRecall: ratio(this.severeOk, this.severe),
      counts: {
        noAlarmExpected: this.noAlarmExpected,
        falseAlarms: this.falseAlarms,
        severe: this.severe,
        severeCaught: this.severeOk,
      },
    };
  }
}
