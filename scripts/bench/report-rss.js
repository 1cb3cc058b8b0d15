// Preloaded with `node --import` by the benchmark: reports the process's peak memory when it exits.
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
