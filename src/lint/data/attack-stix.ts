import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LintConfigError } from '../config-error.js';
import { fileErrorReason } from '../../core/file-errors.js';

/**
 * ATT&CK data from a STIX 2 bundle on disk (MITRE publishes ATT&CK as `enterprise-attack.json` in the
 * `mitre-attack/attack-stix-data` repository). No registry package ships that data, so a team that wants
 * technique ids checked against ATT&CK itself keeps a copy of the bundle and names it in the configuration;
 * nothing is downloaded.
 */

export interface AttackObject {
  /** Lowercase, as Sigma tags write it: `t1059.001`, `g0016`. */
  id: string;
  name: string;
  revoked: boolean;
  deprecated: boolean;
  /** For a revoked object: the id of the object that replaced it. */
  replacedBy?: string;
}

export interface AttackData {
  /** ATT&CK's version, when the bundle says it (`x_mitre_version` of its collection object). */
  version?: string;
  /** Tactic short names (`execution`, `stealth`). */
  tactics: Set<string>;
  /** Techniques, groups, software, campaigns, mitigations, data sources by lowercase id. */
  objects: Map<string, AttackObject>;
}

/** The ATT&CK data named in the configuration cannot be used. */
export class AttackDataError extends LintConfigError {}

interface StixObject {
  type?: string;
  id?: string;
  name?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  x_mitre_shortname?: string;
  x_mitre_version?: string;
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
  external_references?: { source_name?: string; external_id?: string }[];
}

const KINDS = new Set(['attack-pattern', 'intrusion-set', 'malware', 'tool', 'campaign', 'course-of-action', 'x-mitre-data-source']);

/** Reads the ATT&CK objects of a STIX bundle; errors name the file and say what is wrong. */
export function parseAttackBundle(text: string, path: string): AttackData {
  let bundle: { type?: string; objects?: StixObject[] };
  try {
    bundle = JSON.parse(text);
  } catch (error) {
    throw new AttackDataError(`\`${path}\` is not JSON: ${(error as Error).message}.`);
  }
  if (bundle?.type !== 'bundle' || !Array.isArray(bundle.objects))
    throw new AttackDataError(`\`${path}\` is not a STIX bundle (an object with \`"type": "bundle"\` and a list of \`objects\`).`);
  const data: AttackData = { tactics: new Set(), objects: new Map() };
  const idOf = new Map<string, string>();
  const revokedBy: [string, string][] = [];
  for (const o of bundle.objects) {
    if (o.type === 'x-mitre-collection' && o.x_mitre_version) data.version = o.x_mitre_version;
    if (o.type === 'x-mitre-tactic' && o.x_mitre_shortname) data.tactics.add(o.x_mitre_shortname.toLowerCase());
    if (o.type === 'relationship' && o.relationship_type === 'revoked-by' && o.source_ref && o.target_ref) revokedBy.push([o.source_ref, o.target_ref]);
    if (!o.type || !KINDS.has(o.type)) continue;
    const external = o.external_references?.find((r) => r.source_name === 'mitre-attack' && r.external_id)?.external_id;
    if (!external) continue;
    const id = external.toLowerCase();
    if (o.id) idOf.set(o.id, id);
    // A revoked object and its replacement can share an id only across versions; the live one wins.
    const existing = data.objects.get(id);
    if (existing && !existing.revoked && o.revoked) continue;
    data.objects.set(id, { id, name: o.name ?? id, revoked: o.revoked === true, deprecated: o.x_mitre_deprecated === true });
  }
  for (const [source, target] of revokedBy) {
    const from = idOf.get(source);
    const to = idOf.get(target);
    const object = from ? data.objects.get(from) : undefined;
    if (object && to && object.revoked) object.replacedBy = to;
  }
  if (data.objects.size === 0) throw new AttackDataError(`\`${path}\` holds no ATT&CK objects (no external reference with \`source_name: mitre-attack\`).`);
  return data;
}

const cache = new Map<string, AttackData>();

/** The bundle at `path` (absolute, or relative to the working directory), read once per process. */
export function loadAttackBundle(path: string): AttackData {
  const absolute = resolve(path);
  let data = cache.get(absolute);
  if (!data) {
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      throw new AttackDataError(`cannot read the ATT&CK data \`${path}\`: ${fileErrorReason(error, absolute)}.`);
    }
    data = parseAttackBundle(text, path);
    cache.set(absolute, data);
  }
  return data;
}
