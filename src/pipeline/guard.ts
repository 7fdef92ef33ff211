import { parseAllDocuments, parseDocument } from 'yaml'
import type { Edit } from '../mtls/types.js'
import type { PathSeg } from '../yaml/lookup.js'
import { K8S_DECODE, parseDocumentsAt, toPlain, type Doc } from '../yaml/parse.js'
import { documentStarts } from '../yaml/spans.js'
import { deepEqual } from './deep-equal.js'

type Json = Record<string | number, unknown>

const decode = (text: string): unknown => {
  const doc = parseDocument(text, K8S_DECODE)
  if (doc.errors.length > 0) throw new Error(`embedded YAML does not parse: ${doc.errors[0]!.message}`)
  return doc.toJS({ maxAliasCount: 100 })
}

const get = (root: unknown, ptr: PathSeg[]) => ptr.reduce<unknown>((cur, seg) => (cur as Json | undefined)?.[seg], root)

/**
 * The container that holds `ptr`'s last segment. With `owned`, the containers along `ptr` are made
 * copies: each one `ptr` passes through is replaced by a shallow copy the first time (`owned` records
 * them), so that writing there never changes the value the tree was made from (the planner's decoding
 * of the input, which the guard reuses); without it, the tree is written in place. With `create`,
 * missing containers on the way are made.
 */
function ownedParent(root: Json, ptr: PathSeg[], create: boolean, owned: Set<object> | undefined): Json | undefined {
  let cur = root
  for (const seg of ptr.slice(0, -1)) {
    let next = cur[seg] as Json | null | undefined
    if (next === undefined || next === null) {
      if (!create) return undefined
      cur[seg] = next = {}
    } else if (owned && typeof next === 'object' && !owned.has(next)) {
      cur[seg] = next = (Array.isArray(next) ? [...next] : { ...next }) as Json
    }
    // A scalar on the way stays one: writing into it throws (strict mode), as a planned change there must.
    if (typeof next === 'object') owned?.add(next)
    cur = next
  }
  return cur
}

/**
 * Applies planned changes to a decoded document: what the output must decode to. `value` itself is
 * left as it is. `copy: 'deep'` copies all of it first and changes the copy in place, so that a
 * container the document shares between places (a YAML alias, or a merge key, decodes to the very
 * object its anchor does) changes everywhere it appears, as it does in the output's decoding.
 * `copy: 'paths'` copies only the containers on the changed paths: the same for a document without
 * aliases (no `*` in its text), and much cheaper than copying a whole Deployment for a dozen changes.
 */
export function applyChanges(
  value: unknown,
  changes: { op: string; ptr: PathSeg[]; after?: unknown }[],
  copy: 'deep' | 'paths' = 'deep',
): unknown {
  const collection = value !== null && typeof value === 'object'
  // A document that is no collection (null, a scalar) is its own copy; a change in it throws, as it must.
  const root = (
    copy === 'deep' ? structuredClone(value) : !collection ? value : Array.isArray(value) ? [...value] : { ...value }
  ) as Json
  const owned = copy === 'paths' ? new Set<object>(collection ? [root] : []) : undefined
  const removals: PathSeg[][] = []
  for (const { op, ptr, after } of changes) {
    if (op === 'remove') {
      removals.push(ptr)
      continue
    }
    const parent = ownedParent(root, ptr, true, owned)!
    const key = ptr[ptr.length - 1]!
    if (op === 'append') {
      const list = parent[key]
      if (owned) {
        parent[key] = [...(Array.isArray(list) ? list : []), copyOf(after)]
        owned.add(parent[key] as object)
      } else if (Array.isArray(list)) list.push(copyOf(after))
      else parent[key] = [copyOf(after)]
    } else parent[key] = copyOf(after)
  }
  // Deepest and last first, so a removal never shifts the index of another (a list item before its list's key).
  removals.sort((a, b) => comparePtr(b, a))
  for (const ptr of removals) {
    const owner = ownedParent(root, ptr, false, owned)
    const last = ptr[ptr.length - 1]!
    if (Array.isArray(owner) && typeof last === 'number') owner.splice(last, 1)
    else if (owner && typeof owner === 'object' && typeof last === 'string') delete owner[last]
  }
  return root
}

/** A planned value the tree may own: containers copied, the (immutable) rest as it is. */
const copyOf = (value: unknown) => (value !== null && typeof value === 'object' ? structuredClone(value) : value)

/** Element-wise order of two paths: numbers by value, keys by text, a prefix before its extensions. */
function comparePtr(a: PathSeg[], b: PathSeg[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!
    const y = b[i]!
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    return String(x) < String(y) ? -1 : 1
  }
  return a.length - b.length
}

/**
 * Sets `ptr` in `root`, a tree the guard owns: in place, or (for applyChanges' result with `copy:
 * 'paths'`, which shares what it did not change with the planner's value) copying the containers on the way.
 */
function put(root: unknown, ptr: PathSeg[], value: unknown, copy: 'deep' | 'paths'): void {
  const parent = ownedParent(root as Json, ptr, false, copy === 'paths' ? new Set([root as object]) : undefined)
  if (parent) parent[ptr[ptr.length - 1]!] = value
}

/**
 * Input document `i` decoded again, as planning decoded it (a stream planned a group at a time keeps no
 * decoded documents: holding them all until the guard ran grew its memory with the stream).
 */
function decodeAt(input: string, starts: number[], i: number): { value: unknown } | { error: string } {
  const docs = parseDocumentsAt(input, starts[i]!, starts[i + 1] ?? input.length, false)
  if (docs.length !== 1 || docs[0]!.errors.length > 0) return { error: 'not decoded' }
  return toPlain(docs[0]!)
}

/**
 * The semantic guard (SPEC §7): the output, decoded as Kubernetes decodes it, must equal the input
 * plus exactly the planned changes, and every document without a change must be byte-identical.
 * Returns what differs, or undefined when all is well.
 */
export function checkOutput(
  input: string,
  /** The input's documents, or only their number when it was planned a group at a time (its spans are then given). */
  inputDocs: Doc[] | number,
  output: string,
  edits: Edit[],
  inputStarts?: number[],
  decodedInput?: Map<number, unknown>,
): string | undefined {
  const inserts = edits.filter((e) => e.change.op === 'insert')
  // `remove` with an empty path takes a whole document out (revert of a Secret the migration inserted).
  const removed = new Set(
    edits.filter((e) => e.change.op === 'remove' && e.ptr.length === 0).map((e) => e.change.resource.document),
  )
  const count = typeof inputDocs === 'number' ? inputDocs : inputDocs.length
  const expectedDocs = count + inserts.length - removed.size
  const byDoc = new Map<number, Edit[]>()
  for (const e of edits)
    if (e.change.op !== 'insert')
      byDoc.set(e.change.resource.document, [...(byDoc.get(e.change.resource.document) ?? []), e])
  // Each output document is an inserted one or an input one; only those with a change need decoding.
  const sources: ({ insert: Edit } | { input: number })[] = []
  const insertsBefore = new Map<number, Edit[]>()
  for (const e of inserts) insertsBefore.set(e.insertBefore!, [...(insertsBefore.get(e.insertBefore!) ?? []), e])
  for (let i = 0; i < count; i++) {
    for (const ins of insertsBefore.get(i) ?? []) sources.push({ insert: ins })
    if (!removed.has(i)) sources.push({ input: i })
  }
  const decodeIt = (j: number) => {
    const src = sources[j]
    return !src || 'insert' in src || byDoc.has(src.input) || insertsBefore.has(src.input)
  }
  const outStarts = inputStarts ? documentStarts(output) : undefined
  const slice = (text: string, starts: number[], k: number) => text.slice(starts[k]!, starts[k + 1] ?? text.length)
  // With the documents' spans known, each output document that needs decoding is parsed on its own,
  // one at a time (a large stream is never held as syntax trees all at once); else the whole output.
  let outDoc: (j: number) => Doc | string
  let sameBytes: (i: number, j: number) => boolean
  if (inputStarts && outStarts && outStarts.length === expectedDocs) {
    outDoc = (j) => {
      const docs = parseAllDocuments(slice(output, outStarts, j), K8S_DECODE) as Doc[]
      const bad = docs.find((d) => d.errors.length > 0)
      if (bad) return `the output does not parse: ${bad.errors[0]!.message.split('\n')[0]}`
      return docs.length === 1
        ? docs[0]!
        : `the output has ${expectedDocs - 1 + docs.length} documents, expected ${expectedDocs}`
    }
    sameBytes = (i, j) => slice(input, inputStarts, i) === slice(output, outStarts, j)
  } else {
    if (typeof inputDocs === 'number') return "the output's documents cannot be matched with the input's"
    const parsed = parseAllDocuments(output, K8S_DECODE)
    const outDocs: Doc[] = 'empty' in parsed ? [] : (parsed as Doc[])
    const bad = outDocs.find((d) => d.errors.length > 0)
    if (bad) return `the output does not parse: ${bad.errors[0]!.message.split('\n')[0]}`
    if (outDocs.length !== expectedDocs) return `the output has ${outDocs.length} documents, expected ${expectedDocs}`
    outDoc = (j) => outDocs[j]!
    sameBytes = (i, j) =>
      input.slice(inputDocs[i]!.range[0], inputDocs[i]!.range[1]) ===
      output.slice(outDocs[j]!.range[0], outDocs[j]!.range[1])
  }
  let shift = 0
  for (let i = 0; i < count; i++) {
    if (removed.has(i)) {
      shift--
      continue
    }
    for (const ins of insertsBefore.get(i) ?? []) {
      const out = outDoc(i + shift)
      if (typeof out === 'string') return out
      const added = toPlain(out)
      if ('error' in added || !deepEqual(added.value, ins.value))
        return `the document inserted before document ${i + 1} is not the planned ${ins.change.resource.kind}`
      shift++
    }
    const docEdits = byDoc.get(i) ?? []
    if (!decodeIt(i + shift)) {
      if (!sameBytes(i, i + shift)) return `document ${i + 1} changed although nothing was planned for it`
      continue
    }
    const before = decodedInput?.has(i)
      ? { value: decodedInput.get(i) }
      : typeof inputDocs !== 'number'
        ? toPlain(inputDocs[i]!)
        : inputStarts
          ? decodeAt(input, inputStarts, i)
          : { error: 'not decoded' }
    const out = outDoc(i + shift)
    if (typeof out === 'string') return out
    const after = toPlain(out)
    if ('error' in before || 'error' in after) return `document ${i + 1} does not decode`
    const outer = docEdits
      .filter((e) => !e.inner)
      .map((e) => ({ op: e.change.op, ptr: e.ptr, after: 'value' in e ? e.value : e.change.after }))
    // Path copies suffice unless the document has aliases (a '*' anywhere in its text: conservative).
    const text = inputStarts
      ? slice(input, inputStarts, i)
      : typeof inputDocs === 'number'
        ? '*'
        : input.slice(inputDocs[i]!.range[0], inputDocs[i]!.range[1])
    const copy = text.includes('*') ? 'deep' : 'paths'
    const expected = applyChanges(before.value, outer, copy)
    const actual = after.value // freshly decoded: ours to change
    const embedded = new Map<string, { ptr: PathSeg[]; edits: Edit[] }>()
    for (const e of docEdits)
      if (e.inner)
        embedded.set(JSON.stringify(e.ptr), {
          ptr: e.ptr,
          edits: [...(embedded.get(JSON.stringify(e.ptr))?.edits ?? []), e],
        })
    try {
      for (const { ptr, edits: inner } of embedded.values()) {
        // Planning decoded the same input text already (applyChanges copies it before changing it).
        const embeddedText = String(get(expected, ptr))
        const known = inner.find((e) => e.embedded)?.embedded
        const base = known && known.text === embeddedText ? known.value : decode(embeddedText)
        const want = applyChanges(
          base,
          inner.map((e) => ({ op: e.change.op, ptr: e.inner!, after: 'value' in e ? e.value : e.change.after })),
        )
        const got = decode(String(get(actual, ptr)))
        if (!deepEqual(want, got))
          return `document ${i + 1}: ${ptr.join('.')} does not hold exactly the planned changes`
        put(expected, ptr, null, copy)
        put(actual, ptr, null, 'deep')
      }
    } catch (e) {
      return `document ${i + 1}: ${(e as Error).message}`
    }
    if (!deepEqual(expected, actual)) return `document ${i + 1} does not decode to the input plus the planned changes`
  }
  return undefined
}
