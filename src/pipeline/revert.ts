import type { Diagnostic } from '../errors.js'
import { parseUrlOption } from '../mtls/endpoint.js'
import { planRevertStream } from '../mtls/revert/plan-revert.js'
import { parseStream, toPlain } from '../yaml/parse.js'
import { readSource, writeSource } from '../yaml/source.js'
import { applySplices } from '../yaml/splice.js'
import { checkOutput } from './guard.js'
import type { MigrateHooks, MigrateResult, MigrateStatus } from './migrate.js'

export interface RevertOptions {
  /** The non-mTLS endpoint to restore, e.g. `https://app.harness.io` (an account path is kept). */
  endpoint: string
  /** The input's name in messages. Default: `<input>`. */
  file?: string
}

const FORM = 'the delegate\'s non-mTLS endpoint URL, e.g. https://app.harness.io or https://harness.example.com/gratis'

/**
 * `--revert --endpoint URL`: an http(s) URL with a host, without query or fragment; a path (an account
 * prefix like `/gratis`) is kept, a trailing `/` dropped. Derived URLs append `/log-service/` to it.
 */
export function normalizeRevertEndpoint(input: string): string {
  parseUrlOption(input, '--revert --endpoint', FORM, { schemes: ['https:', 'http:'], schemesText: 'http(s)' })
  return input.trim().replace(/\/+$/, '')
}

/**
 * Undoes the migration on one text: the endpoint (and the URLs derived from it) back to `endpoint`, and
 * what the migration added taken out. Guarded like `migrate`: the output must decode to the input plus
 * exactly the planned changes. Status `migrated` means "changed"; `none` that there was nothing to revert.
 */
export function revert(text: string, options: RevertOptions, hooks: MigrateHooks = {}): MigrateResult {
  const file = options.file ?? '<input>'
  const url = normalizeRevertEndpoint(options.endpoint)
  const source = readSource(text)
  const fail = (diagnostics: Diagnostic[], resources: MigrateResult['resources'] = []): MigrateResult => ({ status: 'error', output: text, changes: [], diagnostics, unresolved: false, resources })
  const { docs, errors } = parseStream(source.text, file)
  if (errors.length > 0) return fail(errors)
  for (const doc of docs) {
    const plain = toPlain(doc)
    if ('error' in plain) return fail([{ code: 'YAML_SYNTAX', severity: 'error', message: `invalid YAML: ${plain.error}`, file }])
  }
  const plan = planRevertStream(source.text, source.eol, file, docs, url)
  const resources = plan.resources.filter((r) => r.type !== 'other').map((r) => ({ ...r.ref, type: r.type }))
  const diagnostics = plan.diagnostics
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics, resources)
  const changes = plan.edits.map((e) => e.change)
  const unresolved = diagnostics.some((d) => d.code === 'NOT_CHANGED')
  const status: MigrateStatus = changes.length > 0 ? 'migrated' : 'none'
  if (changes.length === 0) return { status, output: text, changes, diagnostics, unresolved, resources }
  let body = applySplices(source.text, plan.edits.flatMap((e) => e.splices))
  if (hooks.afterSplice) body = hooks.afterSplice(body)
  const mismatch = checkOutput(source.text, docs, body, plan.edits)
  if (mismatch) {
    const bug = `internal error: the semantic guard refused the reverted result (${mismatch}); nothing was written. Please report this with the input file`
    return fail([...diagnostics, { code: 'GUARD_MISMATCH', severity: 'error', message: bug, file }], resources)
  }
  return { status, output: writeSource(source, body), changes, diagnostics, unresolved, resources }
}
