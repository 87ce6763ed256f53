import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';

/** An SQS call of the redrive failed (permissions, a task already running, a wrong queue). */
export class RedriveError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RedriveError';
  }
}

/** One message move task as SQS reports it. */
export type MoveTask = {
  readonly status: string;
  readonly moved: number;
  readonly toMove?: number;
  readonly failureReason?: string;
};

/**
 * Moves the messages of a dead-letter queue back to the queue they came from, with SQS's own
 * StartMessageMoveTask (server-side, resumable, rate-limited), as the console's "Start DLQ redrive" does.
 */
export class SqsRedrive {
  constructor(private readonly client: SQSClient) {}

  /** The ARN of a queue given by URL or ARN. */
  async queueArn(queue: string): Promise<string> {
    if (queue.startsWith('arn:')) return queue;
    try {
      const answer = await this.client.send(
        new GetQueueAttributesCommand({ QueueUrl: queue, AttributeNames: ['QueueArn'] }),
      );
      const arn = answer.Attributes?.QueueArn;
      if (arn === undefined) throw new RedriveError(`SQS did not report the ARN of ${queue}`);
      return arn;
    } catch (error) {
      if (error instanceof RedriveError) throw error;
      throw new RedriveError(`Reading the attributes of ${queue} failed`, { cause: error });
    }
  }

  /** Starts moving the DLQ's messages back to their source queue; returns the task handle. */
  async start(deadLetterArn: string, maxPerSecond?: number): Promise<string> {
    try {
      const answer = await this.client.send(
        new StartMessageMoveTaskCommand({
          SourceArn: deadLetterArn,
          ...(maxPerSecond ? { MaxNumberOfMessagesPerSecond: maxPerSecond } : {}),
        }),
      );
      return answer.TaskHandle ?? '';
    } catch (error) {
      throw new RedriveError(`Starting the redrive of ${deadLetterArn} failed`, { cause: error });
    }
  }

  /** The most recent move tasks of a DLQ (SQS keeps the last ten). */
  async tasks(deadLetterArn: string): Promise<MoveTask[]> {
    try {
      const answer = await this.client.send(new ListMessageMoveTasksCommand({ SourceArn: deadLetterArn }));
      return (answer.Results ?? []).map((task) => ({
        status: task.Status ?? 'UNKNOWN',
        moved: task.ApproximateNumberOfMessagesMoved ?? 0,
        ...(task.ApproximateNumberOfMessagesToMove !== undefined
          ? { toMove: task.ApproximateNumberOfMessagesToMove }
          : {}),
        ...(task.FailureReason ? { failureReason: task.FailureReason } : {}),
      }));
    } catch (error) {
      throw new RedriveError(`Listing the redrive tasks of ${deadLetterArn} failed`, { cause: error });
    }
  }
}
