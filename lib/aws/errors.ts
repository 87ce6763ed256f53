/** An S3 call failed for a reason other than a missing object: retry the invocation. */
export class ObjectStoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ObjectStoreError';
  }
}

/** A DynamoDB call of the dedup or claims index failed: retry the invocation. */
export class IndexError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IndexError';
  }
}

/** An SQS call failed: the command that sent it stops with this error. */
export class QueueError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'QueueError';
  }
}
