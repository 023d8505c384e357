// Which peer to believe about the client (used by scripts/server.mjs, tested in forwarded.test.ts).
import proxyaddr from "proxy-addr";

/** TRUSTED_PROXIES ("10.0.0.0/8, loopback", …) as a trust function; throws on a malformed entry. */
export function trustFrom(list = "") {
  return proxyaddr.compile(
    list
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/**
 * Rewrites a request's forwarded headers in place: X-Forwarded-For becomes the one client address to
 * believe (the socket's, or the nearest untrusted hop a trusted proxy reported), X-Real-IP goes, and
 * the scheme and host a peer claims are dropped unless the peer is a trusted proxy. True when the
 * client reached us over HTTPS.
 */
export function rewriteForwarded(req, trust) {
  const fromProxy = trust(req.socket.remoteAddress ?? "", 0);
  req.headers["x-forwarded-for"] = proxyaddr(req, trust);
  delete req.headers["x-real-ip"];
  if (!fromProxy) {
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
  return (
    Boolean(req.socket.encrypted) ||
    (fromProxy &&
      String(req.headers["x-forwarded-proto"] ?? "")
        .split(",")[0]
        .trim() === "https")
  );
}
