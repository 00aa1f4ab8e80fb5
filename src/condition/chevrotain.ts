import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * chevrotain, loaded from the single-file ES module build that its package ships (lib/chevrotain.mjs).
 * The package entry point (lib/src/api.js) pulls in some 700 small files (its sources and lodash-es), which takes
 * about half a second to load on a small machine; the bundle loads in a few tens of milliseconds, and every
 * `rulecheck` run pays this once. Falls back to the entry point if a future version stops shipping the bundle.
 * Every module of the condition parser imports chevrotain from here, so all share one copy (`instanceof` works).
 */
type Chevrotain = typeof import('chevrotain');

async function loadChevrotain(): Promise<Chevrotain> {
  const entry = createRequire(import.meta.url).resolve('chevrotain');
  const bundle = join(dirname(entry), '..', 'chevrotain.mjs');
  if (existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  return import('chevrotain');
}

const chevrotain = await loadChevrotain();

export const { createToken, CstParser, EOF, Lexer, NotAllInputParsedException, tokenMatcher } = chevrotain;
export type { CstNode, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
