import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { LOCAL_STACK } from '../../lib/local/local-stack';

/** The only credentials s3rver accepts; dynalite accepts any. */
export const LOCAL_CREDENTIALS = LOCAL_STACK.credentials;
export const LOCAL_REGION = LOCAL_STACK.region;

/** The shape of one record s3rver emits on its 'event' channel (S3 notification record, key not encoded). */
export type S3rverRecord = {
  readonly eventName: string;
  readonly eventTime: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: {
      readonly key: string;
      readonly size?: number;
      readonly eTag?: string;
      readonly sequencer?: string;
    };
  };
};

export type LocalS3 = {
  readonly endpoint: string;
  readonly port: number;
  /** Subscribes to object events of every bucket; returns the function that unsubscribes. */
  onObjectEvent(listener: (record: S3rverRecord) => void): () => void;
  close(): Promise<void>;
};

/** Starts s3rver on 127.0.0.1 (port 0 picks a free one), keeping its data under `directory`. */
export async function startLocalS3(options: {
  readonly port: number;
  readonly directory: string;
  readonly buckets: readonly string[];
}): Promise<LocalS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    onObjectEvent(listener) {
      const forward = (event: { Records?: S3rverRecord[] }) => {
        for (const record of event.Records ?? []) listener(record);
      };
      server.on('event', forward);
      return () => {
        server.off('event', forward);
      };
    },
    close: () => server.close(),
  };
}

export type LocalDynamo = { readonly endpoint: string; readonly port: number; close(): Promise<void> };

/** Starts dynalite on 127.0.0.1 with a LevelDB store under `directory` (in memory when undefined). */
export async function startLocalDynamo(options: {
  readonly port: number;
  readonly directory?: string;
}): Promise<LocalDynamo> {
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const server = dynalite({ path: options.directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
