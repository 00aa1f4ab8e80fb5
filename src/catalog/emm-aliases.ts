import type { LogsourceSelector } from './model.js';

/**
 * Sigma logsource names that public rules (SigmaHQ) already use for an EMM event source, bound only
 * where those rules read the same field schema as the EMM source describes. Keyed by source id.
 *
 * Deliberately not bound:
 * - `product: azure, service: auditlogs` / `signinlogs`: SigmaHQ's rules read Azure Monitor's export
 *   (`properties.message`, `OperationName`), not the Office 365 Management Activity API fields the EMM
 *   Microsoft 365 sources describe.
 * - `product: m365, service: exchange` / `threat_management`: those rules read `eventSource`,
 *   `eventName` and `status` (alert-style records), not the audit record fields.
 * - `product: gcp, service: google_workspace.*`: those rules read the Google Cloud audit log export
 *   (`eventService`, `eventName`, `protoPayload.*`), not the Admin SDK Reports API activities
 *   (`id.applicationName`, `events[].name`) the EMM Google Workspace source describes.
 */
export const EMM_SIGMA_ALIASES: Record<string, LogsourceSelector[]> = {
  'emm/okta/okta_system_log': [
    {
      product: 'okta',
      service: 'okta',
      kind: 'alias',
      note: 'SigmaHQ Okta rules read the System Log API fields (`eventType`, `displayMessage`, `actor.alternateId`).',
    },
  ],
  'emm/github/github_audit_events': [
    {
      product: 'github',
      service: 'audit',
      kind: 'alias',
      note: 'SigmaHQ GitHub rules read the enterprise audit log fields (`action`, `actor`, `repo`).',
    },
  ],
  'emm/onelogin/onelogin_audit_log': [
    {
      product: 'onelogin',
      service: 'onelogin.events',
      kind: 'alias',
      note: 'SigmaHQ OneLogin rules read the Events API fields (`event_type_id`).',
    },
  ],
  ...Object.fromEntries(
    ['audit_azure_ad_logging', 'audit_exchange_logging', 'audit_general_logging', 'audit_sharepoint_logging'].map((name) => [
      `emm/microsoft_365/${name}`,
      [
        {
          product: 'm365',
          service: 'audit',
          kind: 'alias' as const,
          note: 'SigmaHQ `m365`/`audit` rules read the Office 365 Management Activity API records (`Operation`, `Workload`, `UserId`), of which this source is one workload.',
        },
      ],
    ]),
  ),
};
