// npm run bench: prints the project's speed and memory figures, each against a baseline in the same run.
import { benchClassifyStream } from './bench/classify.js';
import { benchCaseAggregate } from './bench/case-aggregate.js';
import { benchDecide, benchLinearity } from './bench/decide.js';
import { benchLocalOrgInserts } from './bench/local-org.js';

const quick = process.argv.includes('--quick');
console.log(`# Who Owns This benchmarks (node ${process.version}, ${new Date().toISOString()})`);
await benchDecide(quick ? { seconds: 0.5, rounds: 1 } : {});
benchLinearity();
await benchClassifyStream({ megabytes: quick ? 20 : 200 });
await benchLocalOrgInserts(quick ? { records: 4000, singles: 400 } : {});
await benchCaseAggregate({ rows: quick ? 100_000 : 1_000_000 });
await (await import('./bench/panel.js')).benchPanel({ quick });
await (await import('./bench/triage.js')).benchTriage(quick ? { sizes: [10_000] } : {});
