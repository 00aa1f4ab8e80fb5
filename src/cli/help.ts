export const HELP_TEXT = `rulecheck: test harness and coverage linter for Sigma detection rules

Usage:
  rulecheck [PATHS...]              check + test (default: rules/)
  rulecheck check    PATHS          load, schema, condition, lint, coverage
  rulecheck test     PATHS          replay fixtures, run rule tests
  rulecheck coverage PATHS          coverage matrix of catalogs x rules
  rulecheck explain  RULE EVENTS    why each event does or does not match
  rulecheck catalog  list|show      what the catalogs know

Options:
  -f, --format FORMAT   stylish | json | sarif | junit | github | markdown | html
  -o, --output FILE     write the report to FILE (pairs with the --format before it)
      --catalog FILE    add a user catalog (repeatable)
      --emm DIR         read a checkout of the EMM repository
      --config FILE     configuration file
      --strict          warnings about unexpected matches become errors
  -q, --quiet           print errors only
  -v, --version         print the version
  -h, --help            print this help

Exit codes: 0 clean, 1 errors or failed tests, 2 usage or internal error.
`;
