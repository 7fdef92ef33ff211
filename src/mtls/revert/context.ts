import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import type { Resource, ResourceRef } from '../../resources/classify.js'
import type { EditContext } from '../../yaml/edit.js'
import { itemLines, keepFlowItems, pairLines, removeFlowPair } from '../../yaml/edit-pairs.js'
import { endOfBlock, setScalar } from '../../yaml/edit.js'
import { lookup, pairOf, stringAt, type PathSeg } from '../../yaml/lookup.js'
import { columnOf } from '../../yaml/source.js'
import { editContext, plan, type DisplaySeg } from '../context.js'
import type { Splice } from '../../yaml/splice.js'
import type { FieldRole, Placement, PlanContext } from '../types.js'
import { sameNamespace } from '../../resources/namespace.js'

/** A revert plan: the usual context, the original endpoint, and the client-certificate Secrets let go. */
export interface RevertContext extends PlanContext {
  /** The non-mTLS endpoint to restore, as given (no trailing `/`). */
  url: string
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
 * Removes the entries `picked` (item indexes of a list, or keys of a mapping) of the collection under `key` in
 * `owner`. When none would be left, the key goes too (the migration created it), unless comment lines owned by
 * the key follow: then the key stays, empty.
 */
function removeEntries(
  rctx: RevertContext,
  res: Resource,
  owner: YAMLMap,
  ownerPtr: PathSeg[],
  ownerDisplay: DisplaySeg[],
  key: string,
  picked: (number | string)[],
  reason: string,
  roleOf: (entry: number | string) => FieldRole,
  label: (entry: number | string) => DisplaySeg,
): void {
  if (picked.length === 0) return
  const pair = pairOf(owner, key) as Pair
  const coll = pair.value as YAMLSeq | YAMLMap
  const ectx = editContext(rctx, res)
  const ptr = [...ownerPtr, key]
  const display = [...ownerDisplay, key]
  const node = (p: number | string) => (isSeq(coll) ? coll.items[p as number] : coll.get(p, true))
  const before = (p: number | string) => (node(p) as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? null
  const lines = (p: number | string): [number, number] =>
    isSeq(coll) ? itemLines(ectx, coll, p as number) : pairLines(ectx, coll, pairOf(coll, p as string) as Pair)
  const remove = (p: number | string, splices: Splice[], place?: Placement) =>
    plan(rctx, {
      resource: res.ref,
      op: 'remove',
      ptr: [...ptr, p],
      display: [...display, label(p)],
      before: before(p),
      role: roleOf(p),
      reason,
      splices,
      ...(place ? { place } : {}),
    })
  const all = picked.length === coll.items.length
  // A collection taken out whole carries the role of its first entry: the migration created it for that entry.
  const whole = { resource: res.ref, ptr, display, before: coll.toJSON(), role: roleOf(picked[0]!), splices: [] }
  if (isSeq(coll) && coll.flow && all && owner.flow) {
    // JSON, or flow style throughout: the key goes with its separator only.
    const splices = [removeFlowPair(owner, pair)]
    plan(rctx, { ...whole, op: 'remove', reason: `${reason} (the migration created ${key})`, splices })
    return
  }
  if (isSeq(coll) && coll.flow) {
    const keep = coll.items.map((_, i) => i).filter((i) => !picked.includes(i))
    const splices = keepFlowItems(ectx, coll, keep)
    picked.forEach((p, n) => remove(p, n === 0 ? splices : []))
    return
  }
  if (all && !ownsComments(ectx, pair, coll)) {
    const place: Placement = { kind: 'remove-lines', ectx, ranges: [pairLines(ectx, owner, pair)] }
    plan(rctx, { ...whole, op: 'remove', reason: `${reason} (the migration created ${key})`, place })
  } else if (all) {
    const place: Placement = { kind: 'remove-lines', ectx, ranges: picked.map(lines) }
    plan(rctx, { ...whole, op: 'set', after: null, reason, place })
  } else for (const p of picked) remove(p, [], { kind: 'remove-lines', ectx, ranges: [lines(p)] })
}

/** Removes the items `indexes` of the list under `key` in `owner` (see `removeEntries`). */
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
  const list = (pairOf(owner, key)?.value ?? null) as YAMLSeq | null
  const item = (i: number | string) => list?.items[i as number]
  const roleOf = (i: number | string) => (typeof role === 'function' ? role(item(i)) : role)
  removeEntries(rctx, res, owner, ownerPtr, ownerDisplay, key, indexes, reason, roleOf, (i) => label(item(i)))
}

/** Removes pairs of the mapping under `key` in `owner` (see `removeEntries`). */
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
  const roleOf = (k: number | string) => (typeof role === 'function' ? role(String(k)) : role)
  removeEntries(rctx, res, owner, ownerPtr, ownerPtr, key, keys, reason, roleOf, (k) => k)
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
