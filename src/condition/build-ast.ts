import type { CstNode, IToken } from './chevrotain.js';
import type { Span } from '../core/diagnostic.js';
import type { ConditionExpression, SelectorNode } from './ast.js';
import type { ConditionError } from './errors.js';
import { tokenEnd } from './lexer.js';
import { emptySelectorHint, IDENTIFIER, PATTERN, resolvePattern, undefinedIdentifierHint } from './selectors.js';

/*
 * Semantics of the condition grammar: turns chevrotain's CST into the shared AST and checks what the grammar
 * cannot (identifiers that name no search, selectors that select nothing, characters a name may not have).
 * Works on recovered CSTs too: missing pieces are skipped, so one broken spot does not hide the other errors.
 */

/** A built node and its extent in the text, which includes the parentheses around it (its span does not). */
interface Built {
  node: ConditionExpression;
  start: number;
  end: number;
}

export interface BuildContext {
  searchNames: string[];
  /** Span of [offset, endOffset) inside the condition text. */
  span(offset: number, endOffset: number): Span;
  errors: ConditionError[];
}

export function buildExpression(cst: CstNode, context: BuildContext): ConditionExpression | undefined {
  return new AstBuilder(context).condition(cst)?.node;
}

function nodes(cst: CstNode, key: string): CstNode[] {
  return (cst.children[key] as CstNode[] | undefined) ?? [];
}

function token(cst: CstNode, key: string): IToken | undefined {
  const found = (cst.children[key] as IToken[] | undefined)?.[0];
  return found && isReal(found) ? found : undefined;
}

/** Tokens that error recovery inserted have no place in the text. */
function isReal(found: IToken): boolean {
  return !found.isInsertedInRecovery && !Number.isNaN(found.startOffset);
}

class AstBuilder {
  constructor(private readonly context: BuildContext) {}

  condition(cst: CstNode): Built | undefined {
    const inner = nodes(cst, 'orExpression')[0];
    return inner && this.orExpression(inner);
  }

  private orExpression(cst: CstNode): Built | undefined {
    return this.nary('or', nodes(cst, 'operands').map((operand) => this.andExpression(operand)));
  }

  private andExpression(cst: CstNode): Built | undefined {
    return this.nary('and', nodes(cst, 'operands').map((operand) => this.notExpression(operand)));
  }

  private nary(type: 'and' | 'or', built: (Built | undefined)[]): Built | undefined {
    const operands = built.filter((b): b is Built => b !== undefined);
    if (operands.length <= 1) return operands[0];
    const start = operands[0].start;
    const end = operands[operands.length - 1].end;
    const node = { type, operands: operands.map((b) => b.node), span: this.context.span(start, end) };
    return { node, start, end };
  }

  private notExpression(cst: CstNode): Built | undefined {
    const notToken = token(cst, 'Not');
    if (!notToken) {
      const atom = nodes(cst, 'atom')[0];
      return atom && this.atom(atom);
    }
    const inner = nodes(cst, 'operand')[0];
    const operand = inner && this.notExpression(inner);
    if (!operand) return undefined;
    const start = notToken.startOffset;
    return { node: { type: 'not', operand: operand.node, span: this.context.span(start, operand.end) }, start, end: operand.end };
  }

  private atom(cst: CstNode): Built | undefined {
    const selector = nodes(cst, 'selector')[0];
    if (selector) return this.selector(selector);
    const parenthesized = nodes(cst, 'parenthesized')[0];
    if (parenthesized) return this.parenthesized(parenthesized);
    const word = token(cst, 'Word');
    return word && this.identifier(word);
  }

  private parenthesized(cst: CstNode): Built | undefined {
    const inner = nodes(cst, 'orExpression')[0];
    const built = inner && this.orExpression(inner);
    if (!built) return undefined;
    const open = token(cst, 'LParen');
    const close = token(cst, 'RParen');
    return { node: built.node, start: open ? open.startOffset : built.start, end: close ? tokenEnd(close) : built.end };
  }

  private identifier(word: IToken): Built | undefined {
    const name = word.image;
    const start = word.startOffset;
    const end = tokenEnd(word);
    if (name.includes('*') && PATTERN.test(name)) {
      this.error(word, 'condition/syntax', `\`${name}\` is a pattern, which needs a selector in front of it`, {
        hint: `write \`1 of ${name}\` (any of them matches) or \`all of ${name}\` (all of them match)`,
      });
    } else if (!IDENTIFIER.test(name)) {
      this.error(word, 'condition/syntax', `\`${name}\` can't be a search identifier`, {
        hint: 'a condition can name a search identifier made of letters, digits, `_` and `-` only',
      });
    } else if (!this.context.searchNames.includes(name)) {
      this.error(word, 'condition/undefined-identifier', `\`${name}\` is not a search identifier of this detection`, {
        hint: undefinedIdentifierHint(name, this.context.searchNames),
      });
    }
    return { node: { type: 'identifier', name, span: this.context.span(start, end) }, start, end };
  }

  private selector(cst: CstNode): Built | undefined {
    const quantifier = token(cst, 'quantifier');
    const pattern = token(cst, 'pattern');
    if (!quantifier || !pattern) return undefined;
    const start = quantifier.startOffset;
    const end = tokenEnd(pattern);
    // Operators may be in uppercase here (reported apart); the AST holds their meaning.
    const quantifierText = quantifier.image.toLowerCase();
    const patternText = pattern.tokenType.name === 'Them' ? 'them' : pattern.image;
    let matches: string[] = [];
    if (patternText !== 'them' && !PATTERN.test(patternText)) {
      this.error(pattern, 'condition/syntax', `\`${patternText}\` can't be a selector pattern`, {
        hint: 'a pattern is made of letters, digits, `_`, `-` and `*` wildcards',
      });
    } else {
      matches = resolvePattern(patternText, this.context.searchNames);
      if (matches.length === 0) {
        const written = `${quantifierText} of ${patternText}`;
        this.context.errors.push({
          id: 'condition/empty-selector',
          message: `\`${written}\` selects no search identifier`,
          offset: start,
          endOffset: end,
          hint: emptySelectorHint(patternText, this.context.searchNames),
        });
      }
    }
    const node: SelectorNode = {
      type: 'selector',
      quantifier: quantifierText === 'all' ? 'all' : 'one',
      quantifierText,
      pattern: patternText,
      matches,
      span: this.context.span(start, end),
    };
    return { node, start, end };
  }

  private error(at: IToken, id: ConditionError['id'], message: string, extra: { hint?: string } = {}): void {
    this.context.errors.push({ id, message, offset: at.startOffset, endOffset: tokenEnd(at), ...extra });
  }
}
