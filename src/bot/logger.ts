/**
 * pino, with secrets scrubbed from every line: the bot token appears in Bot API URLs and could
 * surface in an error message or a stack, so the final output is filtered, not just known fields.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from '../config.ts';

export function createLogger(opts: { level: LogLevel; secrets: Array<string | undefined>; destination?: DestinationStream }): Logger {
  const secrets = opts.secrets.filter((s): s is string => Boolean(s && s.length >= 8));
  // A token is also written into URLs percent-encoded (the colon): scrub that form too.
  const patterns = secrets.flatMap((s) => [s, encodeURIComponent(s)]);
  return pino(
    {
      level: opts.level,
      base: { app: 'claimdesk' },
      hooks: {
        streamWrite: (line) => patterns.reduce((out, secret) => out.split(secret).join('[redacted]'), line),
      },
    },
    opts.destination,
  );
}
