import { CampaignkitError } from "../errors.js";
import { redactSecrets } from "./redact-secrets.js";

/** Statuses that send the client elsewhere (304 Not Modified does not). */
const REDIRECTS = new Set([300, 301, 302, 303, 307, 308]);

function originOf(location: string | null, base: string): string | undefined {
  if (!location) return undefined;
  try {
    // Only the origin: a target's path or query may carry anything, the credential included.
    return new URL(location, base).origin;
  } catch {
    return undefined;
  }
}

/**
 * The error for an answer that sends the call elsewhere, or `undefined`. Requests go out with
 * `redirect: "manual"`, so a redirect arrives as a 3xx (or, in a browser, an opaque redirect) and
 * nothing follows it. A caller-supplied fetch may follow anyway: that shows on the response
 * (`redirected`, or a `url` on another origin), and by then the request, credential included,
 * has reached the target, so the error says `credentialSent: true`.
 */
export function refusedRedirect(
  vendor: string,
  request: Request,
  response: Response,
  secrets: readonly string[],
): CampaignkitError | undefined {
  const requestOrigin = new URL(request.url).origin;
  const followedTo = response.url ? originOf(response.url, request.url) : undefined;
  const followed =
    response.redirected || (followedTo !== undefined && followedTo !== requestOrigin);
  const opaque = response.type === "opaqueredirect";
  if (!followed && !opaque && !REDIRECTS.has(response.status)) return undefined;

  const target = followed ? followedTo : originOf(response.headers.get("location"), request.url);
  const status = opaque ? undefined : followed ? undefined : response.status;
  const where = target ? `to ${target}` : "to an undisclosed location";
  const message = followed
    ? `${vendor}: the fetch followed a redirect ${where}; campaignkit does not follow redirects, so the answer is refused, but the request and its credential already reached that server: treat the credential as exposed`
    : `${vendor}: the server answered ${status ? `HTTP ${status}, ` : ""}a redirect ${where}; campaignkit does not follow redirects (a credential never leaves for another origin): point baseURL at the API itself`;
  return new CampaignkitError({
    code: "VENDOR",
    vendor,
    httpStatus: status,
    retryable: false,
    message: redactSecrets(message, secrets),
    details: redactSecrets(
      {
        redirect: {
          ...(status ? { status } : {}),
          ...(target ? { origin: target } : {}),
          sameOrigin: target === requestOrigin,
        },
        credentialSent: followed,
      },
      secrets,
    ),
  });
}
