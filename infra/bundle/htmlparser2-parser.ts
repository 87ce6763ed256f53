/**
 * Stands in for the `htmlparser2` package index in factsum's bundles (infra/bundle/aliases.json, read by
 * serverless.yml's `custom.esbuild.alias`, bench/bundles.ts and the CLI's bin/cli-bundle.cjs). linkedom takes only `Parser` from it
 * (node_modules/linkedom/esm/shared/parse-from-string.js: `import * as HTMLParser2 from 'htmlparser2'`,
 * then `const {Parser} = HTMLParser2`). esbuild cannot drop the unused exports of a namespace that is
 * destructured, so the index brought everything it re-exports: `DomUtils`, the feed parser and, through
 * them, dom-serializer with a second, older copy of the `entities` tables, about 90 KB of every bundle
 * that nothing runs. This module exports the one class linkedom reads; the parser itself is unchanged.
 */
export { Parser } from '../../node_modules/htmlparser2/dist/esm/Parser.js';
