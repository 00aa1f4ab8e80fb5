import { describe, expect, it } from 'vitest';
import { detectShape, toSigmaEvent } from './event.js';
import { emmSamples, seedsAvailable, udrExamples } from './seed-samples.js';
import { compiled, ruleFromYaml } from './test-helpers.js';
import { compileRule } from './compile.js';

const seeds = seedsAvailable();
if (!seeds) console.warn('skipping seed-sample tests: ../shared/seeds is not present');

describe.skipIf(!seeds)('UDR reference examples (evtx-baseline)', () => {
  const examples = seeds ? udrExamples() : [];

  it('finds the 21 example events', () => {
    expect(examples).toHaveLength(21);
  });

  it('detects the evtx-baseline shape and presents System fields by their Sigma names', () => {
    for (const { eventId, event } of examples) {
      expect(detectShape(event)).toBe('evtx-baseline');
      const e = toSigmaEvent(event);
      expect(e.get('EventID')).toBe(eventId);
      expect(e.get('Channel')).toBe('Microsoft-Windows-User Device Registration/Admin');
      expect(e.get('Provider_Name')).toBe('Microsoft-Windows-User Device Registration');
      expect(e.get('Computer')).toBe((event.system as Record<string, unknown>).computer);
      expect(typeof e.get('Security_UserID')).toBe('string');
      for (const [field, value] of Object.entries(event.event_data as Record<string, unknown>)) expect(e.get(field)).toEqual(value);
      expect(e.get('system.event_id')).toBe(eventId); // raw paths stay reachable
    }
  });

  it('each example matches a rule on its EventID and channel service, and no other EventID', () => {
    for (const { eventId, event } of examples) {
      const rule = compiled(`selection:\n  EventID: ${eventId}\ncondition: selection`, {}, 'product: windows\nservice: user-device-registration');
      expect(rule.matches(event)).toBe(true);
      const other = compiled(`selection:\n  EventID: ${eventId + 1000}\ncondition: selection`, {}, 'product: windows\nservice: user-device-registration');
      expect(other.matches(event)).toBe(false);
    }
  });

  it('matches rules on documented EventData fields', () => {
    const join = examples.find((x) => x.eventId === 102);
    expect(join).toBeDefined();
    const rule = compiled(
      `selection:\n  EventID: 102\n  JoinRequestTypeSymbolicName: workplace\n  Domain|endswith: '.onmicrosoft.com'\n  JoinRequestType|gte: 5\ncondition: selection`,
      {},
      'product: windows\nservice: user-device-registration',
    );
    expect(rule.matches(join!.event)).toBe(true);
    const discovery = examples.find((x) => x.eventId === 101)!;
    const json = compiled(`selection:\n  ServerMessage|contains: 'TenantName'\ncondition: selection`, {}, 'product: windows\nservice: user-device-registration');
    expect(json.matches(discovery.event)).toBe(true);
  });

  it('a rule for another channel does not match under strict logsource mode', () => {
    const { event } = examples[0];
    const rule = compileRule(ruleFromYaml(`title: t\nlogsource:\n  product: windows\n  service: security\ndetection:\n  s:\n    EventID|gt: 0\n  condition: s\n`), { logsourceMode: 'strict' });
    expect(rule.matches(event)).toBe(false);
  });
});

describe.skipIf(!seeds)('EMM sample events (flat)', () => {
  const samples = seeds ? emmSamples() : [];

  it('finds the documented samples', () => {
    expect(samples.length).toBeGreaterThan(150);
  });

  it('every sample loads as a flat event whose leaves are reachable by dotted path', () => {
    for (const { event } of samples) {
      expect(detectShape(event)).toBe('flat');
      const e = toSigmaEvent(event);
      for (const [path, value] of leaves(event)) expect(e.get(path)).toEqual(value);
    }
  });

  it('a rule written against each sample\'s own string fields matches it; changing one value breaks it', () => {
    let checked = 0;
    for (const { event } of samples) {
      const strings = leaves(event).filter(([path, v]) => typeof v === 'string' && v !== '' && !path.includes('\u0000') && /^[\w.@-]+$/.test(path));
      if (strings.length === 0) continue;
      const chosen = strings.slice(0, 3);
      const lines = chosen.map(([path, v]) => `  ${path}|contains: ${JSON.stringify((v as string).slice(0, 20))}`).join('\n');
      const rule = compiled(`selection:\n${lines}\ncondition: selection`);
      expect(rule.matches(event)).toBe(true);
      const broken = compiled(`selection:\n${lines}\n  ${chosen[0][0]}: ${JSON.stringify('\u00a7 not in the sample')}\ncondition: selection`);
      expect(broken.matches(event)).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('matches hand-written rules against documented fields (Duo admin login)', () => {
    const failure = samples.find((s) => s.event.action === 'admin_login_error');
    expect(failure).toBeDefined();
    const rule = compiled(
      `selection:\n  action: admin_login_error\n  description.error|contains: 'password'\n  description.ip_address|cidr: 192.168.0.0/16\n  timestamp|year: 2024\ncondition: selection`,
    );
    expect(rule.matches(failure!.event)).toBe(true);
    const success = samples.find((s) => s.event.action === 'admin_login')!;
    expect(rule.matches(success.event)).toBe(false);
  });
});

/** Every scalar leaf of an object as [dotted path, value], arrays excluded. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return prefix ? [[prefix, node]] : [];
  if (Array.isArray(node)) return [];
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.includes('.')) continue;
    out.push(...leaves(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

describe('evtx-json shape', () => {
  const xmlStyle = {
    Event: {
      System: {
        Provider: { '@Name': 'Microsoft-Windows-Security-Auditing', '@Guid': '{54849625}' },
        EventID: { '#text': '4688', '@Qualifiers': '' },
        Channel: 'Security',
        Computer: 'WS01',
        Security: { '@UserID': 'S-1-5-18' },
      },
      EventData: {
        Data: [
          { '@Name': 'NewProcessName', '#text': 'C:\\Windows\\System32\\cmd.exe' },
          { '@Name': 'CommandLine', '#text': 'cmd /c whoami' },
        ],
      },
    },
  };
  const dumperStyle = {
    Event: {
      System: { Provider_attributes: { Name: 'Microsoft-Windows-Sysmon' }, EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Computer: 'WS02' },
      EventData: { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd /c whoami' },
    },
  };

  it('presents both common encodings under Sigma names', () => {
    const a = toSigmaEvent(xmlStyle);
    expect(a.shape).toBe('evtx-json');
    expect([a.get('EventID'), a.get('Channel'), a.get('Provider_Name'), a.get('Computer'), a.get('Security_UserID')]).toEqual([
      '4688',
      'Security',
      'Microsoft-Windows-Security-Auditing',
      'WS01',
      'S-1-5-18',
    ]);
    expect(a.get('NewProcessName')).toBe('C:\\Windows\\System32\\cmd.exe');
    const b = toSigmaEvent(dumperStyle);
    expect([b.get('EventID'), b.get('Provider_Name'), b.get('Image')]).toEqual([1, 'Microsoft-Windows-Sysmon', 'C:\\Windows\\System32\\cmd.exe']);
    expect(b.get('Event.System.Computer')).toBe('WS02');
  });

  it('process_creation rules match Sysmon 1 and Security 4688 (Image → NewProcessName)', () => {
    const rule = compiled(`selection:\n  Image|endswith: '\\cmd.exe'\n  CommandLine|contains: whoami\ncondition: selection`, {}, 'product: windows\ncategory: process_creation');
    expect(rule.matches(xmlStyle)).toBe(true);
    expect(rule.matches(dumperStyle)).toBe(true);
    const network = { ...dumperStyle, Event: { ...dumperStyle.Event, System: { ...dumperStyle.Event.System, EventID: 3 } } };
    expect(rule.matches(network)).toBe(false);
  });

  it("reads Velociraptor's parse_evtx rows: System and EventData at the top, EventID as {Value}", () => {
    const row = {
      System: {
        Provider: { Name: 'Microsoft-Windows-Security-Auditing', Guid: '54849625-5478-4994-A5BA-3E3B0328C30D' },
        EventID: { Value: 4688 },
        Version: 2,
        Level: 0,
        EventRecordID: 12345,
        Execution: { ProcessID: 4, ThreadID: 8120 },
        Channel: 'Security',
        Computer: 'WIN-LAB01',
        TimeCreated: { SystemTime: 1714980600.123 },
      },
      EventData: { SubjectUserSid: 'S-1-5-18', NewProcessName: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd.exe /c whoami', ParentProcessName: 'C:\\Windows\\explorer.exe' },
      Message: 'A new process has been created.',
    };
    const e = toSigmaEvent(row);
    expect(e.shape).toBe('evtx-json');
    expect(['EventID', 'Channel', 'Computer', 'Provider_Name', 'EventRecordID', 'Execution_ProcessID', 'TimeCreated'].map((f) => e.get(f))).toEqual([
      4688,
      'Security',
      'WIN-LAB01',
      'Microsoft-Windows-Security-Auditing',
      12345,
      4,
      1714980600.123,
    ]);
    expect([e.get('CommandLine'), e.get('Message'), e.get('System.Version')]).toEqual(['cmd.exe /c whoami', 'A new process has been created.', 2]);
    const rule = compiled(`selection:\n  Image|endswith: '\\cmd.exe'\n  CommandLine|contains: whoami\ncondition: selection`, {}, 'product: windows\ncategory: process_creation');
    expect(rule.matches(row)).toBe(true);
    expect(compiled(`keywords:\n  - 'new process has been created'\ncondition: keywords`).matches(row)).toBe(true);
    // A `System` field alone, without EventData, UserData or an EventID, is an ordinary field.
    expect(detectShape({ System: { Name: 'x' }, Value: 1 })).toBe('flat');
  });

  it('shape can be forced: an evtx object read as flat has no EventID field', () => {
    const e = toSigmaEvent(xmlStyle, 'flat');
    expect(e.get('EventID')).toBeUndefined();
    expect(e.get('Event.System.Channel')).toBe('Security');
  });
});

describe('winlogbeat shape', () => {
  // Sysmon process creation as Winlogbeat 8 ships it (event_id as text), with ECS fields beside `winlog`.
  const sysmon = {
    '@timestamp': '2024-05-06T07:30:00.123Z',
    event: { code: '1', provider: 'Microsoft-Windows-Sysmon', kind: 'event', category: ['process'] },
    host: { name: 'ws01.corp.local' },
    message: 'Process Create:\nRuleName: -\nImage: C:\\Windows\\System32\\cmd.exe',
    winlog: {
      api: 'wineventlog',
      channel: 'Microsoft-Windows-Sysmon/Operational',
      computer_name: 'WS01.corp.local',
      event_id: '1',
      provider_name: 'Microsoft-Windows-Sysmon',
      provider_guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
      record_id: 48213,
      version: 5,
      process: { pid: 3160, thread: { id: 4132 } },
      user: { identifier: 'S-1-5-18', name: 'SYSTEM', domain: 'NT AUTHORITY', type: 'User' },
      event_data: {
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd.exe /c whoami /all',
        ParentImage: 'C:\\Windows\\explorer.exe',
        IntegrityLevel: 'High',
      },
    },
  };
  // Security 4688 as Winlogbeat 7 ships it (event_id as a number).
  const security = {
    winlog: {
      channel: 'Security',
      computer_name: 'WS02.corp.local',
      event_id: 4688,
      provider_name: 'Microsoft-Windows-Security-Auditing',
      event_data: { NewProcessName: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd.exe /c whoami', SubjectUserName: 'alice' },
    },
  };
  // The audit log cleared: its fields are UserData, not EventData.
  const cleared = {
    winlog: {
      channel: 'Security',
      event_id: 1102,
      provider_name: 'Microsoft-Windows-Eventlog',
      user_data: { xml_name: 'LogFileCleared', SubjectUserName: 'admin', SubjectDomainName: 'CORP' },
    },
  };

  it('presents the winlog fields under their Windows names, and event_data and user_data by name', () => {
    const e = toSigmaEvent(sysmon);
    expect(e.shape).toBe('winlogbeat');
    expect(
      ['EventID', 'Channel', 'Computer', 'Provider_Name', 'Provider_Guid', 'EventRecordID', 'Version', 'Execution_ProcessID', 'Execution_ThreadID', 'Security_UserID'].map((f) =>
        e.get(f),
      ),
    ).toEqual(['1', 'Microsoft-Windows-Sysmon/Operational', 'WS01.corp.local', 'Microsoft-Windows-Sysmon', '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}', 48213, 5, 3160, 4132, 'S-1-5-18']);
    expect([e.get('Image'), e.get('IntegrityLevel')]).toEqual(['C:\\Windows\\System32\\cmd.exe', 'High']);
    // The document's own fields stay reachable, by name and by dotted path.
    expect([e.get('host.name'), e.get('winlog.event_data.ParentImage'), e.get('event.code')]).toEqual(['ws01.corp.local', 'C:\\Windows\\explorer.exe', '1']);
    const c = toSigmaEvent(cleared);
    expect([c.shape, c.get('EventID'), c.get('SubjectUserName'), c.get('xml_name')]).toEqual(['winlogbeat', 1102, 'admin', undefined]);
  });

  it('process_creation rules match Sysmon 1 and Security 4688, whether event_id is text or a number', () => {
    const rule = compiled(`selection:\n  Image|endswith: '\\cmd.exe'\n  CommandLine|contains: whoami\ncondition: selection`, {}, 'product: windows\ncategory: process_creation');
    expect(rule.matches(sysmon)).toBe(true);
    expect(rule.matches(security)).toBe(true);
    const network = { ...sysmon, winlog: { ...sysmon.winlog, event_id: '3' } };
    expect(rule.matches(network)).toBe(false);
    const logCleared = compiled(`selection:\n  EventID: 1102\n  SubjectUserName: admin\ncondition: selection`, {}, 'product: windows\nservice: security');
    expect(logCleared.matches(cleared)).toBe(true);
  });

  it('keywords search the event data and the rendered message, not only the winlog fields', () => {
    expect(compiled(`keywords:\n  - 'whoami /all'\ncondition: keywords`).matches(sysmon)).toBe(true);
    expect(compiled(`keywords:\n  - 'RuleName: -'\ncondition: keywords`).matches(sysmon)).toBe(true);
    expect(compiled(`keywords:\n  - 'mimikatz'\ncondition: keywords`).matches(sysmon)).toBe(false);
  });

  it('an Elasticsearch hit (elasticdump, the search API) is read as its _source', () => {
    const hit = { _index: '.ds-winlogbeat-8.12.0-2024.05.06-000001', _id: 'pK3xVY8BqW1', _score: 1, _source: sysmon };
    const e = toSigmaEvent(hit);
    expect([e.shape, e.get('EventID'), e.get('Image'), e.get('_index')]).toEqual(['winlogbeat', '1', 'C:\\Windows\\System32\\cmd.exe', undefined]);
    const rule = compiled(`selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection`, {}, 'product: windows\ncategory: process_creation');
    expect(rule.matches(hit)).toBe(true);
    // A `_source` field without the hit's metadata is an ordinary field.
    const own = toSigmaEvent({ _source: { Image: 'x' }, Image: 'C:\\y.exe' });
    expect([own.shape, own.get('Image'), own.get('_source.Image')]).toEqual(['flat', 'C:\\y.exe', 'x']);
  });

  it('a document without winlog.event_id or winlog.event_data is flat', () => {
    expect(detectShape({ winlog: { channel: 'Security' }, message: 'x' })).toBe('flat');
    expect(detectShape({ winlog: 'Security' })).toBe('flat');
  });
});
