import { Messages, SfError } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { describeIssues, LineWriter, openInput, parseLine, readLines } from '../../io/jsonl.js';
import { loadPolicy } from '../../io/policy-file.js';
import { CaseLine, decide } from '../../rules/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.classify');

export interface ClassifyResult {
  lines: number;
  classified: number;
  failed: number;
}

/** The error line written in place of a decision for a line that could not be read. */
export interface ErrorLine {
  line: number;
  caseId: string | null;
  error: string;
}

export default class Classify extends SfCommand<ClassifyResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  // Standard output is the JSON Lines contract itself, one decision per line.
  public static override readonly enableJsonFlag = false;

  public static override readonly flags = {
    file: Flags.string({ char: 'f', summary: messages.getMessage('flags.file.summary'), required: true }),
    policy: Flags.file({ char: 'p', summary: messages.getMessage('flags.policy.summary'), exists: true }),
  };

  public async run(): Promise<ClassifyResult> {
    const { flags } = await this.parse(Classify);
    const policy = await loadPolicy(flags.policy);
    const out = new LineWriter(process.stdout);
    const result: ClassifyResult = { lines: 0, classified: 0, failed: 0 };
    const input = openInput(flags.file);
    try {
      for await (const line of readLines(input)) {
        result.lines++;
        const parsed = parseLine(line);
        const checked = parsed.ok ? CaseLine.safeParse(parsed.value) : null;
        if (checked?.success) {
          await out.write(JSON.stringify(decide(checked.data, policy)));
          result.classified++;
          continue;
        }
        result.failed++;
        const problem = !parsed.ok ? parsed.message : describeIssues(checked?.error.issues ?? []);
        const error: ErrorLine = {
          line: line.number,
          caseId: caseIdOf(parsed),
          error: `line ${line.number}: ${problem}`,
        };
        await out.write(JSON.stringify(error));
      }
    } catch (e) {
      await out.flush();
      throw messages.createError('error.InputUnreadable', [flags.file, (e as Error).message]);
    }
    await out.flush();
    if (result.failed > 0) {
      throw new SfError(
        messages.getMessage('error.LinesFailed', [result.failed, result.lines]),
        'LinesFailed',
        messages.getMessages('error.LinesFailed.actions'),
        1,
      );
    }
    return result;
  }
}

function caseIdOf(parsed: ReturnType<typeof parseLine>): string | null {
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const kase = (parsed.value as { case?: unknown }).case;
  const id = typeof kase === 'object' && kase !== null ? (kase as { Id?: unknown }).Id : undefined;
  return typeof id === 'string' ? id : null;
}
