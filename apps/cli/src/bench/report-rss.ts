/**
 * Preloaded (`node -r`) into a process the benchmarks measure: on exit it prints the process's
 * peak resident set size, which a parent cannot read from Node otherwise.
 */
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`);
});
