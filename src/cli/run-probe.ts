import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { formatDiagnostic, UsageError } from '../errors.js'
import { parseProbeEndpoint, proxyFor } from '../probe/endpoint.js'
import { probeEndpoint, renderProbe } from '../probe/report.js'
import type { ProbeReport, ProbeTarget } from '../probe/types.js'
import type { ProbeArgs } from './args.js'
import type { Io } from './io.js'
import { loadCertificate } from './load-certificate.js'

/**
 * `delegate-mtls probe`: the certificate and key are checked as for the Secret first (a certificate the delegate
 * could not use proves nothing), then the endpoint is asked. The key goes to the TLS layer and nowhere else.
 */
export async function runProbe(args: ProbeArgs, io: Io): Promise<0 | 1 | 2> {
  const serverCaPem = readServerCa(io, args.serverCa)
  const prepare = probeFor(io, args.timeoutMs, serverCaPem)
  // The endpoint and the proxy are checked before the certificate is read: a usage error costs nothing.
  const probe = prepare(args.endpoint)
  const pems = await loadCertificate({ cert: args.cert, key: args.key }, io, true)
  if (!pems) return 2
  const report = await probe(pems)
  if (args.format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n')
  else io.stdout.write(renderProbe(report))
  if (report.verdict !== 'accepted')
    io.stderr.write(
      formatDiagnostic({
        code: 'PROBE',
        severity: 'error',
        file: args.endpoint,
        message: report.withCertificate.reason ?? report.verdict,
      }) + '\n',
    )
  return report.exitCode
}

/** `--server-ca`: the PEM text, or undefined when not given. */
export function readServerCa(io: Io, file: string | undefined): string | undefined {
  if (file === undefined) return undefined
  let pem: string
  try {
    pem = readFileSync(resolve(io.cwd, file), 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UsageError(`cannot read the server CA ${file}: ${code === 'ENOENT' ? 'no such file' : code}`)
  }
  if (!/-----BEGIN CERTIFICATE-----/.test(pem))
    throw new UsageError(`--server-ca ${file} holds no "-----BEGIN CERTIFICATE-----" block`)
  return pem
}

/**
 * The probe of one endpoint, its URL and proxy (HTTPS_PROXY, NO_PROXY) checked now: a bad one throws UsageError.
 */
export function probeFor(
  io: Io,
  timeoutMs: number,
  serverCaPem: string | undefined,
): (endpoint: string) => (client: { certPem: string; keyPem: string }) => Promise<ProbeReport> {
  return (endpoint) => {
    const where = parseProbeEndpoint(endpoint)
    if (typeof where === 'string') throw new UsageError(where)
    const proxy = proxyFor(where.host, where.port, io.env)
    if (typeof proxy === 'string') throw new UsageError(proxy)
    const target: ProbeTarget = {
      host: where.host,
      port: where.port,
      timeoutMs,
      ...(proxy ? { proxy: { host: proxy.host, port: proxy.port, ...(proxy.auth ? { auth: proxy.auth } : {}) } } : {}),
      ...(serverCaPem === undefined ? {} : { serverCaPem }),
    }
    return (client) => probeEndpoint(endpoint, target, proxy ? proxy.shown : null, client)
  }
}
