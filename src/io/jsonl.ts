/**
 * Reads JSON Lines from a file or stdin as a stream: memory stays flat however large the input
 * (only one line at a time is held), and every line keeps its number for error messages.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface Line {
  /** 1-based line number in the input. */
  number: number;
  text: string;
}

export function openInput(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path);
}

/** Non-blank lines of a JSON Lines stream. */
export async function* readLines(input: Readable): AsyncGenerator<Line> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of rl) {
    number++;
    if (text.trim() !== '') yield { number, text };
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
