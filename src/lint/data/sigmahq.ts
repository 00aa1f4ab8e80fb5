/**
 * SigmaHQ repository conventions restated as data: the file-name prefix for each logsource
 * (category|product|service, empty when unset), then a prefix per product for the rest.
 */
const LOGSOURCE_PREFIX: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '|azure|pim': 'azure_pim_',
    'create_remote_thread|windows|': 'create_remote_thread_win',
    'create_stream_hash|windows|': 'create_stream_hash_',
    'dns_query|windows|': 'dns_query_win_',
    'driver_load|windows|': 'driver_load_win_',
    'file_access|windows|': 'file_access_win_',
    'file_change|windows|': 'file_change_win_',
    'file_delete|windows|': 'file_delete_win_',
    'file_event|linux|': 'file_event_lnx_',
    'file_event|macos|': 'file_event_macos_',
    'file_event|windows|': 'file_event_win_',
    'file_rename|windows|': 'file_rename_win_',
    'image_load|windows|': 'image_load_',
    '|linux|auditd': 'lnx_auditd_',
    '|linux|modsecurity': 'modsec_',
    'network_connection|linux|': 'net_connection_lnx_',
    'network_connection|macos|': 'net_connection_macos_',
    'network_connection|windows|': 'net_connection_win_',
    'dns|windows|': 'net_dns_',
    'firewall||': 'net_firewall_',
    'pipe_created|windows|': 'pipe_created_',
    '|windows|powershell-classic': 'posh_pc_',
    'ps_classic_provider_start|windows|': 'posh_pc_',
    'ps_classic_start|windows|': 'posh_pc_',
    'ps_module|windows|': 'posh_pm_',
    'ps_script|windows|': 'posh_ps_',
    'process_access|windows|': 'proc_access_win_',
    'process_creation|linux|': 'proc_creation_lnx_',
    'process_creation|macos|': 'proc_creation_macos_',
    'process_creation|windows|': 'proc_creation_win_',
    'process_tampering|windows|': 'proc_tampering_',
    'raw_access_thread|windows|': 'raw_access_thread_',
    'registry_add|windows|': 'registry_add_',
    'registry_delete|windows|': 'registry_delete_',
    'registry_event|windows|': 'registry_event_',
    'registry_rename|windows|': 'registry_rename_',
    'registry_set|windows|': 'registry_set_',
    '|windows|sysmon': 'sysmon_',
    'sysmon_error|windows|': 'sysmon_',
    'sysmon_status|windows|': 'sysmon_',
    'wmi_event|windows|': 'sysmon_wmi_',
    'webserver||': 'web_',
    '|windows|applocker': 'win_applocker_',
    '|windows|bitlocker': 'win_bitlocker_',
    '|windows|bits-client': 'win_bits_client_',
    '|windows|capi2': 'win_capi2_',
    '|windows|certificateservicesclient-lifecycle-system': 'win_certificateservicesclient_lifecycle_system_',
    '|windows|codeintegrity-operational': 'win_codeintegrity_',
    '|windows|windefend': 'win_defender_',
    '|windows|diagnosis-scripted': 'win_diagnosis_scripted_',
    '|windows|dns-server-analytic': 'win_dns_analytic_',
    '|windows|msexchange-management': 'win_exchange_',
    '|windows|firewall-as': 'win_firewall_as_',
    '|windows|security': 'win_security_',
    '|windows|system': 'win_system_',
    '|windows|taskscheduler': 'win_taskscheduler_',
    '|windows|terminalservices-localsessionmanager': 'win_terminalservices_',
    '|windows|wmi': 'win_wmi_',
  }),
);

const PRODUCT_PREFIX: ReadonlyMap<string, string> = new Map(
  Object.entries({
    aws: 'aws_',
    azure: 'azure_',
    gcp: 'gcp_',
    github: 'github_',
    linux: 'lnx_',
    m365: 'microsoft365_',
    macos: 'macos_',
    okta: 'okta_',
    onelogin: 'onelogin_',
    windows: 'win_',
  }),
);

export function expectedFilePrefix(category?: string, product?: string, service?: string): string | undefined {
  const exact = LOGSOURCE_PREFIX.get(`${category ?? ''}|${product ?? ''}|${service ?? ''}`);
  if (exact) return exact;
  return product ? PRODUCT_PREFIX.get(product) : undefined;
}

/**
 * Sysmon event ids and Security 4688 that have a generic Sigma category (pySigma's
 * specific_instead_of_generic_logsource).
 */
export const SYSMON_EVENT_CATEGORY: Record<number, string> = {
  1: 'process_creation',
  2: 'file_change',
  3: 'network_connection',
  5: 'process_termination',
  6: 'driver_load',
  7: 'image_load',
  8: 'create_remote_thread',
  9: 'raw_access_thread',
  10: 'process_access',
  11: 'file_event',
  12: 'registry_add',
  13: 'registry_set',
  14: 'registry_rename',
  15: 'create_stream_hash',
  16: 'sysmon_status',
  17: 'pipe_created',
  18: 'pipe_created',
  19: 'wmi_event',
  20: 'wmi_event',
  21: 'wmi_event',
  22: 'dns_query',
  23: 'file_delete',
  24: 'clipboard_capture',
  25: 'process_tampering',
  26: 'file_delete_detected',
  27: 'file_block_executable',
  28: 'file_block_shredding',
  29: 'file_executable_detected',
  255: 'sysmon_error',
};

/**
 * Windows categories whose events all come from one provider (so neither `EventID` nor that
 * `Provider_Name` narrows anything). Categories that span several event ids are left out.
 */
export const CATEGORY_PROVIDERS: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    process_creation: ['Microsoft-Windows-Sysmon', 'Microsoft-Windows-Security-Auditing'],
    network_connection: ['Microsoft-Windows-Sysmon'],
    image_load: ['Microsoft-Windows-Sysmon'],
    driver_load: ['Microsoft-Windows-Sysmon'],
    create_remote_thread: ['Microsoft-Windows-Sysmon'],
    raw_access_thread: ['Microsoft-Windows-Sysmon'],
    process_access: ['Microsoft-Windows-Sysmon'],
    file_event: ['Microsoft-Windows-Sysmon'],
    file_change: ['Microsoft-Windows-Sysmon'],
    file_delete: ['Microsoft-Windows-Sysmon'],
    file_rename: ['Microsoft-Windows-Sysmon'],
    create_stream_hash: ['Microsoft-Windows-Sysmon'],
    pipe_created: ['Microsoft-Windows-Sysmon'],
    dns_query: ['Microsoft-Windows-Sysmon'],
    process_tampering: ['Microsoft-Windows-Sysmon'],
    registry_add: ['Microsoft-Windows-Sysmon'],
    registry_set: ['Microsoft-Windows-Sysmon'],
    registry_delete: ['Microsoft-Windows-Sysmon'],
    registry_rename: ['Microsoft-Windows-Sysmon'],
    registry_event: ['Microsoft-Windows-Sysmon'],
    ps_script: ['Microsoft-Windows-PowerShell'],
    ps_module: ['Microsoft-Windows-PowerShell'],
  }),
);

/** Windows categories that stand for one event type, where an `EventID` item adds nothing. */
export const CATEGORIES_WITHOUT_EVENTID = [...CATEGORY_PROVIDERS.keys()].filter((c) => !c.startsWith('registry_') && c !== 'file_event');
