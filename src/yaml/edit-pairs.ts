import { isScalar, type CST, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import { InternalError } from '../errors.js'
import { endOfBlock, setScalar, type EditContext } from './edit.js'
import { insertAt, replaceRange, type Splice } from './splice.js'
import { columnOf, lineStartOf } from './source.js'

const range = (node: Node): [number, number, number] => {
  if (!node.range) throw new InternalError('node without a source range')
  return node.range
}

/**
 * Sets the value of a pair to `text` (already formatted source). An empty value (`key:` with nothing
 * after it) is filled in after the colon; any other scalar is replaced keeping its quoting style.
 */
export function setPairValue(ctx: EditContext, pair: Pair, value: string, formatted: string): Splice {
  const node = pair.value as Scalar | null
  if (node && isScalar(node) && node.range && node.range[1] > node.range[0]) return setScalar(ctx, node, value)
  const keyEnd = range(pair.key as Node)[1]
  const colon = ctx.src.indexOf(':', keyEnd)
  if (colon < 0) throw new InternalError('mapping key without a colon')
  return insertAt(colon + 1, ` ${formatted}`)
}

/**
 * Removes `[start, end)` where both are line starts (or the end of the text). When the range runs to
 * the end of a text that has no final newline, the line break before it goes too, so the text still
 * ends without one.
 */
export function removeLines(ctx: EditContext, start: number, end: number): Splice {
  if (end === ctx.src.length && ctx.src.length > 0 && !ctx.src.endsWith('\n') && start > 0) {
    const cut = ctx.src[start - 2] === '\r' ? start - 2 : start - 1
    return replaceRange(cut, end, '')
  }
  return replaceRange(start, end, '')
}

/**
 * The lines of a pair of a block mapping: from its key's line to the end of its value (and comment lines indented under
 * it).
 */
export function pairLines(ctx: EditContext, mapNode: YAMLMap, pair: Pair): [number, number] {
  if (mapNode.flow) throw new InternalError('cannot remove a pair from a flow mapping')
  const key = pair.key as Node
  const keyStart = range(key)[0]
  const start = lineStartOf(ctx.src, keyStart)
  if (ctx.src.slice(start, keyStart).trim() !== '') throw new InternalError('the key does not start its line')
  const value = pair.value as Node | null
  const last = value && value.range && value.range[1] > value.range[0] ? value : key
  return [start, endOfBlock(ctx.src, last, columnOf(ctx.src, keyStart) + 1)]
}

/** Removes a pair of a block mapping with its lines. */
export function removePair(ctx: EditContext, mapNode: YAMLMap, pair: Pair): Splice {
  const [start, end] = pairLines(ctx, mapNode, pair)
  return removeLines(ctx, start, end)
}

/**
 * Takes a pair out of a flow mapping with the separator before it (after it, for the first pair): the
 * other pairs and the text between them stay as they are.
 */
export function removeFlowPair(mapNode: YAMLMap, pair: Pair): Splice {
  if (!mapNode.flow) throw new InternalError('not a flow mapping')
  const i = mapNode.items.indexOf(pair)
  const end = (p: Pair) => range((p.value as Node | null) ?? (p.key as Node))[1]
  if (i > 0) return replaceRange(end(mapNode.items[i - 1]!), end(pair), '')
  const next = mapNode.items[1]
  if (next) return replaceRange(range(pair.key as Node)[0], range(next.key as Node)[0], '')
  const token = mapNode.srcToken as CST.FlowCollection
  const close = token.end.find((t) => t.type === 'flow-map-end')
  if (!close) throw new InternalError('unterminated flow mapping')
  return replaceRange(token.start.offset + 1, close.offset, '')
}

/** The lines of item `index` of a block sequence (its dash line to its last line; comments after it stay). */
export function itemLines(ctx: EditContext, seq: YAMLSeq, index: number): [number, number] {
  if (seq.flow) throw new InternalError('not a block sequence')
  const item = seq.items[index] as Node
  const token = seq.srcToken as CST.BlockSequence
  const dash = token.items.filter((i) => i.value)[index]?.start.find((t) => t.type === 'seq-item-ind')
  return [lineStartOf(ctx.src, dash ? dash.offset : range(item)[0]), endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER)]
}

/** Line ranges to delete, merged where they touch, as splices (see `removeLines` for the end of the text). */
export function lineRemovals(ctx: EditContext, ranges: readonly [number, number][]): Splice[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else merged.push([s, e])
  }
  return merged.map(([s, e]) => removeLines(ctx, s, e))
}

/**
 * Takes the items not in `keep` out of a flow sequence, each with the separator before it (after it, for
 * leading items): every kept item and the text between kept items stay as they are, so the items a
 * migration appended on its last item's line (`}, {"name": …}`) go without touching the other lines.
 * With none kept, the sequence is emptied in its own padding.
 */
export function keepFlowItems(ctx: EditContext, seq: YAMLSeq, keep: number[]): Splice[] {
  const token = seq.srcToken as CST.FlowCollection
  const open = token.start.offset
  const close = token.end.find((t) => t.type === 'flow-seq-end')
  if (!close) throw new InternalError('unterminated flow sequence')
  if (keep.length === 0) return [replaceRange(open + 1, close.offset, ctx.src[open + 1] === ' ' ? ' ' : '')]
  const splices: Splice[] = []
  const n = seq.items.length
  for (let i = 0; i < n; i++) {
    if (keep.includes(i)) continue
    let last = i
    while (last + 1 < n && !keep.includes(last + 1)) last++
    const prev = keep.filter((k) => k < i).pop()
    if (prev !== undefined)
      splices.push(replaceRange(range(seq.items[prev] as Node)[1], range(seq.items[last] as Node)[1], ''))
    else splices.push(replaceRange(range(seq.items[i] as Node)[0], range(seq.items[last + 1] as Node)[0], ''))
    i = last
  }
  return splices
}
