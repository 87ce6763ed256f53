#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI with no build step: `npx factsum` works right after `npm install`. The sources are
// bundled on first use and the bundle reused while they are unchanged (cli-bundle.cjs says why and how).
const { loadCli } = require('./cli-bundle.cjs');

const { main } = loadCli();

// A reader that goes away (`factsum analyze dir | head`) ends the run quietly, as a Unix tool killed by
// SIGPIPE would (exit status 128 + 13): nothing more can be delivered, and a stack trace would only be noise.
const SIGPIPE_STATUS = 141;
const isBrokenPipe = (error) => error instanceof Error && error.code === 'EPIPE';
process.stdout.on('error', (error) => {
  if (isBrokenPipe(error)) process.exit(SIGPIPE_STATUS);
});

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (isBrokenPipe(error)) process.exit(SIGPIPE_STATUS);
    process.stderr.write(`factsum: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
