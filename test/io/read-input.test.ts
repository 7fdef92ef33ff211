import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { DEFAULT_MAX_BYTES, readInput, readStdin } from '../../src/io/index.js'
import { decodeInput } from '../../src/io/decode-input.js'
import type { Diagnostic } from '../../src/errors.js'
import { makeTmp } from './helpers/tmp.js'
import { AS_WHOM, CANNOT_AS_ROOT, canTestPermissions, runProbe } from './helpers/unprivileged.js'

const test = suite('readInput')
let tmp: ReturnType<typeof makeTmp>
const at = (name: string) => join(tmp.dir, name)
const opts = { maxBytes: 1024 }

/** The diagnostic of a failed read; fails the test if the read succeeded. */
function errorOf(r: { text: string } | { error: Diagnostic }): Diagnostic {
  if ('text' in r) throw new Error(`expected an error, read ${JSON.stringify(r.text)}`)
  assert.is(r.error.code, 'IO')
  assert.is(r.error.severity, 'error')
  return r.error
}

test.before(() => {
  tmp = makeTmp()
})
test.after(() => tmp.remove())

test('DEFAULT_MAX_BYTES is 8 MiB', () => {
  assert.is(DEFAULT_MAX_BYTES, 8 * 1024 * 1024)
})

test('a BOM + CRLF file round-trips exactly', async () => {
  const bytes = Buffer.from('\uFEFFapiVersion: v1\r\nkind: Secret\r\ndata:\r\n  k: dg==\r\n', 'utf8')
  writeFileSync(at('bom.yaml'), bytes)
  const r = await readInput(at('bom.yaml'), opts)
  assert.ok('text' in r)
  assert.ok(r.text.startsWith('\uFEFF'))
  assert.ok(Buffer.from(r.text, 'utf8').equals(bytes))
})

test('an empty file is empty text', async () => {
  writeFileSync(at('empty.yaml'), '')
  assert.equal(await readInput(at('empty.yaml'), opts), { text: '' })
})

test('a symlink is followed', async () => {
  writeFileSync(at('target.yaml'), 'a: 1\n')
  symlinkSync('target.yaml', at('link.yaml'))
  assert.equal(await readInput(at('link.yaml'), opts), { text: 'a: 1\n' })
})

test('a directory is an error', async () => {
  mkdirSync(at('dir.yaml'))
  const e = errorOf(await readInput(at('dir.yaml'), opts))
  assert.is(e.file, at('dir.yaml'))
  assert.is(e.message, 'is a directory')
})

const hasMkfifo = spawnSync('mkfifo', ['--version']).error === undefined
;(hasMkfifo ? test : test.skip)(
  'a FIFO is refused without blocking' + (hasMkfifo ? '' : ' [SKIPPED: no mkfifo on this system]'),
  () => {
    const r = spawnSync('mkfifo', [at('pipe.yaml')])
    assert.is(r.status, 0, String(r.stderr))
    // In a child process with a deadline: a read that blocked would otherwise hang the suite.
    const probe = join(import.meta.dirname, 'helpers', 'probe.ts')
    const child = spawnSync(process.execPath, ['--import', 'tsx', probe, 'read', at('pipe.yaml')], {
      encoding: 'utf8',
      timeout: 20_000,
    })
    assert.is(child.error, undefined, 'readInput blocked on a FIFO')
    assert.match(errorOf(JSON.parse(child.stdout)).message, 'named pipe (FIFO)')
  },
)

test('a character device is refused', async () => {
  assert.match(errorOf(await readInput('/dev/null', opts)).message, 'is a device')
})

test('a file over maxBytes is refused, naming the limit and --max-bytes', async () => {
  writeFileSync(at('big.yaml'), 'x'.repeat(1025))
  const e = errorOf(await readInput(at('big.yaml'), opts))
  assert.is(e.message, 'is 1025 bytes, over the limit of 1024 bytes; raise it with --max-bytes')
  writeFileSync(at('exact.yaml'), 'x'.repeat(1024))
  assert.ok('text' in (await readInput(at('exact.yaml'), opts)), 'exactly maxBytes is fine')
})

test('invalid UTF-8 names the byte, line and column', async () => {
  // 'é' in Latin-1 (0xE9) on line 2, after "name: caf"
  writeFileSync(
    at('latin1.yaml'),
    Buffer.concat([Buffer.from('a: 1\nname: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
  )
  const e = errorOf(await readInput(at('latin1.yaml'), opts))
  assert.is(e.message, 'is not valid UTF-8 at byte 14; save it as UTF-8')
  assert.is(e.line, 2)
  assert.is(e.col, 10)
})

test('a UTF-8 sequence cut off at the end of the file is invalid', async () => {
  writeFileSync(at('cut.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe2, 0x82]))
  assert.match(errorOf(await readInput(at('cut.yaml'), opts)).message, 'at byte 3')
})

test('a NUL byte means a binary file', async () => {
  writeFileSync(at('bin.yaml'), Buffer.from('a: 1\0\n'))
  const e = errorOf(await readInput(at('bin.yaml'), opts))
  assert.is(e.message, 'contains a NUL byte at byte 4; it looks like a binary file, not YAML')
  assert.is(e.line, 1)
  assert.is(e.col, 5)
})

test('a UTF-16 file is named as such', async () => {
  writeFileSync(at('utf16.yaml'), Buffer.from('\uFEFFa: 1\n', 'utf16le'))
  assert.match(errorOf(await readInput(at('utf16.yaml'), opts)).message, 'is encoded as UTF-16')
})

test('a missing file is "no such file or directory"', async () => {
  const e = errorOf(await readInput(at('missing.yaml'), opts))
  assert.equal(e, { code: 'IO', severity: 'error', file: at('missing.yaml'), message: 'no such file or directory' })
})

;(canTestPermissions() ? test : test.skip)(
  'a mode 000 file is "permission denied"' + (canTestPermissions() ? AS_WHOM : CANNOT_AS_ROOT),
  async () => {
    chmodSync(tmp.dir, 0o755) // let the unprivileged probe into the folder
    writeFileSync(at('secret.yaml'), 'a: 1\n')
    chmodSync(at('secret.yaml'), 0o000)
    const r = runProbe(['read', at('secret.yaml')])
    assert.equal(r, { error: { code: 'IO', severity: 'error', message: 'permission denied', file: at('secret.yaml') } })
  },
)

const stdin = suite('readStdin')
const streamOf = (...chunks: Buffer[]) => Readable.from(chunks)

stdin('reads all chunks byte-exact, even a character split across chunks', async () => {
  const bytes = Buffer.from('\uFEFFname: café\r\n', 'utf8')
  const split = bytes.indexOf(0xc3) + 1 // between the two bytes of 'é'
  const r = await readStdin(streamOf(bytes.subarray(0, split), bytes.subarray(split)), 100)
  assert.ok('text' in r)
  assert.ok(Buffer.from(r.text, 'utf8').equals(bytes))
})

stdin('over maxBytes is refused as <stdin>', async () => {
  const r = await readStdin(streamOf(Buffer.alloc(8, 0x61), Buffer.alloc(8, 0x61)), 10)
  const e = errorOf(r)
  assert.is(e.file, '<stdin>')
  assert.is(e.message, 'is larger than the limit of 10 bytes; raise it with --max-bytes')
})

stdin('invalid UTF-8 and NUL bytes are refused', async () => {
  assert.match(errorOf(await readStdin(streamOf(Buffer.from([0x61, 0xff])), 10)).message, 'not valid UTF-8 at byte 1')
  assert.match(errorOf(await readStdin(streamOf(Buffer.from([0x61, 0x00])), 10)).message, 'NUL byte')
})

stdin('a stream error becomes a diagnostic', async () => {
  const failing = new Readable({
    read() {
      this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }))
    },
  })
  assert.is(errorOf(await readStdin(failing, 10)).message, 'input/output error')
})

const large = suite('readInput: large files')
large.before(() => {
  tmp = makeTmp()
})
large.after(() => tmp.remove())

large('around 64 KiB (reads go in chunks of that size) and around the limit: read whole, or refused', () => {
  const limit = { maxBytes: 200 * 1024 }
  for (const size of [64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 150_001, 200 * 1024, 200 * 1024 + 1]) {
    const file = at(`s${size}.yaml`)
    // Multi-byte characters across the chunk boundaries (a cut one at the end is refused as such).
    const bytes = Buffer.from('é'.repeat(size)).subarray(0, size)
    writeFileSync(file, bytes)
    const want =
      size > limit.maxBytes
        ? {
            error: {
              code: 'IO',
              severity: 'error',
              file,
              message: `is ${size} bytes, over the limit of ${limit.maxBytes} bytes; raise it with --max-bytes`,
            },
          }
        : decodeInput(file, bytes)
    assert.equal(readInput(file, limit), want, `${size} bytes`)
  }
  const whole = at('whole.yaml')
  writeFileSync(whole, 'k: ' + 'é'.repeat(40_000) + '\n')
  assert.equal(readInput(whole, limit), { text: 'k: ' + 'é'.repeat(40_000) + '\n' })
})

test.run()
stdin.run()
large.run()
