/**
 * SPEC §7, as properties over every fixture, corpus manifest (when present) and derived input that migrates: only the
 * planned
 * lines change, a second run is a no-op, CRLF/BOM and a missing final newline survive, and the semantic
 * guard refuses a corrupted splice.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { parseAllDocuments } from 'yaml'
import type { Change } from '../src/mtls/types.js'
import { migrate, type MigrateResult } from '../src/pipeline/migrate.js'
import { K8S_PARSE, type Doc } from '../src/yaml/parse.js'
import { corpusPresent, migratingCases, type GoldenCase } from './helpers/corpus.js'
import { hunksOf, lineDiff, linesOf, renderHunks } from './helpers/line-diff.js'

let cases: GoldenCase[] = []
let loadError: Error | undefined
try {
  cases = migratingCases()
} catch (e) {
  loadError = e as Error
}

const parseDocs = (text: string): Doc[] => {
  const parsed = parseAllDocuments(text, K8S_PARSE)
  return 'empty' in parsed ? [] : (parsed as Doc[])
}

/** 0-based index of the document holding each line of `text`. */
function docOfLines(text: string, docs: Doc[]): number[] {
  const out: number[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    let d = docs.findIndex((doc) => offset >= doc.range[0] && offset < doc.range[2])
    if (d < 0) d = offset < (docs[0]?.range[0] ?? 0) ? 0 : docs.length - 1
    out.push(d)
    offset += line.length + 1
  }
  return out
}

/** A block-YAML line as `lead` (indent and `- `), `key`, raw `value` and trailing `comment`. */
function splitLine(line: string): { lead: string; key: string; value: string; comment: string } | undefined {
  const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):(?:\s+(.*?))?(\s+#.*)?\s*$/.exec(line)
  if (!m) return undefined
  return { lead: m[1]!, key: m[2]!, value: m[3] ?? '', comment: (m[4] ?? '').trim() }
}

const quoteOf = (raw: string) => (raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : '')
const unquote = (raw: string) =>
  raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw
const lastKey = (path: string) => /([\w-]+)(?:\[[^\]]*\])?$/.exec(path)?.[1] ?? ''

/** A removed line and an added line are one `set` change: same place and key, before → after, same quoting. */
function isReplacement(removed: string, added: string, change: Change): boolean {
  const r = splitLine(removed)
  const a = splitLine(added)
  if (!r || !a || change.op !== 'set') return false
  return (
    r.lead === a.lead &&
    r.key === a.key &&
    r.key === lastKey(change.path) &&
    unquote(r.value) === String(change.before) &&
    unquote(a.value) === String(change.after) &&
    quoteOf(r.value) === quoteOf(a.value) &&
    (a.comment === r.comment || (r.comment === '' && /^# 0[0-7]{3}$/.test(a.comment)))
  )
}

/** Keys and leaf values an `add`/`append` change brings in: what its new lines may hold. */
function vocabulary(changes: Change[]): { keys: Set<string>; leaves: Set<string> } {
  const keys = new Set<string>()
  const leaves = new Set<string>()
  const walk = (v: unknown) => {
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!Array.isArray(v)) keys.add(k)
        walk(x)
      }
    } else leaves.add(String(v))
  }
  for (const c of changes) {
    if (c.op !== 'add' && c.op !== 'append') continue
    keys.add(lastKey(c.path))
    walk(c.after)
  }
  return { keys, leaves }
}

/** Every reason a migration's line diff is not accounted for by its planned changes; empty when it is. */
function unexplainedLines(input: string, r: MigrateResult): string[] {
  const problems: string[] = []
  const inDocs = parseDocs(input)
  const outDocs = parseDocs(r.output)
  const touched = new Set(r.changes.map((c) => c.resource.document))
  const inDocOf = docOfLines(input, inDocs)
  const outDocOf = docOfLines(r.output, outDocs)
  for (const hunk of hunksOf(lineDiff(linesOf(input), linesOf(r.output)))) {
    const used = new Set<number>()
    for (const del of hunk.del) {
      const doc = inDocOf[del.a]!
      const sets = r.changes.filter((c) => c.resource.document === doc && c.op === 'set')
      const removes = r.changes.filter((c) => c.resource.document === doc && c.op === 'remove')
      const partner = hunk.add.findIndex(
        (add, i) => !used.has(i) && sets.some((c) => isReplacement(del.line, add.line, c)),
      )
      if (partner >= 0) used.add(partner)
      else if (!removes.some((c) => JSON.stringify(c.before).includes(splitLine(del.line)?.value ?? '\u0000'))) {
        problems.push(`line ${del.a + 1} removed, no planned change set or removed it: ${del.line}`)
      }
    }
    hunk.add.forEach((add, i) => {
      if (used.has(i)) return
      const doc = outDocOf[add.b]!
      if (!touched.has(doc)) {
        problems.push(`line ${add.b + 1} added to document ${doc + 1}, which has no planned change: ${add.line}`)
        return
      }
      const { keys, leaves } = vocabulary(r.changes.filter((c) => c.resource.document === doc))
      const parts = splitLine(add.line)
      const ok =
        parts !== undefined &&
        keys.has(parts.key) &&
        (parts.value === '' || leaves.has(unquote(parts.value))) &&
        (parts.comment === '' || /^# 0[0-7]{3}$/.test(parts.comment))
      if (!ok) problems.push(`line ${add.b + 1} added, not part of any planned add/append: ${add.line}`)
    })
  }
  return problems
}

const test = suite('fidelity')

test('there are migrating cases to check', () => {
  if (loadError) throw loadError
  const fixtures = cases.filter((c) => c.id.startsWith('fixtures/')).length
  assert.ok(fixtures >= 7, `only ${fixtures} migrating fixtures`)
  if (corpusPresent()) assert.ok(cases.length >= 11 + fixtures, `only ${cases.length} migrating cases`)
})

for (const c of cases) {
  const golden = () => readFileSync(c.expectedOutput, 'utf8')

  test(`${c.id}: documents without a change are byte-identical`, () => {
    const r = migrate(c.input, c.options)
    const inDocs = parseDocs(c.input)
    const outDocs = parseDocs(r.output)
    assert.is(outDocs.length, inDocs.length)
    const touched = new Set(r.changes.map((ch) => ch.resource.document))
    assert.ok(touched.size > 0, 'some document is touched')
    assert.is(
      r.output.slice(0, outDocs[0]!.range[0]),
      c.input.slice(0, inDocs[0]!.range[0]),
      'text before the first document',
    )
    for (let i = 0; i < inDocs.length; i++) {
      if (touched.has(i)) continue
      assert.is(
        r.output.slice(outDocs[i]!.range[0], outDocs[i]!.range[2]),
        c.input.slice(inDocs[i]!.range[0], inDocs[i]!.range[2]),
        `document ${i + 1}`,
      )
    }
  })

  test(`${c.id}: every changed line is accounted for by a planned change`, () => {
    const r = migrate(c.input, c.options)
    const problems = unexplainedLines(c.input, r)
    assert.equal(problems, [], renderHunks(hunksOf(lineDiff(linesOf(c.input), linesOf(r.output)))))
    // No input line disappears except a replaced scalar's: each `set` replaces exactly one line (the corpus has no
    // `remove`, which would take its item's lines, and no non-literal config.yaml, which is rewritten whole).
    const removed = hunksOf(lineDiff(linesOf(c.input), linesOf(r.output))).flatMap((h) => h.del)
    assert.is(removed.length, r.changes.filter((ch) => ch.op === 'set' || ch.op === 'remove').length)
  })

  test(`${c.id}: a second run is a no-op`, () => {
    const first = migrate(c.input, c.options)
    const second = migrate(first.output, c.options)
    assert.is(second.status, 'already')
    assert.equal(second.changes, [])
    assert.is(second.output, first.output)
    assert.equal(
      second.diagnostics.filter((d) => d.severity === 'error'),
      [],
    )
  })

  test(`${c.id}: CRLF and a BOM are kept`, () => {
    const crlf = (s: string) => '\uFEFF' + s.replace(/\n/g, '\r\n')
    const r = migrate(crlf(c.input), c.options)
    assert.is(r.status, 'migrated')
    assert.ok(r.output.startsWith('\uFEFF'), 'BOM kept')
    assert.not.match(r.output, /(^|[^\r])\n/, 'only CRLF line endings')
    assert.not.match(r.output, /\r(?!\n)/, 'no lone CR')
    assert.is(r.output, crlf(golden()))
  })

  test(`${c.id}: no final newline stays without one`, () => {
    const input = c.input.replace(/\n+$/, '')
    const r = migrate(input, c.options)
    assert.is(r.status, 'migrated')
    assert.not.ok(r.output.endsWith('\n'), 'no final newline added')
    assert.is(r.output, golden().replace(/\n+$/, ''))
    assert.ok(
      parseDocs(r.output).every((d) => d.errors.length === 0),
      'the output parses',
    )
    assert.is(migrate(r.output, c.options).status, 'already')
  })
}

// The guard, proven by corrupting the spliced text through the test seam, on the public sample's shape: the
// project's own, and the corpus's when present.
const guard = suite('semantic guard')
const SAMPLES = ['fixtures/sample-manifest-placeholders.yaml', 'corpus/k8s-ng-manifest-2023-11-0ca8bf7.yaml']
const samples = () => SAMPLES.map((id) => cases.find((c) => c.id === id)).filter((c) => c !== undefined)

function assertRefused(r: MigrateResult, input: string, reason: RegExp) {
  assert.is(r.status, 'error')
  assert.is(r.output, input, 'nothing is written: the output is the input')
  assert.equal(r.changes, [])
  const bug = r.diagnostics.filter((d) => d.code === 'GUARD_MISMATCH')
  assert.is(bug.length, 1)
  assert.is(bug[0]!.severity, 'error')
  assert.match(bug[0]!.message, reason)
}

guard('the uncorrupted splice passes (the hook itself changes nothing)', () => {
  assert.is(samples().length, corpusPresent() ? 2 : 1)
  for (const c of samples()) assert.is(migrate(c.input, c.options, { afterSplice: (t) => t }).status, 'migrated')
})

guard('readOnly: true turned into false on the new mount', () => {
  for (const c of samples()) {
    const corrupt = (t: string) => {
      const at = t.lastIndexOf('readOnly: true')
      return t.slice(0, at) + 'readOnly: false' + t.slice(at + 'readOnly: true'.length)
    }
    assertRefused(
      migrate(c.input, c.options, { afterSplice: corrupt }),
      c.input,
      /does not decode to the input plus the planned changes/,
    )
  }
})

guard('a line dropped from an untouched document', () => {
  for (const c of samples()) {
    const corrupt = (t: string) => t.replace(/^type: Opaque\n/m, '')
    assert.is.not(corrupt(c.input), c.input)
    assertRefused(
      migrate(c.input, c.options, { afterSplice: corrupt }),
      c.input,
      /document 3 changed although nothing was planned for it/,
    )
  }
})

guard('a byte-level change that means the same, in an untouched document', () => {
  for (const c of samples()) {
    const corrupt = (t: string) =>
      t.replace('  name: PUT_YOUR_DELEGATE_NAME-account-token', '  name: "PUT_YOUR_DELEGATE_NAME-account-token"')
    assertRefused(
      migrate(c.input, c.options, { afterSplice: corrupt }),
      c.input,
      /changed although nothing was planned/,
    )
  }
})

guard('a wrong value inside the upgrader config.yaml', () => {
  for (const c of samples()) {
    const corrupt = (t: string) =>
      t.replace('managerHost: https://acme.harness.io:8443', 'managerHost: https://acme.harness.io')
    assertRefused(
      migrate(c.input, c.options, { afterSplice: corrupt }),
      c.input,
      /config\.yaml does not hold exactly the planned changes/,
    )
  }
})

guard(
  'a changed key that no change planned, inside the upgrader config.yaml (the guard compares with ' +
    "the input's decoding, not the output's)",
  () => {
    for (const c of samples()) {
      const corrupt = (t: string) => t.replace('    dryRun: false\n', '    dryRun: true\n')
      assert.ok(corrupt(c.input) !== c.input)
      assertRefused(
        migrate(c.input, c.options, { afterSplice: corrupt }),
        c.input,
        /config\.yaml does not hold exactly the planned changes/,
      )
    }
  },
)

guard('an extra document', () => {
  for (const c of samples()) {
    assertRefused(
      migrate(c.input, c.options, { afterSplice: (t) => t + '---\nkind: Oops\n' }),
      c.input,
      /the output has 12 documents/,
    )
  }
})

guard('output that no longer parses', () => {
  for (const c of samples()) {
    assertRefused(
      migrate(c.input, c.options, { afterSplice: (t) => t.replace('readOnly: true', 'readOnly: [true') }),
      c.input,
      /the output does not parse/,
    )
  }
})

guard('a BOM/CRLF input is returned untouched when refused', () => {
  for (const c of samples()) {
    const input = '\uFEFF' + c.input.replace(/\n/g, '\r\n')
    assertRefused(
      migrate(input, c.options, { afterSplice: (t) => t.replace('readOnly: true', 'readOnly: false') }),
      input,
      /does not decode/,
    )
  }
})

test.run()
guard.run()
