// src/cli/std-writer.ts: standard output and error written with write(2), and Node's stream only when
// the descriptor needs it (non-blocking, or a terminal).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { makeTmp } from './helpers/cli.js'
import { stdWriter } from '../../src/cli/std-writer.js'

/** A fake Node stream: what was written through it, in order. */
function fakeStream() {
  const chunks: string[] = []
  let created = 0
  const stream = {
    write: (b: string | Uint8Array) => (chunks.push(Buffer.from(b).toString('utf8')), true),
    on: () => stream,
    isTTY: true,
  }
  return {
    chunks,
    get created() {
      return created
    },
    make: () => (created++, stream as unknown as NodeJS.WriteStream),
  }
}

const errno = (code: string) => Object.assign(new Error(code), { code })

const w = suite('std writer')

w('writes every byte, across partial writes, in order; the stream is never made', () => {
  const got: Buffer[] = []
  const s = fakeStream()
  // At most 3 bytes per call, like a pipe that takes what fits.
  const write = ((_fd: number, b: Uint8Array, off: number, len: number) => {
    const n = Math.min(3, len)
    got.push(Buffer.from(b.subarray(off, off + n)))
    return n
  }) as unknown as typeof writeSync
  const out = stdWriter(1, s.make, write)
  out.write('déjà vu\n')
  out.write('second\n')
  assert.is(Buffer.concat(got).toString('utf8'), 'déjà vu\nsecond\n')
  assert.is(s.created, 0)
})

w(
  'EAGAIN (a non-blocking descriptor): the rest of that text, and every later write, go through the stream in order',
  () => {
    const direct: string[] = []
    const s = fakeStream()
    let calls = 0
    const write = ((_fd: number, b: Uint8Array, off: number) => {
      if (++calls === 2) throw errno('EAGAIN')
      direct.push(Buffer.from(b.subarray(off, off + 4)).toString('utf8'))
      return 4
    }) as unknown as typeof writeSync
    const out = stdWriter(1, s.make, write)
    out.write('abcdefgh')
    out.write('ijk')
    assert.equal(direct, ['abcd'])
    assert.equal(s.chunks, ['efgh', 'ijk'])
    assert.is(s.created, 1)
    assert.is(calls, 2, 'nothing is written directly after the fallback')
  },
)

w('EPIPE (the reader is gone): nothing more is written and nothing is thrown; other errors are thrown', () => {
  let calls = 0
  const out = stdWriter(1, fakeStream().make, (() => {
    calls++
    throw errno('EPIPE')
  }) as unknown as typeof writeSync)
  assert.not.throws(() => out.write('a'))
  assert.not.throws(() => out.write('b'))
  assert.is(calls, 1)
  const bad = stdWriter(1, fakeStream().make, (() => {
    throw errno('EIO')
  }) as unknown as typeof writeSync)
  assert.throws(() => bad.write('a'), /EIO/)
})

w("isTTY: a file or /dev/null is no terminal, and Node's stream is not made to find out", () => {
  const tmp = makeTmp()
  try {
    for (const path of [join(tmp.dir, 'out.txt'), '/dev/null']) {
      if (path === '/dev/null' && process.platform === 'win32') continue
      const fd = openSync(path, 'w')
      try {
        const s = fakeStream()
        const out = stdWriter(fd, s.make)
        assert.is(out.isTTY, false, path)
        assert.is(s.created, 0, path)
      } finally {
        closeSync(fd)
      }
    }
  } finally {
    tmp.remove()
  }
})

w.run()
