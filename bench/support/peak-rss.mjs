// Preloaded into a measured process (node --import): reports its peak resident set size and its CPU
// time (user + system; on a busy machine wall time measures the neighbours as much as the process).
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\n@@peak-rss-kb ${usage.maxRSS}\n@@cpu-ms ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
