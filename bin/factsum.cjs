#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI straight from source (tsx compiles on the fly), so `npx factsum`
// works right after `npm install`, with no build step.
const path = require('node:path');
require('tsx/cjs/api').register();
// The ESM hook as well: commands load their heavy parts with import() only when they need them.
require('tsx/esm/api').register();
const { main } = require(path.join(__dirname, '..', 'lib', 'cli', 'main.ts'));

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`factsum: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
