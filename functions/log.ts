/** One structured log line (JSON), as CloudWatch Logs Insights reads it. */
export function logJson(
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, unknown> = {},
): void {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** An error as loggable fields, with its chain of causes (never sent to callers). */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  return {
    error: error.message,
    errorName: error.name,
    ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
  };
}
