import { loadCatalogSet } from '../catalog/load.js';
import type { CatalogSet } from '../catalog/model.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { LogsourceConfig } from '../engine/logsource.js';
import type { Rule } from '../rule/model.js';
import { checkRuleCoverage, isCheckedRule, type CoverageContext, type RuleCoverage } from './check-rule.js';
import { buildCoverageMatrix, type CoverageMatrix } from './matrix.js';

/** What the coverage check needs besides the rules: where the catalogs come from and the config's field mappings. */
export interface CoverageOptions {
  /** User catalog files (absolute or relative to `cwd`). */
  catalogs?: string[];
  /** An EMM repository checkout that replaces the built-in EMM catalog. */
  emm?: string;
  cwd?: string;
  fieldMappings?: Record<string, string[]>;
  /** Logsource definitions whose field renames apply (the config's `logsources`); default: the built-in ones. */
  logsources?: LogsourceConfig;
  /** A catalog set already loaded (tests, the coverage command); the options above are then ignored. */
  set?: CatalogSet;
  /** Put every catalog source in the matrix, not only those some rule binds to. */
  allSources?: boolean;
}

export interface CoverageRun {
  set: CatalogSet;
  results: RuleCoverage[];
  diagnostics: Diagnostic[];
  matrix: CoverageMatrix;
}

/** The coverage options a command's settings give (catalogs, EMM checkout, field mappings). */
export function coverageOptionsFrom(settings: { cwd: string; catalogs: string[]; emm?: string | undefined; fieldMappings: Record<string, string[]> }): CoverageOptions {
  return { cwd: settings.cwd, catalogs: settings.catalogs, ...(settings.emm ? { emm: settings.emm } : {}), fieldMappings: settings.fieldMappings };
}

export function checkCoverage(rules: Rule[], options: CoverageOptions = {}): CoverageRun {
  const set = options.set ?? loadCatalogSet({ catalogs: options.catalogs ?? [], ...(options.emm ? { emm: options.emm } : {}), ...(options.cwd ? { cwd: options.cwd } : {}) });
  const context: CoverageContext = {
    set,
    ...(options.fieldMappings ? { fieldMappings: options.fieldMappings } : {}),
    ...(options.logsources ? { logsourceConfig: options.logsources } : {}),
  };
  const results = rules.filter(isCheckedRule).map((rule) => checkRuleCoverage(context, rule));
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const matrix = buildCoverageMatrix(results, options.allSources ? set.sources : []);
  return { set, results, diagnostics, matrix };
}
