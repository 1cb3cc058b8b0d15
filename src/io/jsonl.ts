/**
 * Reads JSON Lines from a file or stdin as a stream: memory stays flat however large the input,
 * and every line keeps its number for error messages.
 */
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface Line {
  /** 1-based line number in the input. */
  number: number;
  text: string;
}

export function openInput(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path);
}

/**
 * Non-blank lines of a JSON Lines stream. Pulls one chunk at a time from the stream's own async
 * iterator, so a slow consumer holds back the reader (readline's iterator queues up to a thousand
 * lines, however long they are). Memory: one chunk plus the longest line.
 */
export async function* readLines(input: Readable): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let number = 0;
  // The unfinished line, in pieces: joined once when its newline arrives, so a long line costs
  // linear time and memory whatever the chunk size.
  let pending: string[] = [];
  const take = (last: string): Line | null => {
    pending.push(last);
    let text = pending.length === 1 ? last : pending.join('');
    pending = [];
    number++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return text.trim() === '' ? null : { number, text };
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const line = take(text.slice(from, nl));
      if (line) yield line;
      from = nl + 1;
    }
    if (from < text.length) pending.push(text.slice(from));
  }
  const rest = decoder.end();
  if (rest !== '' || pending.length > 0) {
    const line = take(rest);
    if (line) yield line;
  }
}

/** Parses one line: the value, or a message saying what is wrong with it. */
export function parseLine(line: Line): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(line.text) };
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
}

/** What is wrong with a parsed line, in the words of its first schema problems: "case.Subject: …". */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fallback = 'the line',
): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : fallback}: ${i.message}`)
    .join('; ');
}

/**
 * Buffered writer that respects backpressure: output is written in chunks, and when the consumer
 * is slower than we are, we wait for it instead of queueing the whole output in memory.
 */
export class LineWriter {
  private buffer: string[] = [];
  private size = 0;
  public constructor(
    private readonly out: Writable,
    private readonly chunk = 64 * 1024,
  ) {}

  public async write(line: string): Promise<void> {
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= this.chunk) await this.flush();
  }

  public async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(data)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}
