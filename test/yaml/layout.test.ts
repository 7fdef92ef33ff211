import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { isMap, parseAllDocuments, visit, type Node } from 'yaml'
import { indentUnit } from '../../src/yaml/layout.js'
import { columnOf, lineStartOf } from '../../src/yaml/source.js'
import { repositoryTexts } from '../helpers/corpus.js'

const test = suite('indentUnit')

/** The first form of indentUnit, through yaml's visit(): the oracle for the direct walk. */
function viaVisit(src: string, root: unknown): number {
  let unit = Number.MAX_SAFE_INTEGER
  visit(root as Node, {
    Pair(_, pair) {
      const child = pair.value
      if (!isMap(child) || child.flow || !child.items[0] || !pair.key || !(pair.key as Node).range) return
      const parentCol = columnOf(src, (pair.key as Node).range![0])
      const childCol = columnOf(src, (child.items[0].key as Node).range![0])
      if (
        childCol > parentCol &&
        lineStartOf(src, (child.items[0].key as Node).range![0]) !== lineStartOf(src, (pair.key as Node).range![0])
      ) {
        unit = Math.min(unit, childCol - parentCol)
      }
    },
  })
  return unit === Number.MAX_SAFE_INTEGER ? 2 : unit
}

const K8S = { version: '1.1', keepSourceTokens: true } as const

/** Each document of `src` (and each `config.yaml`-like block scalar in it): both forms agree. */
function agree(src: string, what: string): number {
  let docs = 0
  for (const doc of parseAllDocuments(src, K8S) as unknown as { contents: unknown; errors: unknown[] }[]) {
    if (doc.errors.length > 0) continue
    assert.is(indentUnit(src, doc.contents), viaVisit(src, doc.contents), what)
    docs++
  }
  return docs
}

test('the same unit as the visit() form, for every document of the samples, the fixtures and the corpus', () => {
  let docs = 0
  const units = new Set<number>()
  for (const { file, text: src } of repositoryTexts(/\.ya?ml$/)) {
    docs += agree(src, file)
    for (const doc of parseAllDocuments(src, K8S)) if (doc.errors.length === 0) units.add(indentUnit(src, doc.contents))
  }
  assert.ok(docs > 300, `only ${docs} documents`)
  assert.ok(units.size >= 2, `every document has the same unit (${[...units]}): the comparison would prove little`)
})

/** A random block mapping tree, each level indented by its own step, with flow maps, sequences and complex keys. */
const tree: fc.Arbitrary<string[]> = fc.letrec<{ node: string[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<string[]>(['x']),
    fc.constant<string[]>(['{a: 1, b: {c: 2}}']),
    fc
      .tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.constantFrom('k', 'm', 'n'), tie('node')), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('map', 'seq', 'key'),
      )
      .map(([step, entries, style]) => {
        const pad = ' '.repeat(step)
        const lines: string[] = []
        entries.forEach(([k, child], i) => {
          const scalar = child.length === 1 && !child[0]!.includes(':')
          const name = `${k}${i}`
          if (style === 'seq')
            lines.push(`- ${name}:${scalar ? ` ${child[0]}` : ''}`, ...(scalar ? [] : child.map((l) => `${pad}  ${l}`)))
          else if (style === 'key')
            lines.push(
              `? ${name}`,
              `: ${child.length === 1 ? child[0] : ''}`,
              ...(child.length === 1 ? [] : child.map((l) => `${pad}${l}`)),
            )
          else lines.push(`${name}:${scalar ? ` ${child[0]}` : ''}`, ...(scalar ? [] : child.map((l) => `${pad}${l}`)))
        })
        return lines
      }),
  ),
}))['node']

test('the same unit as the visit() form on random nestings (steps of 1 to 4, flow maps, seqs, complex keys)', () => {
  let checked = 0
  fc.assert(
    fc.property(tree, (lines: string[]) => {
      const src = `root:\n${lines.map((l) => `  ${l}`).join('\n')}\n`
      checked += agree(src, src)
    }),
    { numRuns: 500, seed: 20_261_130 },
  )
  assert.ok(checked > 400, `only ${checked} random documents parsed`)
})

test('a mapping used as a key counts: its pairs are walked too', () => {
  const src = '? a:\n     b: 1\n: v\n'
  const [doc] = parseAllDocuments(src, K8S)
  assert.is(viaVisit(src, doc!.contents), 3)
  assert.is(indentUnit(src, doc!.contents), 3)
})

test.run()
