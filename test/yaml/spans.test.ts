import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { parseAllDocuments } from 'yaml'
import { documentStarts, maskDocuments } from '../../src/yaml/spans.js'

const test = suite('maskDocuments')

test('a blanked document keeps its length and its line breaks where they were; a kept one stays byte for byte', () => {
  const line = fc
    .array(fc.constantFrom('a', ': ', '- ', '#', ' ', '\t', 'é', '😀', '"x"', '\r'), { maxLength: 8 })
    .map((p) => p.join(''))
  const doc = fc.array(line, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'))
  fc.assert(
    fc.property(
      fc.array(doc, { minLength: 1, maxLength: 5 }),
      fc.constantFrom('\n', '\r\n'),
      fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      (docs, eol, keep) => {
        const src = `kind: A${eol}` + docs.map((d) => `---${eol}${d.replaceAll('\n', eol)}${eol}`).join('')
        const starts = documentStarts(src)!
        const masked = maskDocuments(src, starts, (i) => keep[i % 5]!)
        assert.is(masked.length, src.length)
        for (let i = 0; i < starts.length; i++) {
          const [a, b] = [starts[i]!, starts[i + 1] ?? src.length]
          if (keep[i % 5]) assert.is(masked.slice(a, b), src.slice(a, b))
          else {
            for (let k = a; k < b; k++) {
              const c = src[k]!
              assert.is(
                masked[k],
                c === '\r' || c === '\n' ? c : k - a < 3 && src.startsWith('---', a) ? '-' : k === a ? '~' : ' ',
                `offset ${k}`,
              )
            }
          }
        }
      },
    ),
    { numRuns: 300, seed: 20_261_130 },
  )
})

test('the blanked documents parse as empty ones, and the count of documents stays', () => {
  const src = 'kind: Role\nrules: [a, b]\n---\nkind: Namespace\nmetadata:\n  name: "x y"\n---\nkind: Deployment\n'
  const starts = documentStarts(src)!
  const docs = parseAllDocuments(maskDocuments(src, starts, (i) => i === 2))
  assert.is(docs.length, 3)
  assert.equal(
    docs.map((d) => d.toJS()),
    [null, null, { kind: 'Deployment' }],
  )
})

test.run()
