export const HELP_TEXT = `rulecheck: test harness and coverage linter for Sigma detection rules

Usage:
  rulecheck [PATHS...]               check + test (default: the config's paths, else rules/)
  rulecheck check    [PATHS...]      load, schema, condition, lint, coverage
  rulecheck test     [PATHS...]      replay fixtures, run rule tests
  rulecheck coverage [PATHS...]      coverage matrix of catalogs x rules
  rulecheck explain  RULE EVENTS...  why each event does or does not match
  rulecheck catalog  list | show SOURCE [EVENT]
  rulecheck init     [DIR]           starter config, example rule with tests, fixture, workflow

Output:
  -f, --format FORMAT     stylish | json | sarif | junit | github | markdown | html
  -o, --output FILE       write the --format before it to FILE; repeat the pair for several
                          reports, at most one format without a file goes to stdout
  -q, --quiet             print errors only (and failing tests)
      --max-warnings N    exit 1 when there are more than N warnings

Input:
      --config FILE       configuration file (default: rulecheck.config.{json,yaml,yml} or a
                          "rulecheck" key in package.json, looked for upward from here)
      --catalog FILE      add a user catalog (repeatable)
      --emm DIR           read a checkout of the EMM repository
      --changed-since REF report and test only the rules changed since the git REF, and
                          rules whose fixtures changed (default, check and test commands)

Lint:
      --preset NAME       recommended (default) | sigmahq | all
      --list-checks       list every lint check (check command)
      --fix               apply the safe fixes of lint findings to the files (check command)
      --fix-dry-run       print the fixes as a diff instead (check command)

Coverage:
      --no-coverage       skip the coverage stage (check command)
                          coverage --format: stylish | markdown | json | html | navigator

Tests:
      --strict            unexpected baseline matches are errors; match_count must be exact
      --baseline DIR      replay every event under DIR through every rule (repeatable)
      --logsource MODE    default | strict | off: how a rule's logsource filters test events
      --min-item-coverage P  error when a rule's tests exercise under P% of its items and
                          list values (a rule without tests counts as 0%)
      --mutate            check that each rule's tests catch small changes to the rule
  -w, --watch             re-run the tests a saved file affects (test command)

  -v, --version           print the version
  -h, --help              print this help

Exit codes: 0 clean, 1 errors, failed tests or too many warnings, 2 usage or internal error.
`;
