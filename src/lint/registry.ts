import type { LintCheck } from './types.js';

import idMissingCheck from './rules/id-missing.js';
import authorMissingCheck from './rules/author-missing.js';
import dateMissingCheck from './rules/date-missing.js';
import descriptionMissingCheck from './rules/description-missing.js';
import levelMissingCheck from './rules/level-missing.js';
import statusMissingCheck from './rules/status-missing.js';
import titleLengthCheck from './rules/title-length.js';
import titleStartCheck from './rules/title-start.js';
import titleEndCheck from './rules/title-end.js';
import titleCaseCheck from './rules/title-case.js';
import titleFirstCheck from './rules/title-first.js';
import titleWhitespaceCheck from './rules/title-whitespace.js';
import descriptionShortCheck from './rules/description-short.js';
import descriptionEqualsTitleCheck from './rules/description-equals-title.js';
import linkInDescriptionCheck from './rules/link-in-description.js';
import referenceNotUrlCheck from './rules/reference-not-url.js';
import githubLinkNotPermalinkCheck from './rules/github-link-not-permalink.js';
import mitreLinkCheck from './rules/mitre-link.js';
import duplicateReferenceCheck from './rules/duplicate-reference.js';
import falsepositiveCapitalCheck from './rules/falsepositive-capital.js';
import falsepositiveBannedWordCheck from './rules/falsepositive-banned-word.js';
import falsepositiveTypoCheck from './rules/falsepositive-typo.js';
import duplicateFalsepositiveCheck from './rules/duplicate-falsepositive.js';
import statusDeprecatedCheck from './rules/status-deprecated.js';
import statusTooHighForAgeCheck from './rules/status-too-high-for-age.js';
import modifiedBeforeDateCheck from './rules/modified-before-date.js';
import modifiedWithoutDateCheck from './rules/modified-without-date.js';
import modifiedEqualsDateCheck from './rules/modified-equals-date.js';
import dateInFutureCheck from './rules/date-in-future.js';
import idNotUuid4Check from './rules/id-not-uuid4.js';
import relatedSelfCheck from './rules/related-self.js';
import fieldsDeprecatedCheck from './rules/fields-deprecated.js';
import customAttributeCheck from './rules/custom-attribute.js';
import attributeTypoCheck from './rules/attribute-typo.js';
import licenseNotStringCheck from './rules/license-not-string.js';
import trademarkAttckCheck from './rules/trademark-attck.js';
import tagFormatCheck from './rules/tag-format.js';
import tagNamespaceCheck from './rules/tag-namespace.js';
import attackTagCheck from './rules/attack-tag.js';
import techniqueWithoutTacticCheck from './rules/technique-without-tactic.js';
import carTagCheck from './rules/car-tag.js';
import cveTagCheck from './rules/cve-tag.js';
import d3fendTagCheck from './rules/d3fend-tag.js';
import detectionTagCheck from './rules/detection-tag.js';
import detectionTagMultipleCheck from './rules/detection-tag-multiple.js';
import detectionTagMissingCheck from './rules/detection-tag-missing.js';
import stpTagCheck from './rules/stp-tag.js';
import tlpTagCheck from './rules/tlp-tag.js';
import tlpTagMultipleCheck from './rules/tlp-tag-multiple.js';
import tlpNotClearCheck from './rules/tlp-not-clear.js';
import duplicateTagCheck from './rules/duplicate-tag.js';
import filenameLengthCheck from './rules/filename-length.js';
import trailingWhitespaceCheck from './rules/trailing-whitespace.js';
import lineEndingsCheck from './rules/line-endings.js';
import filenameConventionCheck from './rules/filename-convention.js';
import filenamePrefixCheck from './rules/filename-prefix.js';
import correlationFilenamePrefixCheck from './rules/correlation-filename-prefix.js';
import logsourceUnknownKeyCheck from './rules/logsource-unknown-key.js';
import logsourceNotStringCheck from './rules/logsource-not-string.js';
import logsourceValueFormatCheck from './rules/logsource-value-format.js';
import logsourceIncoherentCheck from './rules/logsource-incoherent.js';
import genericLogsourceAvailableCheck from './rules/generic-logsource-available.js';
import providerEventidInsteadOfCategoryCheck from './rules/provider-eventid-instead-of-category.js';
import sysmonWithoutEventidCheck from './rules/sysmon-without-eventid.js';
import categoryEventIdCheck from './rules/category-event-id.js';
import categoryProviderNameCheck from './rules/category-provider-name.js';
import sourceEventlogCheck from './rules/source-eventlog.js';
import unusedSearchCheck from './rules/unused-search.js';
import themWithSingleSearchCheck from './rules/them-with-single-search.js';
import allOfThemCheck from './rules/all-of-them.js';
import selectorSingleMatchCheck from './rules/selector-single-match.js';
import selectorWithoutWildcardCheck from './rules/selector-without-wildcard.js';
import identifierOperatorPrefixCheck from './rules/identifier-operator-prefix.js';
import doubleNegationCheck from './rules/double-negation.js';
import filterWithoutNotCheck from './rules/filter-without-not.js';
import wildcardsInsteadOfModifiersCheck from './rules/wildcards-instead-of-modifiers.js';
import redundantWildcardsCheck from './rules/redundant-wildcards.js';
import doubleWildcardCheck from './rules/double-wildcard.js';
import escapedWildcardCheck from './rules/escaped-wildcard.js';
import numberAsStringCheck from './rules/number-as-string.js';
import controlCharacterCheck from './rules/control-character.js';
import yaml11AmbiguousScalarCheck from './rules/yaml11-ambiguous-scalar.js';
import nullInListCheck from './rules/null-in-list.js';
import placeholderWithoutExpandCheck from './rules/placeholder-without-expand.js';
import singleValueListCheck from './rules/single-value-list.js';
import duplicateValueCheck from './rules/duplicate-value.js';
import allEqualityConflictCheck from './rules/all-equality-conflict.js';
import existsContradictionCheck from './rules/exists-contradiction.js';
import base64offsetWithoutContainsCheck from './rules/base64offset-without-contains.js';
import windashWithAllCheck from './rules/windash-with-all.js';
import windashWithoutDashCheck from './rules/windash-without-dash.js';
import utf16leModifierCheck from './rules/utf16le-modifier.js';
import fieldNameSpaceCheck from './rules/field-name-space.js';
import localizedUserNameCheck from './rules/localized-user-name.js';
import hashFormatCheck from './rules/hash-format.js';
import regexUnsupportedGroupCheck from './rules/regex-unsupported-group.js';
import regexNotPortableCheck from './rules/regex-not-portable.js';
import regexBacktrackingCheck from './rules/regex-backtracking.js';
import regexNeverMatchesCheck from './rules/regex-never-matches.js';
import regexInvalidEscapeCheck from './rules/regex-invalid-escape.js';
import regexInlineFlagsCheck from './rules/regex-inline-flags.js';
import temporalNeedsTwoRulesCheck from './rules/temporal-needs-two-rules.js';
import correlationGroupByMissingCheck from './rules/correlation-group-by-missing.js';
import timespanNotPositiveCheck from './rules/timespan-not-positive.js';
import timespanUnitNonstandardCheck from './rules/timespan-unit-nonstandard.js';
import correlationRangeConditionCheck from './rules/correlation-range-condition.js';
import correlationTypeNonstandardCheck from './rules/correlation-type-nonstandard.js';
import generateOnReferencedRuleCheck from './rules/generate-on-referenced-rule.js';
import duplicateIdCheck from './rules/duplicate-id.js';
import duplicateTitleCheck from './rules/duplicate-title.js';
import duplicateNameCheck from './rules/duplicate-name.js';
import duplicateFilenameCheck from './rules/duplicate-filename.js';
import duplicateDetectionCheck from './rules/duplicate-detection.js';
import overlappingRulesCheck from './rules/overlapping-rules.js';
import unresolvedReferenceCheck from './rules/unresolved-reference.js';

/** Every lint check, grouped by what it looks at. `--list-checks` and docs/lint.md follow this order. */
export const CHECKS: readonly LintCheck[] = [
  // Metadata: presence
  idMissingCheck, authorMissingCheck, dateMissingCheck, descriptionMissingCheck, levelMissingCheck, statusMissingCheck,
  // Metadata: title
  titleLengthCheck, titleStartCheck, titleEndCheck, titleCaseCheck, titleFirstCheck, titleWhitespaceCheck,
  // Metadata: description, references, false positives
  descriptionShortCheck, descriptionEqualsTitleCheck, linkInDescriptionCheck, referenceNotUrlCheck, githubLinkNotPermalinkCheck, mitreLinkCheck, duplicateReferenceCheck, falsepositiveCapitalCheck, falsepositiveBannedWordCheck, falsepositiveTypoCheck, duplicateFalsepositiveCheck,
  // Metadata: status, dates, ids, attributes
  statusDeprecatedCheck, statusTooHighForAgeCheck, modifiedBeforeDateCheck, modifiedWithoutDateCheck, modifiedEqualsDateCheck, dateInFutureCheck, idNotUuid4Check, relatedSelfCheck, fieldsDeprecatedCheck, customAttributeCheck, attributeTypoCheck, licenseNotStringCheck, trademarkAttckCheck,
  // Tags
  tagFormatCheck, tagNamespaceCheck, attackTagCheck, techniqueWithoutTacticCheck, carTagCheck, cveTagCheck, d3fendTagCheck, detectionTagCheck, detectionTagMultipleCheck, detectionTagMissingCheck, stpTagCheck, tlpTagCheck, tlpTagMultipleCheck, tlpNotClearCheck, duplicateTagCheck,
  // Files: names and layout
  filenameLengthCheck, filenameConventionCheck, filenamePrefixCheck, correlationFilenamePrefixCheck, trailingWhitespaceCheck, lineEndingsCheck,
  // Logsource
  logsourceUnknownKeyCheck, logsourceNotStringCheck, logsourceValueFormatCheck, logsourceIncoherentCheck, genericLogsourceAvailableCheck, providerEventidInsteadOfCategoryCheck, sysmonWithoutEventidCheck, categoryEventIdCheck, categoryProviderNameCheck, sourceEventlogCheck,
  // Condition
  unusedSearchCheck, themWithSingleSearchCheck, allOfThemCheck, selectorSingleMatchCheck, selectorWithoutWildcardCheck, identifierOperatorPrefixCheck, doubleNegationCheck, filterWithoutNotCheck,
  // Values and modifiers
  wildcardsInsteadOfModifiersCheck, redundantWildcardsCheck, doubleWildcardCheck, escapedWildcardCheck, numberAsStringCheck, controlCharacterCheck, yaml11AmbiguousScalarCheck, nullInListCheck, placeholderWithoutExpandCheck, singleValueListCheck, duplicateValueCheck, allEqualityConflictCheck, existsContradictionCheck, base64offsetWithoutContainsCheck, windashWithAllCheck, windashWithoutDashCheck, utf16leModifierCheck, fieldNameSpaceCheck, localizedUserNameCheck, hashFormatCheck,
  // Regular expressions
  regexUnsupportedGroupCheck, regexNotPortableCheck, regexBacktrackingCheck, regexNeverMatchesCheck, regexInvalidEscapeCheck, regexInlineFlagsCheck,
  // Correlation rules
  temporalNeedsTwoRulesCheck, correlationGroupByMissingCheck, timespanNotPositiveCheck, timespanUnitNonstandardCheck, correlationRangeConditionCheck, correlationTypeNonstandardCheck, generateOnReferencedRuleCheck,
  // Across rules
  duplicateIdCheck, duplicateTitleCheck, duplicateNameCheck, duplicateFilenameCheck, duplicateDetectionCheck, overlappingRulesCheck, unresolvedReferenceCheck,
];

export function checkById(id: string): LintCheck | undefined {
  return CHECKS.find((c) => c.meta.id === id);
}
