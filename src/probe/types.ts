/** Where a probe connects, as `probeOnce` needs it. */
export interface ProbeTarget {
  host: string
  port: number
  /** An HTTP proxy that the connection goes through with CONNECT (HTTPS_PROXY). */
  proxy?: { host: string; port: number; auth?: string }
  /** CA certificates (PEM) the server certificate must chain to, instead of Node's own list. */
  serverCaPem?: string
  timeoutMs: number
}

/** One connection: how far it got, and why it stopped there. */
export interface ProbeAttempt {
  /**
   * `accepted`: the server sent an HTTP response, so its TLS layer took the connection; `rejected`: it refused
   * it (an alert, or a close without response); `untrusted-server`: the server certificate is not trusted, so
   * nothing was sent; `unreachable` and `timeout`: no verdict.
   */
  outcome: 'accepted' | 'rejected' | 'untrusted-server' | 'unreachable' | 'timeout'
  tls: { version: string; cipher: string } | null
  server: { subject: string; issuer: string } | null
  /** Whether the server asked for a client certificate; null when that was not visible (TLS 1.3 encrypts it). */
  requestedClientCertificate: boolean | null
  /** The CAs the server named in that request (each `O=..., CN=...`), when it was visible. */
  acceptableCas: string[] | null
  httpStatus: number | null
  /** Why the connection ended as it did, in words; null when accepted with an HTTP response. */
  reason: string | null
  /** The error or alert code (`ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED`, `ECONNREFUSED`, `TIMEOUT` ...). */
  code: string | null
}

/** The whole probe: `schemas/probe.schema.json`. */
export interface ProbeReport {
  endpoint: string
  /** The proxy used (HTTPS_PROXY, unless NO_PROXY names the host), without its credentials. */
  proxy: string | null
  client: { subject: string; issuer: string; notAfter: string }
  withCertificate: ProbeAttempt
  /** Null when the first connection showed nothing to compare with (unreachable, untrusted server, timeout). */
  withoutCertificate: ProbeAttempt | null
  /** Whether the endpoint refused the connection without a client certificate; null when not tried. */
  enforcesMtls: boolean | null
  verdict: 'accepted' | 'rejected' | 'error'
  exitCode: 0 | 1 | 2
}
