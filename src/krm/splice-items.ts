import { InternalError, type Diagnostic } from '../errors.js'
import { migrate, type MigrateResult } from '../pipeline/migrate.js'
import type { MtlsOptions } from '../mtls/types.js'
import { documentStarts } from '../yaml/spans.js'
import type { ItemSpan } from './resource-list.js'

/** An item's text as a document of its own: its lines moved left by the item's column. */
interface Unindented {
  /** The document's lines, each with its line break. */
  lines: string[]
  /** The item's lines as they are in the list. */
  original: string[]
  /** A line break was added after the last line (an item that ends mid-line, in a flow list). */
  addedBreak: boolean
}

const splitLines = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? []

function unindent(src: string, item: ItemSpan, eol: string): Unindented {
  const original = splitLines(src.slice(item.start, item.end))
  // The first line starts at the item itself; the others lose up to `col` leading spaces (a blank or
  // comment line may have fewer), which keeps every indentation relative to the item's keys.
  const lines = original.map((line, i) => {
    if (i === 0) return line
    let k = 0
    while (k < item.col && line[k] === ' ') k++
    return line.slice(k)
  })
  const last = lines.length - 1
  const addedBreak = last < 0 || !lines[last]!.endsWith('\n')
  if (addedBreak) lines.push(...(last < 0 ? [eol] : [lines.pop()! + eol]))
  return { lines, original, addedBreak }
}

/**
 * The item's new text from its migrated document: the lines migrate kept are the item's own lines,
 * byte for byte; the lines it added or changed get the item's column back.
 */
function reindent(u: Unindented, migrated: string, col: number): string {
  const out = splitLines(migrated)
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

/** Longest common subsequence of two line lists, as index pairs, after trimming the common head and tail. */
function commonLines(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
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

export interface MigratedItems {
  result: MigrateResult
  /** Each item that changed, by item index: its new text, and the document migrate made of it. */
  changed: Map<number, { text: string; document: string }>
  /** The first line of each item's document in the stream given to migrate (1-based), to place diagnostics. */
  firstLines: number[]
}

/**
 * Migrates the items of a ResourceList together, as one stream of documents (so that a delegate finds
 * its ConfigMaps and its upgrader), and gives back the new text of each item that changed. Items are
 * moved to column 0 for migrate and moved back line by line, so an unchanged line keeps its exact bytes.
 */
export function migrateItems(src: string, items: ItemSpan[], options: MtlsOptions, eol: string): MigratedItems {
  const docs = items.map((item) => unindent(src, item, eol))
  const separator = `---${eol}`
  const stream = docs.map((d) => d.lines.join('')).join(separator)
  const firstLines: number[] = []
  for (let i = 0, line = 1; i < docs.length; line += docs[i]!.lines.length + 1, i++) firstLines.push(line)
  const result = migrate(stream, { ...options, file: '<items>' })
  const changed: MigratedItems['changed'] = new Map()
  if (result.status === 'error' || result.output === stream) return { result, changed, firstLines }
  const starts = documentStarts(result.output)
  if (!starts || starts.length !== items.length)
    throw new InternalError(`the migrated items came back as ${starts?.length ?? 'an unknown number of'} documents`)
  const inputs = docs.map((d) => d.lines.join(''))
  starts.forEach((start, i) => {
    let doc = result.output.slice(start, starts[i + 1] ?? result.output.length)
    if (i > 0) {
      if (!doc.startsWith(separator)) throw new InternalError('a migrated item lost its document separator')
      doc = doc.slice(separator.length)
    }
    if (doc !== inputs[i]) changed.set(i, { text: reindent(docs[i]!, doc, items[i]!.col), document: doc })
  })
  return { result, changed, firstLines }
}

/** The item's text as migrate saw it: a check that the list we write holds exactly what migrate made. */
export function itemDocument(src: string, item: ItemSpan, eol: string): string {
  return unindent(src, item, eol).lines.join('')
}

export type { Diagnostic }
