import { resolve } from 'node:path'
import { formatDiagnostic, UsageError, type Diagnostic } from '../errors.js'
import { audit, type AuditInput, type AuditOptions } from '../audit/audit.js'
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
  for (const e of report.errors) io.stderr.write(formatDiagnostic(e) + '\n')
  io.stdout.write(args.format === 'json' ? renderAuditJson(report) : renderAuditText(report))
  if (report.errors.length > 0) return 2
  return report.ready ? 0 : 1
}
