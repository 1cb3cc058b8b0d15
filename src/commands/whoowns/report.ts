import { writeFile } from 'node:fs/promises';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { connect, guarded, managerReport, parsePeriod, type ReportResult } from '../../org/index.js';
import { reportCsv, reportHtml, reportRows } from '../../report/render.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.report');

export type { ReportResult };

export default class Report extends SfCommand<ReportResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    since: Flags.string({ summary: messages.getMessage('flags.since.summary'), default: '30d' }),
    format: Flags.option({
      summary: messages.getMessage('flags.format.summary'),
      options: ['table', 'csv', 'json', 'html'] as const,
      default: 'table',
    })(),
    output: Flags.string({ char: 'f', summary: messages.getMessage('flags.output.summary') }),
  };

  public async run(): Promise<ReportResult> {
    const { flags } = await this.parse(Report);
    const period = parsePeriod(flags.since);
    if (period === undefined) throw messages.createError('error.BadSince', [flags.since]);
    const session = await connect(flags['target-org']);
    const report = await guarded(session, () => managerReport(session, period));
    const text =
      flags.format === 'csv'
        ? reportCsv(report)
        : flags.format === 'html'
          ? reportHtml(report)
          : flags.format === 'json'
            ? JSON.stringify(report, null, 2) + '\n'
            : undefined;
    if (flags.output) {
      await writeFile(flags.output, text ?? reportCsv(report));
      this.log(messages.getMessage('info.Written', [flags.output]));
    } else if (text !== undefined) {
      if (!this.jsonEnabled()) process.stdout.write(text);
    } else {
      this.table({ data: reportRows(report), title: messages.getMessage('info.Title', [report.since]) });
    }
    return report;
  }
}
