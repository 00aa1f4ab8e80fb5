import { isDeepStrictEqual } from 'node:util';
import type { Catalog, CatalogEventType, CatalogExample, CatalogSource } from '../../src/catalog/model.js';
import type { EmmRepositoryDefinitions, EmmSourceDefinition } from '../../src/catalog/emm-reader.js';
import { assignExampleRefs, buildEmmCatalog, finishEventType, outcomeSlug } from '../../src/catalog/emm-reader.js';
import type { EmmDocumentPage } from './emm-document.js';
import { parseEmmDocument } from './emm-document.js';

/**
 * Builds the EMM catalog from the repository definitions (attribute paths, merged as EMM does) and
 * the EMM web pages (the supported/unsupported lists as published, and the sample events). The
 * pages' samples become the examples of their source and event type; example files of the
 * repository that the pages do not show (the scrape is cut off) are added after them.
 */

export interface EmmBuildReport {
  /** Samples of the document matched to a repository example declaration. */
  matchedSamples: number;
  /** Of those, samples whose JSON differs from the repository's example file (when present). */
  differingSamples: string[];
  /** Attributes where the page and the definitions disagree. */
  supportMismatches: string[];
}

export function buildEmmCatalogFromSources(definitions: EmmRepositoryDefinitions, documentText: string): { catalog: Catalog; report: EmmBuildReport } {
  const catalog = buildEmmCatalog(definitions);
  const pages = parseEmmDocument(documentText);
  const report: EmmBuildReport = { matchedSamples: 0, differingSamples: [], supportMismatches: [] };
  const attributeKeyByName = new Map(definitions.attributes.map((a) => [a.name, a.key]));
  for (const page of pages) {
    const def = findSourceDefinition(definitions.sources, page);
    const source = catalog.sources.find((s) => s.id === def.id)!;
    applyPage(page, def, source, attributeKeyByName, report);
  }
  catalog.basedOn = `${catalog.basedOn ?? 'Event Maturity Matrix repository'}; Event Maturity Matrix web pages (seed document 002)`;
  return { catalog, report };
}

function findSourceDefinition(sources: EmmSourceDefinition[], page: EmmDocumentPage): EmmSourceDefinition {
  const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  let candidates = sources.filter((s) => normalise(s.name) === normalise(page.sourceName));
  if (candidates.length > 1 && page.productName) {
    candidates = candidates.filter((s) => normalise(s.productName) === normalise(page.productName!) || normalise(s.productDir) === normalise(page.productName!));
  }
  if (candidates.length !== 1) throw new Error(`EMM page \`${page.sourceName}\` matches ${candidates.length} event sources`);
  return candidates[0];
}

function applyPage(
  page: EmmDocumentPage,
  def: EmmSourceDefinition,
  source: CatalogSource,
  attributeKeyByName: Map<string, string>,
  report: EmmBuildReport,
): void {
  const discriminatorPaths = [source.discriminator?.field, ...(source.discriminator?.alternativeFields ?? [])].filter((f): f is string => !!f);
  const notes = source.notes ?? [];
  if (page.truncated) notes.push('The EMM web pages available when this catalog was built end inside this source; the rest comes from the repository definitions.');
  for (const documented of page.eventTypes) {
    const mapping = def.mappings.find((m) => eventTypeIdOf(source, m.eventType) === documented.emmId);
    const eventType = source.eventTypes.find((e) => e.emmId === documented.emmId);
    if (!eventType || !mapping) {
      if (documented.supported.length > 0 || documented.samples.length > 0) {
        notes.push(`The EMM page lists ${documented.name} (${documented.emmId}) with ${documented.supported.length} supported attributes, but the repository has no mapping for it.`);
      }
      continue;
    }
    crossCheckSupport(documented.supported, documented.unsupported, eventType, attributeKeyByName, source.id, report);
    const fromDocument: CatalogExample[] = [];
    const usedDeclarations = new Set<number>();
    for (const sample of documented.samples) {
      const outcome = sample.label.toLowerCase();
      const index = mapping.examples.findIndex((d, i) => !usedDeclarations.has(i) && d.type.toLowerCase() === outcome);
      if (index >= 0) {
        usedDeclarations.add(index);
        report.matchedSamples++;
        const file = mapping.examples[index];
        if (file.event !== undefined && !isDeepStrictEqual(file.event, sample.event)) report.differingSamples.push(`${source.id} ${eventType.id} ${file.location}`);
      }
      fromDocument.push({
        ref: `${source.id}/${eventType.id}/${outcomeSlug(sample.label)}`,
        eventType: eventType.id,
        outcome: outcome,
        shape: 'flat',
        event: sample.event,
        origin: 'document',
      });
    }
    const fromRepository = eventType.examples.filter((e) => {
      const index = mapping.examples.findIndex((d) => d.repoPath === e.origin);
      return index < 0 || !usedDeclarations.has(index);
    });
    const examples = [...fromDocument, ...fromRepository.map((e) => ({ ...e, ref: e.ref.replace(/#\d+$/, '') }))];
    assignExampleRefs(examples);
    eventType.examples = examples;
    finishEventType(eventType, discriminatorPaths);
  }
  source.notes = notes;
}

function eventTypeIdOf(source: CatalogSource, key: string): string | undefined {
  return source.eventTypes.find((e) => e.id === key)?.emmId;
}

/** The page's supported list against the definitions: every supported attribute needs a path, or a note why not. */
function crossCheckSupport(
  supported: string[],
  unsupported: string[],
  eventType: CatalogEventType,
  attributeKeyByName: Map<string, string>,
  sourceId: string,
  report: EmmBuildReport,
): void {
  for (const name of supported) {
    const key = attributeKeyByName.get(name);
    const attribute = eventType.attributes?.find((a) => a.key === key);
    if (!attribute) {
      report.supportMismatches.push(`${sourceId} ${eventType.id}: page lists unknown attribute ${name}`);
      continue;
    }
    if (!attribute.supported) {
      attribute.note = 'The EMM web page lists this attribute as supported, but the repository definitions give no path for it.';
      report.supportMismatches.push(`${sourceId} ${eventType.id} ${attribute.key}: supported on the page, no path`);
    }
  }
  for (const name of unsupported) {
    const key = attributeKeyByName.get(name);
    const attribute = eventType.attributes?.find((a) => a.key === key);
    if (attribute?.supported) {
      attribute.note = 'The EMM web page lists this attribute as unsupported; the repository definitions (newer) give a path.';
      report.supportMismatches.push(`${sourceId} ${eventType.id} ${attribute.key}: unsupported on the page, path ${attribute.paths.join(', ')}`);
    }
  }
}
