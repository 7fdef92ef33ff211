import { isScalar, isSeq, type YAMLMap } from 'yaml'
import { OUR_KEYS } from '../resources/gitops-values.js'
import type { HelmValues } from '../resources/helm-values.js'
import { formatPath, stringAt } from '../yaml/lookup.js'
import { toPlain } from '../yaml/parse.js'
import { report } from './context.js'
import { planInside } from './inside.js'
import type { PlanContext } from './types.js'

/** `HelmRelease edge`, for messages. */
const labelOf = (res: HelmValues) => `${res.ref.kind} ${res.ref.name ?? ''}`.trim()

/** `spec.values.managerEndpoint`: a change's path inside the values, put under where the values are. */
function underValues(res: HelmValues, path: string): string {
  const base = formatPath(res.path)
  return base === '' ? path : path.startsWith('[') ? base + path : `${base}.${path}`
}

/**
 * Runs a values-file rule (the migration's or the revert's) on `res`'s values and files what it records
 * under the document that carries them. A values file is the rule's own case. A mapping inside a
 * HelmRelease or Application is edited where it is; its changes' paths get the mapping's path in front.
 * Argo CD's `helm.values` string is edited as a document of its own, like the upgrader's config.yaml:
 * the rule runs on its text, its splices are mapped back into the block, and its diagnostics onto the
 * file's lines; the inner run's placed steps are rendered on that text before the mapping.
 */
export function inValues<C extends PlanContext>(
  ctx: C,
  res: HelmValues,
  rule: (ctx: C, res: HelmValues, root: YAMLMap) => void,
): void {
  const root = res.root!
  if (!res.text) {
    const first = ctx.edits.length
    rule(ctx, res, root)
    if (res.path.length === 0) return
    for (const e of ctx.edits.slice(first)) {
      e.ptr = [...res.path, ...e.ptr]
      e.change.path = underValues(res, e.change.path)
    }
    return
  }
  const { node, doc } = res.text
  const decoded = toPlain(doc)
  planInside(
    ctx,
    {
      node,
      text: node.value as string,
      ptr: res.path,
      ...('value' in decoded ? { decoded } : {}),
      path: (e) => underValues(res, e.change.path),
    },
    (inner) => rule(inner, { ...res, doc }, root),
  )
}

/**
 * What a HelmRelease or Application says beside its values: values it cannot read (an error), none at
 * all, values taken from outside the input, Argo CD parameters that override the values, a `helm.values`
 * string Argo CD does not use. Returns whether its values can be migrated.
 */
export function checkHost(ctx: PlanContext, res: HelmValues, revert = false): boolean {
  const host = res.host
  if (!host) return true
  const label = labelOf(res)
  if (host.problem) {
    report(ctx, 'error', host.problem.code, `${label}: ${host.problem.message}`, host.problem.at)
    return false
  }
  if (revert) return res.root !== undefined
  const where = formatPath(res.path)
  const outside = host.outside
  const named = outside ? `${outside.what} (${outside.items.join(', ')})` : ''
  if (!res.root) {
    report(
      ctx,
      'warning',
      'NOT_CHANGED',
      outside
        ? `${label}: no values in the document; the chart's values come from ${named}, which is not ` +
            `in the input: set managerEndpoint, mTLS.secretName and custom_envs there, or in ${where}`
        : `${label}: no values (${where}), so no delegate settings to migrate: set managerEndpoint, ` +
            `mTLS.secretName and custom_envs there`,
      res.doc.contents ?? 0,
      // Above all the endpoint is missing: audit judges it with the endpoint's other findings.
      { role: 'endpoint' },
    )
    return false
  }
  if (outside) {
    report(
      ctx,
      'warning',
      'VALUES_OUTSIDE',
      `${label}: ${named} is not in the input, so its values were not checked; ${where} overrides ` +
        `them, so the settings made there take effect (a custom_envs list there is replaced whole by ` +
        `the one in ${where}: merge them)`,
      outside.at,
    )
  }
  let clear = true
  if (isSeq(host.parameters)) {
    for (const item of host.parameters.items) {
      const name = stringAt(item, 'name') ?? ''
      if (!OUR_KEYS.test(name)) continue
      const value = isScalar(item) ? undefined : stringAt(item, 'value')
      if (name === 'managerEndpoint' && value === ctx.options.endpoint) continue
      report(
        ctx,
        'error',
        'CONFLICT',
        `${label}: helm.parameters sets ${name}, which overrides the values delegate-mtls migrates: ` +
          `move it into ${where} or remove it`,
        item as YAMLMap,
      )
      clear = false
    }
  }
  if (host.ignored) {
    report(
      ctx,
      'warning',
      'VALUES_IGNORED',
      `${label}: helm.values is left unchanged: Argo CD renders valuesObject alone when it is set, ` +
        `so only valuesObject is migrated (move anything still needed from helm.values into it)`,
      host.ignored,
    )
  }
  return clear
}
