/**
 * Stands in for `cssomnom/parse` in factsum's bundles (infra/bundle/aliases.json, read by serverless.yml's
 * `custom.esbuild.alias`, bench/bundles.ts and the CLI's bin/cli-bundle.cjs). linkedom calls that parser
 * only when code reads `HTMLStyleElement.sheet`, and neither Readability nor factsum's HTML stages do (they
 * drop `<style>` elements and read inline `style` attributes as text). Leaving it out saves about 200 KB of
 * bundle and its load time on every cold start. Should anything start reading `.sheet`, it fails loudly here instead of
 * silently seeing an empty stylesheet: the HTML parser then rejects the input as MALFORMED.
 */
export function parse(): never {
  throw new Error(
    "linkedom's CSS parser (cssomnom) is left out of factsum's bundles; see infra/bundle/css-parser-stub.ts",
  );
}
