// Prints the plain closing line "N passed, N failed" that CI reads, as the very last line of the run
// (jest's own summary is printed after every reporter's onRunComplete, hence the exit hook).
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}
