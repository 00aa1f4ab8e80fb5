/**
 * A complete, clean SigmaHQ-style rule used as the starting point of lint test snippets: every
 * check passes on it, so each test changes one thing and expects exactly the finding it causes.
 */
export const BASE = `title: Suspicious Example Process Start
id: 0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e
status: test
description: Finds an example tool started from a folder where it never lives.
references:
    - https://example.org/report
author: Example Author
date: 2024-01-05
tags:
    - attack.execution
    - attack.t1059
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\example.exe'
        CommandLine|contains: 'run'
    condition: selection
falsepositives:
    - Unknown
level: medium
`;

/** BASE with one piece of text replaced (the piece must occur). */
export function edit(from: string, to: string, base: string = BASE): string {
  if (!base.includes(from)) throw new Error(`\`${from}\` is not in the snippet`);
  return base.replace(from, to);
}

/** BASE with its detection block replaced (everything from `detection:` to `falsepositives:`). */
export function withDetection(detection: string, base: string = BASE): string {
  const start = base.indexOf('detection:\n');
  const end = base.indexOf('falsepositives:');
  return base.slice(0, start) + detection.replace(/\n?$/, '\n') + base.slice(end);
}

/** A correlation rule document. */
export function correlation(body: string, head = 'title: Many Example Starts\nid: 6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f\nstatus: test\n'): string {
  return `${head}correlation:\n${body.replace(/\n?$/, '\n')}level: high\n`;
}
