import { InternalError, UsageError, type Diagnostic } from '../errors.js'
import { normalizeEndpoint } from '../mtls/endpoint.js'
import { planStream } from '../mtls/plan.js'
import type { Change, MtlsOptions } from '../mtls/types.js'
import { mayMatter, type ResourceRef } from '../resources/classify.js'
import { parseStream } from '../yaml/parse.js'
import { readSource, writeSource } from '../yaml/source.js'
import { applySplices } from '../yaml/splice.js'
import { checkOutput } from './guard.js'
import { composeHostPaths } from '../mtls/plan-compose.js'

/** What the caller gives: the endpoint and the optional knobs of SPEC §8. */
export interface MigrateOptions {
  /** The mTLS endpoint, e.g. `https://acme.harness.io:8443`. Required. */
  endpoint: string
  /** Secret name; may contain `{delegate}`. Default: `client-certificate`. */
  secretName?: string
  /** Mount path of the client certificate. Default: `/etc/mtls`. */
  mountPath?: string
  /** Add `TI_SERVICE_URL` when missing. Default: `false`. */
  tiService?: boolean
  /** Ensure `GRPC_AUTHORITY_MODIFICATION_DISABLED="true"`. Default: `true`. */
  grpcAuthority?: boolean
  /** docker-compose: host path of the client certificate. Default: `./client.crt`. */
  certPath?: string
  /** docker-compose: host path of the client key. Default: `./client.key`. */
  keyPath?: string
  /** The input's name in messages. Default: `<input>`. */
  file?: string
}

/**
 * `migrated`: changes planned; `already`: a delegate or upgrader needing nothing; `none`: no delegate
 * resource at all (passes through); `error`: nothing may be written.
 */
export type MigrateStatus = 'migrated' | 'already' | 'none' | 'error'

export interface MigrateResult {
  status: MigrateStatus
  /** The migrated text (the input itself when nothing changes or on error). */
  output: string
  changes: Change[]
  diagnostics: Diagnostic[]
  /** True when a value could not be changed here (it lives outside the input): `--check` fails. */
  unresolved: boolean
  /** The delegate-related resources found. */
  resources: (ResourceRef & { type: string })[]
}

/** How a migration runs, beyond what it changes. */
export interface MigrateHooks {
  /** Test seam: lets a test corrupt the spliced text to prove the guard catches it. */
  afterSplice?: (text: string) => string
  /**
   * Run the semantic guard on the output. Default: `true`. Callers that only report whether a file
   * would change (`--check`, `-l`) may skip it: they write nothing, and `--write` guards the same plan.
   */
  verify?: boolean
}

export function resolveOptions(opts: MigrateOptions): MtlsOptions {
  const mountPath = (opts.mountPath ?? '/etc/mtls').replace(/\/+$/, '')
  if (!mountPath.startsWith('/')) throw new UsageError(`--mount-path "${opts.mountPath}" must be an absolute path`)
  const secretName = opts.secretName ?? 'client-certificate'
  const sample = secretName.replaceAll('{delegate}', 'x')
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(sample) || sample.length > 253) {
    throw new UsageError(`--secret-name "${secretName}" is not a valid Kubernetes Secret name (lower-case letters, digits, '-' and '.'; may contain {delegate})`)
  }
  return {
    endpoint: normalizeEndpoint(opts.endpoint),
    secretName,
    secretNameExplicit: opts.secretName !== undefined,
    mountPath,
    tiService: opts.tiService ?? false,
    grpcAuthority: opts.grpcAuthority ?? true,
    ...composeHostPaths(opts),
  }
}

/** The whole pipeline on one text: parse → recognise → validate → plan → splice → guard. */
export function migrate(text: string, options: MigrateOptions | (MtlsOptions & { file?: string }), hooks: MigrateHooks = {}): MigrateResult {
  const file = options.file ?? '<input>'
  const resolved = 'secretNameExplicit' in options ? options : resolveOptions(options)
  const source = readSource(text)
  const fail = (diagnostics: Diagnostic[], resources: MigrateResult['resources'] = []): MigrateResult => ({
    status: 'error', output: text, changes: [], diagnostics, unresolved: false, resources,
  })
  const { docs, errors, starts } = parseStream(source.text, file, mayMatter)
  if (errors.length > 0) return fail(errors)
  const plan = planStream(source.text, source.eol, file, docs, resolved, starts)
  const resources = plan.resources.filter((r) => r.type !== 'other').map((r) => ({ ...r.ref, type: r.type }))
  const diagnostics = plan.diagnostics
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics, resources)
  const changes = plan.edits.map((e) => e.change)
  const unresolved = diagnostics.some((d) => d.code === 'NOT_CHANGED')
  const status: MigrateStatus = changes.length > 0 ? 'migrated' : resources.length > 0 ? 'already' : 'none'
  if (changes.length === 0) return { status, output: text, changes, diagnostics, unresolved, resources }

  let body = applySplices(source.text, plan.edits.flatMap((e) => e.splices))
  if (hooks.afterSplice) body = hooks.afterSplice(body)
  const mismatch = hooks.verify === false ? undefined : checkOutput(source.text, docs, body, plan.edits, starts, plan.decoded)
  if (mismatch) {
    const bug = `internal error: the semantic guard refused the result (${mismatch}); nothing was written. Please report this with the input file`
    return fail([...diagnostics, { code: 'GUARD_MISMATCH', severity: 'error', message: bug, file }], resources)
  }
  return { status, output: writeSource(source, body), changes, diagnostics, unresolved, resources }
}


export { InternalError }
