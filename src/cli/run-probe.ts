import { formatDiagnostic, UsageError } from '../errors.js'
import { parseProbeEndpoint, proxyFor } from '../probe/endpoint.js'
import { probeEndpoint, renderProbe } from '../probe/report.js'
import type { ProbeTarget } from '../probe/types.js'
import type { ProbeArgs } from './args.js'
import type { Io } from './io.js'
import { loadCertificate } from './load-certificate.js'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * `delegate-mtls probe`: the certificate and key are checked as for the Secret first (a certificate the delegate
 * could not use proves nothing), then the endpoint is asked. The key goes to the TLS layer and nowhere else.
 */
export async function runProbe(args: ProbeArgs, io: Io): Promise<0 | 1 | 2> {
  const where = parseProbeEndpoint(args.endpoint)
  if (typeof where === 'string') throw new UsageError(where)
  const proxy = proxyFor(where.host, where.port, io.env)
  if (typeof proxy === 'string') throw new UsageError(proxy)
  let serverCaPem: string | undefined
  if (args.serverCa !== undefined) {
    try {
      serverCaPem = readFileSync(resolve(io.cwd, args.serverCa), 'utf8')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      throw new UsageError(`cannot read the server CA ${args.serverCa}: ${code === 'ENOENT' ? 'no such file' : code}`)
    }
    if (!/-----BEGIN CERTIFICATE-----/.test(serverCaPem))
      throw new UsageError(`--server-ca ${args.serverCa} holds no "-----BEGIN CERTIFICATE-----" block`)
  }
  const pems = await loadCertificate({ cert: args.cert, key: args.key }, io, true)
  if (!pems) return 2
  const target: ProbeTarget = {
    host: where.host,
    port: where.port,
    timeoutMs: args.timeoutMs,
    ...(proxy ? { proxy: { host: proxy.host, port: proxy.port, ...(proxy.auth ? { auth: proxy.auth } : {}) } } : {}),
    ...(serverCaPem === undefined ? {} : { serverCaPem }),
  }
  const report = await probeEndpoint(args.endpoint, target, proxy ? proxy.shown : null, pems)
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
