import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRule } from './compile.js';
import { BUILTIN_LOGSOURCES, loadLogsourceConfig, logsourceVariants, mergeLogsourceConfigs } from './logsource.js';
import { detectionRule } from './test-helpers.js';

const PROC = 'product: windows\ncategory: process_creation';
const rule = (logsource: string, mode?: 'default' | 'strict' | 'off') =>
  compileRule(detectionRule(`selection:\n  Image|endswith: '\\whoami.exe'\ncondition: selection`, logsource), mode ? { logsourceMode: mode } : {});

const sysmon1 = { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\Windows\\System32\\whoami.exe' };
const security4688 = { EventID: 4688, Channel: 'Security', NewProcessName: 'C:\\Windows\\System32\\whoami.exe' };
const handWritten = { Image: 'C:\\Windows\\System32\\whoami.exe' };
const sysmon3 = { ...sysmon1, EventID: 3 };
const wrongChannel = { ...sysmon1, Channel: 'Security' };

describe('logsource conditions', () => {
  it('reads fields named like the members every object inherits through renamed and plain logsources', () => {
    const inherited = compileRule(detectionRule(`selection:\n  toString|contains: 'abc'\n  constructor: 'def'\ncondition: selection`, PROC));
    const fields = { toString: 'xxabcxx', constructor: 'def' };
    for (const event of [
      { EventID: 4688, Channel: 'Security', ...fields },
      { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', ...fields },
    ]) {
      expect(inherited.matches(event)).toBe(true);
      expect(inherited.explain(event).matched).toBe(true);
      expect(inherited.matches({ ...event, toString: 'nothing' })).toBe(false);
      expect(inherited.explain({ ...event, toString: 'nothing' }).matched).toBe(false);
    }
  });

  it.each([
    ['default', sysmon1, true],
    ['default', security4688, true],
    ['default', handWritten, true],
    ['default', sysmon3, false],
    ['default', wrongChannel, false],
    ['default', { EventID: '1', Image: handWritten.Image }, true],
    ['strict', sysmon1, true],
    ['strict', security4688, true],
    ['strict', handWritten, false],
    ['strict', { EventID: 1, Image: handWritten.Image }, false],
    ['strict', sysmon3, false],
    ['off', sysmon3, true],
    ['off', security4688, false], // no rename without the logsource: NewProcessName is not Image
  ] as const)('process_creation, mode %s: %j → %s', (mode, event, expected) => {
    expect(rule(PROC, mode).matches(event)).toBe(expected);
  });

  it('service maps to the channel', () => {
    const r = rule('product: windows\nservice: sysmon');
    expect(r.matches(sysmon1)).toBe(true);
    expect(r.matches(wrongChannel)).toBe(false);
    expect(r.matches(handWritten)).toBe(true);
  });

  it('an unknown logsource applies no condition', () => {
    expect(logsourceVariants({ product: 'acme', service: 'audit' })).toBeUndefined();
    expect(rule('product: acme\nservice: audit', 'strict').matches(sysmon3)).toBe(true);
  });

  it('the project sources are known: UDR and the Intune connector', () => {
    expect(logsourceVariants({ product: 'windows', service: 'user-device-registration' })?.[0].conditions).toEqual([
      { field: 'Channel', values: ['Microsoft-Windows-User Device Registration/Admin'] },
    ]);
    expect(logsourceVariants({ product: 'windows', service: 'intune-connector' })?.[0].conditions).toEqual([
      { field: 'Channel', values: ['Microsoft Intune Connector'] },
    ]);
  });

  it('carries the facts of thor.yml: registry_add is Sysmon 12 with EventType CreateKey, antivirus renames Signature', () => {
    const add = logsourceVariants({ product: 'windows', category: 'registry_add' })!;
    expect(add).toHaveLength(1);
    expect(add[0].conditions).toEqual(
      expect.arrayContaining([
        { field: 'EventID', values: [12] },
        { field: 'EventType', values: ['CreateKey'] },
        { field: 'Channel', values: ['Microsoft-Windows-Sysmon/Operational'] },
      ]),
    );
    const av = logsourceVariants({ product: 'windows', category: 'antivirus' })!;
    expect(av[0].fieldMappings).toEqual({ Signature: 'ThreatName', Filename: 'Path' });
    expect(BUILTIN_LOGSOURCES.categories.length).toBeGreaterThan(30);
  });

  it('user files add and replace entries', () => {
    const merged = mergeLogsourceConfigs(BUILTIN_LOGSOURCES, {
      version: 1,
      services: [{ product: 'windows', service: 'sysmon', conditions: { Channel: ['Sysmon'] } }],
      categories: [{ product: 'linux', category: 'process_creation', conditions: { type: ['EXECVE'] } }],
    });
    expect(logsourceVariants({ product: 'windows', service: 'sysmon' }, merged)?.[0].conditions).toEqual([{ field: 'Channel', values: ['Sysmon'] }]);
    expect(logsourceVariants({ product: 'linux', category: 'process_creation' }, merged)?.[0].conditions).toEqual([{ field: 'type', values: ['EXECVE'] }]);
    const r = compileRule(detectionRule(`s:\n  exe|endswith: /id\ncondition: s`, 'product: linux\ncategory: process_creation'), { logsources: merged });
    expect(r.matches({ type: 'EXECVE', exe: '/usr/bin/id' })).toBe(true);
    expect(r.matches({ type: 'SYSCALL', exe: '/usr/bin/id' })).toBe(false);
  });

  it('loads a user file and reports what is wrong with a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecheck-logsources-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ services: [{ product: 'acme', service: 'audit', conditions: { source: ['acme-audit'] } }] }));
    const good = loadLogsourceConfig(join(dir, 'good.json'));
    expect(good.problems).toEqual([]);
    expect(logsourceVariants({ product: 'acme', service: 'audit' }, good.config)).toHaveLength(1);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ services: [{ product: 'acme', conditions: { source: 'x' } }] }));
    expect(loadLogsourceConfig(join(dir, 'bad.json')).problems).toEqual(['services[0] needs `product` and `service`']);
    expect(loadLogsourceConfig(join(dir, 'missing.json')).problems[0]).toMatch(/cannot read/);
  });
});
