// Stands in for @intlify/message-compiler in the bundle (vite.config.ts aliases it here). vue-i18n's
// runtime registers that general compiler at load even though the app passes its own (messageCompiler in
// ./index.ts), so without this the browser would download and parse a compiler that never runs. These
// are the few names vue-i18n's core imports from it.

export const COMPILE_ERROR_CODES_EXTEND_POINT = 17
export const CompileErrorCodes = {} as const

export function createCompileError(code: number): SyntaxError & { code: number } {
  return Object.assign(new SyntaxError(String(code)), { code })
}

export function defaultOnError(error: unknown): never {
  throw error
}

/** vue-i18n warns about HTML in messages with this; our messages are text and render as text. */
export function detectHtmlTag(source: string): boolean {
  return /<\/?[\w\s="/.':;#-]+>/.test(source)
}

export function baseCompile(): never {
  throw new Error('vue-i18n’s own message compiler is not shipped: messages are compiled by src/i18n/index.ts (messageCompiler).')
}
