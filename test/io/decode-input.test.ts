import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { decodeInput, describeFsError, firstInvalidUtf8 } from '../../src/io/index.js'

const utf8 = suite('firstInvalidUtf8')
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const decodes = (b: Uint8Array) => {
  try {
    strict.decode(b)
    return true
  } catch {
    return false
  }
}

utf8('agrees with the fatal TextDecoder on tricky sequences', () => {
  const cases: [number[], number][] = [
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1], // é
    [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
    [[0xc0, 0xaf], 0], // overlong '/'
    [[0xe0, 0x80, 0xaf], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0xc3], 1], // cut off
    [[0x61, 0xc3, 0x41], 1], // missing continuation
    [[0x61, 0x80], 1], // lone continuation
    [[0xff], 0],
  ]
  for (const [bytes, want] of cases) {
    const b = Uint8Array.from(bytes)
    assert.is(firstInvalidUtf8(b), want, bytes.map((x) => x.toString(16)).join(' '))
    assert.is(decodes(b), want === -1)
  }
})

utf8('agrees with the fatal TextDecoder on random bytes; the prefix before the offset decodes', () => {
  let seed = 42
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff
  for (let round = 0; round < 3000; round++) {
    // biased toward the interesting range so valid multi-byte sequences occur too
    const b = Uint8Array.from({ length: 1 + (round % 9) }, () => (rand() < 96 ? 0x80 + (rand() & 0x3f) : rand()))
    const off = firstInvalidUtf8(b)
    assert.is(off === -1, decodes(b), Array.from(b, (x) => x.toString(16)).join(' '))
    if (off !== -1) assert.ok(decodes(b.subarray(0, off)))
  }
})

const decode = suite('decodeInput')
decode('keeps a BOM and CRLF', () => {
  const text = '\uFEFFa: 1\r\n'
  assert.equal(decodeInput('f.yaml', Buffer.from(text, 'utf8')), { text })
})
decode('the column of an invalid byte skips the BOM and counts UTF-16 units', () => {
  const b = Buffer.concat([Buffer.from('\uFEFFx: 😀', 'utf8'), Buffer.from([0xff])])
  const r = decodeInput('f.yaml', b)
  assert.ok('error' in r)
  assert.is(r.error.line, 1)
  assert.is(r.error.col, 6) // "x: " is 3 units, the emoji 2
})

const errs = suite('describeFsError')
errs('words the errno codes a user can act on', () => {
  const e = (code: string) => Object.assign(new Error(`${code}: raw, open '/x'`), { code })
  assert.is(describeFsError(e('ENOSPC')), 'disk full (no space left on device)')
  assert.is(describeFsError(e('EACCES')), 'permission denied')
  assert.match(describeFsError(e('EPERM')), 'permission denied')
  assert.is(describeFsError(e('EROFS')), 'read-only file system')
  assert.is(describeFsError(e('EWEIRD')), "EWEIRD: raw, open '/x'")
  assert.is(describeFsError('plain'), 'plain')
})

utf8.run()
decode.run()
errs.run()
