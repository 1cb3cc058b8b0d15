import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { caseContext, connect, findCase, guarded, raiseEscalation, type EscalationRecord } from '../../org/index.js';
import {
  decide,
  defaultPolicy,
  ESCALATION_CATEGORIES,
  present,
  reasonsText,
  type EscalationCategory,
  type EscalationSeverity,
} from '../../rules/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.escalate');

export interface EscalateResult {
  created: boolean;
  escalation: EscalationRecord;
}

export default class Escalate extends SfCommand<EscalateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    case: Flags.salesforceId({
      char: 'c',
      summary: messages.getMessage('flags.case.summary'),
      required: true,
      startsWith: '500',
      length: 'both',
    }),
    category: Flags.option({
      summary: messages.getMessage('flags.category.summary'),
      options: ESCALATION_CATEGORIES,
    })(),
    severity: Flags.option({
      summary: messages.getMessage('flags.severity.summary'),
      options: ['sev1', 'sev2', 'sev3'] as const,
    })(),
    note: Flags.string({ summary: messages.getMessage('flags.note.summary') }),
  };

  public async run(): Promise<EscalateResult> {
    const { flags } = await this.parse(Escalate);
    const session = await connect(flags['target-org']);
    const result = await guarded(session, async () => {
      const kase = await findCase(session, flags.case);
      if (!kase) throw messages.createError('error.CaseNotFound', [flags.case]);
      const line = { case: kase, context: await caseContext(session, kase) };
      const decision = decide(line, defaultPolicy);
      const category: EscalationCategory | undefined = flags.category ?? decision.alarm?.category;
      if (!category) {
        throw messages.createError('error.NoAlarm', [kase.CaseNumber ?? kase.Id, decision.owner], [kase.Id]);
      }
      const severity: EscalationSeverity =
        flags.severity ?? (decision.alarm?.category === category ? decision.alarm.severity : 'sev2');
      return raiseEscalation(session, {
        caseId: kase.Id,
        accountId: kase.AccountId ?? null,
        category,
        severity,
        reasons: reasonsText(present(decision, line, defaultPolicy)),
        suggestedOwner: decision.owner,
        note: flags.note ?? null,
      });
    });
    const e = result.escalation;
    this.log(
      messages.getMessage(result.created ? 'info.Created' : 'info.Existing', [
        e.Name ?? e.Id,
        e.Category__c,
        e.Severity__c ?? '',
        e.Status__c,
      ]),
    );
    return result;
  }
}
