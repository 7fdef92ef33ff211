import {
  CST,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'
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

/**
 * Joins new lines for insertion at `at`, which is a line start or the end of a text without final
 * newline, to extend the block collection `owner` (see `Splice.nest`).
 */
function blockInsertion(ctx: EditContext, at: number, lines: string[], owner: Node): Splice {
  const body = lines.join(ctx.eol)
  const atEofWithoutNewline = at === ctx.src.length && at > 0 && ctx.src[at - 1] !== '\n'
  return { ...insertAt(at, atEofWithoutNewline ? ctx.eol + body : body + ctx.eol), nest: range(owner)[0] }
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
  const padded = ctx.src[token.start.offset + 1] === ' '
  const last = coll.items[coll.items.length - 1]
  if (last === undefined) return insertAt(end.offset, padded ? ` ${text} ` : text)
  // After the last item (not after what precedes the bracket: in a multi-line collection that can be a comment).
  const lastNode = (isPair(last) ? ((last.value as Node | null)?.range ? last.value : last.key) : last) as Node
  const p = range(lastNode)[1]
  let q = p
  while (ctx.src[q] === ' ' || ctx.src[q] === '\t') q++
  return ctx.src[q] === ',' ? insertAt(q + 1, ` ${text},`) : insertAt(p, `, ${text}`)
}

/**
 * Whether new items in a flow collection must be written as JSON: its keys (or its items' keys) are
 * double-quoted, or, when it is empty, the key it stands under is (`"volumes": []`).
 */
function isJsonStyle(ctx: EditContext, coll: Collection): boolean {
  const quoted = (k: unknown) => isScalar(k) && k.type === 'QUOTE_DOUBLE'
  if (isMap(coll) && coll.items.length > 0) return coll.items.every((p) => quoted(p.key))
  const firstMap = isSeq(coll) ? coll.items.find((i) => isMap(i)) : undefined
  if (isMap(firstMap) && firstMap.items.length > 0) return firstMap.items.every((p) => quoted(p.key))
  const start = (coll.srcToken as CST.FlowCollection).start.offset
  return /"[ \t]*:[ \t]*$/.test(ctx.src.slice(Math.max(0, start - 200), start))
}

const isPadded = (ctx: EditContext, coll: Collection) =>
  ctx.src[(coll.srcToken as CST.FlowCollection).start.offset + 1] === ' '

/** Appends items to the end of a sequence, in its own style (block with its dash column, or flow). */
export function appendItems(
  ctx: EditContext,
  seq: YAMLSeq,
  items: Fragment[],
  layout: Partial<BlockLayout> = {},
): Splice {
  if (seq.flow)
    return flowInsertion(
      ctx,
      seq,
      items.map((i) => renderFlow(i, isPadded(ctx, seq), isJsonStyle(ctx, seq))).join(', '),
    )
  const { dashCol, dashGap } = seqLayout(ctx, seq)
  const lines = renderBlockSeq({ seq: items }, dashCol, { unit: ctx.unit, compactSeq: true, ...layout, dashGap })
  return blockInsertion(ctx, endOfBlock(ctx.src, seq.items[seq.items.length - 1] as Node, dashCol), lines, seq)
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
    const json = isJsonStyle(ctx, mapNode)
    return flowInsertion(
      ctx,
      mapNode,
      pairs
        .map(([k, v]) => `${json ? JSON.stringify(k) : k}: ${renderFlow(v, isPadded(ctx, mapNode), json)}`)
        .join(', '),
    )
  }
  const first = mapNode.items[0]
  if (!first) throw new InternalError('empty block mapping')
  const keyCol = columnOf(ctx.src, range(first.key as Node)[0])
  const anchorPair =
    (after !== undefined && mapNode.items.find((p) => isScalar(p.key) && p.key.value === after)) ||
    mapNode.items[mapNode.items.length - 1]!
  const anchor = (anchorPair.value ?? anchorPair.key) as Node
  const isLast = anchorPair === mapNode.items[mapNode.items.length - 1]
  const at = isLast ? endOfBlock(ctx.src, anchor, keyCol) : endOfBlock(ctx.src, anchor, Number.MAX_SAFE_INTEGER)
  return blockInsertion(ctx, at, renderBlockMap(frag, keyCol, layout), mapNode)
}

/**
 * Gives an empty value (`key:`, `key: ~`, `key: null`) block content: the collection starts on the
 * next line, indented under the key as `layout` says.
 */
export function fillEmptyValue(
  ctx: EditContext,
  pair: Pair,
  value: MapFragment | SeqFragment,
  layout: BlockLayout,
  inFlow = false,
): Splice[] {
  const key = pair.key as Node
  if (inFlow) {
    // `{volumes: null, ...}`: block lines would end the flow mapping; write the value in flow style.
    const text = renderFlow(value, false, isScalar(key) && key.type === 'QUOTE_DOUBLE')
    const v = pair.value as Node | null
    if (v && isScalar(v) && range(v)[1] > range(v)[0]) return [replaceRange(range(v)[0], range(v)[1], text)]
    const colon = ctx.src.indexOf(':', range(key)[1])
    return [insertAt(colon + 1, ` ${text}`)]
  }
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
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return setBlockScalar(ctx, node, value)
  const [start, end] = range(node)
  const text = restyleScalar(node, value, columnOf(ctx.src, start))
  // An empty value (`key:` at the end of its line) has no source: the new one needs its space after the colon.
  return replaceRange(start, end, start === end && ctx.src[start - 1] === ':' ? ` ${text}` : text)
}

/**
 * A block scalar (`|-`, `>`, ...) keeps its header line (anchor, comment) and its content indentation;
 * only the content lines, and the chomping indicator when the new value needs another, change. A value
 * that block style cannot hold as simply (leading spaces, several trailing newlines, a multi-line value
 * in folded style, an explicit indentation indicator) becomes a double-quoted scalar on the header line.
 */
function setBlockScalar(ctx: EditContext, node: Scalar, value: string): Splice {
  const [start, end] = range(node)
  const token = node.srcToken as CST.BlockScalar | undefined
  const header = token?.props.find((t) => t.type === 'block-scalar-header') as CST.SourceToken | undefined
  const newline = token?.props.find((t) => t.type === 'newline') as CST.SourceToken | undefined
  if (!token || !header || !newline) throw new InternalError('block scalar without a header line')
  const contentStart = newline.offset + newline.source.length
  const afterHeader = ctx.src.slice(header.offset + header.source.length, contentStart) // space, comment, line break
  const body = value.replace(/\n+$/, '')
  const trailing = value.length - body.length
  const style = header.source[0]!
  const simple =
    !/[1-9]/.test(header.source) &&
    trailing <= 1 &&
    body !== '' &&
    !/^[ \t]/.test(body) &&
    !body.includes('\r') &&
    (style === '|' || !body.includes('\n'))
  if (!simple) return replaceRange(header.offset, end, JSON.stringify(value) + afterHeader)
  const lines = ctx.src.slice(contentStart, end).split('\n')
  const contentLine = lines.find((l) => l.trim() !== '')
  const indent = contentLine ? /^ */.exec(contentLine)![0].length : token.indent + ctx.unit
  // Keep what follows the last content line (its line break, and blank lines the scalar's range holds).
  let keepFrom = contentStart
  let p = contentStart
  for (const l of lines) {
    if (l.trim() !== '') keepFrom = p + l.replace(/\r$/, '').length
    p += l.length + 1
  }
  const text = body
    .split('\n')
    .map((l) => (l === '' ? '' : ' '.repeat(indent) + l))
    .join(ctx.eol)
  const tail = contentLine ? ctx.src.slice(keepFrom, end) : ctx.eol + ctx.src.slice(contentStart, end)
  return replaceRange(
    start,
    end,
    ctx.src.slice(start, header.offset) + style + (trailing === 0 ? '-' : '') + afterHeader + text + tail,
  )
}

/**
 * A flow item with its comma, and its line when it stands alone on one; comments around it stay
 * (in a multi-line list a comment line before the next item belongs to that item).
 */
function removeFlowItem(ctx: EditContext, seq: YAMLSeq, index: number): Splice {
  const src = ctx.src
  const [start, end] = range(seq.items[index] as Node)
  const skipBlanks = (p: number) => {
    while (src[p] === ' ' || src[p] === '\t') p++
    return p
  }
  const lineStart = lineStartOf(src, start)
  const aloneFrom = /^[ \t]*$/.test(src.slice(lineStart, start)) ? lineStart : undefined
  /** Past the line break at `p` (after blanks), when the line ends there. */
  const lineEnd = (p: number) => (src[p] === '\n' ? p + 1 : src.startsWith('\r\n', p) ? p + 2 : undefined)
  const after = skipBlanks(end)
  const last = index === seq.items.length - 1
  if (src[after] === ',') {
    // The last item's trailing comma is where new items are appended: stop there.
    if (last) return replaceRange(start, after + 1, '')
    const eol = lineEnd(skipBlanks(after + 1))
    // `  item,⏎` on a line of its own: the whole line. `a, item, b`: `item, `.
    if (aloneFrom !== undefined && eol !== undefined) return replaceRange(aloneFrom, eol, '')
    return replaceRange(start, skipBlanks(after + 1), '')
  }
  // The last item, without a trailing comma: the comma after the item before it and the item go,
  // what lies between them (a comment, a line break) stays. The removal ends where the item ends:
  // new items are appended right there.
  const prev = seq.items[index - 1] as Node | undefined
  if (!prev || !last) return replaceRange(start, end, '')
  const from = range(prev)[1]
  const between = src.slice(from, start).replace(',', '')
  return replaceRange(from, end, between.includes('\n') ? between : between.trimEnd())
}

/** Removes item `index` of a sequence: a block item with its line(s), a flow item with its comma. */
export function removeItem(ctx: EditContext, seq: YAMLSeq, index: number): Splice {
  const item = seq.items[index] as Node
  if (seq.flow) return removeFlowItem(ctx, seq, index)
  const token = seq.srcToken as CST.BlockSequence
  const dash = token.items.filter((i) => i.value)[index]?.start.find((t) => t.type === 'seq-item-ind')
  const start = lineStartOf(ctx.src, dash ? dash.offset : range(item)[0])
  return replaceRange(start, endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER), '')
}

export const isCollection = (n: unknown): n is Collection => isMap(n) || isSeq(n)
