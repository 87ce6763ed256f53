// Preloaded (node --require) into the serverless-offline child of the local stack: when the
// process that started it dies without stopping it (SIGKILL, a crash), the child stops too,
// instead of holding the HTTP and Lambda ports until someone finds it.
const { isMainThread } = require('node:worker_threads');

/** How often to check that the parent is alive: quick enough that a restart finds the ports free. */
const CHECK_INTERVAL_MS = 500;

const parentPid = Number(process.env.FACTSUM_PARENT_PID);
if (isMainThread && Number.isInteger(parentPid) && parentPid > 1) {
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      clearInterval(timer);
      // serverless-offline halts cleanly on SIGTERM.
      process.kill(process.pid, 'SIGTERM');
    }
  }, CHECK_INTERVAL_MS);
  timer.unref();
}
