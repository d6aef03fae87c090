/**
 * Where a vendor expects its credential. Each vendor package declares one of these; the shared
 * client puts the key there on every request, and nowhere else (never in a URL).
 */
export type CredentialPlacement =
  /** A header, optionally with a scheme prefix: `Authorization: Bearer KEY`, `X-API-Key: KEY`. */
  | { in: "header"; name: string; prefix?: string }
  /** A field of an `application/x-www-form-urlencoded` body (Convoso's `auth_token`). */
  | { in: "form-field"; name: string };

/** The content type of a form body, the only one that can carry a `form-field` credential. */
export const FORM_URLENCODED = "application/x-www-form-urlencoded";

/**
 * Returns `request` carrying `apiKey` as `placement` says: the request itself for a header, a
 * new one for a form body (the original's body is read). `withSignal: false` (planning, where
 * nothing is sent) gives the new request no link to the original's signal: each link is a weak
 * reference that outlives V8's young generation, which a bulk dry run makes by the thousand.
 */
export async function withCredential(
  request: Request,
  placement: CredentialPlacement,
  apiKey: string,
  { withSignal = true }: { withSignal?: boolean } = {},
): Promise<Request> {
  if (placement.in === "header") {
    // A Request's own headers may be set (only forbidden names are guarded): no copy needed.
    request.headers.set(placement.name, `${placement.prefix ?? ""}${apiKey}`);
    return request;
  }
  const contentType = request.headers.get("content-type");
  if (contentType !== null && contentType.split(";")[0]?.trim() !== FORM_URLENCODED) {
    throw new TypeError(
      `the credential travels in a form body, but the request body is ${contentType}`,
    );
  }
  const form = new URLSearchParams(request.body === null ? "" : await request.text());
  form.set(placement.name, apiKey);
  const headers = new Headers(request.headers);
  headers.set("content-type", FORM_URLENCODED);
  return new Request(request.url, {
    method: request.method,
    headers,
    body: form.toString(),
    redirect: request.redirect,
    ...(withSignal ? { signal: request.signal } : {}),
  });
}
