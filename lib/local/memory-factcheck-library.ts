import { type FactCheckIndex, matchClaims } from '../pipeline/factcheck';
import type { FactCheckLibrary, FactCheckMatchOptions } from '../ports';

/**
 * A fact-check library held in memory: the default adapter of the FactCheckLibrary port, for the CLI, tests
 * and a function that bundles its library. Without an index it matches nothing.
 */
export class MemoryFactCheckLibrary implements FactCheckLibrary {
  constructor(private readonly index?: FactCheckIndex) {}

  async match(claims: readonly { readonly text: string }[], options: FactCheckMatchOptions = {}) {
    if (this.index === undefined) return claims.map(() => []);
    return matchClaims(claims, this.index, options.date === undefined ? {} : { date: options.date });
  }

  async version(): Promise<string | undefined> {
    return this.index?.version;
  }
}
