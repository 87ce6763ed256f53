import {
  type Analysis,
  analyzeArticle,
  buildDuplicateResult,
  buildProcessedResult,
  buildRejectedResult,
  type Claim,
  type DedupVerdict,
  type PreparedArticle,
  prepareArticle,
  type RejectedInput,
  withFactChecks,
} from '../pipeline';
import type { Registration, ResultDocument, VersionEntry } from '../ports';
import { isEarlier, isSameVersion, versionOrder } from '../ports';
import { mirrorLinks, relateToCorpus } from './corpus-links';
import {
  type Copy,
  currentSighting,
  enterIdentity,
  type Identity,
  identityOf,
  type Sighting,
} from './identity';
import { nameNearCopies } from './near-copies';
import { readSource, type SourceRead } from './read-source';
import { saveResult } from './result-writes';
import { demoteCopy, retireVersion } from './retire';
import type { ObjectCreated, ProcessOutcome, ServiceConfig, ServiceDeps } from './service-types';
import { parseStoredResult } from './stored-result';
import { resolveSummaryOptions } from './summary-options';

/**
 * How many times a duplicate re-reads the index after writing its result. The canonical only ever moves to an
 * earlier upload, so each round follows a real change; a few rounds cover any realistic burst, and a longer
 * chain still ends on a duplicate verdict that leads to the canonical.
 */
const MAX_SETTLE_ROUNDS = 3;

/** One upload being processed: the event, what was read, and its place among the versions of its key. */
type Upload = {
  readonly event: ObjectCreated;
  readonly read: Extract<SourceRead, { kind: 'read' }>;
  readonly me: VersionEntry;
  readonly order: string;
};

/**
 * Processes one uploaded object version end to end. Steps, top to bottom: skip a version already done → read
 * the source → register the version (a newer one wins) and retire the one it replaces → decide its identity
 * (exact, near, settle) → analyse and relate its claims → write result and report → demote copies it displaced
 * → demote itself if an earlier copy appeared meanwhile → decide again the copies of the version it replaced.
 * Bad input becomes a `rejected` result; infrastructure faults throw so the delivery is retried.
 */
export async function processObjectCreated(
  event: ObjectCreated,
  deps: ServiceDeps,
  config: ServiceConfig,
): Promise<ProcessOutcome> {
  if (config.reprocess !== true) {
    const done = await findFinishedResult(deps, event);
    if (done !== undefined) return done;
  }
  const read = await readSource(deps.objects, event, config.maxBytes);
  if (read.kind !== 'read') return read.kind === 'missing' ? { kind: 'missing' } : { kind: 'superseded' };
  const upload: Upload = { event, read, me: read.entry, order: versionOrder(read.source) };
  const registered = await deps.index.register(pendingRegistration(upload));
  if (registered.kind === 'superseded') return { kind: 'superseded' };
  const formerCopies =
    registered.previous === undefined ? [] : await retire(deps, registered.previous, upload.me);
  const outcome = await analyseAndWrite(deps, config, upload);
  await reconsiderCopies(deps, config, formerCopies);
  return outcome;
}

/** A redelivery of a version whose result is written: its stored result, or `superseded` for an older one. */
async function findFinishedResult(
  deps: ServiceDeps,
  event: ObjectCreated,
): Promise<ProcessOutcome | undefined> {
  const id = `${event.bucket}/${event.key}`;
  const registration = (await deps.index.registrations([id])).get(id);
  if (registration === undefined) return undefined;
  const mine = versionOrder({ uploadedAt: event.eventTime, ...optional('sequencer', event.sequencer) });
  if (registration.order > mine) return { kind: 'superseded' };
  const etag = normalizeEtag(event.etag);
  if (registration.order !== mine || registration.etag !== etag || registration.state !== 'done')
    return undefined;
  const stored = parseStoredResult((await deps.results.read(event))?.document);
  // Same bytes, same result: the ETag identifies the content. A lost result is computed again.
  return stored?.source.etag === etag ? { kind: 'unchanged', result: stored } : undefined;
}

/**
 * Retires the version a registration replaced. The same version processed again (a redelivery after a crash,
 * a forced re-run) takes its own entries out to put them back, and keeps its copies: they still copy it.
 */
async function retire(deps: ServiceDeps, previous: Registration, me: VersionEntry): Promise<Registration[]> {
  if (previous.state === 'deleted') return [];
  const former = await retireVersion(deps, previous);
  return isSameVersion(previous, me) ? [] : former;
}

/** The registration of a version as it starts: pending, nothing in the index yet. */
function pendingRegistration(upload: Upload): Registration {
  const { source } = upload.read;
  return {
    ...upload.me,
    order: upload.order,
    state: 'pending',
    ...optional('versionId', source.versionId),
    ...optional('sequencer', source.sequencer),
  };
}

/** Prepares the article and writes the result its identity calls for: rejected, duplicate or processed. */
async function analyseAndWrite(
  deps: ServiceDeps,
  config: ServiceConfig,
  upload: Upload,
): Promise<ProcessOutcome> {
  const prepared = prepare(deps, config, upload);
  if (prepared.kind === 'rejected')
    return finish(deps, upload, buildRejectedResult(upload.read.source, prepared));
  const identity = identityOf(upload.me, prepared.bodyHash, prepared.article.text);
  const sighting = await enterIdentity(deps.index, identity, config.nearThreshold);
  if (sighting.verdict.kind !== 'unique') {
    return settleDuplicate(
      deps,
      config,
      { upload, prepared, identity },
      {
        ...sighting,
        verdict: sighting.verdict,
      },
    );
  }
  return publishCanonical(deps, config, { upload, prepared, identity }, sighting);
}

/** decode → extract → clean → fingerprint, or the rejection of input that is too large or not an article. */
function prepare(deps: ServiceDeps, config: ServiceConfig, upload: Upload): PreparedArticle | RejectedInput {
  const { read, event } = upload;
  if (read.object.kind === 'too-large') {
    return {
      kind: 'rejected',
      sha256: '',
      size: read.object.size,
      error: {
        code: 'TOO_LARGE',
        message: `The input is ${read.object.size} bytes; the limit is ${config.maxBytes} bytes.`,
      },
      timings: {},
    };
  }
  return (deps.pipeline?.prepareArticle ?? prepareArticle)(read.object.bytes, {
    maxBytes: config.maxBytes,
    fileName: event.key,
    clock: deps.clock,
    ...optional('contentType', read.object.contentType),
    ...optional('published', read.object.metadata.published),
    ...optional('format', config.format),
  });
}

/** An upload with its prepared article and its identity in the index. */
type Identified = {
  readonly upload: Upload;
  readonly prepared: PreparedArticle;
  readonly identity: Identity;
};

/**
 * Writes a duplicate's result, then follows its canonical while it moves to an earlier upload. A canonical
 * that went away meanwhile (deleted, replaced) leaves this copy unique: it is then analysed after all. Later
 * near copies with other figures that it sees are told that it came first (nameNearCopies).
 */
async function settleDuplicate(
  deps: ServiceDeps,
  config: ServiceConfig,
  item: Identified,
  first: Sighting & { readonly verdict: Exclude<DedupVerdict, { kind: 'unique' }> },
): Promise<ProcessOutcome> {
  let verdict = first.verdict;
  const variants = [...first.variants];
  let outcome = await finish(
    deps,
    item.upload,
    buildDuplicateResult(item.upload.read.source, item.prepared, verdict),
  );
  for (let round = 0; round < MAX_SETTLE_ROUNDS && outcome.kind === 'written'; round++) {
    const latest = await currentSighting(deps.index, item.identity, config.nearThreshold);
    if (latest.verdict.kind === 'unique') return publishCanonical(deps, config, item, latest);
    variants.push(...latest.variants);
    if (latest.verdict.of === verdict.of) break;
    verdict = latest.verdict;
    outcome = await finish(
      deps,
      item.upload,
      buildDuplicateResult(item.upload.read.source, item.prepared, verdict),
    );
  }
  if (outcome.kind === 'written') await nameNearCopies(deps, item.upload.me, variants, config.nearThreshold);
  return outcome;
}

/**
 * The canonical path: analyse, relate claims to the corpus, write, show the links in the other results, demote
 * the later copies that had declared themselves canonical, and demote itself if an earlier copy was indexed
 * while it was analysed (that copy could not see this result yet).
 */
async function publishCanonical(
  deps: ServiceDeps,
  config: ServiceConfig,
  item: Identified,
  sighting: Sighting,
): Promise<ProcessOutcome> {
  const { upload, prepared } = item;
  const { copies } = sighting;
  // Unique here; it may name an earlier near copy that states other figures.
  const dedup: DedupVerdict = sighting.verdict.kind === 'unique' ? sighting.verdict : { kind: 'unique' };
  const analysis = analyse(deps, config, upload, prepared);
  const claims =
    deps.claims === undefined
      ? analysis.claims
      : await relateToCorpus({ ...deps, claims: deps.claims }, upload.me, analysis.claims, sighting);
  const checked = await matchFactChecks(deps, claims, prepared.article.published);
  const result = buildProcessedResult(upload.read.source, prepared, { ...analysis, claims: checked }, dedup);
  const outcome = await finish(deps, upload, result);
  if (outcome.kind !== 'written') return outcome;
  await mirrorLinks(deps, upload.me, claims);
  const demotedFirst = await demoteLaterCopies(deps, upload.me, copies);
  const latest = await currentSighting(deps.index, item.identity, config.nearThreshold);
  if (latest.verdict.kind === 'unique') {
    const renamed = await nameNearCopies(
      deps,
      upload.me,
      [...sighting.variants, ...latest.variants],
      config.nearThreshold,
    );
    const demotedCopies = [...demotedFirst, ...(await demoteLaterCopies(deps, upload.me, latest.copies))];
    // Renamed: an earlier near copy finished while this one was analysed; the stored result says so.
    const written = renamed
      ? parseStoredResult((await deps.results.read(upload.event))?.document)
      : undefined;
    const final = written === undefined ? outcome : { kind: 'written' as const, result: written };
    return demotedCopies.length === 0 ? final : { ...final, demotedCopies };
  }
  await demoteCopy(deps, upload.me, latest.verdict);
  const demoted = parseStoredResult((await deps.results.read(upload.event))?.document);
  return demoted === undefined ? outcome : { kind: 'written', result: demoted };
}

/**
 * The published fact-checks that match each check-worthy claim (the library's calibrated threshold decides);
 * claims stay as they are without a library. The article's own publication date, when it states one, lets the
 * matcher prefer fact-checks of its time; the upload time says nothing about when a claim was made.
 */
async function matchFactChecks(
  deps: ServiceDeps,
  claims: readonly Claim[],
  date: string | undefined,
): Promise<Claim[]> {
  if (deps.factChecks === undefined || claims.length === 0) return [...claims];
  // Only check-worthy claims are looked up; an empty text is skipped by the matcher at no cost.
  const lists = await deps.factChecks.match(
    claims.map((claim) => ({ text: claim.checkworthy ? claim.text : '' })),
    date === undefined ? {} : { date },
  );
  return withFactChecks(claims, lists);
}

/** Summary and claims of a canonical article, its summary length from settings, prefix rules and metadata. */
function analyse(
  deps: ServiceDeps,
  config: ServiceConfig,
  upload: Upload,
  prepared: PreparedArticle,
): Analysis {
  const metadata = upload.read.object.kind === 'object' ? upload.read.object.metadata : {};
  return (deps.pipeline?.analyzeArticle ?? analyzeArticle)(prepared.article, {
    uploadedAt: upload.event.eventTime,
    clock: deps.clock,
    summary: resolveSummaryOptions(upload.event.key, metadata, {
      ...optional('defaults', config.summary),
      ...optional('rules', config.summaryRules),
    }),
  });
}

/** Copies later than `me` that declared themselves canonical become its duplicates. */
async function demoteLaterCopies(
  deps: ServiceDeps,
  me: VersionEntry,
  copies: readonly Copy[],
): Promise<string[]> {
  const demoted: string[] = [];
  for (const copy of copies) {
    if (!isEarlier(me, copy.entry)) continue;
    const dedup: DedupVerdict = copy.exact
      ? { kind: 'exact', of: me.id, similarity: 1 }
      : { kind: 'near', of: me.id, similarity: copy.similarity };
    if (await demoteCopy(deps, copy.entry, dedup)) demoted.push(copy.entry.id);
  }
  return demoted;
}

/** Writes the result (unless a newer version's stands) and marks the version done in the index. */
async function finish(
  deps: ServiceDeps,
  upload: Upload,
  result: ResultDocument & { source: { etag?: string } },
) {
  const written = await saveResult(deps.results, upload.event, result, upload.order);
  if (written === 'superseded') return { kind: 'superseded' } as const;
  await deps.index.update(upload.me, { state: 'done' });
  return { kind: 'written', result } as const;
}

/**
 * Decides again, earliest first, the copies whose canonical was the version this upload replaced: the next
 * earliest becomes canonical (and is analysed, if it never was), the others follow it.
 */
export async function reconsiderCopies(
  deps: ServiceDeps,
  config: ServiceConfig,
  copies: readonly Registration[],
): Promise<number> {
  for (const copy of copies) {
    const slash = copy.id.indexOf('/');
    await processObjectCreated(
      {
        bucket: copy.id.slice(0, slash),
        key: copy.id.slice(slash + 1),
        eventTime: copy.uploadedAt,
        etag: copy.etag,
        ...optional('versionId', copy.versionId),
        ...optional('sequencer', copy.sequencer),
      },
      deps,
      { ...config, reprocess: true },
    );
  }
  return copies.length;
}

/** Strips the quotes S3 puts around ETags, so that event and GetObject ETags compare. */
export function normalizeEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '') || undefined;
}

/** `{ [name]: value }` when value is defined, else `{}`: keeps absent fields absent in results. */
export function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V });
}
