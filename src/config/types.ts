import type { Severity } from '../core/diagnostic.js';
import type { EventShape } from '../engine/event.js';

/** The configuration file, as `schemas/config.schema.json` validates it. */
export interface RulecheckConfig {
  paths?: string[];
  catalogs?: string[];
  emm?: string;
  /** Severity per diagnostic id (`lint/title-length`) or area (`coverage/*`); `off` drops it. */
  severities?: Record<string, Severity | 'off'>;
  lint?: {
    preset?: 'recommended' | 'sigmahq' | 'all';
    checks?: Record<string, Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> }>;
  };
  ignore?: string[];
  placeholders?: Record<string, string | string[]>;
  fieldMappings?: Record<string, string | string[]>;
  logsourceMode?: 'default' | 'strict' | 'off';
  /** Logsource definitions added to the built-in ones (JSON file, format of src/engine/logsources.json). */
  logsources?: string;
  fixtures?: { shapes?: Record<string, EventShape> };
  maxWarnings?: number;
  strict?: boolean;
}
