import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeDiagnostic } from './diagnostic-docs.js';

/** What a reporter may need beyond the RunReport: where paths are relative to, and the files' text. */
export interface ReportContext {
  /** Absolute working directory; every path in the report is relative to it. */
  cwd: string;
  /** rulecheck's version, printed by formats that name the tool (SARIF, JUnit, HTML). */
  version: string;
  /** Text of a file given by its report path, or undefined when it cannot be read. */
  readText(path: string): string | undefined;
  /** Documentation of a diagnostic id, when the stage that owns it describes it. */
  describe?(id: string): DiagnosticDoc | undefined;
}

export interface DiagnosticDoc {
  /** One line: what the check looks for. */
  short: string;
  /** Longer help: why it matters and how to fix it. */
  help?: string;
  helpUri?: string;
}

/** A context reading files from disk below `cwd`, each at most once; ids described by their stage. */
export function fileReportContext(cwd: string, version: string, describe: ReportContext['describe'] = describeDiagnostic): ReportContext {
  const cache = new Map<string, string | undefined>();
  return {
    cwd,
    version,
    describe,
    readText(path) {
      if (!cache.has(path)) {
        let text: string | undefined;
        try {
          text = readFileSync(resolve(cwd, path), 'utf8');
        } catch {
          text = undefined;
        }
        cache.set(path, text);
      }
      return cache.get(path);
    },
  };
}

/**
 * A context that takes a file's text from `texts` (filled by the loader, which read every rule file
 * already) and reads other files from disk.
 */
export function loadedTextContext(cwd: string, version: string, texts: Map<string, string>): ReportContext {
  const fromDisk = fileReportContext(cwd, version);
  return { ...fromDisk, readText: (path) => texts.get(path) ?? fromDisk.readText(path) };
}
