import type { Catalog, CatalogEventType, CatalogField, KnownValue } from '../../src/catalog/model.js';
import { CATALOG_FORMAT_VERSION } from '../../src/catalog/model.js';

/**
 * Reads the Intune Certificate Connector troubleshooting page (Markdown): the table of event IDs
 * (name, description, related diagnostic codes) and the table of diagnostic codes (name, message).
 */

export const INTUNE_CHANNEL = 'Microsoft Intune Connector';

/** The unknown-error code is written `0x0FFFFFFF` in the event table and `0x0FFFFFFFF` in the code table. */
const CANONICAL_CODE: Record<string, string> = { '0x0FFFFFFFF': '0x0FFFFFFF' };
const UNKNOWN_ERROR_NOTE =
  'The reference writes this code both as `0x0FFFFFFF` (event table) and `0x0FFFFFFFF` (code table, nine hex digits, which does not fit 32 bits); `0x0FFFFFFF` is kept and the other spelling is accepted.';

interface TableRow {
  cells: string[];
}

function tableAfter(lines: string[], heading: RegExp): TableRow[] {
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`heading ${heading} not found`);
  const rows: TableRow[] = [];
  let inTable = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const cells = line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c))) continue;
    rows.push({ cells });
  }
  return rows.slice(1); // header row
}

/** Markdown links `[text](url)` become `text`; whitespace is collapsed. */
function plain(text: string): string {
  return text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
}

function canonicalCode(code: string): string {
  return CANONICAL_CODE[code] ?? code;
}

/** Connector fields named by an event description, in the names the project agreed on. */
const DETAIL_FIELDS: { pattern: RegExp; field: string }[] = [
  { pattern: /device ID/i, field: 'DeviceId' },
  { pattern: /user ID/i, field: 'UserId' },
  { pattern: /CA name/i, field: 'CAName' },
  { pattern: /certificate template name/i, field: 'CertificateTemplateName' },
  { pattern: /thumbprint/i, field: 'CertificateThumbprint' },
  { pattern: /serial number/i, field: 'CertificateSerialNumber' },
  { pattern: /upload state/i, field: 'UploadState' },
  { pattern: /upload details/i, field: 'UploadDetails' },
  { pattern: /download details/i, field: 'DownloadDetails' },
];

const FIELD_DESCRIPTIONS: Record<string, string> = {
  DeviceId: 'Intune device ID the request is for.',
  UserId: 'Intune user ID the request is for.',
  CAName: 'Name of the certification authority.',
  CertificateTemplateName: 'Name of the certificate template.',
  CertificateThumbprint: 'Thumbprint of the certificate.',
  CertificateSerialNumber: 'Serial number of the certificate.',
  UploadState: 'Stage the upload reached (where it failed).',
  UploadDetails: 'Details of the uploaded request or revocation data.',
  DownloadDetails: 'Details of the downloaded request.',
};

export function buildIntuneCatalog(text: string): Catalog {
  const lines = text.split('\n');
  const codeRows = tableAfter(lines, /^##\s+Diagnostic codes/i);
  const codes = new Map<string, KnownValue>();
  for (const { cells } of codeRows) {
    const written = cells[0];
    const value = canonicalCode(written);
    const known: KnownValue = { value, name: cells[1], description: plain(cells[2] ?? '') };
    if (written !== value) {
      known.aliases = [written];
      known.note = UNKNOWN_ERROR_NOTE;
    }
    codes.set(value, known);
  }
  const eventRows = tableAfter(lines, /^##\s+Event IDs and descriptions/i);
  const eventTypes: CatalogEventType[] = [];
  for (const { cells } of eventRows) {
    const id = Number(cells[0]);
    const description = plain(cells[2]);
    const allowed = cells[3].split(',').map((c) => c.trim()).filter(Boolean);
    const allowedValues: KnownValue[] = [];
    for (const written of allowed) {
      const value = canonicalCode(written);
      const known = codes.get(value);
      if (!known) throw new Error(`event ${id} names diagnostic code ${written}, which the code table does not list`);
      allowedValues.push(known);
    }
    const fields: CatalogField[] = [
      {
        name: 'DiagnosticCode',
        type: 'string',
        origin: 'connector',
        description: 'Diagnostic codes this event may carry.',
        knownValues: allowedValues,
        knownValuesComplete: true,
      },
      {
        name: 'DiagnosticName',
        type: 'string',
        origin: 'connector',
        knownValues: allowedValues.map((v) => ({ value: v.name!, description: `Name of diagnostic code ${v.value}.` })),
        knownValuesComplete: true,
      },
    ];
    for (const { pattern, field } of DETAIL_FIELDS) {
      if (pattern.test(description) && !fields.some((f) => f.name === field)) {
        fields.push({ name: field, type: 'string', origin: 'connector', description: FIELD_DESCRIPTIONS[field] });
      }
    }
    eventTypes.push({
      id: String(id),
      codes: [id],
      name: cells[1],
      description,
      fields,
      examples: [],
      completeness: 'partial',
      notes: ['The reference names the event details in prose; field names follow the connector field names of this catalog.'],
    });
  }
  eventTypes.sort((a, b) => Number(a.id) - Number(b.id));
  return {
    formatVersion: CATALOG_FORMAT_VERSION,
    id: 'intune',
    title: 'Intune Certificate Connector events',
    description: 'Event IDs of the Intune Certificate Connector service log, with the diagnostic codes each event may carry.',
    basedOn: 'Intune Certificate Connector events and diagnostic codes (seed document 001)',
    sources: [
      {
        id: 'intune',
        title: 'Microsoft Intune Connector',
        description: 'Event Viewer log Applications and Services Logs > Microsoft Intune Connector (connector version 6.1806.x.x and later).',
        product: 'Microsoft Intune',
        logsources: [{ product: 'windows', service: 'intune-connector', kind: 'primary' }],
        discriminator: { field: 'EventID', type: 'integer', completeness: 'complete' },
        constants: [{ name: 'Channel', value: INTUNE_CHANNEL }],
        commonFields: [
          { name: 'EventID', type: 'integer', origin: 'connector', description: 'Event identifier.' },
          {
            name: 'DiagnosticCode',
            type: 'string',
            origin: 'connector',
            description: 'Diagnostic code as hex text with eight digits, e.g. `0x00000400`.',
            knownValues: [...codes.values()],
            knownValuesComplete: true,
          },
          {
            name: 'DiagnosticName',
            type: 'string',
            origin: 'connector',
            description: 'Symbolic name of the diagnostic code.',
            knownValues: [...codes.values()].map((v) => ({ value: v.name!, description: `Name of diagnostic code ${v.value}.` })),
            knownValuesComplete: true,
          },
          { name: 'DiagnosticMessage', type: 'string', origin: 'connector', description: 'Message of the diagnostic code.' },
          { name: 'Computer', type: 'string', origin: 'definition', description: 'Name of the computer that logged the event.' },
        ],
        completeness: 'partial',
        completenessNote:
          'The reference has no field tables: the event details are named in prose, so an event may carry more than listed.',
        eventTypes,
      },
    ],
  };
}
