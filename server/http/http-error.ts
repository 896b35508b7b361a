/** An answer to a request that could not be served as asked: its status and a plain sentence. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (Allow, Retry-After, WWW-Authenticate …). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
