import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { readLabeled } from '../../../io/labeled.js';
import { loadPolicy } from '../../../io/policy-file.js';
import { type Evaluation, Expectation, Scorecard } from '../../../rules/evaluate.js';
import { lintPolicy, type PolicyWarning } from '../../../rules/lint.js';
import { AlarmCategory, CaseLine, type Decision, decide, Owner, type Policy, usesModel } from '../../../rules/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.policy.check');

export interface PolicyCheckResult {
  policy: {
    file: string | null;
    valid: true;
    signals: number;
    patterns: number;
    rules: number;
    /**
     * The learned model: "used" (trained with exactly these rules), "stale" (trained with other rules,
     * so the rules decide alone) or "off" (`"model": false`).
     */
    model: { status: 'used' | 'stale' | 'off'; features: number };
    /** Patterns that can never fire (an exception of their signal matches every wording) or are written twice. */
    warnings: PolicyWarning[];
    /**
     * Of the signals' patterns (not their exceptions), how many the dead-pattern check could judge; the
     * rest have too many wordings to write out, or a name step.
     */
    judged: { patterns: number; of: number };
  };
  /** Present when --cases was given. */
  evaluation?: Evaluation & { file: string; skipped: { line: number; error: string }[]; misses?: Miss[] };
}

/** A labeled case the policy got wrong (listed with --misses). */
export interface Miss {
  line: number;
  caseId: string | null;
  subject: string | null;
  expected: { owner: string; alarm: string | null };
  decided: { owner: string; alarm: string | null };
  /** The strongest reason behind the decision, as "rule: evidence". */
  because: string | null;
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

export default class PolicyCheck extends SfCommand<PolicyCheckResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    policy: Flags.file({ char: 'p', summary: messages.getMessage('flags.policy.summary'), exists: true }),
    cases: Flags.file({ char: 'c', summary: messages.getMessage('flags.cases.summary'), exists: true }),
    misses: Flags.boolean({ summary: messages.getMessage('flags.misses.summary'), dependsOn: ['cases'] }),
  };

  public async run(): Promise<PolicyCheckResult> {
    const { flags } = await this.parse(PolicyCheck);
    const policy = await loadPolicy(flags.policy);
    const result: PolicyCheckResult = { policy: summarize(flags.policy ?? null, policy) };
    this.log(
      `Policy ${flags.policy ?? '(shipped default)'} is valid: ${result.policy.signals} signals, ` +
        `${result.policy.patterns} patterns, ${result.policy.rules} rules.`,
    );
    const m = result.policy.model;
    if (m.status === 'used') this.log(`Learned model: used (${m.features} features, trained with these rules).`);
    else if (m.status === 'stale')
      this.warn(
        'Learned model: not used. It was trained with other rules, so these rules decide alone. ' +
          'Train one for this policy with "whoowns policy train --policy <file> --cases <labeled.jsonl>".',
      );
    else this.log('Learned model: off ("model": false), so the rules decide alone.');
    this.printWarnings(result.policy);
    if (!flags.cases) return result;

    const card = new Scorecard();
    const skipped: { line: number; error: string }[] = [];
    const misses: Miss[] = [];
    for await (const l of readLabeled(flags.cases)) {
      if (!l.ok) {
        skipped.push({ line: l.line, error: l.error });
        continue;
      }
      const decision = decide(l.kase, policy);
      const right = card.add(l.expect, decision);
      if (!right && flags.misses) misses.push(describeMiss(l.line, l.kase, l.expect, decision));
    }
    const evaluation = card.result();
    if (evaluation.cases === 0) throw messages.createError('error.NoLabeledCases', [flags.cases]);
    result.evaluation = { ...evaluation, file: flags.cases, skipped, ...(flags.misses ? { misses } : {}) };
    this.printEvaluation(result.evaluation);
    if (flags.misses) this.printMisses(misses);
    return result;
  }

  private printWarnings(p: PolicyCheckResult['policy']): void {
    const judged = `${p.judged.patterns} of ${p.judged.of} patterns judged`;
    if (p.warnings.length === 0) {
      this.log(`Patterns: none dead, none written twice (${judged}).`);
      return;
    }
    this.warn(
      `${p.warnings.length} pattern${p.warnings.length === 1 ? '' : 's'} to tidy (${judged}). ` +
        'They change no decision; delete them, or narrow the exception that hides them if they should fire:',
    );
    const shown = p.warnings.slice(0, 20);
    for (const w of shown) this.log(`  ${w.path} "${w.pattern}": ${w.problem}`);
    if (p.warnings.length > shown.length)
      this.log(`  … and ${p.warnings.length - shown.length} more (--json lists all).`);
  }

  private printMisses(misses: Miss[]): void {
    this.log('');
    this.log(misses.length ? `Misses: ${misses.length}` : 'Misses: none');
    const show = (o: { owner: string; alarm: string | null }) => (o.alarm ? `${o.owner}/${o.alarm}` : o.owner);
    this.table({
      data: misses.map((m) => ({
        line: m.line,
        expected: show(m.expected),
        decided: show(m.decided),
        subject: (m.subject ?? '').slice(0, 60),
        because: (m.because ?? '(no signal)').slice(0, 60),
      })),
      columns: ['line', 'expected', 'decided', 'subject', 'because'],
    });
  }

  private printEvaluation(e: NonNullable<PolicyCheckResult['evaluation']>): void {
    this.log('');
    this.log(`Cases: ${e.cases} from ${e.file}${e.skipped.length ? ` (${e.skipped.length} lines skipped)` : ''}`);
    for (const s of e.skipped.slice(0, 10)) this.warn(`line ${s.line} skipped: ${s.error}`);
    this.log(`Owner accuracy: ${pct(e.ownerAccuracy)}   owner and alarm both right: ${pct(e.exactAccuracy)}`);
    this.log(`False-alarm rate: ${pct(e.falseAlarmRate)}   routine cases kept routine: ${pct(e.routineRate)}`);
    if (e.severeRecall !== null) this.log(`Alarm recall on severe cases: ${pct(e.severeRecall)}`);
    this.log('');
    this.table({
      title: 'Confusion (rows: expected owner, columns: decided owner)',
      data: Object.entries(e.confusion)
        .filter(([, row]) => Object.values(row).some((n) => n > 0))
        .map(([expected, row]) => ({ expected, ...row })),
      columns: ['expected', ...Owner.options],
    });
    this.table({
      title: 'Alarms',
      data: [...AlarmCategory.options, 'all' as const].map((a) => ({
        alarm: a,
        expected: e.alarms[a].expected,
        raised: e.alarms[a].predicted,
        correct: e.alarms[a].correct,
        precision: pct(e.alarms[a].precision),
        recall: pct(e.alarms[a].recall),
      })),
    });
  }
}

function describeMiss(line: number, kase: CaseLine, expect: Expectation, decision: Decision): Miss {
  const top = decision.reasons[0];
  return {
    line,
    caseId: decision.caseId,
    subject: typeof kase.case.Subject === 'string' ? kase.case.Subject : null,
    expected: { owner: expect.owner, alarm: expect.alarm ?? null },
    decided: { owner: decision.owner, alarm: decision.alarm?.category ?? null },
    because: top ? `${top.rule}: ${top.evidence}` : null,
  };
}

function summarize(file: string | null, policy: Policy): PolicyCheckResult['policy'] {
  const lint = lintPolicy(policy);
  return {
    file,
    valid: true,
    signals: policy.signals.length + policy.context.length,
    patterns: policy.signals.reduce((n, s) => n + s.patterns.length + (s.except?.length ?? 0), 0),
    rules: policy.rules.length,
    model: {
      status: usesModel(policy) ? 'used' : policy.model ? 'stale' : 'off',
      features: policy.model ? Object.keys(policy.model.features).length : 0,
    },
    warnings: lint.warnings,
    judged: { patterns: lint.patterns - lint.unjudged, of: lint.patterns },
  };
}
