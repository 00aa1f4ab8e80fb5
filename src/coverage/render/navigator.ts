import type { CoverageMatrix } from '../matrix.js';

/**
 * An ATT&CK Navigator layer (format 4.5) from the rules' `attack.tXXXX` tags: one technique entry
 * per technique id, scored by the number of rules that tag it, with the rule titles as metadata.
 */
export function formatNavigatorLayer(matrix: CoverageMatrix, name = 'rulecheck coverage'): string {
  const byTechnique = new Map<string, string[]>();
  for (const rule of matrix.rules) {
    for (const technique of rule.techniques) {
      const list = byTechnique.get(technique) ?? [];
      list.push(rule.title);
      byTechnique.set(technique, list);
    }
  }
  const ids = [...byTechnique.keys()].sort();
  const max = Math.max(1, ...[...byTechnique.values()].map((l) => l.length));
  const layer = {
    name,
    versions: { layer: '4.5', navigator: '5.1.0', attack: '16' },
    domain: 'enterprise-attack',
    description: `Techniques tagged by ${matrix.rules.length} Sigma rules (score: number of rules).`,
    sorting: 3,
    hideDisabled: false,
    techniques: ids.map((techniqueID) => {
      const titles = byTechnique.get(techniqueID)!;
      return {
        techniqueID,
        score: titles.length,
        enabled: true,
        showSubtechniques: techniqueID.includes('.'),
        comment: `${titles.length} rule${titles.length === 1 ? '' : 's'}`,
        metadata: titles.map((value) => ({ name: 'rule', value })),
      };
    }),
    gradient: { colors: ['#ffe766', '#8ec843'], minValue: 1, maxValue: max },
    legendItems: [],
    metadata: [{ name: 'generator', value: 'rulecheck coverage --format navigator' }],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
  };
  return `${JSON.stringify(layer, null, 2)}\n`;
}
