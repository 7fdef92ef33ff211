import type { Diagnostic } from '../errors.js'
import { parseUrlOption } from '../mtls/endpoint.js'
import { planRevertStream } from '../mtls/revert/plan-revert.js'
import { parseStream, toPlain } from '../yaml/parse.js'
import { readSource } from '../yaml/source.js'
import { checkOutput } from './guard.js'
import { applyPlan } from './apply-plan.js'
import { throughLists } from './lists.js'
import type { MigrateHooks, MigrateResult } from './types.js'

export interface RevertOptions {
  /** The non-mTLS endpoint to restore, e.g. `https://app.harness.io` (an account path is kept). */
  endpoint: string
  /** The input's name in messages. Default: `<input>`. */
  file?: string
}

const FORM = "the delegate's non-mTLS endpoint URL, e.g. https://app.harness.io or https://harness.example.com/gratis"

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
  return (
    throughLists(text, file, true, (expanded) => revertFlat(expanded, file, url, hooks)) ??
    revertFlat(text, file, url, hooks)
  )
}

function revertFlat(text: string, file: string, url: string, hooks: MigrateHooks): MigrateResult {
  const source = readSource(text)
  const fail = (diagnostics: Diagnostic[]): MigrateResult => ({
    status: 'error',
    output: text,
    changes: [],
    diagnostics,
    unresolved: false,
    resources: [],
  })
  const { docs, errors } = parseStream(source.text, file)
  if (errors.length > 0) return fail(errors)
  for (const doc of docs) {
    const plain = toPlain(doc)
    if ('error' in plain)
      return fail([{ code: 'YAML_SYNTAX', severity: 'error', message: `invalid YAML: ${plain.error}`, file }])
  }
  const plan = planRevertStream(source.text, source.eol, file, docs, url)
  const guard = (body: string) => checkOutput(source.text, docs, body, plan.edits)
  return applyPlan(text, source, file, plan, { unchanged: 'none', guard, what: 'the reverted result', hooks })
}
