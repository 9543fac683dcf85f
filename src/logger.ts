import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'paritrana-bot' },
      redact: { paths: ['req.headers["x-telegram-bot-api-secret-token"]', 'req.headers.authorization'], censor: '***' },
    },
    destination,
  );
}
