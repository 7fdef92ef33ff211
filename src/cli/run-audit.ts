import { resolve } from 'node:path'
import { formatDiagnostic, UsageError, type Diagnostic } from '../errors.js'
import {
  audit,
  mtlsEndpointKind,
  type AuditInput,
  type AuditOptions,
  type AuditProbe,
  type AuditReport,
} from '../audit/audit.js'
import { renderAuditJson, renderAuditText } from '../audit/render.js'
import { DEFAULT_MAX_BYTES, STDIN_NAME, expandPaths, readInput, readStdin } from '../io/index.js'
import type { AuditArgs } from './args.js'
import type { Io } from './io.js'
import { hintStdin } from './stdin-hint.js'

/**
 * `delegate-mtls audit [paths…]`: one row per delegate, then whether the fleet is ready for STRICT.
 * Exit 0 ready, 1 some delegate (or upgrader) would be refused, 2 an input could not be read.
 */
export async function runAudit(args: AuditArgs, io: Io): Promise<0 | 1 | 2> {
  const stdin = args.paths.length === 0 || (args.paths.length === 1 && args.paths[0] === '-')
  if (!stdin && args.paths.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with file paths')
  const maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES
  const inputs: AuditInput[] = []
  const readErrors: Diagnostic[] = []
  if (stdin) {
    hintStdin(io, false)
    const read = await readStdin(io.stdin, maxBytes)
    if ('error' in read) readErrors.push(read.error)
    else inputs.push({ path: STDIN_NAME, text: read.text })
  } else {
    const { files, errors } = await expandPaths(args.paths, io.cwd)
    readErrors.push(...errors)
    for (const file of files) {
      const read = readInput(resolve(io.cwd, file), { maxBytes })
      if ('error' in read) readErrors.push({ ...read.error, file })
      else inputs.push({ path: file, text: read.text })
    }
  }
  const options: AuditOptions = { grpcAuthority: args.grpcAuthority }
  if (args.endpoint !== undefined) options.endpoint = args.endpoint
  if (args.secretName !== undefined) options.secretName = args.secretName
  if (args.mountPath !== undefined) options.mountPath = args.mountPath.replace(/\/+$/, '') || '/'
  const report = audit(inputs, options)
  report.errors.unshift(...readErrors)
  if (readErrors.length > 0) report.ready = false
  let probeFailed = false
  if (args.probe) {
    const probes = await probeFleet(args.probe, report, args.endpoint, io)
    if (probes === false) return 2
    report.probes = probes
    if (probes.some((p) => p.verdict !== 'accepted')) report.ready = false
    probeFailed = probes.some((p) => p.verdict === 'error')
  }
  for (const e of report.errors) io.stderr.write(formatDiagnostic(e) + '\n')
  io.stdout.write(args.format === 'json' ? renderAuditJson(report) : renderAuditText(report))
  if (report.errors.length > 0 || probeFailed) return 2
  return report.ready ? 0 : 1
}

/**
 * `--probe`: each distinct endpoint the delegates point at (and --endpoint), once, with the client certificate.
 * A Harness SaaS endpoint known not to serve mTLS (app.harness.io) is left out: it would prove nothing. `false`
 * when the certificate or key is refused (printed, exit 2).
 */
async function probeFleet(
  opts: NonNullable<AuditArgs['probe']>,
  report: AuditReport,
  endpoint: string | undefined,
  io: Io,
): Promise<AuditProbe[] | false> {
  const { loadCertificate } = await import('./load-certificate.js')
  const { probeFor, readServerCa } = await import('./run-probe.js')
  const prepare = probeFor(io, opts.timeoutMs, readServerCa(io, opts.serverCa))
  const counts = new Map<string, number>()
  const originOf = (url: string): string | undefined => {
    try {
      const u = new URL(url)
      return u.protocol === 'https:' && mtlsEndpointKind(url) !== 'no' ? u.origin : undefined
    } catch {
      return undefined
    }
  }
  if (endpoint !== undefined) {
    const origin = originOf(endpoint)
    if (origin === undefined) throw new UsageError(`--probe: --endpoint "${endpoint}" is not an https mTLS endpoint`)
    counts.set(origin, 0)
  }
  for (const r of report.delegates) {
    const origin = r.endpoint === null ? undefined : originOf(r.endpoint)
    if (origin !== undefined) counts.set(origin, (counts.get(origin) ?? 0) + 1)
  }
  const probes = [...counts.keys()].map((e) => prepare(e))
  const pems = await loadCertificate({ cert: opts.cert, key: opts.key }, io, true)
  if (!pems) return false
  const out: AuditProbe[] = []
  // One at a time: a fleet has few endpoints, and a proxy may limit parallel tunnels.
  for (const [i, origin] of [...counts.keys()].entries()) {
    const p = await probes[i]!(pems)
    out.push({
      endpoint: origin,
      delegates: counts.get(origin)!,
      verdict: p.verdict,
      enforcesMtls: p.enforcesMtls,
      reason: p.verdict === 'accepted' ? null : p.withCertificate.reason,
    })
  }
  return out
}
