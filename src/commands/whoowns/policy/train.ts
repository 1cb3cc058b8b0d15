import { rename, writeFile } from 'node:fs/promises';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { readLabeled } from '../../../io/labeled.js';
import { loadPolicy } from '../../../io/policy-file.js';
import type { Policy } from '../../../rules/index.js';
import { type Labeled, serializeModel, TRAIN_DEFAULTS, trainModel } from '../../../rules/train.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('who-owns-this', 'whoowns.policy.train');

export interface PolicyTrainResult {
  outputFile: string;
  cases: number;
  features: number;
  skipped: { file: string; line: number; error: string }[];
  /** Outcomes with no labeled case: the model cannot learn them from these files. */
  unseen: string[];
}

/** Below this many labeled cases the model learns little beyond the rules; the command says so. */
const FEW_CASES = 300;

export default class PolicyTrain extends SfCommand<PolicyTrainResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    policy: Flags.file({ char: 'p', summary: messages.getMessage('flags.policy.summary'), exists: true }),
    cases: Flags.file({
      char: 'c',
      summary: messages.getMessage('flags.cases.summary'),
      exists: true,
      multiple: true,
      required: true,
    }),
    'output-file': Flags.file({ char: 'o', summary: messages.getMessage('flags.output-file.summary'), required: true }),
  };

  public async run(): Promise<PolicyTrainResult> {
    const { flags } = await this.parse(PolicyTrain);
    const policy = await loadPolicy(flags.policy);
    const cases: Labeled[] = [];
    const skipped: PolicyTrainResult['skipped'] = [];
    for (const file of flags.cases) {
      for await (const l of readLabeled(file)) {
        if (l.ok) cases.push({ line: l.kase, owner: l.expect.owner, alarm: l.expect.alarm ?? null });
        else skipped.push({ file, line: l.line, error: l.error });
      }
    }
    for (const s of skipped.slice(0, 10)) this.warn(`${s.file} line ${s.line} skipped: ${s.error}`);
    if (cases.length === 0) throw messages.createError('error.NoLabeledCases', [flags.cases.join(', ')]);

    const rules: Policy = { ...policy, model: false };
    const model = trainModel(cases, rules, {}, `Trained by whoowns policy train on ${cases.length} labeled cases.`);
    model.trainedOn = {
      files: flags.cases,
      cases: cases.length,
      epochs: TRAIN_DEFAULTS.epochs,
      runs: TRAIN_DEFAULTS.runs,
    };
    const seen = new Set(cases.map((c) => c.alarm ?? c.owner));
    const unseen = [...model.classes].filter(
      (c) => !seen.has(c) && !(seen.has('routine') && (c === 'customer_service' || c === 'client_success')),
    );
    if (cases.length < FEW_CASES) this.warn(messages.getMessage('warning.FewCases', [cases.length, FEW_CASES]));
    if (unseen.length) this.warn(messages.getMessage('warning.Unseen', [unseen.join(', ')]));

    // The policy as validated (notes kept) with the model as its last key, one feature per line; written
    // to a temporary file and renamed, so an existing file is replaced whole or not at all.
    const head = JSON.stringify({ ...policy, model: undefined }, null, 2).replace(/\n}$/, '');
    const text = `${head},\n  "model": ${serializeModel(model, '  ')}\n}\n`;
    const out = flags['output-file'];
    const tmp = `${out}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, out);
    const features = Object.keys(model.features).length;
    this.log(messages.getMessage('done', [out, cases.length, features]));
    return { outputFile: out, cases: cases.length, features, skipped, unseen };
  }
}
