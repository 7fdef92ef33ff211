import { Scalar, type CST } from 'yaml'
import { InternalError } from '../errors.js'
import { applySplices, replaceRange, type Splice } from './splice.js'
import { restyleScalar } from './scalar.js'
import { columnOf, linePos } from './source.js'

/**
 * Maps splices made on the decoded text of a string scalar (a YAML document held in a ConfigMap)
 * back onto the file. A literal block (`|`, `|-`) is edited line by line, so its untouched lines stay
 * byte-identical; any other style is rewritten as a whole in its own style.
 */
export function embeddedSplices(src: string, eol: string, node: Scalar, inner: readonly Splice[]): Splice[] {
  if (inner.length === 0) return []
  const value = node.value as string
  if (node.type !== Scalar.BLOCK_LITERAL) {
    const [start, end] = node.range!
    return [replaceRange(start, end, restyleScalar(node, applySplices(value, inner), columnOf(src, start)))]
  }
  const token = node.srcToken as CST.BlockScalar
  const header = token.props.find((t) => t.type === 'newline') as CST.SourceToken | undefined
  if (!header) throw new InternalError('block scalar without a header line break')
  const contentStart = header.offset + header.source.length
  const outerStarts = [contentStart]
  for (let i = token.source.indexOf('\n'); i >= 0; i = token.source.indexOf('\n', i + 1))
    outerStarts.push(contentStart + i + 1)
  const firstContent = /^( *)\S/m.exec(token.source)
  const indent = firstContent ? firstContent[1]!.length : 0
  const innerStarts = [0]
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) innerStarts.push(i + 1)

  const toOuter = (offset: number): { at: number; col: number } => {
    let line = innerStarts.length - 1
    while (innerStarts[line]! > offset) line--
    const col = offset - innerStarts[line]!
    const start = outerStarts[line]
    if (start === undefined) throw new InternalError('embedded edit past the end of its block')
    return { at: col === 0 ? start : start + indent + col, col }
  }
  const prefix = ' '.repeat(indent)
  return inner.map((s) => {
    const from = toOuter(s.start)
    const to = s.end === s.start ? from : toOuter(s.end)
    const text = s.text
      .split('\n')
      .map((seg, i) => ((i > 0 || from.col === 0) && seg !== '' ? prefix + seg : seg))
      .join(eol)
    return replaceRange(from.at, to.at, text)
  })
}

/**
 * Where a 1-based line and column of a string scalar's decoded text are in the file: in a literal or
 * folded block, line by line under its header, shifted by the block's indentation; in any other style,
 * the scalar itself.
 */
export function embeddedPos(
  src: string,
  node: Scalar,
  at: { line: number; col: number },
): { line: number; col: number } {
  const start = linePos(src, node.range![0])
  if (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) return start
  const token = node.srcToken as CST.BlockScalar | undefined
  const indent = token ? (/^( *)\S/m.exec(token.source)?.[1]!.length ?? 0) : 0
  return { line: start.line + at.line, col: at.col + indent }
}
