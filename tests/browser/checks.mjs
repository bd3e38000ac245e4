// What every browser script shares: where Chromium is and how it starts,
// where screenshots go, and the tally of checks that ends the script with
// a report and an exit code (1 when a check failed).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const ARTIFACTS = process.env.MEKONG_BROWSER_ARTIFACTS || path.join(HERE, 'artifacts');
export const CHROMIUM = process.env.MEKONG_CHROMIUM || '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling Google
// services, which only time out on a closed network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A tally: `check(cond, where, message)` counts a pass or records a
// failure, `fail` records one outright, `pass` counts one; `finish(what)`
// prints the failures and exits 1, or says how many checks of `what`
// passed.
export function tally({ verbose = false } = {}) {
  const failures = [];
  let passed = 0;
  const fail = (where, message) => {
    failures.push(`${where}: ${message}`);
    if (verbose) console.log(`  FAIL ${where}: ${message}`);
  };
  const pass = (where, message) => {
    passed += 1;
    if (verbose) console.log(`  ok   ${where}: ${message}`);
  };
  const check = (cond, where, message) => (cond ? pass(where, message) : fail(where, message));
  const finish = (what) => {
    if (failures.length) {
      console.log(`\n${failures.length} failure(s), ${passed} check(s) passed:`);
      for (const f of failures) console.log(`  - ${f}`);
      process.exit(1);
    }
    console.log(`all ${passed} ${what} checks passed`);
  };
  return { check, fail, pass, finish };
}
