import type { Diagnostic } from '../errors.js'
import type { StreamPlan } from '../mtls/plan.js'
import type { ResourceSummary } from '../mtls/scope.js'
import { writeSource, type SourceText } from '../yaml/source.js'
import { applySplices } from '../yaml/splice.js'
import type { MigrateHooks, MigrateResult, MigrateStatus } from './types.js'

/**
 * The end both `migrate` and `revert` share: refuse on any error, return the input when nothing
 * changes, else splice, let the guard check the result, and return it with its BOM.
 */
export function applyPlan(
  text: string,
  source: SourceText,
  file: string,
  plan: Pick<StreamPlan, 'edits' | 'diagnostics'> & { resources: ResourceSummary[] },
  how: { unchanged: MigrateStatus; guard: (body: string) => string | undefined; what: string; hooks: MigrateHooks },
): MigrateResult {
  const resources = plan.resources.filter((r) => r.type !== 'other').map((r) => ({ ...r.ref, type: r.type }))
  const diagnostics = plan.diagnostics
  const fail = (all: Diagnostic[]): MigrateResult => ({
    status: 'error',
    output: text,
    changes: [],
    diagnostics: all,
    unresolved: false,
    resources,
  })
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics)
  const changes = plan.edits.map((e) => e.change)
  const unresolved = diagnostics.some((d) => d.code === 'NOT_CHANGED')
  const status: MigrateStatus = changes.length > 0 ? 'migrated' : resources.length > 0 ? how.unchanged : 'none'
  if (changes.length === 0) return { status, output: text, changes, diagnostics, unresolved, resources }
  let body = applySplices(
    source.text,
    plan.edits.flatMap((e) => e.splices),
  )
  if (how.hooks.afterSplice) body = how.hooks.afterSplice(body)
  const mismatch = how.guard(body)
  if (mismatch) {
    const bug =
      `internal error: the semantic guard refused ${how.what} (${mismatch}); nothing was ` +
      `written. Please report this with the input file`
    return fail([...diagnostics, { code: 'GUARD_MISMATCH', severity: 'error', message: bug, file }])
  }
  return { status, output: writeSource(source, body), changes, diagnostics, unresolved, resources }
}
