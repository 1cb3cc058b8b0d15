// Streams a large JSON Lines file through the real CLI and reports throughput and peak memory: memory
// must stay flat however large the input is.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realisticCases } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function writeInput(path, megabytes) {
  const lines = realisticCases(1024).map((c) => JSON.stringify(c));
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    const line = `${lines[i % lines.length]}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

function classify(file) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        join(root, 'scripts', 'bench', 'report-rss.js'),
        join(root, 'bin', 'run.js'),
        'whoowns',
        'classify',
        '--file',
        file,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (b) => {
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (b) => {
      stderr += b;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = Number(/maxRSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
      if (code !== 0) reject(new Error(`classify exited ${code}: ${stderr}`));
      else resolve({ lines, rssMB: rss / 1024 });
    });
  });
}

export async function benchClassifyStream({ megabytes }) {
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-bench-'));
  try {
    console.log('\n## whoowns classify, streamed: peak memory against input size');
    console.log('| input | lines | seconds | MB/s | peak RSS |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const mb of [megabytes / 10, megabytes]) {
      const file = join(dir, `cases-${mb}.jsonl`);
      await writeInput(file, mb);
      const t = performance.now();
      const { lines, rssMB } = await classify(file);
      const s = (performance.now() - t) / 1000;
      const size = statSync(file).size / 1024 / 1024;
      console.log(
        `| ${size.toFixed(0)} MB | ${lines.toLocaleString('en-US')} | ${s.toFixed(1)} | ${(size / s).toFixed(1)} | ${rssMB.toFixed(0)} MB |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
