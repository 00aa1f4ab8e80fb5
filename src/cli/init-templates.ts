/**
 * The files `rulecheck init` writes: a config, one example rule with inline tests, the fixture
 * those tests read, and a GitHub workflow. The example is a real UDR detection (failed device
 * join, events 200–206) so that the first `rulecheck` run has something true to check.
 */

export function initFiles(): Record<string, string> {
  return {
    'rulecheck.config.yaml': CONFIG,
    'rules/udr/win_udr_device_join_failed.yml': RULE,
    'fixtures/udr/device_join.json': FIXTURE,
    '.github/workflows/rulecheck.yml': workflow(),
  };
}

const CONFIG = `# rulecheck configuration: every key is optional. Reference: docs/cli.md ("Config file").
paths:
  - rules
# catalogs: [catalogs/my-source.json]     # your own log sources, in rulecheck's catalog format
# emm: ../event-maturity-matrix            # a checkout of the SaaS Event Maturity Matrix repository
# severities:
#   lint/*: warning                        # an area, or one id such as coverage/unknown-field
#   coverage/unknown-logsource: "off"
# lint:
#   preset: recommended                    # recommended | sigmahq | all
# ignore:
#   - rules/deprecated/**
`;

const RULE = `title: Device Join to Microsoft Entra ID Failed
id: 6f1c2a7e-3b4d-4c5e-8f9a-0b1c2d3e4f5a
status: experimental
description: A step of joining the device to Microsoft Entra ID failed (User Device Registration events 200 to 206 carry the exit code).
references:
    - https://learn.microsoft.com/entra/identity/devices/troubleshoot-device-dsregcmd
author: Detection Engineering
date: 2026-01-15
tags:
    - attack.persistence
    - attack.t1098.005
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID:
            - 200
            - 201
            - 202
            - 203
            - 204
            - 205
            - 206
    condition: selection
falsepositives:
    - Devices without a network route to the registration service while they join
level: low
tests:
    - name: fires on a failed join response
      expect: match
      event:
          EventID: 204
          Channel: Microsoft-Windows-User Device Registration/Admin
          ExitCode: -2145648611
    - name: quiet on the successful join response in the fixture
      expect: no-match
      fixture: ../../fixtures/udr/device_join.json#1
    - name: exactly one of the fixture's events is a failure
      expect: 1
      fixture: ../../fixtures/udr/device_join.json
`;

const FIXTURE = `[
  {
    "EventID": 204,
    "Channel": "Microsoft-Windows-User Device Registration/Admin",
    "Provider_Name": "Microsoft-Windows-User Device Registration",
    "ExitCode": -2145648611
  },
  {
    "EventID": 104,
    "Channel": "Microsoft-Windows-User Device Registration/Admin",
    "Provider_Name": "Microsoft-Windows-User Device Registration"
  }
]
`;

function workflow(): string {
  return `# Checks and tests the Sigma rules of every pull request that touches them.
# Needs rulecheck as a dev dependency in package.json (see docs/ci.md).
name: rulecheck
on:
  pull_request:
    paths: ['rules/**', 'fixtures/**', 'rulecheck.config.*']
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write   # upload the SARIF file to code scanning
jobs:
  rulecheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - name: Check and test the rules
        run: >-
          npx rulecheck rules/
          --format github
          --format sarif --output rulecheck.sarif
          --format markdown --output "$GITHUB_STEP_SUMMARY"
      - name: Upload findings to code scanning
        if: always() && hashFiles('rulecheck.sarif') != '' && (github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository)
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: rulecheck.sarif
          category: rulecheck
`;
}
