import { isScalar, isSeq, type Pair, type YAMLMap } from 'yaml'
import { addPairs, appendItems, fillEmptyValue, type EditContext } from '../yaml/edit.js'
import { removeLines } from '../yaml/edit-pairs.js'
import { seq, type BlockLayout, type Fragment } from '../yaml/fragment.js'
import { pairOf } from '../yaml/lookup.js'
import type { Splice } from '../yaml/splice.js'
import type { Edit, Pending, Placement } from './types.js'

/** The splices that append `items` to the list under `key` of `owner`, creating or filling the key as needed. */
export function appendToList(
  ectx: EditContext,
  owner: YAMLMap,
  key: string,
  items: Fragment[],
  layout: BlockLayout,
  createAfter?: string,
): Splice[] {
  const pair = pairOf(owner, key)
  const list = pair?.value
  if (isSeq(list) && (list.items.length > 0 || list.flow)) return [appendItems(ectx, list, items, layout)]
  if (pair && (list === null || (isScalar(list) && list.value === null)))
    return fillEmptyValue(ectx, pair as Pair, seq(...items), layout, owner.flow)
  return [addPairs(ectx, owner, [[key, seq(...items)]], layout, createAfter)]
}

/**
 * Turns the placements of `pending` into splices: one block per list or mapping, carried by the last step that
 * writes into it, and merged line removals, each carried by the first step whose lines it takes out.
 */
export function render(pending: Pending): void {
  const lists = new Map<YAMLMap, Map<string, Pending>>()
  const maps = new Map<YAMLMap, Pending>()
  const removals: Pending = []
  for (const p of pending) {
    const { place } = p
    if (place.kind === 'remove-lines') removals.push(p)
    else if (place.kind === 'add') maps.set(place.owner, [...(maps.get(place.owner) ?? []), p])
    else {
      const byKey = lists.get(place.owner) ?? new Map<string, Pending>()
      lists.set(place.owner, byKey)
      byKey.set(place.key, [...(byKey.get(place.key) ?? []), p])
    }
  }
  for (const byKey of lists.values()) for (const group of byKey.values()) renderGroup(group)
  for (const group of maps.values()) renderGroup(group)
  renderRemovals(removals)
}

function renderGroup(group: Pending): void {
  const first = group[0]!.place
  const last = group[group.length - 1]!.edit
  if (first.kind === 'append') {
    const items = group.map((p) => (p.place as Extract<Placement, { kind: 'append' }>).item)
    last.splices.push(...appendToList(first.ectx, first.owner, first.key, items, first.layout, first.createAfter))
  } else if (first.kind === 'add') {
    const pairs = group.map((p) => {
      const place = p.place as Extract<Placement, { kind: 'add' }>
      return [place.key, place.value] as [string, Fragment]
    })
    last.splices.push(addPairs(first.ectx, first.owner, pairs, first.layout))
  }
}

/** Whole-line removals, merged where they touch (adjacent removals would otherwise overlap at the end of the text). */
function renderRemovals(removals: Pending): void {
  if (removals.length === 0) return
  const ranges = removals.flatMap(({ edit, place }) =>
    (place as Extract<Placement, { kind: 'remove-lines' }>).ranges.map((r) => ({ edit, start: r[0], end: r[1] })),
  )
  ranges.sort((a, b) => a.start - b.start)
  const merged: { edit: Edit; start: number; end: number }[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  const { ectx } = removals[0]!.place
  for (const m of merged) m.edit.splices.push(removeLines(ectx, m.start, m.end))
}
