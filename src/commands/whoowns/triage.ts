import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import {
  bulkThreshold,
  connect,
  guarded,
  readState,
  stateFile,
  triage,
  writeState,
  type TriageCounts,
} from '../../org/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.triage');

export interface TriageResult extends TriageCounts {
  total: number;
  applied: boolean;
  transport: 'collections' | 'bulk';
  resumed: boolean;
  stateFile: string;
}

export default class Triage extends SfCommand<TriageResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    where: Flags.string({ char: 'w', summary: messages.getMessage('flags.where.summary') }),
    apply: Flags.boolean({ summary: messages.getMessage('flags.apply.summary'), default: false }),
    resume: Flags.boolean({ summary: messages.getMessage('flags.resume.summary'), default: false }),
  };

  public async run(): Promise<TriageResult> {
    const { flags } = await this.parse(Triage);
    const session = await connect(flags['target-org']);
    const where = flags.where ?? '';
    const file = stateFile(session.orgId, where, flags.apply);
    const previous = flags.resume ? readState(file) : undefined;
    if (flags.resume && (!previous || previous.done)) this.warn(messages.getMessage('warning.NothingToResume'));
    const resumeFrom = previous && !previous.done ? previous : undefined;
    const run = await guarded(session, () =>
      triage(session, {
        where,
        apply: flags.apply,
        bulkThreshold: bulkThreshold(),
        chunkSize: Number(process.env['WHOOWNS_TRIAGE_CHUNK']) || undefined,
        resumeFrom,
        onStart: (total, done, bulk) => {
          if (resumeFrom) this.log(messages.getMessage('info.Resuming', [done, total]));
          this.log(messages.getMessage('info.Start', [total, bulk ? 'Bulk API 2.0' : 'sObject Collections']));
          this.progress.start(total, {}, { title: flags.apply ? 'Triage (apply)' : 'Triage' });
          this.progress.update(done);
        },
        onProgress: (done) => this.progress.update(done),
        onChunk: (state) => writeState(file, state),
      }),
    ).finally(() => this.progress.stop());
    const c = run.state.counts;
    this.table({
      data: Object.entries(c.byOwner).map(([owner, cases]) => ({ owner, cases })),
      title: messages.getMessage('info.ByOwner'),
    });
    this.table({
      data: Object.entries(c.byAlarm).map(([alarm, cases]) => ({ alarm, cases })),
      title: messages.getMessage('info.ByAlarm'),
    });
    this.log(messages.getMessage('info.RoutineOnAe', [c.routineOnAe]));
    if (c.routineOnAeCases.length > 0) {
      this.table({
        data: c.routineOnAeCases.map((r) => ({
          case: r.caseNumber ?? r.id,
          subject: r.subject ?? '',
          suggested: r.suggested,
        })),
      });
    }
    if (flags.apply) {
      this.log(messages.getMessage('info.Applied', [c.updated, c.escalationsCreated, c.escalationsExisting]));
      if (c.updateFailed + c.escalationsFailed > 0) {
        this.warn(messages.getMessage('warning.Failures', [c.updateFailed, c.escalationsFailed]));
      }
    } else {
      this.log(messages.getMessage('info.DryRun'));
    }
    this.log(messages.getMessage('info.ApiCalls', [c.apiCalls]));
    return {
      ...c,
      total: run.total,
      applied: flags.apply,
      transport: run.bulk ? 'bulk' : 'collections',
      resumed: resumeFrom !== undefined,
      stateFile: file,
    };
  }
}
