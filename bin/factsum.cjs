#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI with no build step: `npx factsum` works right after `npm install`. The sources are
// bundled on first use and the bundle reused while they are unchanged (cli-bundle.cjs says why and how).
const { loadCli } = require('./cli-bundle.cjs');

const { main } = loadCli();

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`factsum: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
