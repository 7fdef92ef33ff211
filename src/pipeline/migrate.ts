import { InternalError, UsageError, type Diagnostic } from '../errors.js'
import { normalizeEndpoint } from '../mtls/endpoint.js'
import { checkMountPath } from '../mtls/mount-path.js'
import { planStream } from '../mtls/plan.js'
import type { MtlsOptions } from '../mtls/types.js'
import { mayMatter } from '../resources/classify.js'
import { parseStream } from '../yaml/parse.js'
import { readSource, type SourceText } from '../yaml/source.js'
import { documentStarts } from '../yaml/spans.js'
import { planInGroups } from '../mtls/plan-groups.js'
import { isSecretName } from '../resources/secret-name.js'
import { applyPlan } from './apply-plan.js'
import { throughLists } from './lists.js'
import { checkOutput } from './guard.js'
import type { MigrateHooks, MigrateOptions, MigrateResult } from './types.js'
import { composeHostPaths } from '../mtls/plan-compose.js'
import { DEFAULT_MOUNT_PATH, DEFAULT_SECRET_NAME } from '../resources/wanted-state.js'

export type { MigrateHooks, MigrateOptions, MigrateResult, MigrateStatus } from './types.js'

/** Inputs this large are planned a group at a time: a whole-stream parse would hold ~45 times their size. */
export const GROUPED_FROM = 256 * 1024

export function resolveOptions(opts: MigrateOptions): MtlsOptions {
  const mountPath = checkMountPath(opts.mountPath ?? DEFAULT_MOUNT_PATH)
  const secretName = opts.secretName ?? DEFAULT_SECRET_NAME
  const sample = secretName.replaceAll('{delegate}', 'x')
  if (!isSecretName(sample)) {
    throw new UsageError(
      `--secret-name "${secretName}" is not a valid Kubernetes Secret name (lower-case letters, ` +
        `digits, '-' and '.'; may contain {delegate})`,
    )
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
export function migrate(
  text: string,
  options: MigrateOptions | (MtlsOptions & { file?: string }),
  hooks: MigrateHooks = {},
): MigrateResult {
  const file = options.file ?? '<input>'
  const resolved = 'secretNameExplicit' in options ? options : resolveOptions(options)
  return (
    throughLists(text, file, hooks.verify !== false, (expanded) => migrateFlat(expanded, file, resolved, hooks)) ??
    migrateFlat(text, file, resolved, hooks)
  )
}

/** The pipeline on a stream whose documents are each one resource (src/pipeline/lists.ts expands Lists). */
function migrateFlat(text: string, file: string, resolved: MtlsOptions, hooks: MigrateHooks): MigrateResult {
  const source = readSource(text)
  const starts = (hooks.grouped ?? source.text.length >= GROUPED_FROM) ? documentStarts(source.text) : undefined
  const grouped = starts && planInGroups(source.text, source.eol, file, resolved, starts)
  if (grouped) {
    const guard =
      hooks.verify === false
        ? () => undefined
        : (body: string) => checkOutput(source.text, starts.length, body, grouped.edits, starts)
    return applyPlan(text, source, file, grouped, { unchanged: 'already', guard, what: 'the result', hooks })
  }
  return migrateWhole(text, source, file, resolved, hooks)
}

function migrateWhole(
  text: string,
  source: SourceText,
  file: string,
  resolved: MtlsOptions,
  hooks: MigrateHooks,
): MigrateResult {
  const fail = (diagnostics: Diagnostic[]): MigrateResult => ({
    status: 'error',
    output: text,
    changes: [],
    diagnostics,
    unresolved: false,
    resources: [],
  })
  const { docs, errors, starts } = parseStream(source.text, file, mayMatter)
  if (errors.length > 0) return fail(errors)
  const plan = planStream(source.text, source.eol, file, docs, resolved, starts)
  const guard =
    hooks.verify === false
      ? () => undefined
      : (body: string) => checkOutput(source.text, docs, body, plan.edits, starts, plan.decoded)
  return applyPlan(text, source, file, plan, { unchanged: 'already', guard, what: 'the result', hooks })
}

export { InternalError }
