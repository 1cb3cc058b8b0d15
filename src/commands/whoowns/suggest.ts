import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { caseContext, connect, findCase, guarded } from '../../org/index.js';
import { decide, defaultPolicy, present, type CaseContext, type Decision } from '../../rules/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.suggest');

export interface SuggestResult {
  decision: Decision;
  context: CaseContext;
  case: { id: string; caseNumber: string | null; subject: string | null };
}

export default class Suggest extends SfCommand<SuggestResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    case: Flags.string({ char: 'c', summary: messages.getMessage('flags.case.summary'), required: true }),
  };

  public async run(): Promise<SuggestResult> {
    const { flags } = await this.parse(Suggest);
    const session = await connect(flags['target-org']);
    const { kase, context } = await guarded(session, async () => {
      const found = await findCase(session, flags.case);
      if (!found) throw messages.createError('error.CaseNotFound', [flags.case]);
      return { kase: found, context: await caseContext(session, found) };
    });
    const line = { case: kase, context };
    const decision = decide(line, defaultPolicy);
    const p = present(decision, line, defaultPolicy);
    this.log(messages.getMessage('info.Case', [kase.CaseNumber ?? kase.Id, kase.Subject ?? '']));
    this.log(messages.getMessage('info.Owner', [p.ownerLabel, p.confidenceLabel, p.confidence]));
    this.log(messages.getMessage('info.Action', [p.action]));
    this.log(p.alarm ? messages.getMessage('info.Alarm', [p.alarm.title]) : messages.getMessage('info.NoAlarm'));
    if (p.reasons.length > 0) {
      this.table({
        data: p.reasons.map((r) => ({ reason: r.label, field: r.fieldLabel, evidence: r.evidence, weight: r.weight })),
        title: messages.getMessage('info.Reasons'),
      });
    }
    return {
      decision,
      context,
      case: { id: kase.Id, caseNumber: kase.CaseNumber ?? null, subject: kase.Subject ?? null },
    };
  }
}
