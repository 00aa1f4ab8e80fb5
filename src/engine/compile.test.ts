import { describe, expect, it } from 'vitest';
import { compileRule, RuleCompileError } from './compile.js';
import { compiled, detectionRule } from './test-helpers.js';

type Row = [name: string, detection: string, event: Record<string, unknown>, expected: boolean];

function table(rows: Row[]) {
  it.each(rows)('%s', (_name, detection, event, expected) => {
    expect(compiled(detection, { vars: VARS }).matches(event)).toBe(expected);
  });
}

const VARS = { Admins: ['alice', 'bob*'], Domain: 'corp', Servers: ['srv1', 'srv2'], Pattern: 'a+b' };

describe('value rules', () => {
  table([
    ['plain string equals, case-insensitive', `s:\n  f: CMD.exe\ncondition: s`, { f: 'cmd.EXE' }, true],
    ['plain string is whole-value', `s:\n  f: cmd\ncondition: s`, { f: 'cmd.exe' }, false],
    ['* wildcard', `s:\n  f: 'c*e'\ncondition: s`, { f: 'cmd.exe' }, true],
    ['? wildcard matches one character', `s:\n  f: 'c?d'\ncondition: s`, { f: 'cmd' }, true],
    ['? wildcard does not match zero characters', `s:\n  f: 'c?d'\ncondition: s`, { f: 'cd' }, false],
    ['escaped * is literal (match)', `s:\n  f: 'a\\*b'\ncondition: s`, { f: 'a*b' }, true],
    ['escaped * is literal (no match)', `s:\n  f: 'a\\*b'\ncondition: s`, { f: 'axxb' }, false],
    ['\\\\ collapses to one backslash', `s:\n  f: 'C:\\\\Windows'\ncondition: s`, { f: 'C:\\Windows' }, true],
    ['plain backslashes are literal', `s:\n  f: 'C:\\Windows\\System32'\ncondition: s`, { f: 'c:\\windows\\system32' }, true],
    ['wildcard after escaped backslash is live', `s:\n  f: 'a\\\\*b'\ncondition: s`, { f: 'a\\xyzb' }, true],
    ['trailing backslash is literal', `s:\n  f: 'end\\'\ncondition: s`, { f: 'end\\' }, true],
    ['number matches number', `s:\n  EventID: 4624\ncondition: s`, { EventID: 4624 }, true],
    ['number matches decimal string', `s:\n  EventID: 4624\ncondition: s`, { EventID: '4624' }, true],
    ['number does not match other number', `s:\n  EventID: 4624\ncondition: s`, { EventID: 4625 }, false],
    ['string digits match a number value', `s:\n  EventID: '4624'\ncondition: s`, { EventID: 4624 }, true],
    ['boolean matches JSON boolean', `s:\n  f: true\ncondition: s`, { f: true }, true],
    ['boolean matches its text', `s:\n  f: false\ncondition: s`, { f: 'False' }, true],
    ['boolean does not match the other', `s:\n  f: true\ncondition: s`, { f: false }, false],
    ['null matches an absent field', `s:\n  f: null\ncondition: s`, { g: 1 }, true],
    ['null matches a null field', `s:\n  f: null\ncondition: s`, { f: null }, true],
    ['null does not match empty string', `s:\n  f: null\ncondition: s`, { f: '' }, false],
    ["'' matches empty string", `s:\n  f: ''\ncondition: s`, { f: '' }, true],
    ["'' does not match absent", `s:\n  f: ''\ncondition: s`, {}, false],
    ["'' does not match null", `s:\n  f: ''\ncondition: s`, { f: null }, false],
    ['empty list is a null check', `s:\n  f: []\ncondition: s`, {}, true],
    ['list is OR (second)', `s:\n  f: [a, b]\ncondition: s`, { f: 'b' }, true],
    ['list is OR (none)', `s:\n  f: [a, b]\ncondition: s`, { f: 'c' }, false],
    ['map is AND (both)', `s:\n  f: a\n  g: b\ncondition: s`, { f: 'a', g: 'b' }, true],
    ['map is AND (one)', `s:\n  f: a\n  g: b\ncondition: s`, { f: 'a', g: 'x' }, false],
    ['list of maps is OR of ANDs', `s:\n  - f: a\n    g: b\n  - f: c\ncondition: s`, { f: 'c', g: 'z' }, true],
    ['list of maps, no alternative', `s:\n  - f: a\n    g: b\n  - f: c\ncondition: s`, { f: 'a', g: 'z' }, false],
    ['keywords search string values', `kw:\n  - mimikatz\ncondition: kw`, { a: { b: ['x', 'Invoke-Mimikatz -dump'] } }, true],
    ['keywords do not match field names', `kw:\n  - mimikatz\ncondition: kw`, { mimikatz: 'no' }, false],
    ['keyword wildcard', `kw:\n  - 'sekurlsa::*passwords'\ncondition: kw`, { m: 'run sekurlsa::logonpasswords now' }, true],
    ['keywords |all need every value', `kw:\n  '|all':\n    - foo\n    - bar\ncondition: kw`, { a: 'foo', b: 'xbarx' }, true],
    ['keywords |all fail on one missing', `kw:\n  '|all':\n    - foo\n    - bar\ncondition: kw`, { a: 'foo' }, false],
    ['dotted path into objects', `s:\n  actor.alternateId: jane@example.com\ncondition: s`, { actor: { alternateId: 'jane@example.com' } }, true],
    ['exact dotted key wins over path', `s:\n  a.b: exact\ncondition: s`, { 'a.b': 'exact', a: { b: 'nested' } }, true],
    ['array: any element matches', `s:\n  tags: admin\ncondition: s`, { tags: ['user', 'ADMIN'] }, true],
    ['array: no element matches', `s:\n  tags: admin\ncondition: s`, { tags: ['user', 'guest'] }, false],
    ['path through an array of objects', `s:\n  targets.name: b\ncondition: s`, { targets: [{ name: 'a' }, { name: 'b' }] }, true],
    ['field names are case-sensitive', `s:\n  eventid: 1\ncondition: s`, { EventID: 1 }, false],
    ['object value does not equal a string', `s:\n  f: x\ncondition: s`, { f: { x: 1 } }, false],
  ]);
});

describe('modifiers', () => {
  table([
    ['contains', `s:\n  f|contains: WHO\ncondition: s`, { f: 'cmd /c whoami' }, true],
    ['contains (no)', `s:\n  f|contains: net\ncondition: s`, { f: 'cmd /c whoami' }, false],
    ['startswith', `s:\n  f|startswith: 'C:\\Win'\ncondition: s`, { f: 'c:\\windows\\x' }, true],
    ['startswith (no)', `s:\n  f|startswith: Win\ncondition: s`, { f: 'c:\\windows' }, false],
    ['endswith', `s:\n  f|endswith: '\\cmd.exe'\ncondition: s`, { f: 'C:\\Windows\\CMD.EXE' }, true],
    ['endswith (no)', `s:\n  f|endswith: '\\cmd.exe'\ncondition: s`, { f: 'C:\\Windows\\xcmd.exe' }, false],
    ['contains keeps inner wildcards', `s:\n  f|contains: 'a*c'\ncondition: s`, { f: 'xxabbbcxx' }, true],
    ['all: every value', `s:\n  f|contains|all: [a, b]\ncondition: s`, { f: 'xaxbx' }, true],
    ['all: one missing', `s:\n  f|contains|all: [a, b]\ncondition: s`, { f: 'xax' }, false],
    ['exists true, present', `s:\n  f|exists: true\ncondition: s`, { f: '' }, true],
    ['exists true, present null', `s:\n  f|exists: true\ncondition: s`, { f: null }, true],
    ['exists true, absent', `s:\n  f|exists: true\ncondition: s`, { g: 1 }, false],
    ['exists false, absent', `s:\n  f|exists: false\ncondition: s`, { g: 1 }, true],
    ['exists false, present', `s:\n  f|exists: false\ncondition: s`, { f: 1 }, false],
    ['cased: same case', `s:\n  f|cased: CmD\ncondition: s`, { f: 'CmD' }, true],
    ['cased: other case', `s:\n  f|cased: CmD\ncondition: s`, { f: 'cmd' }, false],
    ['cased keeps wildcards', `s:\n  f|cased|contains: CmD\ncondition: s`, { f: 'xCmDx' }, true],
    ['neq: other value', `s:\n  f|neq: a\ncondition: s`, { f: 'b' }, true],
    ['neq: same value', `s:\n  f|neq: a\ncondition: s`, { f: 'A' }, false],
    ['neq negates the whole list', `s:\n  f|neq: [a, b]\ncondition: s`, { f: 'b' }, false],
    ['neq: list, none equal', `s:\n  f|neq: [a, b]\ncondition: s`, { f: 'c' }, true],
    ['neq: missing field counts as not equal', `s:\n  f|neq: a\ncondition: s`, {}, true],
    ['windash: slash form', `s:\n  f|windash|contains: ' -enc '\ncondition: s`, { f: 'powershell /enc AAA' }, true],
    ['windash: en dash', `s:\n  f|windash|contains: ' -enc '\ncondition: s`, { f: 'powershell \u2013enc AAA' }, true],
    ['windash: em dash', `s:\n  f|windash|contains: ' -enc '\ncondition: s`, { f: 'powershell \u2014enc AAA' }, true],
    ['windash: horizontal bar', `s:\n  f|windash|contains: ' -enc '\ncondition: s`, { f: 'powershell \u2015enc AAA' }, true],
    ['windash: other character', `s:\n  f|windash|contains: ' -enc '\ncondition: s`, { f: 'powershell +enc AAA' }, false],
    ['windash: dash inside a word is not expanded', `s:\n  f|windash: 'a-b'\ncondition: s`, { f: 'a/b' }, false],
    ['windash: all stays OR inside each value', `s:\n  f|windash|contains|all: [' -a', ' -b']\ncondition: s`, { f: 'x /a \u2013b' }, true],
    ['windash with many dashes (regex form)', `s:\n  f|windash|contains: ' -a -b -c -d -e'\ncondition: s`, { f: 'x /a \u2013b -c /d \u2015e' }, true],
    ['windash with many dashes (no)', `s:\n  f|windash|contains: ' -a -b -c -d -e'\ncondition: s`, { f: 'x /a \u2013b -c /d +e' }, false],
    ['re: unanchored search', `s:\n  f|re: 'who.mi'\ncondition: s`, { f: 'cmd /c whoami' }, true],
    ['re: case-sensitive by default', `s:\n  f|re: 'WHOAMI'\ncondition: s`, { f: 'whoami' }, false],
    ['re|i', `s:\n  f|re|i: 'WHOAMI'\ncondition: s`, { f: 'whoami' }, true],
    ['re: leading (?i)', `s:\n  f|re: '(?i)WHOAMI'\ncondition: s`, { f: 'whoami' }, true],
    ['re|m: ^ at line starts', `s:\n  f|re|m: '^b$'\ncondition: s`, { f: 'a\nb\nc' }, true],
    ['re without m: ^ only at start', `s:\n  f|re: '^b$'\ncondition: s`, { f: 'a\nb\nc' }, false],
    ['re|s: dot matches newline', `s:\n  f|re|s: 'a.b'\ncondition: s`, { f: 'a\nb' }, true],
    ['re without s', `s:\n  f|re: 'a.b'\ncondition: s`, { f: 'a\nb' }, false],
    ['re value is raw: backslash escapes are regex', `s:\n  f|re: '\\d+\\.exe'\ncondition: s`, { f: 'x12.exe' }, true],
    ['re on a number value', `s:\n  f|re: '^46'\ncondition: s`, { f: 4624 }, true],
    ['base64', `s:\n  f|base64: 'cmd'\ncondition: s`, { f: 'Y21k' }, true],
    ['base64|contains', `s:\n  f|base64|contains: 'http://'\ncondition: s`, { f: 'xxaHR0cDovL' + 'w==' }, true],
    ['base64 (no)', `s:\n  f|base64: 'cmd'\ncondition: s`, { f: 'cmd' }, false],
    ['base64 of an escaped wildcard keeps its backslash', `s:\n  f|base64: 'a\\*b'\ncondition: s`, { f: Buffer.from('a\\*b').toString('base64') }, true],
    ['base64offset|contains, offset 0', `s:\n  f|base64offset|contains: 'abc'\ncondition: s`, { f: 'xxYWJjxx' }, true],
    ['base64offset|contains, offset 1', `s:\n  f|base64offset|contains: 'abc'\ncondition: s`, { f: Buffer.from('Qabc').toString('base64') }, true],
    ['base64offset|contains, offset 2', `s:\n  f|base64offset|contains: 'abc'\ncondition: s`, { f: Buffer.from('QQabc').toString('base64') }, true],
    ['base64offset|contains (no)', `s:\n  f|base64offset|contains: 'abc'\ncondition: s`, { f: Buffer.from('abd').toString('base64') }, false],
    ['wide|base64', `s:\n  f|wide|base64: 'cmd'\ncondition: s`, { f: 'YwBtAGQA' }, true],
    ['utf16le|base64', `s:\n  f|utf16le|base64: 'cmd'\ncondition: s`, { f: 'YwBtAGQA' }, true],
    ['utf16be|base64', `s:\n  f|utf16be|base64: 'cmd'\ncondition: s`, { f: Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString('base64') }, true],
    ['utf16|base64 has the FF FE byte order mark', `s:\n  f|utf16|base64: 'cmd'\ncondition: s`, { f: '//5jAG0AZAA=' }, true],
    ['utf16|base64 is not the UTF-8 encoded BOM', `s:\n  f|utf16|base64: 'cmd'\ncondition: s`, { f: '77u/YwBtAGQA' }, false],
    ['wide|base64offset|contains (PowerShell -enc)', `s:\n  f|wide|base64offset|contains: 'IEX'\ncondition: s`, { f: 'powershell -enc ' + Buffer.from('xIEX (New-Object)', 'utf16le').toString('base64') }, true],
    ['lt', `s:\n  f|lt: 5\ncondition: s`, { f: 4 }, true],
    ['lt (equal)', `s:\n  f|lt: 5\ncondition: s`, { f: 5 }, false],
    ['lte', `s:\n  f|lte: 5\ncondition: s`, { f: '5' }, true],
    ['gt', `s:\n  f|gt: 5\ncondition: s`, { f: 5.5 }, true],
    ['gt (no)', `s:\n  f|gt: 5\ncondition: s`, { f: 5 }, false],
    ['gte', `s:\n  f|gte: 5\ncondition: s`, { f: 5 }, true],
    ['gte on non-numeric text', `s:\n  f|gte: 5\ncondition: s`, { f: 'many' }, false],
    ['minute', `s:\n  t|minute: 30\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, true],
    ['minute (no)', `s:\n  t|minute: 31\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, false],
    ['hour', `s:\n  t|hour: 7\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, true],
    ['hour|gt', `s:\n  t|hour|gt: 5\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, true],
    ['hour|lt (no)', `s:\n  t|hour|lt: 5\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, false],
    ['day', `s:\n  t|day: 6\ncondition: s`, { t: '2024-05-06 07:30:00' }, true],
    ['week (ISO)', `s:\n  t|week: 19\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, true],
    ['week 53', `s:\n  t|week: 53\ncondition: s`, { t: '2020-12-31T00:00:00Z' }, true],
    ['month', `s:\n  t|month: 5\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, true],
    ['year', `s:\n  t|year: 2024\ncondition: s`, { t: '2024-05-06T07:30:00Z' }, true],
    ['year from epoch seconds', `s:\n  t|year: 2023\ncondition: s`, { t: 1700000000 }, true],
    ['year (not a timestamp)', `s:\n  t|year: 2024\ncondition: s`, { t: 'yesterday' }, false],
    ['cidr IPv4', `s:\n  ip|cidr: 10.0.0.0/8\ncondition: s`, { ip: '10.1.2.3' }, true],
    ['cidr IPv4 (no)', `s:\n  ip|cidr: 10.0.0.0/8\ncondition: s`, { ip: '192.168.1.1' }, false],
    ['cidr IPv6', `s:\n  ip|cidr: 'fe80::/10'\ncondition: s`, { ip: 'fe80::1' }, true],
    ['cidr IPv6 (no)', `s:\n  ip|cidr: 'fe80::/10'\ncondition: s`, { ip: '2001:db8::1' }, false],
    ['cidr list is OR', `s:\n  ip|cidr: [10.0.0.0/8, 192.168.0.0/16]\ncondition: s`, { ip: '192.168.1.1' }, true],
    ['expand: placeholder list is OR', `s:\n  user|expand: '%Admins%'\ncondition: s`, { user: 'bob.admin' }, true],
    ['expand: placeholder (no)', `s:\n  user|expand: '%Admins%'\ncondition: s`, { user: 'mallory' }, false],
    ['expand with text around', `s:\n  user|expand: '%Domain%\\admin'\ncondition: s`, { user: 'CORP\\admin' }, true],
    ['expand: \\% is a literal percent', `s:\n  f|expand: '50\\%'\ncondition: s`, { f: '50%' }, true],
    ['expand|all: every placeholder value', `s:\n  host|contains|all|expand: ['%Servers%', 'srv']\ncondition: s`, { host: 'srv1,srv2' }, true],
    ['expand|all: one missing', `s:\n  host|contains|all|expand: ['%Servers%', 'srv']\ncondition: s`, { host: 'srv1' }, false],
    ['expand on re', `s:\n  f|re|expand: '^%Pattern%$'\ncondition: s`, { f: 'aaab' }, true],
    ['without expand, %name% is literal', `s:\n  f: '%Admins%'\ncondition: s`, { f: '%admins%' }, true],
    ['fieldref: equal', `s:\n  a|fieldref: b\ncondition: s`, { a: 'X', b: 'x' }, true],
    ['fieldref: different', `s:\n  a|fieldref: b\ncondition: s`, { a: 'X', b: 'y' }, false],
    ['fieldref: referenced field absent', `s:\n  a|fieldref: b\ncondition: s`, { a: 'X' }, false],
    ['fieldref: numbers and their text', `s:\n  a|fieldref: b\ncondition: s`, { a: 5, b: '5' }, true],
    ['fieldref|contains', `s:\n  a|fieldref|contains: b\ncondition: s`, { a: 'xxYyy', b: 'y' }, true],
    ['fieldref|startswith', `s:\n  a|fieldref|startswith: b\ncondition: s`, { a: 'abc', b: 'ab' }, true],
    ['fieldref|startswith (no)', `s:\n  a|fieldref|startswith: b\ncondition: s`, { a: 'abc', b: 'bc' }, false],
    ['fieldref|endswith', `s:\n  a|fieldref|endswith: b\ncondition: s`, { a: 'abc', b: 'bc' }, true],
    ['fieldref|neq', `s:\n  a|fieldref|neq: b\ncondition: s`, { a: 'abc', b: 'bc' }, true],
  ]);
});

describe('conditions', () => {
  table([
    ['not', `a:\n  f: 1\ncondition: not a`, { f: 2 }, true],
    ['and/or precedence', `a:\n  f: 1\nb:\n  g: 1\nc:\n  h: 1\ncondition: a or b and c`, { f: 1 }, true],
    ['parentheses', `a:\n  f: 1\nb:\n  g: 1\nc:\n  h: 1\ncondition: (a or b) and c`, { f: 1 }, false],
    ['1 of pattern', `sel1:\n  f: 1\nsel2:\n  g: 1\ncondition: 1 of sel*`, { g: 1 }, true],
    ['all of pattern', `sel1:\n  f: 1\nsel2:\n  g: 1\ncondition: all of sel*`, { g: 1 }, false],
    ['all of them', `sel1:\n  f: 1\nsel2:\n  g: 1\ncondition: all of them`, { f: 1, g: 1 }, true],
    ['1 of them ignores _-prefixed searches', `sel:\n  f: 1\n_helper:\n  g: 1\ncondition: 1 of them`, { g: 1 }, false],
    ['list of conditions is OR', `a:\n  f: 1\nb:\n  g: 1\ncondition:\n  - a\n  - b`, { g: 1 }, true],
  ]);
});

describe('compile errors', () => {
  it('an unresolved placeholder is an error that names it', () => {
    expect(() => compileRule(detectionRule(`s:\n  u|expand: '%Nobody%'\ncondition: s`))).toThrow(/`%Nobody%` has no value; define it under `placeholders` in the configuration file/);
  });
  it('a placeholder named like a member every object inherits is unresolved unless the configuration defines it', () => {
    for (const value of [`'%constructor%'`, `'%toString%'`])
      for (const modifiers of ['expand', 're|expand'])
        expect(() => compileRule(detectionRule(`s:\n  u|${modifiers}: ${value}\ncondition: s`), { vars: VARS })).toThrow(/has no value/);
    expect(compileRule(detectionRule(`s:\n  u|expand: '%constructor%'\ncondition: s`), { vars: { constructor: 'x' } }).matches({ u: 'x' })).toBe(true);
  });
  it('an invalid regex is an error located at the value', () => {
    try {
      compileRule(detectionRule(`s:\n  f|re: 'a(?=b)'\ncondition: s`));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleCompileError);
      const problem = (error as RuleCompileError).problems[0];
      expect(problem.message).toMatch(/Lookahead/);
      expect(problem.span.line).toBe(6);
    }
  });
  it('a CIDR with host bits set is an error', () => {
    expect(() => compileRule(detectionRule(`s:\n  ip|cidr: 10.0.0.1/8\ncondition: s`))).toThrow(/host bits set/);
  });
});
