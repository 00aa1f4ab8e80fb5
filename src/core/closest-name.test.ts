import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.js';

describe('closestName', () => {
  it.each([
    ['severity', ['paths', 'severities', 'lint'], 'severities'],
    ['lint/title-lenght', ['lint/title-length', 'lint/title-case'], 'lint/title-length'],
    ['Sample', ['sample', 'samples'], 'sample'],
    ['nosuch', ['udr', 'intune', 'emm/okta/okta_system_log'], undefined],
    ['99999', ['399', '252'], undefined],
    ['lint/no-such-check', ['lint/title-length', 'lint/unused-search'], undefined],
    ['anything', [], undefined],
  ])('%s among %j → %s', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });
});
