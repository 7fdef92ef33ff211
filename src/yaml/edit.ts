import { CST, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import { InternalError } from '../errors.js'
import {
  renderBlockMap,
  renderBlockSeq,
  renderFlow,
  type BlockLayout,
  type Fragment,
  type MapFragment,
  type SeqFragment,
} from './fragment.js'
import { restyleScalar } from './scalar.js'
import { insertAt, replaceRange, type Splice } from './splice.js'
import { columnOf, lineEndAfter, lineStartOf } from './source.js'

/** What every edit needs to know about the text it edits. */
export interface EditContext {
  src: string
  eol: string
  /** The document's indentation step, used for nested mappings in new content. */
  unit: number
}

type Collection = YAMLMap | YAMLSeq

const range = (node: Node): [number, number, number] => {
  if (!node.range) throw new InternalError('node without a source range')
  return node.range
}

/**
 * Offset just after the last line of `node` (past its line break), plus any comment-only lines
 * right below it that are indented at least `minCol`: they belong to the collection being extended.
 */
export function endOfBlock(src: string, node: Node, minCol: number): number {
  let p = range(node)[1]
  while (p > 0 && /\s/.test(src[p - 1]!)) p--
  p = lineEndAfter(src, p)
  for (;;) {
    const next = lineEndAfter(src, p)
    if (next === p) break
    const line = src.slice(p, next)
    const m = /^( *)#/.exec(line)
    if (!m || m[1]!.length < minCol) break
    p = next
  }
  return p
}

/** Joins new lines for insertion at `at`, which is a line start or the end of a text without final newline. */
function blockInsertion(ctx: EditContext, at: number, lines: string[]): Splice {
  const body = lines.join(ctx.eol)
  const atEofWithoutNewline = at === ctx.src.length && at > 0 && ctx.src[at - 1] !== '\n'
  return insertAt(at, atEofWithoutNewline ? ctx.eol + body : body + ctx.eol)
}

/** The `-` column and the content column of a block sequence's items, read from its last item. */
function seqLayout(ctx: EditContext, seq: YAMLSeq): { dashCol: number; dashGap: number } {
  const token = seq.srcToken as CST.BlockSequence | undefined
  const last = token?.items.findLast((i) => i.value)
  const dash = last?.start.find((t) => t.type === 'seq-item-ind')
  const lastNode = seq.items[seq.items.length - 1] as Node | undefined
  if (!dash || !lastNode) throw new InternalError('block sequence without items')
  const dashCol = columnOf(ctx.src, dash.offset)
  const valueStart = range(lastNode)[0]
  const sameLine = lineStartOf(ctx.src, valueStart) === lineStartOf(ctx.src, dash.offset)
  return { dashCol, dashGap: sameLine ? Math.max(1, valueStart - dash.offset - 1) : 1 }
}

function flowInsertion(ctx: EditContext, coll: Collection, text: string): Splice {
  const token = coll.srcToken as CST.FlowCollection
  const end = token.end.find((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')
  if (!end) throw new InternalError('unterminated flow collection')
  let p = end.offset
  while (p > 0 && /\s/.test(ctx.src[p - 1]!)) p--
  const prev = ctx.src[p - 1]
  const empty = coll.items.length === 0
  const padded = ctx.src[token.start.offset + 1] === ' '
  if (empty) return insertAt(end.offset, padded ? ` ${text} ` : text)
  return prev === ',' ? insertAt(p, ` ${text},`) : insertAt(p, `, ${text}`)
}

const isPadded = (ctx: EditContext, coll: Collection) =>
  ctx.src[(coll.srcToken as CST.FlowCollection).start.offset + 1] === ' '

/** Appends items to the end of a sequence, in its own style (block with its dash column, or flow). */
export function appendItems(ctx: EditContext, seq: YAMLSeq, items: Fragment[], layout: Partial<BlockLayout> = {}): Splice {
  if (seq.flow) return flowInsertion(ctx, seq, items.map((i) => renderFlow(i, isPadded(ctx, seq))).join(', '))
  const { dashCol, dashGap } = seqLayout(ctx, seq)
  const lines = renderBlockSeq({ seq: items }, dashCol, { unit: ctx.unit, compactSeq: true, ...layout, dashGap })
  return blockInsertion(ctx, endOfBlock(ctx.src, seq.items[seq.items.length - 1] as Node, dashCol), lines)
}

/** Adds pairs to a mapping: after the pair whose key is `after` when there is one, else at its end. */
export function addPairs(
  ctx: EditContext,
  mapNode: YAMLMap,
  pairs: [string, Fragment][],
  layout: BlockLayout,
  after?: string,
): Splice {
  const frag: MapFragment = { map: pairs }
  if (mapNode.flow) {
    return flowInsertion(ctx, mapNode, pairs.map(([k, v]) => `${k}: ${renderFlow(v, isPadded(ctx, mapNode))}`).join(', '))
  }
  const first = mapNode.items[0]
  if (!first) throw new InternalError('empty block mapping')
  const keyCol = columnOf(ctx.src, range(first.key as Node)[0])
  const anchorPair = (after !== undefined && mapNode.items.find((p) => isScalar(p.key) && p.key.value === after)) || mapNode.items[mapNode.items.length - 1]!
  const anchor = (anchorPair.value ?? anchorPair.key) as Node
  const isLast = anchorPair === mapNode.items[mapNode.items.length - 1]
  const at = isLast ? endOfBlock(ctx.src, anchor, keyCol) : endOfBlock(ctx.src, anchor, Number.MAX_SAFE_INTEGER)
  return blockInsertion(ctx, at, renderBlockMap(frag, keyCol, layout))
}

/**
 * Gives an empty value (`key:`, `key: ~`, `key: null`) block content: the collection starts on the
 * next line, indented under the key as `layout` says.
 */
export function fillEmptyValue(ctx: EditContext, pair: Pair, value: MapFragment | SeqFragment, layout: BlockLayout): Splice[] {
  const key = pair.key as Node
  const keyCol = columnOf(ctx.src, range(key)[0])
  const lines =
    'map' in value
      ? renderBlockMap(value, keyCol + layout.unit, layout)
      : renderBlockSeq(value, layout.compactSeq ? keyCol : keyCol + layout.unit, layout)
  const splices: Splice[] = []
  const node = pair.value as Scalar | null
  const [vs, ve] = node && isScalar(node) ? range(node) : [range(key)[1], range(key)[1]]
  if (ve > vs) splices.push(replaceRange(ctx.src[vs - 1] === ' ' ? vs - 1 : vs, ve, ''))
  let eolAt = ctx.src.indexOf('\n', ve)
  if (eolAt < 0) eolAt = ctx.src.length
  else if (ctx.src[eolAt - 1] === '\r') eolAt--
  splices.push(insertAt(eolAt, ctx.eol + lines.join(ctx.eol)))
  return splices
}

/** Replaces a scalar's value, keeping its quoting style. */
export function setScalar(ctx: EditContext, node: Scalar, value: string): Splice {
  const [start, end] = range(node)
  return replaceRange(start, end, restyleScalar(node, value, columnOf(ctx.src, start)))
}

/** Removes item `index` of a block sequence, with its line(s). */
export function removeItem(ctx: EditContext, seq: YAMLSeq, index: number): Splice {
  if (seq.flow) throw new InternalError('cannot remove from a flow sequence')
  const item = seq.items[index] as Node
  const token = seq.srcToken as CST.BlockSequence
  const dash = token.items.filter((i) => i.value)[index]?.start.find((t) => t.type === 'seq-item-ind')
  const start = lineStartOf(ctx.src, dash ? dash.offset : range(item)[0])
  return replaceRange(start, endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER), '')
}

export const isCollection = (n: unknown): n is Collection => isMap(n) || isSeq(n)
