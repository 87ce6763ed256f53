import { en } from 'zod/locales';
import { config } from 'zod/mini';
import { globalConfig } from 'zod/v4/core';

/*
 * zod/mini rather than zod: the same validators (one zod core) in a functional API that bundles to
 * about 20 KB instead of 450 KB, which keeps each function bundle under 1 MB (docs/benchmarks.md). Import it as
 * a namespace (`import * as z from '…/zod'`): esbuild tree-shakes property accesses on a namespace,
 * but not a `z` object passed around as a value (`import { z }` pulls in all of zod, locales too).
 *
 * Unlike full zod, zod/mini loads no locale and would report every issue as "Invalid input".
 * English is set here, as full zod sets it, unless other code chose a locale first, so the error
 * messages (the API's 400s, config and model errors) read exactly as before.
 */
if (!globalConfig.localeError) config(en());

export * from 'zod/mini';
