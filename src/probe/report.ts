import { X509Certificate } from 'node:crypto'
import { probeOnce } from './probe.js'
import type { ProbeAttempt, ProbeReport, ProbeTarget } from './types.js'

/**
 * The probe: once with the client certificate (the verdict), then once without it, to tell whether the endpoint
 * enforces mTLS. A STRICT account's endpoint refuses the second connection.
 */
export async function probeEndpoint(
  endpoint: string,
  target: ProbeTarget,
  proxyShown: string | null,
  client: { certPem: string; keyPem: string },
): Promise<ProbeReport> {
  const leaf = new X509Certificate(client.certPem)
  const withCertificate = await probeOnce(target, client)
  const compared = withCertificate.outcome === 'accepted' || withCertificate.outcome === 'rejected'
  const withoutCertificate = compared ? await probeOnce(target, undefined) : null
  const enforcesMtls =
    withoutCertificate === null || !['accepted', 'rejected'].includes(withoutCertificate.outcome)
      ? null
      : withoutCertificate.outcome === 'rejected'
  const verdict =
    withCertificate.outcome === 'accepted' ? 'accepted' : withCertificate.outcome === 'rejected' ? 'rejected' : 'error'
  return {
    endpoint,
    proxy: proxyShown,
    client: {
      subject: oneLine(leaf.subject),
      issuer: oneLine(leaf.issuer),
      notAfter: new Date(leaf.validTo).toISOString(),
    },
    withCertificate,
    withoutCertificate,
    enforcesMtls,
    verdict,
    exitCode: verdict === 'accepted' ? 0 : verdict === 'rejected' ? 1 : 2,
  }
}

/** The report for a reader: what was seen, then the verdict on the last line. */
export function renderProbe(r: ProbeReport): string {
  const a = r.withCertificate
  const lines = [
    `endpoint:   ${r.endpoint}${r.proxy ? ` (through the proxy ${r.proxy})` : ''}`,
    `client:     ${r.client.subject}, issued by ${r.client.issuer}, valid until ${r.client.notAfter.slice(0, 10)}`,
  ]
  if (a.tls) lines.push(`tls:        ${a.tls.version}, ${a.tls.cipher}`)
  if (a.server) lines.push(`server:     ${a.server.subject}, issued by ${a.server.issuer}`)
  // Under TLS 1.3 the request is encrypted: the connection without a certificate answers instead.
  if (a.requestedClientCertificate === false) lines.push('asks:       no client certificate')
  else if (a.requestedClientCertificate === true) {
    const cas = a.acceptableCas ?? []
    lines.push(`asks:       a client certificate${cas.length > 0 ? `, issued by one of: ${cas.join('; ')}` : ''}`)
    if (cas.length > 0 && !cas.includes(r.client.issuer))
      lines.push(`warning: the server names other CAs than the issuer of your certificate (${r.client.issuer})`)
  }
  lines.push(`with the client certificate:    ${attemptLine(a)}`)
  if (r.withoutCertificate) lines.push(`without a client certificate:   ${attemptLine(r.withoutCertificate)}`)
  if (r.enforcesMtls === true)
    lines.push('the server asks for a client certificate and refuses a connection without one: it enforces mTLS')
  else if (r.enforcesMtls === false)
    lines.push(
      'warning: the endpoint accepted a connection without a client certificate: it does not enforce mTLS ' +
        '(a STRICT account refuses it)',
    )
  lines.push(
    r.verdict === 'accepted'
      ? 'accepted: the endpoint took the client certificate'
      : r.verdict === 'rejected'
        ? `rejected: ${a.reason}`
        : `no verdict: ${a.reason}`,
  )
  return lines.join('\n') + '\n'
}

function attemptLine(a: ProbeAttempt): string {
  switch (a.outcome) {
    case 'accepted':
      return a.httpStatus === null ? `accepted (${a.reason})` : `accepted (HTTP ${a.httpStatus})`
    case 'rejected':
      return `refused: ${a.reason}`
    default:
      return `${a.outcome === 'timeout' ? 'timed out' : 'failed'}: ${a.reason}`
  }
}

const oneLine = (name: string) => name.split('\n').join(', ')
