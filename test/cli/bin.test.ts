// The real bin (bin/delegate-mtls.js → the committed dist/ bundle) in child processes: what users and
// pre-commit run. Also: a cheap start (--help and usage errors never evaluate the YAML library) and a
// quiet exit when the reader closes the pipe early.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BIN, ENDPOINT, REPO_ROOT, SAMPLE, SAMPLE_MTLS, makeTmp, runBin, type Ran } from './helpers/cli.js'

const E = ['--endpoint', ENDPOINT]
let tmp: ReturnType<typeof makeTmp>

const bin = suite('bin: end to end')
bin.before(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
})
bin.after(() => tmp.remove())

bin('stdin → stdout: the golden, exit 0, stderr empty', async () => {
  const r = await runBin(E, { cwd: tmp.dir, stdin: SAMPLE })
  assert.equal(r, { code: 0, stdout: SAMPLE_MTLS, stderr: '' })
})

bin('one file → stdout (the README quick start), DELEGATE_MTLS_ENDPOINT from the environment', async () => {
  const r = await runBin(['harness-delegate.yaml'], { cwd: tmp.dir, env: { DELEGATE_MTLS_ENDPOINT: ENDPOINT } })
  assert.equal(r, { code: 0, stdout: SAMPLE_MTLS, stderr: '' })
})

bin('--check exits 1 and names the file; a usage error exits 2', async () => {
  const c = await runBin([...E, '--check', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.equal(c, {
    code: 1,
    stdout: 'harness-delegate.yaml: needs migrating (12 changes)\n',
    stderr: '1 file: 1 to migrate\nrun with --write to migrate them\n',
  })
  const u = await runBin(['-e', 'http://acme.harness.io', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(u.code, 2)
  assert.is(u.stdout, '')
  assert.match(u.stderr, /^delegate-mtls: --endpoint "http:\/\/acme\.harness\.io" .*expected an https:\/\/ URL/)
})

bin('--help: exit 0, examples on stdout', async () => {
  const r = await runBin(['--help'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stderr, '')
  assert.ok(r.stdout.includes('Examples:\n'))
  assert.ok(r.stdout.includes('delegate-mtls -e https://acme.harness.io:8443 --check k8s/'))
})

bin('--version matches package.json', async () => {
  const r = await runBin(['--version'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version + '\n')
})

bin('a reader that closes the pipe early (| head) ends the run quietly, no EPIPE stack trace', async () => {
  // ~40 delegates: far more than a pipe buffer, so the write meets the closed pipe.
  const big = Array.from({ length: 40 }, () => SAMPLE).join('---\n')
  const r = await new Promise<Ran>((done) => {
    const child = spawn(process.execPath, [BIN, ...E], { cwd: tmp.dir, env: { PATH: process.env.PATH } })
    let stderr = ''
    child.stderr.on('data', (s) => (stderr += s))
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('close', (code) => done({ code: code ?? -1, stdout: '', stderr }))
    child.stdin.end(big)
  })
  assert.is(r.stderr, '')
  assert.is(r.code, 0)
})
bin(
  'a non-blocking standard output and a slow reader: every byte arrives, in order (write(2) hands ' +
    "over to Node's stream)",
  async () => {
    // Touching process.stdout (here in a preloaded module) makes Node set the pipe non-blocking; the
    // reader waits before reading, so writing 40 delegates (far more than a pipe holds) meets EAGAIN.
    const preload = join(tmp.dir, 'touch-stdout.cjs')
    writeFileSync(preload, 'process.stdout\n')
    const big = Array.from({ length: 40 }, () => SAMPLE).join('---\n')
    writeFileSync(join(tmp.dir, 'big.yaml'), big)
    const read = (argv: string[], delay: number) =>
      new Promise<Ran>((done) => {
        const child = spawn(process.execPath, [...argv, BIN, ...E, 'big.yaml'], {
          cwd: tmp.dir,
          env: { PATH: process.env.PATH },
        })
        const out: Buffer[] = []
        let stderr = ''
        child.stdout.pause()
        setTimeout(() => child.stdout.on('data', (b: Buffer) => out.push(b)).resume(), delay)
        child.stderr.on('data', (s) => (stderr += s))
        child.on('close', (code) => done({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr }))
      })
    const prompt = await read([], 0)
    assert.is(prompt.code, 0, prompt.stderr)
    assert.ok(prompt.stdout.length > 200_000)
    const slow = await read(['--require', preload], 500)
    assert.equal(slow, prompt)
  },
)
bin(
  'on a terminal, the report is coloured (standard error is asked whether it is a TTY); NO_COLOR turns it off',
  () => {
    // A pseudo-terminal from Python's pty module (CI has python3: pre-commit brings it).
    if (spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status !== 0)
      throw new Error('python3 with its pty module is needed for this test')
    const onTty = (env: Record<string, string>) => {
      writeFileSync(join(tmp.dir, 'tty.yaml'), SAMPLE)
      const r = spawnSync(
        'python3',
        [
          '-c',
          'import pty,sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)',
          process.execPath,
          BIN,
          ...E,
          '--write',
          'tty.yaml',
        ],
        {
          cwd: tmp.dir,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, ...env },
        },
      )
      assert.is(r.status, 0, r.stdout)
      return r.stdout
    }
    assert.is(onTty({}), 'tty.yaml: \x1b[32mmigrated\x1b[39m (12 changes)\r\n1 file: 1 migrated\r\n')
    assert.is(onTty({ NO_COLOR: '1' }), 'tty.yaml: migrated (12 changes)\r\n1 file: 1 migrated\r\n')
  },
)
bin('a terminal on stdin and no path: a one-line hint on stderr; none with --quiet, a path, or a pipe', async () => {
  if (spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status !== 0)
    throw new Error('python3 with its pty module is needed for this test')
  const HINT = 'delegate-mtls: reading the manifest from standard input (Ctrl-D to end; --help for usage)'
  writeFileSync(join(tmp.dir, 'plain.yaml'), 'a: 1\n')
  // The child's stdin, stdout and stderr are one terminal: what it reads is echoed there too. Ctrl-D ends the input.
  const onTty = (argv: string[]) => {
    const r = spawnSync(
      'python3',
      ['-c', 'import pty,sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, BIN, ...argv],
      { cwd: tmp.dir, input: 'a: 1\n\x04', encoding: 'utf8', env: { PATH: process.env.PATH } },
    )
    return {
      code: r.status,
      hints: r.stdout.split('\r\n').filter((l) => l.startsWith('delegate-mtls:')),
      out: r.stdout,
    }
  }
  const r = onTty(E)
  assert.is(r.code, 0, r.out)
  assert.equal(r.hints, [HINT])
  assert.ok(r.out.endsWith('a: 1\r\n'), r.out)
  assert.equal(onTty([...E, '-']).hints, [HINT])
  assert.equal(onTty(['audit']).hints, [HINT])
  for (const argv of [
    [...E, '--quiet'],
    [...E, '-q', '--check'],
    [...E, 'plain.yaml'],
  ]) {
    const quiet = onTty(argv)
    assert.is(quiet.code, 0, quiet.out)
    assert.equal(quiet.hints, [], JSON.stringify(argv))
  }
  assert.equal(await runBin(E, { cwd: tmp.dir, stdin: 'a: 1\n' }), { code: 0, stdout: 'a: 1\n', stderr: '' })
})

bin('-eURL (as pre-commit args are written): the real bin checks the file, exit 1, not the help', async () => {
  const r = await runBin([`-e${ENDPOINT}`, '--check', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.equal(r, {
    code: 1,
    stdout: 'harness-delegate.yaml: needs migrating (12 changes)\n',
    stderr: '1 file: 1 to migrate\nrun with --write to migrate them\n',
  })
})
bin.run()

// ---------------------------------------------------------------------------------------------
const start = suite('bin: a cheap start')
start.before(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
})
start.after(() => tmp.remove())

const BIN_URL = pathToFileURL(BIN).href
const BUNDLE_URL = pathToFileURL(join(REPO_ROOT, 'dist', 'cli.cjs')).href
/** The CLI's second chunk: yargs, fast-glob, audit, secret, cert, probe, fn (scripts/build.mjs). */
const LAZY_URL = pathToFileURL(join(REPO_ROOT, 'dist', 'cli-lazy.cjs')).href

interface Covered {
  r: Ran
  /** Every script the process ran that is not part of Node (node:…). */
  scripts: string[]
  /** The yaml library's modules in the bundle, and those that were evaluated. */
  yamlModules: string[]
  yamlEvaluated: string[]
}

/**
 * Runs the bin under V8 coverage (NODE_V8_COVERAGE) and reads back which functions ran. The CLI's start
 * chunk (dist/cli.cjs) holds the yaml library as esbuild-wrapped CommonJS modules: each
 * module's body is a function named after its path ("node_modules/yaml/dist/…"), called once when the
 * module is first required and never otherwise. A yaml module was evaluated exactly when its function
 * has a call count.
 */
async function covered(argv: string[], name: string, env: Record<string, string> = {}): Promise<Covered> {
  const dir = join(tmp.dir, `coverage-${name}`)
  rmSync(dir, { recursive: true, force: true })
  const r = await runBin(argv, { cwd: tmp.dir, env: { NODE_V8_COVERAGE: dir, ...env } })
  type Fn = { functionName: string; ranges: { count: number }[] }
  const scripts = readdirSync(dir).flatMap(
    (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).result as { url: string; functions: Fn[] }[],
  )
  const yaml =
    scripts
      .find((s) => s.url === BUNDLE_URL)
      ?.functions.filter((f) => f.functionName.startsWith('node_modules/yaml/')) ?? []
  return {
    r,
    scripts: scripts.map((s) => s.url).filter((u) => !u.startsWith('node:')),
    yamlModules: yaml.map((f) => f.functionName),
    yamlEvaluated: yaml.filter((f) => f.ranges[0]!.count > 0).map((f) => f.functionName),
  }
}

// The command line, its exit code, and whether yargs (in the lazy chunk) explains it: the usual command
// lines are parsed without it, and their usage errors need neither yargs nor the YAML library.
const CHEAP: [string[], number, boolean][] = [
  [['--help'], 0, true],
  [['--version'], 0, true],
  [['--frobnicate'], 2, true],
  [['-e', 'http://x', 'a.yaml'], 2, false],
  [['a.yaml', 'b.yaml', '-e', ENDPOINT], 2, false],
  [['cert', '--help'], 0, true],
  [['cert', 'init', '--days', '0'], 2, true],
  [['probe', '--help'], 0, true],
  [['probe', '-e', 'http://x', '--cert', 'c.crt', '--key', 'c.key'], 2, true],
]

start(
  '--help, --version and usage errors never evaluate the YAML library (nor load anything but the two chunks)',
  async () => {
    // Without a code cache, and with one that holds the compiled yaml library (made by a migration):
    // compiled code from the cache is not run code.
    const cacheDir = join(tmp.dir, 'code-cache')
    const warm = await covered([...E, 'harness-delegate.yaml'], 'warm', { DELEGATE_MTLS_CACHE_DIR: cacheDir })
    assert.is(warm.r.code, 0, warm.r.stderr)
    assert.is(readdirSync(cacheDir).length, 1, 'the migration left a code cache')
    for (const env of [{ DELEGATE_MTLS_CACHE: '0' }, { DELEGATE_MTLS_CACHE_DIR: cacheDir }] as Record<
      string,
      string
    >[]) {
      for (const [argv, code, yargs] of CHEAP) {
        const what = `${argv.join(' ')} (${JSON.stringify(env)})`
        const { r, scripts, yamlModules, yamlEvaluated } = await covered(argv, 'cheap', env)
        assert.is(r.code, code, `${what}: ${r.stderr}`)
        assert.equal(
          scripts,
          yargs ? [BIN_URL, BUNDLE_URL, LAZY_URL] : [BIN_URL, BUNDLE_URL],
          `${what} ran other scripts than the bin and its chunks: ${scripts.join(', ')}`,
        )
        assert.ok(
          yamlModules.length >= 20,
          `${what}: coverage shows only ${yamlModules.length} yaml modules in the bundle`,
        )
        assert.equal(yamlEvaluated, [], `${what} evaluated the yaml library`)
      }
    }
  },
)

start('a migration does evaluate it (the check above is not vacuous), and runs the start chunk alone', async () => {
  const { r, scripts, yamlModules, yamlEvaluated } = await covered([...E, 'harness-delegate.yaml'], 'run', {
    DELEGATE_MTLS_CACHE: '0',
  })
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stdout, SAMPLE_MTLS)
  assert.equal(scripts, [BIN_URL, BUNDLE_URL], `a migration ran ${scripts.join(', ')}`)
  assert.ok(yamlModules.length >= 20)
  assert.ok(yamlEvaluated.includes('node_modules/yaml/dist/index.js'), `evaluated: ${yamlEvaluated.join(', ')}`)
  assert.ok(
    yamlEvaluated.length >= yamlModules.length / 2,
    `only ${yamlEvaluated.length} of ${yamlModules.length} yaml modules evaluated`,
  )
})
start('a one-file check loads none of the Node modules only a batch, a write or a terminal needs', async () => {
  // Each costs a pre-commit run start-up time: worker_threads (the planning pool), fs/promises (writes),
  // net and tty (the streams Node builds for process.stdout and process.stderr on pipes and terminals).
  const probe = join(tmp.dir, 'modules.cjs')
  const list = join(tmp.dir, 'modules.txt')
  writeFileSync(
    probe,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, ` +
      `process.moduleLoadList.join('\\n')))\n`,
  )
  const r = await runBin([...E, '--check', 'harness-delegate.yaml'], {
    cwd: tmp.dir,
    env: { NODE_OPTIONS: `--require ${probe}` },
  })
  assert.is(r.code, 1, r.stderr)
  assert.is(r.stdout, 'harness-delegate.yaml: needs migrating (12 changes)\n')
  const loaded = readFileSync(list, 'utf8').split('\n')
  assert.ok(loaded.includes('NativeModule vm'), 'the probe saw the run')
  // tls as well: only probe connects anywhere; crypto (a dozen modules): only certificates and writes need it.
  for (const m of ['worker_threads', 'fs/promises', 'internal/fs/promises', 'net', 'tls', 'tty', 'os', 'crypto']) {
    assert.not.ok(loaded.includes(`NativeModule ${m}`), `node:${m} was loaded`)
  }
  // Nor the lazy chunk (yargs, fast-glob, the other commands), with or without a code cache.
  const envs: Record<string, string>[] = [
    { DELEGATE_MTLS_CACHE: '0' },
    { DELEGATE_MTLS_CACHE_DIR: join(tmp.dir, 'check-cache') },
  ]
  for (const env of envs) {
    for (let run = 0; run < 2; run++) {
      const { r: c, scripts } = await covered([...E, '--check', 'harness-delegate.yaml'], 'check', env)
      assert.is(c.code, 1, c.stderr)
      assert.equal(scripts, [BIN_URL, BUNDLE_URL], `a one-file check ran ${scripts.join(', ')}`)
    }
  }
})

start(
  'node-forge (X.509 for cert) is outside the bundle: a migration never loads it, cert issue requires it',
  async () => {
    // A CA from OpenSSL (2048 bits, fast); the client key cert issue makes is 2048 bits too.
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=bin CA'].concat([
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
      ]),
      { cwd: tmp.dir, stdio: 'ignore' },
    )
    const forge = (scripts: string[]) => scripts.filter((s) => s.includes('/node_modules/node-forge/'))
    const migration = await covered([...E, 'harness-delegate.yaml'], 'forge-migrate', { DELEGATE_MTLS_CACHE: '0' })
    assert.is(migration.r.code, 0, migration.r.stderr)
    assert.equal(forge(migration.scripts), [])
    const chunks = ['cli.cjs', 'cli-lazy.cjs'].map((f) => readFileSync(join(REPO_ROOT, 'dist', f), 'latin1'))
    assert.ok(chunks[1]!.includes('require("node-forge")'), 'the lazy chunk requires node-forge at run time')
    for (const chunk of chunks) assert.not.ok(chunk.includes('forge.pki'), 'a chunk holds node-forge itself')
    const issue = await covered(
      ['cert', 'issue', '--ca-cert', 'ca.crt', '--ca-key', 'ca.key', '--dir', 'issued', '--days', '10'],
      'forge-issue',
      { DELEGATE_MTLS_CACHE: '0' },
    )
    assert.is(issue.r.code, 0, issue.r.stderr)
    assert.is(issue.r.stdout, '')
    assert.match(
      issue.r.stderr,
      /^delegate-mtls: made issued\/client\.key and issued\/client\.crt \(CN=harness-delegate, 10 days\)/,
    )
    assert.ok(forge(issue.scripts).length > 0, `cert issue ran: ${issue.scripts.join(', ')}`)
    const verify = spawnSync('openssl', ['verify', '-CAfile', 'ca.crt', '-purpose', 'sslclient', 'issued/client.crt'], {
      cwd: tmp.dir,
      encoding: 'utf8',
    })
    assert.is(verify.stdout, 'issued/client.crt: OK\n', verify.stderr)
  },
)

start("the planning workers' argument typed on the command line is a usage error, not a silent exit", async () => {
  // src/cli/bin.ts looks for it before loading node:worker_threads; on the main thread it must still run the CLI.
  const r = await runBin(['--delegate-mtls-plan-worker', ...E, 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.match(r.stderr, /^delegate-mtls: Unknown arguments?: delegate-mtls-plan-worker/)
})

start.run()
