/**
 * A certificate, key or CA file is a regular file (or a symlink to one) of at most 1 MiB, or a pipe (`<(…)`) that
 * gives at most as much; anything else is refused from its metadata, at once and without being read: /dev/zero, a
 * directory, a 1 GB sparse file. A FIFO nobody writes to is refused at once too. Through `secret` and
 * `migrate --write` in-process, and through the real bin with a FIFO and with a shell's process substitution.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { assertNoKey, bin, cli, E, F, ROOT, SAMPLE, workspace, type Run } from './harness.js'

const ws = workspace()
const MiB = 1024 * 1024
const BIN = join(ROOT, 'bin', 'delegate-mtls.js')

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
const silentPipe = (file: string, what: string) =>
  `${file}: error: ${file} is a pipe and nothing was written to it; the ${what} must be a PEM file\n`
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
    stderr: silentPipe('certs/fifo.pem', 'certificate'),
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
      silentPipe('certs/fifo.pem', 'certificate') +
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
  assert.is(r.stderr, silentPipe('certs/fifo.pem', 'key'))
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.ok(ms < 2000, `took ${Math.round(ms)} ms`)
})

test('the real bin: the certificate and key through process substitution, the key written late', () => {
  const fromFiles = bin(['secret', '--cert', F.cert, '--key', F.key], { cwd: ws.dir })
  assert.is(fromFiles.code, 0)
  const argv = ['secret', '--cert', '<(cat "$1")', '--key', '<(sleep 0.5; cat "$2")'].join(' ')
  const r = spawnSync('bash', ['-c', `"$0" "${BIN}" ${argv}`, process.execPath, F.cert, F.key], {
    cwd: ws.dir,
    encoding: 'utf8',
    timeout: 20000,
  })
  assert.is(r.stderr, '')
  assert.is(r.status, 0)
  assert.is(r.stdout, fromFiles.stdout)
})

test('the real bin: a pipe that gives more than 1 MiB is refused', () => {
  const r = spawnSync(
    'bash',
    ['-c', `"$0" "${BIN}" secret --cert "$1" --key <(head -c 2000000 /dev/zero)`, process.execPath, F.cert],
    {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: 20000,
    },
  )
  assert.match(
    r.stderr,
    /^\/dev\/fd\/\d+: error: \/dev\/fd\/\d+ is larger than the 1 MiB a key file may hold; it was not read\n$/,
  )
  assert.is(r.status, 2)
  assert.is(r.stdout, '')
})

test.after(() => ws.remove())
test.run()
