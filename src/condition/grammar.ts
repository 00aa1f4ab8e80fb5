import { CstParser, type CstNode, type IRecognitionException, type IToken } from './chevrotain.js';
import { All, allTokens, And, Any, LParen, Not, Of, One, Or, RParen, Them, Word } from './lexer.js';
import { syntaxMessages } from './syntax-messages.js';

/*
 * Grammar of a Sigma condition (syntax only; the AST is built from the CST in build-ast.ts):
 *
 *   condition     := orExpression
 *   orExpression  := andExpression ("or" andExpression)*
 *   andExpression := notExpression ("and" notExpression)*
 *   notExpression := "not" notExpression | atom
 *   atom          := selector | Word | "(" orExpression ")"
 *   selector      := ("1" | "any" | "all") "of" (Word | "them")
 *
 * Precedence from loosest to tightest: or < and < not < selector < parentheses.
 */
export class ConditionGrammar extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, errorMessageProvider: syntaxMessages });
    this.performSelfAnalysis();
  }

  condition = this.RULE('condition', () => {
    this.SUBRULE(this.orExpression);
  });

  orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Or);
      this.SUBRULE2(this.andExpression, { LABEL: 'operands' });
    });
  });

  andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(And);
      this.SUBRULE2(this.notExpression, { LABEL: 'operands' });
    });
  });

  notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Not);
          this.SUBRULE(this.notExpression, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.selector) },
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
    ]);
  });

  parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.orExpression);
    this.CONSUME(RParen);
  });

  selector = this.RULE('selector', () => {
    this.OR([
      { ALT: () => this.CONSUME(One, { LABEL: 'quantifier' }) },
      { ALT: () => this.CONSUME(Any, { LABEL: 'quantifier' }) },
      { ALT: () => this.CONSUME(All, { LABEL: 'quantifier' }) },
    ]);
    this.CONSUME(Of);
    this.OR2([
      { ALT: () => this.CONSUME(Word, { LABEL: 'pattern' }) },
      { ALT: () => this.CONSUME(Them, { LABEL: 'pattern' }) },
    ]);
  });
}

/** Built once: chevrotain parsers are meant to be reused (building one runs the grammar analysis). */
const grammar = new ConditionGrammar();

export interface SyntaxResult {
  cst: CstNode;
  errors: IRecognitionException[];
}

/** Parses a token vector into a CST; `errors` holds chevrotain's recognition exceptions (after recovery). */
export function parseTokens(tokens: IToken[]): SyntaxResult {
  grammar.input = tokens;
  const cst = grammar.condition();
  return { cst, errors: grammar.errors };
}
