/**
 * A certificate, key or CA file is a regular file (or a symlink to one) of at most 1 MiB; anything else is refused
 * from its metadata, at once and without being read: /dev/zero, a FIFO nobody writes to, a directory, a 1 GB sparse
 * file. Through `secret` and `migrate --write` in-process, and through the real bin with a FIFO.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { assertNoKey, bin, cli, E, F, SAMPLE, workspace, type Run } from './harness.js'

const ws = workspace()
const MiB = 1024 * 1024

execFileSync('mkfifo', [join(ws.dir, 'certs/fifo.pem')])
execFileSync('truncate', ['-s', '1G', join(ws.dir, 'certs/huge.key')])
symlinkSync(join(ws.dir, F.key), join(ws.dir, 'certs/link.key'))
symlinkSync('/dev/zero', join(ws.dir, 'certs/zero-link.key'))
// A CA file of exactly 1 MiB (the certificate, then spaces) is read; one byte more is not.
const padded = (n: number) => ws.fx.ca.cert + ' '.repeat(n - Buffer.byteLength(ws.fx.ca.cert))
ws.write('certs/ca-1mib.crt', padded(MiB))
ws.write('certs/ca-1mib-plus-1.crt', padded(MiB + 1))

const notRegular = (file: string, kind: string, what: string) =>
  `${file}: error: ${file} is ${kind}, not a regular file; the ${what} must be a PEM file (it was not read)\n`
const tooLarge = (file: string, what: string, size: number) =>
  `${file}: error: ${file} is larger than the 1 MiB a ${what} file may hold (${size} bytes); it was not read\n`

/** The run, failed rather than left hanging when it takes more than 5 s; with how long it took. */
async function timed(argv: string[]): Promise<Run & { ms: number }> {
  const start = performance.now()
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`\`${argv.join(' ')}\` still runs after 5 s`)), 5000)
  })
  try {
    const r = await Promise.race([cli(argv, { cwd: ws.dir }), hung])
    return { ...r, ms: performance.now() - start }
  } finally {
    clearTimeout(timer)
  }
}

const CASES: { title: string; args: string[]; stderr: string }[] = [
  {
    title: '/dev/zero as the key',
    args: ['--cert', F.cert, '--key', '/dev/zero'],
    stderr: notRegular('/dev/zero', 'a character device', 'key'),
  },
  {
    title: 'a FIFO with no writer as the certificate',
    args: ['--cert', 'certs/fifo.pem', '--key', F.key],
    stderr: notRegular('certs/fifo.pem', 'a FIFO (named pipe)', 'certificate'),
  },
  {
    title: 'a directory as the CA',
    args: ['--cert', F.cert, '--key', F.key, '--ca', 'certs'],
    stderr: notRegular('certs', 'a directory', 'CA certificate'),
  },
  {
    title: 'a 1 GB sparse file as the key',
    args: ['--cert', F.cert, '--key', 'certs/huge.key'],
    stderr: tooLarge('certs/huge.key', 'key', 1024 * MiB),
  },
  {
    title: 'a symlink to /dev/zero as the key (named as given)',
    args: ['--cert', F.cert, '--key', 'certs/zero-link.key'],
    stderr: notRegular('certs/zero-link.key', 'a character device', 'key'),
  },
  {
    title: 'a CA file one byte over 1 MiB',
    args: ['--cert', F.cert, '--key', F.key, '--ca', 'certs/ca-1mib-plus-1.crt'],
    stderr: tooLarge('certs/ca-1mib-plus-1.crt', 'CA certificate', MiB + 1),
  },
  {
    title: 'all three at once: each reported',
    args: ['--cert', 'certs/fifo.pem', '--key', 'certs/huge.key', '--ca', '/dev/zero'],
    stderr:
      notRegular('certs/fifo.pem', 'a FIFO (named pipe)', 'certificate') +
      tooLarge('certs/huge.key', 'key', 1024 * MiB) +
      notRegular('/dev/zero', 'a character device', 'CA certificate'),
  },
]

const test = suite('certificate, key and CA files: regular files of at most 1 MiB, refused unread otherwise')

for (const c of CASES) {
  test(`${c.title}: exit 2 at once, through secret and migrate --write`, async () => {
    const s = await timed(['secret', ...c.args])
    assert.is(s.stderr, c.stderr)
    assert.is(s.code, 2)
    assert.is(s.stdout, '')
    assert.ok(s.ms < 2000, `took ${Math.round(s.ms)} ms`)

    const file = ws.sample(`limits-${CASES.indexOf(c)}/d.yaml`)
    const m = await timed([...E, ...c.args, '--write', file.slice(ws.dir.length + 1)])
    assert.is(m.stderr, c.stderr)
    assert.is(m.code, 2)
    assert.is(m.stdout, '')
    assert.ok(m.ms < 2000, `took ${Math.round(m.ms)} ms`)
    assert.ok(readFileSync(file).equals(readFileSync(SAMPLE)), 'the manifest is byte-identical')
    assertNoKey(s.stderr + m.stderr, ws.keys, 'stderr')
  })
}

test('a symlink to the key file, and a CA file of exactly 1 MiB, are read', async () => {
  const r = await timed(['secret', '--cert', F.cert, '--key', 'certs/link.key', '--ca', 'certs/ca-1mib.crt'])
  assert.is(r.stderr, '')
  assert.is(r.code, 0)
  assert.ok(r.stdout.includes(`  client.key: ${Buffer.from(ws.fx.valid.key).toString('base64')}\n`))
})

test('the real bin: a FIFO with no writer as the key does not hang', () => {
  const start = performance.now()
  const r = bin(['secret', '--cert', F.cert, '--key', 'certs/fifo.pem'], { cwd: ws.dir, timeout: 10000 })
  const ms = performance.now() - start
  assert.is(r.stderr, notRegular('certs/fifo.pem', 'a FIFO (named pipe)', 'key'))
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.ok(ms < 2000, `took ${Math.round(ms)} ms`)
})

test.after(() => ws.remove())
test.run()
