import { UsageError } from './usage-error.js';

/** One report to write: a format and where it goes (undefined = stdout). */
export interface OutputTarget {
  format: string;
  file?: string;
}

interface OptionToken {
  kind: string;
  name?: string;
  value?: string;
}

/**
 * Pairs `--format X --output F` in command-line order. An `--output` belongs to the nearest
 * `--format` before it that has no output yet (or, given first, to the next `--format`); a format
 * without an output goes to stdout; an output without any format gets the default format.
 */
export function pairOutputs(tokens: readonly OptionToken[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const pendingFiles: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') {
      targets.push({ format: token.value, file: pendingFiles.shift() });
    } else if (token.name === 'output') {
      const open = [...targets].reverse().find((t) => t.file === undefined);
      if (open) open.file = token.value;
      else pendingFiles.push(token.value);
    }
  }
  for (const file of pendingFiles) targets.push({ format: '', file });
  return targets;
}

/** Checks the targets against the known formats; at most one may go to stdout. */
export function validateTargets(targets: OutputTarget[], formats: readonly string[], defaultFormat: string): OutputTarget[] {
  const resolved = targets.length > 0 ? targets.map((t) => ({ ...t, format: t.format || defaultFormat })) : [{ format: defaultFormat }];
  for (const target of resolved) {
    if (!formats.includes(target.format)) {
      throw new UsageError(`unknown format \`${target.format}\` (known formats: ${formats.join(', ')})`);
    }
  }
  const toStdout = resolved.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `formats ${toStdout.map((t) => `\`${t.format}\``).join(' and ')} would both go to stdout; give all but one an --output FILE`,
    );
  }
  return resolved;
}
