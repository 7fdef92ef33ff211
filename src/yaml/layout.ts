import { isMap, isSeq, visit, type Node } from 'yaml'
import type { BlockLayout } from './fragment.js'
import { columnOf, lineStartOf } from './source.js'

/**
 * The indentation step of a document: the smallest positive distance between a block mapping's
 * keys and those of a block mapping nested in it (2 in most manifests, 3 in some Harness docs).
 */
export function indentUnit(src: string, root: unknown): number {
  let unit = Number.MAX_SAFE_INTEGER
  visit(root as Node, {
    Pair(_, pair) {
      const child = pair.value
      if (!isMap(child) || child.flow || !child.items[0] || !pair.key || !(pair.key as Node).range) return
      const parentCol = columnOf(src, (pair.key as Node).range![0])
      const childCol = columnOf(src, (child.items[0].key as Node).range![0])
      if (childCol > parentCol && lineStartOf(src, (child.items[0].key as Node).range![0]) !== lineStartOf(src, (pair.key as Node).range![0])) {
        unit = Math.min(unit, childCol - parentCol)
      }
    },
  })
  return unit === Number.MAX_SAFE_INTEGER ? 2 : unit
}

/** Whether a block sequence under `key:` starts in the key's column (compact) or indented. */
export function seqIsCompact(src: string, keyNode: Node, seqNode: Node): boolean | undefined {
  if (!isSeq(seqNode) || seqNode.flow || !keyNode.range || !seqNode.range) return undefined
  return columnOf(src, seqNode.range[0]) <= columnOf(src, keyNode.range[0])
}

/** A layout for new content: the document's unit, and the sequence style of an example sequence. */
export function layoutFor(unit: number, compactSeq: boolean, dashGap = 1): BlockLayout {
  return { unit, compactSeq, dashGap }
}
