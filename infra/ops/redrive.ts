/**
 * Moves processArticle's dead letters back to the article queue once the cause is fixed:
 *
 *   npm run redrive -- --dlq <DLQ URL or ARN> [--max-per-second N]     # start (AWS credentials needed)
 *   npm run redrive -- --dlq <DLQ URL or ARN> --status                 # progress of recent redrives
 *
 * The DLQ URL is the stack output ArticleDeadLetterQueueUrl (`npx osls info --verbose`). Redriven
 * messages are processed like new ones; results already written for the same object version are
 * kept (idempotency), so a redrive is safe to repeat.
 */
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { SqsRedrive } from '../../lib/aws/sqs-redrive';

const argsSchema = z.object({
  dlq: z.string().min(1, 'pass --dlq <dead-letter queue URL or ARN>'),
  status: z.boolean().default(false),
  'max-per-second': z.coerce.number().int().min(1).max(500).optional(),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dlq: { type: 'string', default: '' },
      status: { type: 'boolean' },
      'max-per-second': { type: 'string' },
    },
  });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    console.error(`redrive: ${z.prettifyError(args.error)}`);
    return 2;
  }
  const redrive = new SqsRedrive(new SQSClient({}));
  const arn = await redrive.queueArn(args.data.dlq);
  if (args.data.status) {
    for (const task of await redrive.tasks(arn)) console.log(JSON.stringify(task));
    return 0;
  }
  const handle = await redrive.start(arn, args.data['max-per-second']);
  console.log(JSON.stringify({ started: true, source: arn, taskHandle: handle }));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('redrive failed:', error);
    process.exitCode = 1;
  },
);
