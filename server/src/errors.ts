// Errors the API answers with: an HTTP status and a code (with parameters) the app words through its
// messages. Thrown by the services, turned into a response in one place (./http.ts).
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 423 | 429 | 503,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code)
    this.name = 'ApiFailure'
  }
}
