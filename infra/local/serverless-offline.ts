import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** serverless.yml's `service`; serverless-offline names functions `<service>-<stage>-<key>`. */
export const SERVICE_NAME = 'factsum';

/**
 * First start bundles both functions with esbuild and starts hapi twice; a cold machine needs
 * tens of seconds, a warm one about five.
 */
const READY_TIMEOUT_MS = 120_000;

/** How often to probe the ports while serverless-offline starts. */
const READY_POLL_MS = 200;

/** serverless-offline halts on SIGTERM within a second or two; after this it is killed. */
const STOP_GRACE_MS = 5_000;

/** Preload that stops the child when this process dies without stopping it. */
const EXIT_WITH_PARENT = fileURLToPath(new URL('./exit-with-parent.cjs', import.meta.url));

/** Lines of child output kept to explain a failed start. */
const OUTPUT_TAIL_LINES = 60;

export type ServerlessOfflineOptions = {
  /** The folder with serverless.yml and node_modules. */
  readonly serviceDir: string;
  readonly stage: string;
  readonly host: string;
  readonly httpPort: number;
  readonly lambdaPort: number;
  /** Environment of the child on top of this process's, e.g. endpoints and credentials. */
  readonly env: Readonly<Record<string, string>>;
  /** Where serverless-esbuild builds, relative to serviceDir (each concurrent stack needs its own). */
  readonly esbuildWorkFolder?: string;
  /** Appends the child's output to this file. */
  readonly logFile?: string;
  /** Receives every output line of the child. */
  readonly onOutput?: (line: string) => void;
};

export type ServerlessOffline = {
  /** Base URL of the HTTP API (httpApi events). */
  readonly httpEndpoint: string;
  /** Base URL of the Lambda Invoke API (`/2015-03-31/functions/<name>/invocations`). */
  readonly lambdaEndpoint: string;
  /** The deployed name of a function of serverless.yml, as the Invoke API expects it. */
  functionName(functionKey: string): string;
  /** The last lines the child printed. */
  outputTail(): string;
  /** Stops the child and everything it started (its process group). */
  stop(): Promise<void>;
};

/** A failure to start serverless-offline, with the tail of its output. */
export class ServerlessOfflineError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServerlessOfflineError';
  }
}

/**
 * Runs `osls offline` for serverless.yml in a child process group and resolves once its HTTP
 * and Lambda ports answer. The functions run the same bundled handlers as in AWS, in worker threads.
 */
export async function startServerlessOffline(options: ServerlessOfflineOptions): Promise<ServerlessOffline> {
  const tail: string[] = [];
  const log: WriteStream | undefined = options.logFile
    ? createWriteStream(options.logFile, { flags: 'a' })
    : undefined;
  const child = spawn(
    process.execPath,
    [
      '--require',
      EXIT_WITH_PARENT,
      join(options.serviceDir, 'node_modules', 'osls', 'bin', 'serverless.js'),
      'offline',
      '--stage',
      options.stage,
      '--host',
      options.host,
      '--httpPort',
      String(options.httpPort),
      '--lambdaPort',
      String(options.lambdaPort),
      '--noSponsor',
    ],
    {
      cwd: options.serviceDir,
      env: childEnvironment(options),
      // Its own process group, so that stop() reaches everything it spawns.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      resolve(code ?? (signal ? 128 : null));
    });
    child.once('error', () => resolve(null));
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      log?.write(`${line}\n`);
      options.onOutput?.(line);
    });
  }

  const httpEndpoint = `http://${options.host}:${options.httpPort}`;
  const lambdaEndpoint = `http://${options.host}:${options.lambdaPort}`;
  let stopping: Promise<void> | undefined;
  const offline: ServerlessOffline = {
    httpEndpoint,
    lambdaEndpoint,
    functionName: (functionKey) => `${SERVICE_NAME}-${options.stage}-${functionKey}`,
    outputTail: () => tail.join('\n'),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          killGroup(child, 'SIGTERM');
          const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
          await exited;
          clearTimeout(timer);
        }
        // Worker threads or esbuild's service may outlive the leader; the group goes with it.
        killGroup(child, 'SIGKILL');
        await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
      })();
      return stopping;
    },
  };

  try {
    const ready = await Promise.race([
      waitForPorts([httpEndpoint, lambdaEndpoint]).then(() => 'ready' as const),
      exited.then((code) => ({ exitCode: code })),
    ]);
    if (ready !== 'ready') {
      throw new ServerlessOfflineError(
        `serverless-offline exited (code ${String(ready.exitCode)}) before it was ready`,
      );
    }
  } catch (error) {
    await offline.stop();
    throw new ServerlessOfflineError(`${String(error)}; its last output:\n${offline.outputTail()}`, {
      cause: error,
    });
  }
  return offline;
}

function childEnvironment(options: ServerlessOfflineOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // Real AWS sessions must not leak into a local run: these would override the local credentials.
  for (const name of [
    'AWS_PROFILE',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  ]) {
    if (!(name in options.env)) delete env[name];
  }
  if (options.esbuildWorkFolder) env.FACTSUM_ESBUILD_WORK_FOLDER = options.esbuildWorkFolder;
  env.FACTSUM_PARENT_PID = String(process.pid);
  env.SLS_TELEMETRY_DISABLED = '1';
  env.SLS_NOTIFICATIONS_MODE = 'off';
  // The local Node may be older than Lambda's nodejs22.x; the SDK's reminder is noise here.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  return env;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

async function waitForPorts(endpoints: readonly string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (const endpoint of endpoints) {
    for (;;) {
      try {
        // Any HTTP answer (a 404 for `/`) means the server is listening with its routes.
        await fetch(endpoint, { signal: AbortSignal.timeout(READY_POLL_MS * 5) });
        break;
      } catch {
        if (Date.now() > deadline) {
          throw new ServerlessOfflineError(`serverless-offline did not answer at ${endpoint}`);
        }
        await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
      }
    }
  }
}
