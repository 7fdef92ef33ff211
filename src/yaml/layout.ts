import { isCollection, isMap, isPair, isSeq, type CST, type Node } from 'yaml'
import type { BlockLayout } from './fragment.js'
import { columnOf, lineStartOf } from './source.js'

/**
 * The indentation step of a document: the smallest positive distance between a block mapping's
 * keys and those of a block mapping nested in it (2 in most manifests, 3 in some Harness docs).
 */
export function indentUnit(src: string, root: unknown): number {
  let unit = Number.MAX_SAFE_INTEGER
  // Every pair of the tree, keys included (a complex key can be a mapping): the pairs yaml's visit()
  // would show, walked directly, without the frozen path it builds for each node (that was 2% of a
  // fleet --write, which works this out for every document it changes).
  const walk = (node: unknown): void => {
    if (isCollection(node)) {
      for (const item of node.items) walk(item)
    } else if (isPair(node)) {
      const child = node.value
      const key = node.key as Node | null
      if (isMap(child) && !child.flow && child.items[0] && key?.range) {
        const at = key.range[0]
        const childAt = (child.items[0].key as Node).range![0]
        const lineStart = lineStartOf(src, at)
        const childLineStart = lineStartOf(src, childAt)
        const step = childAt - childLineStart - (at - lineStart)
        if (step > 0 && childLineStart !== lineStart) unit = Math.min(unit, step)
      }
      walk(node.key)
      walk(node.value)
    }
  }
  walk(root)
  return unit === Number.MAX_SAFE_INTEGER ? 2 : unit
}

/** Whether a block sequence under `key:` starts in the key's column (compact) or indented. */
export function seqIsCompact(src: string, keyNode: Node, seqNode: Node): boolean | undefined {
  if (!isSeq(seqNode) || seqNode.flow || !keyNode.range || !seqNode.range) return undefined
  return columnOf(src, seqNode.range[0]) <= columnOf(src, keyNode.range[0])
}

/**
 * Spaces between `-` and the content of a block sequence's first item (1 in `- a`, 2 in `-  a`), so a
 * new list can copy a sibling list's style; undefined for a flow or empty sequence.
 */
export function seqDashGap(src: string, seqNode: Node): number | undefined {
  if (!isSeq(seqNode) || seqNode.flow) return undefined
  const token = seqNode.srcToken as CST.BlockSequence | undefined
  const item = token?.items.find((i) => i.value)
  const dash = item?.start.find((t) => t.type === 'seq-item-ind')
  const first = seqNode.items[0] as Node | undefined
  if (!dash || !first?.range) return undefined
  const gap = first.range[0] - dash.offset - 1
  return gap >= 1 && !src.slice(dash.offset + 1, first.range[0]).includes('\n') ? gap : undefined
}

/** A layout for new content: the document's unit, and the sequence style of an example sequence. */
export function layoutFor(unit: number, compactSeq: boolean, dashGap = 1): BlockLayout {
  return { unit, compactSeq, dashGap }
}
