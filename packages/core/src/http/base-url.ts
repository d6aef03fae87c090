import { validationError } from "../errors.js";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * How `normalizeBaseURL` judges a base URL: the vendor it is for (named in errors) and whether
 * plain `http:` is allowed.
 */
export interface BaseURLRules {
  vendor: string;
  /** Allow `http:` on a host that is not loopback (a proxy on a private network). Off by default. */
  allowInsecure?: boolean;
}

/**
 * Checks and normalises a base URL that replaces the vendor's `servers[0].url` whole.
 * Credentials must not travel in clear text, so `http:` is refused unless the host is loopback
 * (a local sandbox) or the caller opts in; user info in the URL is refused outright.
 */
export function normalizeBaseURL(raw: string, rules: BaseURLRules): string {
  if (typeof raw !== "string") throw validationError(rules.vendor, "baseURL", "must be a string");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationError(rules.vendor, "baseURL", "must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw validationError(rules.vendor, "baseURL", "must use https: (or http: on a loopback host)");
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !rules.allowInsecure) {
    throw validationError(
      rules.vendor,
      "baseURL",
      "must use https: unless the host is loopback; pass allowInsecureBaseURL: true to opt in",
    );
  }
  // `URL` drops an empty user info (`https://@host`) and a bare `?` or `#`: look at the text too.
  if (url.username || url.password || /^[^:/?#]+:\/\/[^/?#]*@/.test(raw.trim())) {
    throw validationError(rules.vendor, "baseURL", "must not contain credentials");
  }
  if (url.search || url.hash || /[?#]/.test(raw)) {
    throw validationError(rules.vendor, "baseURL", "must not contain a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}
