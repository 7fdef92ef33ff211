import type { Resource } from '../resources/classify.js'
import type { PlanContext, ResourceSummary } from './types.js'
import { namespacedKey } from '../resources/namespace.js'

export type { PlanScope, ResourceSummary } from './types.js'

/** Thrown when planning a group needs documents outside it: they join the group, which is planned again. */
export class GroupEscape extends Error {
  constructor(readonly documents: number[]) {
    super(`planning needs documents ${documents.join(', ')} of the stream`)
  }
}

/** Resources by name (`undefined` for nameless ones), each list in document order. */
export function indexByName<T extends ResourceSummary>(resources: T[]): Map<string | undefined, T[]> {
  const map = new Map<string | undefined, T[]>()
  for (const r of resources) {
    const list = map.get(r.ref.name)
    if (list) list.push(r)
    else map.set(r.ref.name, [r])
  }
  return map
}

/**
 * The first resource of the stream named `name` that `matches`, as every cross-document reference
 * (envFrom ConfigMaps, the client certificate Secret, the upgrader's ConfigMap) is resolved.
 */
export function findResource(
  ctx: PlanContext,
  name: string | undefined,
  matches: (r: ResourceSummary) => boolean,
): Resource | undefined {
  if (!ctx.scope) {
    // Built on first use and kept on the context: it lives and dies with this one plan (a module-level
    // cache would keep every file's syntax trees reachable longer and make the GC promote them).
    ctx.byName ??= indexByName(ctx.resources)
    return ctx.byName.get(name)?.find(matches)
  }
  const hit = ctx.scope.byName.get(name)?.find(matches)
  if (!hit) return undefined
  const member = ctx.scope.members.get(hit.ref.document)
  if (!member) throw new GroupEscape([hit.ref.document])
  return member
}

/**
 * Settings recorded per delegate name (its Secret, its volume mode) are read by its upgrader: in a
 * group, every delegate of that name must be planned with it.
 */
export function requireDelegatesNamed(ctx: PlanContext, name: string, namespace: string | undefined): void {
  const scope = ctx.scope
  if (!scope) return
  scope.delegatesByName ??= groupBy(scope.delegates, (r) => namespacedKey(r.ref.namespace, r.ref.name ?? 'delegate'))
  const outside = (scope.delegatesByName.get(namespacedKey(namespace, name)) ?? []).filter(
    (r) => !scope.members.has(r.ref.document),
  )
  if (outside.length > 0) throw new GroupEscape(outside.map((r) => r.ref.document))
}

/**
 * A new client certificate Secret goes before the first delegate of its namespace that mounts it; in a
 * group, every delegate of that namespace must be planned with it (which one comes first decides).
 */
export function requireDelegatesInNamespace(ctx: PlanContext, namespace: string | undefined): void {
  const scope = ctx.scope
  if (!scope) return
  scope.delegatesByNamespace ??= groupBy(scope.delegates, (r) => r.ref.namespace)
  const outside = (scope.delegatesByNamespace.get(namespace) ?? [])
    .filter((r) => !scope.members.has(r.ref.document))
    .map((r) => r.ref.document)
  if (outside.length > 0) throw new GroupEscape(outside)
}

/** `list` split by `key`, each part in the list's order. */
function groupBy<T, K>(list: T[], key: (x: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const x of list) {
    const k = key(x)
    const part = map.get(k)
    if (part) part.push(x)
    else map.set(k, [x])
  }
  return map
}

/** Every Deployment of the stream, by `namespacedKey` (the HorizontalPodAutoscaler lint). */
export function deploymentNames(ctx: PlanContext): Set<string> {
  return ctx.scope?.deployments ?? namesOfDeployments(ctx.resources)
}

export const namesOfDeployments = (resources: ResourceSummary[]): Set<string> =>
  new Set(resources.filter((r) => r.ref.kind === 'Deployment').map((r) => namespacedKey(r.ref.namespace, r.ref.name)))
