// Structured logs: one JSON object a line on stdout. Never personal data: no names, logins,
// passwords, tokens, request bodies or record contents; ids of schools and devices and route
// patterns only.
export type LogLevel = 'info' | 'warn' | 'error'

export interface LogFields {
  [key: string]: string | number | boolean | null | undefined
}

export interface Logger {
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l + '\n'), now: () => number = Date.now): Logger {
  const emit = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    write(JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields }))
  }
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  }
}

/** An error's class and message for a log line; messages of our own errors carry no personal data. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) return { error: err.name, message: err.message.slice(0, 300) }
  return { error: String(err).slice(0, 300) }
}
