import { CHECKS } from './registry.js';
import { presetOf } from './list.js';

/**
 * The generated parts of docs/lint.md: the table of checks and the migration table from pySigma,
 * pySigma-validators-sigmaHQ and SigmaHQ's CI tests to rulecheck ids. `scripts/lint-docs.ts`
 * writes them between the markers; a test keeps the file in step with the registry.
 */

/** Their checks that are not lint checks here, or not one-to-one: where each went. */
const ELSEWHERE: Record<string, string> = {
  'pysigma:dangling_condition': '`condition/empty-selector` (condition parser)',
  'pysigma:invalid_modifier_combinations': '`modifier/duplicate` (loader); `lint/all-equality-conflict` reports field-bound `all` only when no value can satisfy it',
  'sigmahq:sigmahq_invalid_all_modifier': '`modifier/all-single-value` (loader)',
  'sigmahq:sigmahq_invalid_fieldname': 'coverage checker (`coverage/*`, per event type, with did-you-mean)',
  'sigmahq:sigmahq_fieldname_cast': 'coverage checker (case-only mismatches get a did-you-mean)',
  'sigmahq:sigmahq_logsource_unknown': 'coverage checker (logsource not covered by any catalog); switched off in SigmaHQ CI',
  'sigmahq:sigmahq_redundant_field': 'partly `lint/category-event-id`, `lint/category-provider-name`; the taxonomy\'s per-logsource redundant lists are not restated',
  'sigmahq-test:test_logsource_value': 'coverage checker (logsource not covered by any catalog)',
  'sigmahq-test:test_fieldname_case': 'coverage checker',
  'sigmahq-test:test_broken_thor_logsource_config': 'not applicable: it checks SigmaHQ\'s own `tests/thor.yml`, not rules',
  'sigmahq-ci:yamllint indentation': 'not checked (formatting is left to yamllint)',
};

const THEIRS = [
  ...'dangling_detection dangling_condition them_condition_with_single_detection all_of_them_condition specific_instead_of_generic_logsource fieldname_logsource identifier_existence identifier_uniqueness duplicate_title duplicate_references duplicate_filename filename_length custom_attributes invalid_modifier_combinations tag_format attacktag d3_fendtag tlptag tlpv1_tag tlpv2_tag duplicate_tag namespace_tag cartag cvetag detection_tag stptag double_wildcard number_as_string control_character wildcards_instead_of_modifiers escaped_wildcard'
    .split(' ')
    .map((id) => `pysigma:${id}`),
  ...'author_existence ofthem_condition ofselection_condition missing_asterisk_condition correlation_rules_minimum correlation_group_by_existence date_existence modified_date_order modified_without_date redundant_modified description_existence description_length link_in_description category_event_id category_windows_provider_name unsupported_regex_group_construct falsepositives_capital falsepositives_banned_word falsepositives_typo_word space_field_name fieldname_cast invalid_fieldname field_duplicate_value invalid_all_modifier field_user invalid_hash_kv redundant_field fields_existence unknown_field filename_convention correlation_filename_prefix filename_prefix level_existence logsource_unknown sysmon_missing_eventid github_link mitre_link status_existence status status_to_high tags_unique_detection tags_detection tags_unique_tlp tags_tlp tags_techniques_without_tactics title_length title_start title_end title_case logsource_coherent'
    .split(' ')
    .map((id) => `sigmahq:sigmahq_${id}`),
  ...'test_legal_trademark_violations test_duplicate_detections test_source_eventlog test_event_id_instead_of_process_creation test_sysmon_rule_without_eventid test_optional_license test_file_names test_title_in_first_line test_selection_list_one_value test_broken_thor_logsource_config test_re_invalid_escapes test_invalid_logsource_attributes test_logsource_value test_fieldname_case'
    .split(' ')
    .map((id) => `sigmahq-test:${id}`),
  'sigmahq-test:duplicate id grep (CI job)',
  'sigmahq-ci:yamllint trailing-spaces',
  'sigmahq-ci:yamllint indentation',
];

const escape = (text: string) => text.replace(/\|/g, '\\|');

export function checksTable(): string {
  const rows = CHECKS.map((c) => `| \`${c.meta.id}\` | ${presetOf(c)} | ${c.meta.severity} | ${c.meta.fixable ? 'yes' : ''} | ${escape(c.meta.docs)} |`);
  return ['| id | preset | severity | fix | what it checks |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function mappingTable(): string {
  const ours = new Map<string, string[]>();
  for (const c of CHECKS) for (const e of c.meta.equivalents ?? []) ours.set(e, [...(ours.get(e) ?? []), `\`${c.meta.id}\``]);
  const rows = THEIRS.map((theirs) => {
    const [tool, id] = [theirs.slice(0, theirs.indexOf(':')), theirs.slice(theirs.indexOf(':') + 1)];
    const where = [...(ours.get(theirs) ?? []), ...(ELSEWHERE[theirs] ? [ELSEWHERE[theirs]] : [])].join(', ');
    if (!where) throw new Error(`no rulecheck equivalent recorded for ${theirs}`);
    return `| ${tool} | \`${id}\` | ${where} |`;
  });
  return ['| tool | their id | rulecheck |', '|---|---|---|', ...rows].join('\n');
}

export function fillDocs(markdown: string): string {
  const fill = (text: string, name: string, body: string) =>
    text.replace(new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`), (_, start: string, end: string) => `${start}\n${body}\n${end}`);
  return fill(fill(markdown, 'checks', checksTable()), 'mapping', mappingTable());
}
