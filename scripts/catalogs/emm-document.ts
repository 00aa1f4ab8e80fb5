import { readJsonValue } from './json-blocks.js';

/**
 * Reads the scraped EMM web pages (plain text). The scrape holds a navigation list of event source
 * names, then one page per event source in that order: per category the event types (name, ET id,
 * description, written twice), the supported and unsupported attribute names, and sample events
 * each introduced by a label (`Success`, `Failure`, `Success - email`). A page's header (product
 * logo line and source name) comes after its event types. The last page is cut off.
 */

export interface EmmDocumentSample {
  label: string;
  event: unknown;
  /** 1-based line of the sample's opening brace in the document. */
  line: number;
}

export interface EmmDocumentEventType {
  emmId: string;
  name: string;
  category: string;
  supported: string[];
  unsupported: string[];
  samples: EmmDocumentSample[];
}

export interface EmmDocumentPage {
  /** Source name from the navigation list (same order as the pages). */
  sourceName: string;
  /** Product name from the page header (`GitHub logo`), when the page has one. */
  productName?: string;
  eventTypes: EmmDocumentEventType[];
  /** True for the last page when the scrape ends inside it. */
  truncated: boolean;
}

const CATEGORY_NAMES = new Set(['Authentication', 'Authorization', 'System Audit', 'Activity Audit']);
const ET_ID = /^ET\d{4}$/;
const BULLET = /^\s*•\s*(.+?)\s*$/;

export function parseEmmDocument(text: string): EmmDocumentPage[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const navigation = readNavigation(lines);
  // A page starts where a category heading is followed by `Events (n)` and it is the first category of the page.
  const pageStarts: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].trim() === 'Authentication' && isEventsCount(nextNonBlank(lines, i))) pageStarts.push(i);
  }
  const pages: EmmDocumentPage[] = [];
  for (let p = 0; p < pageStarts.length; p++) {
    const start = pageStarts[p];
    const end = p + 1 < pageStarts.length ? pageStarts[p + 1] : lines.length;
    const page: EmmDocumentPage = { sourceName: navigation[p] ?? `page ${p + 1}`, eventTypes: [], truncated: p + 1 === pageStarts.length };
    let category = '';
    let current: EmmDocumentEventType | undefined;
    let list: 'supported' | 'unsupported' | undefined;
    for (let i = start; i < end; i++) {
      const line = lines[i];
      if (/ logo$/.test(line)) {
        const next = nextNonBlank(lines, i);
        if (next !== 'Product Details') {
          page.productName = line.replace(/ logo$/, '').replace(/_/g, ' ');
          const headerName = next.trim();
          if (headerName !== page.sourceName) throw new Error(`page ${p + 1}: header names \`${headerName}\`, navigation \`${page.sourceName}\``);
          page.truncated = false;
        }
        current = undefined;
        list = undefined;
        continue;
      }
      if (CATEGORY_NAMES.has(line.trim()) && isEventsCount(nextNonBlank(lines, i))) {
        category = line;
        current = undefined;
        list = undefined;
        continue;
      }
      if (ET_ID.test(line.trim())) {
        const emmId = line.trim();
        if (!current || current.emmId !== emmId) {
          current = { emmId, name: lines[i - 1].trim(), category, supported: [], unsupported: [], samples: [] };
          page.eventTypes.push(current);
        }
        list = undefined;
        continue;
      }
      if (!current) continue;
      if (line === 'Supported') {
        list = 'supported';
        continue;
      }
      if (line === 'Unsupported') {
        list = 'unsupported';
        continue;
      }
      const bullet = BULLET.exec(line);
      if (bullet && list) {
        current[list].push(bullet[1]);
        continue;
      }
      if (line.startsWith('{')) {
        const { value, end: jsonEnd } = readJsonValue(text, lineStarts[i]);
        current.samples.push({ label: lines[i - 1].trim(), event: value, line: i + 1 });
        while (i + 1 < lines.length && lineStarts[i + 1] < jsonEnd) i++;
        continue;
      }
    }
    pages.push(page);
  }
  return pages;
}

/** The event source names listed between `Products` and the first logo line. */
function readNavigation(lines: string[]): string[] {
  const start = lines.indexOf('Products');
  const names: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || / logo$/.test(line)) break;
    names.push(line);
  }
  return names;
}

function nextNonBlank(lines: string[], index: number): string {
  for (let i = index + 1; i < lines.length; i++) if (lines[i].trim()) return lines[i].trim();
  return '';
}

function isEventsCount(line: string): boolean {
  return /^Events \(\d+\)$/.test(line);
}
