// No 'server-only' marker: instrumentation.ts loads this outside the React server layer.
import pino, { type Logger } from 'pino';

/**
 * Whatever might carry a secret is censored wherever it appears in a log record: request
 * headers (Authorization holds API keys, Cookie the session), form fields, API-key secrets.
 * pino's redact paths are exact, so the usual nestings are listed.
 */
export const REDACTED_PATHS = [
  'password',
  'secret',
  'token',
  'apiKey',
  'authorization',
  'cookie',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["set-cookie"]',
];

function devLine(line: string): string {
  try {
    const { level, time, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const name = pino.levels.labels[Number(level)] ?? String(level);
    const fields = Object.entries(rest)
      .filter(([key]) => key !== 'pid' && key !== 'hostname')
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    return `${new Date(Number(time)).toISOString().slice(11, 23)} ${name.toUpperCase().padEnd(5)} ${msg ?? ''} ${fields}\n`;
  } catch {
    return line;
  }
}

function createLogger(): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'im-billing-console' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  // Development reads lines, production ships JSON: one line per record either way, written
  // synchronously (no worker-thread transport, which Next's bundles cannot locate).
  if (process.env.NODE_ENV === 'development' || process.env.LOG_PRETTY === '1') {
    return pino({ ...options, timestamp: pino.stdTimeFunctions.epochTime }, { write: (line: string) => process.stdout.write(devLine(line)) });
  }
  return pino(options);
}

const globalForLog = globalThis as unknown as { __imBillingLogger?: Logger };

/** One logger per process (Next.js bundles routes separately; they share it through globalThis). */
export function getLogger(): Logger {
  globalForLog.__imBillingLogger ??= createLogger();
  return globalForLog.__imBillingLogger;
}

export const logger = new Proxy({} as Logger, {
  get(_target, property) {
    const target = getLogger();
    const value = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
