import { describe, expect, it } from 'vitest';
import { loadCatalogSet } from '../catalog/load.js';
import { loadRuleText } from '../rule/load.js';
import type { DetectionRule } from '../rule/model.js';
import { detectionSelection, selectedEventTypes } from './selection.js';

const set = loadCatalogSet({});
const udr = set.sourceById('udr')!;
const github = set.sourceById('emm/github/github_audit_events')!;

function selected(source: typeof udr, logsource: string, detection: string): string[] | 'all' {
  const yaml = `title: Selection\nlogsource:\n  ${logsource}\ndetection:\n${detection
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
  const rule = loadRuleText('rule.yml', yaml).rules[0] as DetectionRule;
  const selection = detectionSelection(set, source, rule.detection);
  return selection.all ? 'all' : selectedEventTypes(source, selection).map((e) => e.id);
}

const UDR = 'product: windows\n  service: user-device-registration';
const GITHUB = 'product: github\n  service: audit';

describe('event selection', () => {
  it.each([
    ['one value', 'sel:\n  EventID: 204\ncondition: sel', ['204']],
    ['a list is an OR', 'sel:\n  EventID: [204, 101]\ncondition: sel', ['101', '204']],
    ['OR of searches unions', 'a:\n  EventID: 204\nb:\n  EventID: 101\ncondition: a or b', ['101', '204']],
    ['AND of searches intersects', 'a:\n  EventID: [204, 101]\nb:\n  EventID: 101\ncondition: a and b', ['101']],
    ['values under not do not select', 'sel:\n  ExitCode: 1\nfilter:\n  EventID: 204\ncondition: sel and not filter', 'all'],
    ['neq does not select', 'sel:\n  EventID|neq: 204\ncondition: sel', 'all'],
    ['an OR with an unconstrained side is unconstrained', 'a:\n  EventID: 204\nb:\n  ExitCode: 1\ncondition: a or b', 'all'],
    ['1 of unions', 'sel_a:\n  EventID: 204\nsel_b:\n  EventID: 305\ncondition: 1 of sel_*', ['204', '305']],
    ['all of intersects', 'sel_a:\n  EventID: [204, 305]\nsel_b:\n  EventID: 305\ncondition: all of sel_*', ['305']],
    ['a list of maps unions its alternatives', 'sel:\n  - EventID: 204\n  - EventID: 101\ncondition: sel', ['101', '204']],
    ['several condition strings are an OR', "a:\n  EventID: 204\nb:\n  EventID: 101\ncondition:\n  - a\n  - b", ['101', '204']],
    ['no constraint selects every event type', 'sel:\n  ExitCode: 1\ncondition: sel', 'all'],
    ['an unknown event ID selects nothing', 'sel:\n  EventID: 999\ncondition: sel', []],
  ])('UDR: %s', (_name, detection, expected) => {
    const result = selected(udr, UDR, detection);
    expect(result === 'all' ? result : [...result].sort()).toEqual(expected);
  });

  it('EMM: the action field selects event types, patterns included', () => {
    expect(selected(github, GITHUB, 'sel:\n  action: org.sso_response\ncondition: sel')).toEqual(['account_login']);
    expect(selected(github, GITHUB, "sel:\n  action|startswith: 'team.'\ncondition: sel")).toEqual(expect.arrayContaining(['create_group', 'update_group', 'delete_group', 'add_to_group']));
    expect(selected(github, GITHUB, "sel:\n  action: 'TEAM.CREATE'\ncondition: sel")).toEqual(['create_group']);
    expect(selected(github, GITHUB, "sel:\n  action|cased: 'TEAM.CREATE'\ncondition: sel")).toEqual([]);
  });
});
