import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { linePos } from '../../src/yaml/source.js'

const test = suite('linePos')

/** What an editor shows: count the line breaks before the offset. */
function naive(src: string, offset: number): { line: number; col: number } {
  const before = src.slice(0, offset)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, col: offset - (lastBreak + 1) + 1 }
}

test('line and column of every offset, in LF, CRLF and break-only texts, switching between texts', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', 'é'), { maxLength: 60 }),
      fc.string({ maxLength: 20 }),
      (parts, other) => {
        const src = parts.join('')
        for (let offset = 0; offset <= src.length; offset++) {
          assert.equal(linePos(src, offset), naive(src, offset), `offset ${offset} of ${JSON.stringify(src)}`)
          // Another text in between must not leave its lines behind.
          if (offset % 7 === 0) assert.equal(linePos(other, other.length), naive(other, other.length))
        }
      },
    ),
    { numRuns: 300, seed: 20_261_130 },
  )
})

test('the first and last line of a large stream', () => {
  const src = 'a: 1\n'.repeat(200_000)
  assert.equal(linePos(src, 0), { line: 1, col: 1 })
  assert.equal(linePos(src, src.length - 1), { line: 200_000, col: 5 })
  assert.equal(linePos(src, src.length), { line: 200_001, col: 1 })
})

test.run()
