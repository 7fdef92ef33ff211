import { isMap, isScalar, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import type { Resource, ResourceRef } from '../../resources/classify.js'
import type { EditContext } from '../../yaml/edit.js'
import { itemLines, keepFlowItems, pairLines, removeFlowPair } from '../../yaml/edit-pairs.js'
import { endOfBlock, setScalar } from '../../yaml/edit.js'
import { lookup, pairOf, stringAt, type PathSeg } from '../../yaml/lookup.js'
import { columnOf } from '../../yaml/source.js'
import { editContext, plan, type DisplaySeg } from '../context.js'
import type { FieldRole, PlanContext } from '../types.js'
import { sameNamespace } from '../../resources/namespace.js'

/** A revert plan: the usual context, the original endpoint, and whole-line removals merged at the end. */
export interface RevertContext extends PlanContext {
  /** The non-mTLS endpoint to restore, as given (no trailing `/`). */
  url: string
  /** Line ranges of the stream to delete; merged into splices once every rule has run. */
  removals: [number, number][]
  /** Secret names of the client-certificate volumes taken out, per namespace (`''` when unknown). */
  removedSecrets: { name: string; namespace: string | undefined }[]
}

/** The exact text the migration writes for a file mode: only that is taken back out. */
export const isOurMode = (text: string) => /^(256 # 0400|288 # 0440)$/.test(text.trim())

/**
 * Does a comment line, indented under the key, follow the list's items? Then the key held such comments
 * before the migration filled it (a chart's commented-out examples): the key stays, empty.
 */
function ownsComments(ectx: EditContext, pair: Pair, list: YAMLSeq | YAMLMap): boolean {
  const keyCol = columnOf(ectx.src, (pair.key as { range: [number, number, number] }).range[0])
  const last = list.items[list.items.length - 1] as unknown as { range?: [number, number, number] } | Pair
  const lastNode = (isMap(list) ? ((last as Pair).value ?? (last as Pair).key) : last) as Parameters<
    typeof endOfBlock
  >[1]
  const end = endOfBlock(ectx.src, lastNode, Number.MAX_SAFE_INTEGER)
  const next = ectx.src.slice(end, ectx.src.indexOf('\n', end) < 0 ? ectx.src.length : ectx.src.indexOf('\n', end))
  const m = /^( *)#/.exec(next)
  return m !== null && m[1]!.length > keyCol
}

/**
 * Removes the items `indexes` of the list under `key` in `owner`. When none would be left, the key goes
 * too (the migration created it), unless comment lines owned by the key follow: then the key stays, empty.
 */
export function removeListItems(
  rctx: RevertContext,
  res: Resource,
  owner: YAMLMap,
  ownerPtr: PathSeg[],
  ownerDisplay: DisplaySeg[],
  key: string,
  indexes: number[],
  reason: string,
  role: FieldRole | ((item: unknown) => FieldRole),
  label: (item: unknown) => DisplaySeg = (item) => ({ name: stringAt(item, 'name') ?? '?' }),
): void {
  if (indexes.length === 0) return
  const pair = pairOf(owner, key) as Pair
  const list = pair.value as YAMLSeq
  // A list taken out whole carries the role of its first item: the migration created it for that item.
  const roleOf = (i: number) => (typeof role === 'function' ? role(list.items[i]) : role)
  const ectx = editContext(rctx, res)
  const ptr = [...ownerPtr, key]
  const before = (i: number) => (list.items[i] as { toJSON?: () => unknown })?.toJSON?.() ?? null
  const all = indexes.length === list.items.length
  if (list.flow && all && owner.flow) {
    plan(rctx, {
      resource: res.ref,
      op: 'remove',
      ptr: ptr,
      display: [...ownerDisplay, key],
      before: list.toJSON(),
      role: roleOf(indexes[0]!),
      reason: `${reason} (the migration created ${key})`,
      splices: [removeFlowPair(owner, pair)],
    })
    return
  }
  if (list.flow) {
    const keep = list.items.map((_, i) => i).filter((i) => !indexes.includes(i))
    const splices = keepFlowItems(ectx, list, keep)
    indexes.forEach((i, n) =>
      plan(rctx, {
        resource: res.ref,
        op: 'remove',
        ptr: [...ptr, i],
        display: [...ownerDisplay, key, label(list.items[i])],
        before: before(i),
        role: roleOf(i),
        reason: reason,
        splices: n === 0 ? splices : [],
      }),
    )
    return
  }
  if (all && !ownsComments(ectx, pair, list)) {
    rctx.removals.push(pairLines(ectx, owner, pair))
    plan(rctx, {
      resource: res.ref,
      op: 'remove',
      ptr: ptr,
      display: [...ownerDisplay, key],
      before: list.toJSON(),
      role: roleOf(indexes[0]!),
      reason: `${reason} (the migration created ${key})`,
      splices: [],
    })
    return
  }
  for (const i of indexes) {
    rctx.removals.push(itemLines(ectx, list, i))
    if (!all)
      plan(rctx, {
        resource: res.ref,
        op: 'remove',
        ptr: [...ptr, i],
        display: [...ownerDisplay, key, label(list.items[i])],
        before: before(i),
        role: roleOf(i),
        reason: reason,
        splices: [],
      })
  }
  if (all)
    plan(rctx, {
      resource: res.ref,
      op: 'set',
      ptr: ptr,
      display: [...ownerDisplay, key],
      before: list.toJSON(),
      after: null,
      role: roleOf(indexes[0]!),
      reason: reason,
      splices: [],
    })
}

/** Removes pairs of the mapping under `key` in `owner`; an emptied mapping goes with its key (same rule as lists). */
export function removeMapKeys(
  rctx: RevertContext,
  res: Resource,
  owner: YAMLMap,
  ownerPtr: PathSeg[],
  key: string,
  keys: string[],
  reason: string,
  role: FieldRole | ((key: string) => FieldRole),
): void {
  if (keys.length === 0) return
  const roleOf = (k: string) => (typeof role === 'function' ? role(k) : role)
  const pair = pairOf(owner, key) as Pair
  const inner = pair.value as YAMLMap
  const ectx = editContext(rctx, res)
  const ptr = [...ownerPtr, key]
  const all = keys.length === inner.items.length
  if (all && !ownsComments(ectx, pair, inner)) {
    rctx.removals.push(pairLines(ectx, owner, pair))
    plan(rctx, {
      resource: res.ref,
      op: 'remove',
      ptr: ptr,
      display: ptr,
      before: inner.toJSON(),
      role: roleOf(keys[0]!),
      reason: `${reason} (the migration created ${key})`,
      splices: [],
    })
    return
  }
  for (const k of keys) {
    rctx.removals.push(pairLines(ectx, inner, pairOf(inner, k) as Pair))
    if (!all)
      plan(rctx, {
        resource: res.ref,
        op: 'remove',
        ptr: [...ptr, k],
        display: [...ptr, k],
        before: (inner.get(k, true) as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? null,
        role: roleOf(k),
        reason: reason,
        splices: [],
      })
  }
  if (all)
    plan(rctx, {
      resource: res.ref,
      op: 'set',
      ptr: ptr,
      display: ptr,
      before: inner.toJSON(),
      after: null,
      role: roleOf(keys[0]!),
      reason: reason,
      splices: [],
    })
}

/** Points a ConfigMap key of the input (read through envFrom or valueFrom) back at the original URL. */
export function revertConfigMapKey(
  rctx: RevertContext,
  name: string,
  namespace: string | undefined,
  key: string,
  value: string,
): 'set' | 'absent' | 'missing-key' {
  const cm = rctx.resources.find(
    (r) => r.ref.kind === 'ConfigMap' && r.ref.name === name && sameNamespace(r.ref.namespace, namespace),
  )
  if (!cm) return 'absent'
  const node = lookup(cm.doc.contents, ['data', key])
  if (!isScalar(node)) return 'missing-key'
  if (node.value !== value) {
    plan(rctx, {
      resource: cm.ref as ResourceRef,
      op: 'set',
      ptr: ['data', key],
      display: ['data', key],
      before: node.value,
      after: value,
      role: 'endpoint',
      reason: 'undo the migration: the original endpoint (the delegate reads it from this ConfigMap)',
      splices: [setScalar(editContext(rctx, cm), node as Scalar, value)],
    })
  }
  return 'set'
}
