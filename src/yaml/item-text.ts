import { isMap, type Node, type YAMLSeq } from 'yaml'
import { InternalError } from '../errors.js'
import { linePos, lineEndAfter } from './source.js'

/** Where one item of a sequence of mappings is in the text (a ResourceList's or a List's `items`). */
export interface ItemText {
  /** Offset of the item's first character (its node, after the `- `). */
  start: number
  /** Offset just past its text: the end of its last line when only a comment or nothing follows there. */
  end: number
  /** Column of `start`: the indentation the item's own keys have. */
  col: number
}

/** The span of a sequence item that is a mapping, as moving it to a document of its own needs it. */
export function itemText(src: string, node: Node): ItemText {
  const [start, valueEnd] = node.range!
  const rest = src.slice(valueEnd, lineEndAfter(src, valueEnd))
  const end =
    /^[ \t]*(#[^\n]*)?\r?\n?$/.test(rest) && src[valueEnd - 1] !== '\n' ? lineEndAfter(src, valueEnd) : valueEnd
  return { start, end, col: linePos(src, start).col - 1 }
}

/** The items of a sequence, when every one is a mapping; undefined otherwise. */
export function mappingItems(src: string, seq: YAMLSeq): ItemText[] | undefined {
  if (!seq.items.every((n) => isMap(n))) return undefined
  return seq.items.map((n) => itemText(src, n as Node))
}

/** An item's text as a document of its own: its lines moved left by the item's column. */
export interface Unindented {
  /** The document's lines, each with its line break. */
  lines: string[]
  /** The item's lines as they are in the list. */
  original: string[]
  /** How many characters each line lost (the first line starts at the item itself: its column). */
  shifts: number[]
  /** A line break was added after the last line (an item that ends mid-line, in a flow list). */
  addedBreak: boolean
}

/** Lines of a text, each with its own line break, so CRLF and a missing final newline survive. */
export const splitLines = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? []

export function unindent(src: string, item: ItemText, eol: string): Unindented {
  const original = splitLines(src.slice(item.start, item.end))
  const shifts: number[] = []
  // The first line starts at the item itself; the others lose up to `col` leading spaces (a blank or
  // comment line may have fewer), which keeps every indentation relative to the item's keys.
  const lines = original.map((line, i) => {
    if (i === 0) {
      shifts.push(item.col)
      return line
    }
    let k = 0
    while (k < item.col && line[k] === ' ') k++
    shifts.push(k)
    return line.slice(k)
  })
  const last = lines.length - 1
  const addedBreak = last < 0 || !lines[last]!.endsWith('\n')
  if (addedBreak) lines.push(...(last < 0 ? [eol] : [lines.pop()! + eol]))
  return { lines, original, shifts, addedBreak }
}

/**
 * The item's new text from its changed document: the lines that were kept are the item's own lines,
 * byte for byte; the lines added or changed get the item's column back.
 */
export function reindent(u: Unindented, changed: string, col: number): string {
  const out = splitLines(changed)
  if (u.addedBreak) {
    const last = out.length - 1
    if (last < 0 || !out[last]!.endsWith('\n')) throw new InternalError('a migrated item lost its last line break')
    out[last] = out[last]!.replace(/\r?\n$/, '')
    if (out[last] === '') out.pop()
  }
  const a = u.addedBreak ? [...u.lines.slice(0, -1), u.lines[u.lines.length - 1]!.replace(/\r?\n$/, '')] : u.lines
  const kept = commonLines(a, out)
  const pad = ' '.repeat(col)
  let text = ''
  let next = 0
  for (const [ai, bi] of [...kept, [a.length, out.length] as const]) {
    for (; next < bi; next++) {
      const line = out[next]!
      text += next === 0 || /^\r?\n?$/.test(line) ? line : pad + line
    }
    if (ai < a.length) {
      text += u.original[ai]!
      next = bi + 1
    }
  }
  return text
}

/**
 * Longest common subsequence of two line lists, as index pairs, after trimming the common head and tail (edits
 * touch few lines). Also what `--diff` aligns its hunks on (src/cli/unified-diff.ts).
 */
export function commonLines(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = a[head + i] === b[head + j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!)
  const pairs: (readonly [number, number])[] = []
  for (let i = 0; i < head; i++) pairs.push([i, i])
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[head + i] === b[head + j]) pairs.push([head + i++, head + j++])
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++
    else j++
  }
  for (let t = tail; t > 0; t--) pairs.push([a.length - t, b.length - t])
  return pairs
}
