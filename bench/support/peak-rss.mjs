// Preloaded into a measured process (node --import): reports its peak resident set size on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\n@@peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
