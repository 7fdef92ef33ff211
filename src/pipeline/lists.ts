import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type YAMLMap } from 'yaml'
import { InternalError, type Diagnostic } from '../errors.js'
import type { Change } from '../mtls/types.js'
import type { ResourceRef } from '../resources/classify.js'
import { mappingItems, reindent, unindent, type ItemText, type Unindented } from '../yaml/item-text.js'
import { parseDocumentsAt, toPlain } from '../yaml/parse.js'
import { lineStartOf, linePos, readSource, writeSource } from '../yaml/source.js'
import { documentStarts } from '../yaml/spans.js'
import { deepEqual } from './deep-equal.js'
import type { MigrateResult } from './types.js'

/*
 * `kind: List` (what `kubectl get … -o yaml|json` prints) and the typed lists (`DeploymentList` …): each
 * item is a resource in its own right. The stream is planned as if every item were a document of its
 * own: the items are moved to column 0 as documents of an expanded stream, the whole pipeline (plan,
 * splice, guard) runs on it, and each changed item is moved back into its List line by line (the lines
 * the pipeline kept are the item's own bytes; only added or changed lines get the item's column). What
 * is not an item (the List's own apiVersion, kind, metadata, every other document) is never touched.
 */

/** A kind that holds resources in `items`: `List` and the typed lists, not a KRM function's ResourceList. */
const isListKind = (kind: unknown): boolean => typeof kind === 'string' && /List$/.test(kind) && kind !== 'ResourceList'

const textAt = (map: YAMLMap, key: string): unknown => {
  const v = map.get(key, true)
  return isScalar(v) ? v.value : undefined
}

interface ListDoc {
  items: ItemText[]
  /** The document's text before its root (a `---` line): it stays with the first item. */
  head: string
}

/** One document of the expanded stream: a document of the input, or one item of a List. */
interface Piece {
  doc: number
  item?: number
  /** The piece's text in the expanded stream, its leading `---` line included. */
  text: string
  /** The text before the item's own lines (`---` or the List's head). */
  lead: string
  unindented?: Unindented
}

interface Expanded {
  text: string
  pieces: Piece[]
  /** For each line of the expanded text (0-based): its line in the input (1-based) and the columns it lost. */
  lines: { line: number; shift: number }[]
  lists: Map<number, ListDoc>
  starts: number[]
}

/**
 * The Lists of a stream, by document index: each List whose items are all mappings and whose root starts
 * a line of its own. A List inside a List is refused: kubectl never prints one, and its items would
 * have to be read as resources at two depths.
 */
function findLists(src: string, starts: number[], file: string): { lists: Map<number, ListDoc>; errors: Diagnostic[] } {
  const lists = new Map<number, ListDoc>()
  const errors: Diagnostic[] = []
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? src.length
    const slice = src.slice(start, end)
    if (!slice.includes('List') || !slice.includes('items')) return
    const docs = parseDocumentsAt(src, start, end, false)
    if (docs.length !== 1 || docs[0]!.errors.length > 0) return
    const root = docs[0]!.contents
    if (!isMap(root) || !isListKind(textAt(root, 'kind')) || typeof textAt(root, 'apiVersion') !== 'string') return
    const seq = root.get('items', true)
    if (!isSeq(seq) || seq.items.length === 0) return
    const items = mappingItems(src, seq)
    const rootLine = lineStartOf(src, root.range![0])
    const head = src.slice(start, rootLine)
    // The root must start its own line after nothing but a `---` line (or nothing): that head stays
    // with the first item, so the expanded stream has its documents where the input has them.
    if (!items || rootLine < start || !/^(?:---[ \t]*(?:#[^\n]*)?\r?\n)?$/.test(head)) return
    if (src.slice(rootLine, root.range![0]).trim() !== '') return
    for (const [k, node] of (seq.items as Node[]).entries()) {
      const inner = node as YAMLMap
      if (isListKind(textAt(inner, 'kind')) && isSeq(inner.get('items', true))) {
        const { line, col } = linePos(src, node.range![0])
        errors.push({
          code: 'UNSUPPORTED',
          severity: 'error',
          message:
            `items[${k}] is a ${String(textAt(inner, 'kind'))} inside a ` +
            `${String(textAt(root, 'kind'))}: kubectl never nests lists; write its items into the outer list`,
          file,
          line,
          col,
        })
      }
    }
    lists.set(i, { items, head })
  })
  return { lists, errors }
}

function expand(src: string, eol: string, starts: number[], lists: Map<number, ListDoc>): Expanded {
  const pieces: Piece[] = []
  const lines: Expanded['lines'] = []
  const lineCount = (s: string) => (s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0))
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? src.length
    const first = linePos(src, start).line
    const list = lists.get(i)
    if (!list) {
      const text = src.slice(start, end)
      for (let t = 0; t < lineCount(text); t++) lines.push({ line: first + t, shift: 0 })
      pieces.push({ doc: i, text, lead: '' })
      return
    }
    list.items.forEach((item, k) => {
      const u = unindent(src, item, eol)
      const itemLine = linePos(src, item.start).line
      const lead = k === 0 ? list.head : `---${eol}`
      for (let t = 0; t < lineCount(lead); t++) lines.push({ line: k === 0 ? first + t : itemLine, shift: 0 })
      u.lines.forEach((_, t) => lines.push({ line: itemLine + t, shift: u.shifts[t] ?? 0 }))
      pieces.push({ doc: i, item: k, text: lead + u.lines.join(''), lead, unindented: u })
    })
  })
  return { text: pieces.map((p) => p.text).join(''), pieces, lines, lists, starts }
}

const MARKER_LINE = /^---[ \t]*(?:#[^\n]*)?\r?\n/

/** A document's text without its leading `---` line. */
const body = (doc: string) => doc.replace(MARKER_LINE, '')

/**
 * Puts the pipeline's output for the expanded stream back into the input's shape: each List with its
 * changed items moved back into place, a document inserted before an item (the Secret of `--cert/--key`)
 * placed before its List, an item the pipeline took out (revert of such a Secret) taken out of its List.
 */
function fold(src: string, eol: string, ex: Expanded, output: string, changes: Change[]): string {
  const outStarts = documentStarts(output)
  if (!outStarts) throw new InternalError('the migrated items cannot be split into documents again')
  const outDocs = outStarts.map((s, k) => output.slice(s, outStarts[k + 1] ?? output.length))
  const inserted = new Map<number, number>()
  const removed = new Set<number>()
  for (const c of changes) {
    if (c.op === 'insert') inserted.set(c.resource.document, (inserted.get(c.resource.document) ?? 0) + 1)
    if (c.op === 'remove' && c.path === '') removed.add(c.resource.document)
  }
  const expected = ex.pieces.length + [...inserted.values()].reduce((a, b) => a + b, 0) - removed.size
  if (outDocs.length !== expected)
    throw new InternalError(`the migrated items came back as ${outDocs.length} documents, expected ${expected}`)
  // Each piece's output: the documents inserted before it, and its own (unless taken out).
  let next = 0
  const outOf = ex.pieces.map((_, j) => {
    const before = outDocs.slice(next, next + (inserted.get(j) ?? 0))
    next += before.length
    const own = removed.has(j) ? undefined : outDocs[next++]
    return { before, own }
  })
  let text = ''
  ex.starts.forEach((start, i) => {
    const end = ex.starts[i + 1] ?? src.length
    const list = ex.lists.get(i)
    const js = ex.pieces.flatMap((p, j) => (p.doc === i ? [j] : []))
    if (!list) {
      for (const j of js) text += outOf[j]!.before.join('') + (outOf[j]!.own ?? '')
      return
    }
    let listText = src.slice(start, end)
    let head = list.head
    const before: string[] = []
    // From the last item to the first, so that each replacement leaves the earlier offsets valid.
    for (const j of [...js].reverse()) {
      const piece = ex.pieces[j]!
      const item = list.items[piece.item!]!
      const { own } = outOf[j]!
      before.unshift(...outOf[j]!.before.map(body))
      const from = item.start - start
      const to = item.end - start
      if (own === undefined) {
        const [a, b] = removal(listText, from, to)
        listText = listText.slice(0, a) + listText.slice(b)
        continue
      }
      let itemDoc = own
      if (piece.item === 0) {
        // The List's head follows what the pipeline did to the document start: a `---` taken away with a
        // document removed before it, or added with one inserted before it (then written before the List).
        if (piece.lead === '') itemDoc = body(itemDoc)
        else if (itemDoc.startsWith(piece.lead)) itemDoc = itemDoc.slice(piece.lead.length)
        else if (MARKER_LINE.test(piece.lead) && !MARKER_LINE.test(itemDoc)) head = ''
        else throw new InternalError('the start of a migrated List item cannot be matched with its List')
      } else {
        if (!itemDoc.startsWith(piece.lead)) throw new InternalError('a migrated List item lost its separator')
        itemDoc = itemDoc.slice(piece.lead.length)
      }
      const was = piece.unindented!.lines.join('')
      if (itemDoc !== was)
        listText = listText.slice(0, from) + reindent(piece.unindented!, itemDoc, item.col) + listText.slice(to)
    }
    listText = head + listText.slice(list.head.length)
    if (before.length === 0) text += listText
    else if (MARKER_LINE.test(listText)) text += before.map((b) => `---${eol}${b}`).join('') + listText
    else text += before.map((b) => `${b}---${eol}`).join('') + listText
  })
  return text
}

/** The range an item's removal takes out: its `- ` line(s) in block style, the item and one comma in flow style. */
function removal(text: string, from: number, to: number): [number, number] {
  const lineStart = lineStartOf(text, from)
  if (/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, from))) return [lineStart, to]
  const after = /^\s*,\s*/.exec(text.slice(to))
  if (after) return [from, to + after[0].length]
  const comma = text.slice(0, from).search(/\s*,\s*$/)
  return [comma >= 0 ? comma : from, to]
}

/**
 * The check that the List text holds exactly what the pipeline made (the pipeline's own guard checked
 * that on the expanded stream): the output decodes, document by document, to the pipeline's output with
 * each List's items in their List, and each List's own fields as they were.
 */
function checkFold(src: string, ex: Expanded, output: string, body: string, changes: Change[]): string | undefined {
  const decodeAll = (text: string): unknown[] | string => {
    const parsed = parseAllDocuments(text, { version: '1.1' })
    const docs = 'empty' in parsed ? [] : parsed
    const bad = docs.find((d) => d.errors.length > 0)
    if (bad) return `the output does not parse: ${bad.errors[0]!.message.split('\n')[0]}`
    const values: unknown[] = []
    for (const d of docs) {
      const v = toPlain(d)
      if ('error' in v) return `the output does not decode: ${v.error}`
      values.push(v.value)
    }
    return values
  }
  const got = decodeAll(body)
  const made = decodeAll(output)
  const input = decodeAll(src)
  if (typeof got === 'string') return got
  if (typeof made === 'string' || typeof input === 'string') return 'the expanded stream does not decode'
  const inserted = new Map<number, number>()
  const removed = new Set<number>()
  for (const c of changes) {
    if (c.op === 'insert') inserted.set(c.resource.document, (inserted.get(c.resource.document) ?? 0) + 1)
    if (c.op === 'remove' && c.path === '') removed.add(c.resource.document)
  }
  const want: unknown[] = []
  const listItems = new Map<number, unknown[]>()
  let m = 0
  ex.pieces.forEach((p, j) => {
    for (let n = inserted.get(j) ?? 0; n > 0; n--) want.push(made[m++])
    const value = removed.has(j) ? undefined : made[m++]
    if (p.item === undefined) {
      if (!removed.has(j)) want.push(value)
      return
    }
    if (!listItems.has(p.doc)) {
      listItems.set(p.doc, [])
      want.push({ list: p.doc })
    }
    if (!removed.has(j)) listItems.get(p.doc)!.push(value)
  })
  const expected = want.map((w) => {
    if (w === null || typeof w !== 'object' || !('list' in w)) return w
    const doc = (w as { list: number }).list
    return { ...(input[doc] as object), items: listItems.get(doc) }
  })
  if (expected.length !== got.length) return `the output has ${got.length} documents, expected ${expected.length}`
  for (let k = 0; k < got.length; k++)
    if (!deepEqual(expected[k], got[k])) return `document ${k + 1} does not hold its List items as migrated`
  return undefined
}

/**
 * Runs `run` (migrate or revert on a stream) over the input with each List's items as documents of
 * their own, and gives back its result in the input's terms: the Lists' text, resource references that
 * name the List's document and the item's index, diagnostics at the item's lines in the input.
 * Undefined when the input holds no List with items (the caller then runs on it directly).
 */
export function throughLists(
  text: string,
  file: string,
  verify: boolean,
  run: (text: string) => MigrateResult,
): MigrateResult | undefined {
  if (!text.includes('List')) return undefined
  const source = readSource(text)
  const starts = documentStarts(source.text)
  if (!starts) return undefined
  const { lists, errors } = findLists(source.text, starts, file)
  if (errors.length > 0)
    return { status: 'error', output: text, changes: [], diagnostics: errors, unresolved: false, resources: [] }
  if (lists.size === 0) return undefined
  const ex = expand(source.text, source.eol, starts, lists)
  const r = run(ex.text)
  const ref = <T extends ResourceRef>(res: T, insert = false): T => {
    const p = ex.pieces[res.document]
    if (!p) return res
    const { document: _, ...rest } = res
    return (
      p.item === undefined || insert ? { document: p.doc, ...rest } : { document: p.doc, item: p.item, ...rest }
    ) as T
  }
  const diagnostics = r.diagnostics.map((d) => {
    if (d.line === undefined) return d
    const at = ex.lines[d.line - 1]
    if (!at) return d
    return { ...d, line: at.line, ...(d.col === undefined ? {} : { col: d.col + at.shift }) }
  })
  const mapped: MigrateResult = {
    ...r,
    output: text,
    diagnostics,
    changes: r.changes.map((c) => ({ ...c, resource: ref(c.resource, c.op === 'insert') })),
    resources: r.resources.map((res) => ref(res)),
  }
  if (r.status === 'error' || r.changes.length === 0 || r.output === ex.text) return mapped
  const body = fold(source.text, source.eol, ex, r.output, r.changes)
  const mismatch = verify ? checkFold(source.text, ex, r.output, body, r.changes) : undefined
  if (mismatch) {
    const bug =
      `internal error: the semantic guard refused the result (${mismatch}); nothing was ` +
      `written. Please report this with the input file`
    return {
      ...mapped,
      status: 'error',
      changes: [],
      diagnostics: [...diagnostics, { code: 'GUARD_MISMATCH', severity: 'error', message: bug, file }],
    }
  }
  return { ...mapped, output: writeSource(source, body) }
}

/**
 * The input with each List's items as documents of their own (for `audit`, which reads without
 * changing), and where each of its offsets comes from: the input's document and the item's index.
 * Undefined when the input holds no List with items, or one that cannot be read item by item.
 */
export function expandLists(
  text: string,
): { text: string; origin: (offset: number) => { doc: number; item?: number } } | undefined {
  if (!text.includes('List')) return undefined
  const source = readSource(text)
  const starts = documentStarts(source.text)
  if (!starts) return undefined
  const { lists, errors } = findLists(source.text, starts, '')
  if (errors.length > 0 || lists.size === 0) return undefined
  const ex = expand(source.text, source.eol, starts, lists)
  const pieceStarts: number[] = []
  let at = 0
  for (const p of ex.pieces) {
    pieceStarts.push(at)
    at += p.text.length
  }
  const origin = (offset: number) => {
    let lo = 0
    let hi = pieceStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (pieceStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    const p = ex.pieces[lo]!
    return p.item === undefined ? { doc: p.doc } : { doc: p.doc, item: p.item }
  }
  return { text: ex.text, origin }
}
