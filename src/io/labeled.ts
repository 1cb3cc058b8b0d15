/** Labeled cases (a case line with an "expect" object), read line by line: what policy check and policy train read. */
import { Expectation } from '../rules/evaluate.js';
import { CaseLine } from '../rules/index.js';
import { describeIssues, openInput, parseLine, readLines } from './jsonl.js';

export type LabeledLine =
  { ok: true; line: number; kase: CaseLine; expect: Expectation } | { ok: false; line: number; error: string };

/** Every line of a labeled file, in order: the case and its label, or what is wrong with the line. */
export async function* readLabeled(file: string): AsyncGenerator<LabeledLine> {
  for await (const line of readLines(openInput(file))) {
    const parsed = parseLine(line);
    if (!parsed.ok) {
      yield { ok: false, line: line.number, error: parsed.message };
      continue;
    }
    const kase = CaseLine.safeParse(parsed.value);
    const expect = Expectation.safeParse((parsed.value as { expect?: unknown }).expect);
    if (!kase.success || !expect.success) {
      const issues = (kase.success ? expect.error : kase.error)?.issues ?? [];
      yield { ok: false, line: line.number, error: describeIssues(issues, kase.success ? 'expect' : 'the line') };
      continue;
    }
    yield { ok: true, line: line.number, kase: kase.data, expect: expect.data };
  }
}
