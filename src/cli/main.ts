import { parseCli, type CliValues } from './options.js';
import { UsageError } from './usage-error.js';
import { HELP_TEXT } from './help.js';
import { packageVersion } from './version.js';

/** Subcommands, each a module in ./commands exporting `run(positionals, values): Promise<number>`. */
const COMMANDS = ['check', 'test', 'coverage', 'explain', 'catalog', 'init', 'run'] as const;
type CommandName = (typeof COMMANDS)[number];

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    // node:util's messages go on to explain `--` for positionals; the first sentence is the point.
    const message = (error as Error).message.split('. To specify a positional')[0].replace(/\.$/, '');
    process.stderr.write(`rulecheck: ${oneLine(message)} (see \`rulecheck --help\`)\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (values.help) {
    process.stdout.write(HELP_TEXT);
    return 0;
  }
  let command: CommandName = 'run';
  let rest = positionals;
  if (positionals.length > 0 && (COMMANDS as readonly string[]).includes(positionals[0])) {
    command = positionals[0] as CommandName;
    rest = positionals.slice(1);
  }
  const moduleUrl = new URL(`./commands/${command}.js`, import.meta.url);
  let module: { run: (positionals: string[], values: CliValues) => Promise<number> };
  try {
    // A template literal, not the URL: the bundler (scripts/bundle.mjs) turns it into a table of the command
    // modules, each set up only when its command runs.
    module = await import(`./commands/${command}.js`);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { url?: string };
    const missing = (e.code === 'ERR_MODULE_NOT_FOUND' && e.url === moduleUrl.href)
      || e.message === `Module not found in bundle: ./commands/${command}.js`;
    if (missing) {
      process.stderr.write(`rulecheck: the \`${command}\` command is not part of this build\n`);
      return 2;
    }
    throw error;
  }
  try {
    return await module.run(rest, values);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`rulecheck: ${oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/** Usage errors print as one line: CI logs and scripts read the first line only. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
