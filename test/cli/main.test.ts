// The command line of SPEC §8, in-process through main(argv, io): every flag, every exit code.
// Batch reports, JSON and progress are in batch.test.ts; the real bin in bin.test.ts.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join, relative, resolve } from 'node:path'
import {
  ENDPOINT,
  FIXTURES,
  NOT_A_DELEGATE,
  SAMPLE,
  SAMPLE_MTLS,
  fixture,
  makeTmp,
  run,
  smallDelegate,
  smallDelegateMtls,
} from './helpers/cli.js'
import { fastParseArgs } from '../../src/cli/fast-args.js'
import { spawnSync } from 'node:child_process'

const E = ['--endpoint', ENDPOINT]
const USAGE_HINT = 'Run "delegate-mtls --help" for usage.\n'
const usage = (message: string) => `delegate-mtls: ${message}\n${USAGE_HINT}`

/** Bytes, mtime and inode of a file: a file we did not touch keeps all three. */
const snapshot = (file: string) => {
  const st = statSync(file)
  return { text: readFileSync(file, 'utf8'), mtimeMs: st.mtimeMs, ino: st.ino }
}
/** Every file below `dir`, relative to it, sorted. */
const treeOf = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort()
/** Sets a file's mtime an hour back, so that a rewrite (or not) shows in the mtime. */
const ageFile = (file: string) => {
  const past = new Date(Date.now() - 3600_000)
  utimesSync(file, past, past)
}

// ---------------------------------------------------------------------------------------------
const io = suite('cli: stdin and stdout')
let tmp: ReturnType<typeof makeTmp>
io.before(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
  writeFileSync(join(tmp.dir, 'ci.yaml'), NOT_A_DELEGATE)
  cpSync(join(FIXTURES, 'malformed.yaml'), join(tmp.dir, 'malformed.yaml'))
})
io.after(() => tmp.remove())

io('stdin → stdout: the migrated sample, byte for byte, nothing on stderr', async () => {
  const r = await run(E, { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS)
  assert.is(r.stderr, '')
})

io('"-" is standard input too', async () => {
  const r = await run([...E, '-'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS)
})

io(
  'one file, no mode: the result on stdout equals samples/harness-delegate.mtls.yaml; the file is untouched',
  async () => {
    const file = join(tmp.dir, 'harness-delegate.yaml')
    ageFile(file)
    const before = snapshot(file)
    const r = await run([...E, 'harness-delegate.yaml'], { cwd: tmp.dir })
    assert.is(r.code, 0)
    assert.is(r.stdout, SAMPLE_MTLS)
    assert.is(r.stderr, '')
    assert.equal(snapshot(file), before)
  },
)

io('a migrated manifest passes through unchanged (idempotent), exit 0', async () => {
  const r = await run(E, { cwd: tmp.dir, stdin: SAMPLE_MTLS })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS)
  assert.is(r.stderr, '')
})

io('a YAML file without a delegate comes out byte-identical, exit 0, silently', async () => {
  const r = await run([...E, 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, NOT_A_DELEGATE)
  assert.is(r.stderr, '')
})

io('malformed YAML: exit 2, file:line:col on stderr, nothing on stdout', async () => {
  const r = await run([...E, 'malformed.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.match(r.stderr, /^malformed\.yaml:7:3: error: invalid YAML: .+\n$/)
})

io('malformed YAML on stdin names <stdin>:line:col', async () => {
  const r = await run(E, { cwd: tmp.dir, stdin: fixture('malformed.yaml') })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.match(r.stderr, /^<stdin>:7:3: error: invalid YAML: /)
})

io('a missing file: exit 2, says so', async () => {
  const r = await run([...E, 'nope.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.is(r.stderr, 'nope.yaml: error: no such file or directory\n')
})

io.run()

// ---------------------------------------------------------------------------------------------
const ep = suite('cli: the endpoint')
ep.before(() => {
  tmp = makeTmp()
})
ep.after(() => tmp.remove())

ep('DELEGATE_MTLS_ENDPOINT stands in for --endpoint', async () => {
  const r = await run([], { cwd: tmp.dir, stdin: SAMPLE, env: { DELEGATE_MTLS_ENDPOINT: ENDPOINT } })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS)
})

ep('--endpoint wins over DELEGATE_MTLS_ENDPOINT', async () => {
  const r = await run(E, {
    cwd: tmp.dir,
    stdin: SAMPLE,
    env: { DELEGATE_MTLS_ENDPOINT: 'https://other.harness.io:8443' },
  })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS)
})

ep('a trailing slash is dropped', async () => {
  const r = await run(['-e', `${ENDPOINT}/`], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS)
})

ep('no endpoint at all: usage error, exit 2, with an example', async () => {
  const r = await run([], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.is(
    r.stderr,
    usage('--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443'),
  )
})

for (const bad of [
  'http://acme.harness.io:8443',
  'https://acme.harness.io/gratis',
  'acme.harness.io',
  'https://acme.harness.io:8443/?x=1',
]) {
  ep(`a bad endpoint (${bad}): exit 2, the message shows the expected form, stdout empty`, async () => {
    const r = await run(['-e', bad], { cwd: tmp.dir, stdin: SAMPLE })
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    assert.ok(r.stderr.startsWith(`delegate-mtls: --endpoint "${bad}"`), r.stderr)
    assert.ok(
      r.stderr.includes(
        'expected an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443',
      ),
      r.stderr,
    )
    assert.ok(r.stderr.endsWith(USAGE_HINT), r.stderr)
  })
}
ep('an endpoint from the environment is checked as --endpoint is, the message naming the variable', async () => {
  for (const [variable, value, problem] of [
    ['DELEGATE_MTLS_ENDPOINT', 'https://127.1', 'has the numeric host 127.1'],
    ['ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT', 'https://acme.harness.io:70000', 'has the port 70000; a port is 1 to 65535'],
  ] as const) {
    const r = await run(['--check'], { cwd: tmp.dir, stdin: SAMPLE, env: { [variable]: value } })
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    assert.ok(r.stderr.startsWith(`delegate-mtls: ${variable} "${value}" ${problem}`), r.stderr)
  }
})

ep('the checks are the same whichever parser reads the command line', async () => {
  // --max-bytes 0x100000 is left to yargs by the fast path; the plain command line is not.
  const viaYargs = ['--max-bytes', '0x100000']
  assert.is(fastParseArgs(['-e', 'x', ...viaYargs], {}), undefined)
  assert.ok(fastParseArgs(['-e', 'x'], {}))
  for (const bad of [
    ['-e', 'https://u:p@acme.harness.io'],
    ['-e', 'https://0400'],
    ['-e', ENDPOINT, '--mount-path', '/etc/../mtls'],
  ]) {
    const fast = await run(bad, { cwd: tmp.dir, stdin: SAMPLE })
    const slow = await run([...bad, ...viaYargs], { cwd: tmp.dir, stdin: SAMPLE })
    assert.is(fast.code, 2)
    assert.equal(slow, fast)
    assert.match(fast.stderr, /^delegate-mtls: (--endpoint|--mount-path) ".*" [^\n]*; expected /)
  }
})

ep('audit: --mount-path is checked too', async () => {
  const r = await run(['audit', '--mount-path', '/etc//mtls', '-'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.ok(r.stderr.startsWith('delegate-mtls: --mount-path "/etc//mtls" has an empty segment (//)'), r.stderr)
})

ep('secret -n must be a DNS-1123 label: exit 2 before any file is read', async () => {
  for (const ns of ['Prod', 'prod_1', '-prod', 'a'.repeat(64), '']) {
    const r = await run(['secret', '--cert', 'missing.crt', '--key', 'missing.key', `-n${ns}`], { cwd: tmp.dir })
    if (ns === '') {
      assert.equal(r, { code: 2, stdout: '', stderr: usage('-n needs a value') })
      continue
    }
    assert.equal(r, {
      code: 2,
      stdout: '',
      stderr: usage(
        `-n "${ns}" is not a Kubernetes namespace: expected a DNS-1123 label, at most 63 lower-case ` +
          `letters, digits and '-', starting and ending with a letter or digit`,
      ),
    })
  }
})
ep.run()

// ---------------------------------------------------------------------------------------------
const opt = suite('cli: migration options')
opt.before(() => {
  tmp = makeTmp()
})
opt.after(() => tmp.remove())

opt('--secret-name with {delegate}: the delegate and its upgrader mount <name>-client-certificate', async () => {
  const r = await run([...E, '--secret-name', '{delegate}-client-certificate'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  const expected = SAMPLE_MTLS.replaceAll(
    'secretName: client-certificate\n',
    'secretName: prod-us-east-delegate-client-certificate\n',
  )
  assert.is.not(expected, SAMPLE_MTLS)
  assert.is(r.stdout, expected)
})

opt('--secret-name with a plain name', async () => {
  const r = await run([...E, '--secret-name', 'delegate-mtls-cert'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS.replaceAll('secretName: client-certificate\n', 'secretName: delegate-mtls-cert\n'))
})

opt('--secret-name that is no Kubernetes name: exit 2', async () => {
  const r = await run([...E, '--secret-name', 'Client_Cert'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.match(r.stderr, /^delegate-mtls: --secret-name "Client_Cert" is not a valid Kubernetes Secret name/)
})

opt('--mount-path moves the mount and both certificate paths, nothing else', async () => {
  assert.not.ok(SAMPLE.includes('/etc/mtls'))
  const r = await run([...E, '--mount-path', '/var/run/harness-mtls'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  assert.is(r.stdout, SAMPLE_MTLS.replaceAll('/etc/mtls', '/var/run/harness-mtls'))
})

opt('--mount-path must be absolute: exit 2', async () => {
  const r = await run([...E, '--mount-path', 'etc/mtls'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(r.stderr, usage('--mount-path "etc/mtls" must be an absolute path'))
})

opt('--ti-service adds TI_SERVICE_URL=E/ti-service/ after the existing env', async () => {
  const r = await run([...E, '--ti-service'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  const anchor = '        - name: DYNAMIC_REQUEST_HANDLING\n          value: "false"\n'
  const ti = '        - name: TI_SERVICE_URL\n          value: "https://acme.harness.io:8443/ti-service/"\n'
  assert.ok(SAMPLE_MTLS.includes(anchor))
  assert.is(r.stdout, SAMPLE_MTLS.replace(anchor, anchor + ti))
})

opt('--no-grpc-authority leaves GRPC_AUTHORITY_MODIFICATION_DISABLED out', async () => {
  const r = await run([...E, '--no-grpc-authority'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 0)
  const grpc = '        - name: GRPC_AUTHORITY_MODIFICATION_DISABLED\n          value: "true"\n'
  assert.ok(SAMPLE_MTLS.includes(grpc))
  assert.is(r.stdout, SAMPLE_MTLS.replace(grpc, ''))
})
opt.run()

// ---------------------------------------------------------------------------------------------
const help = suite('cli: help, version, usage errors')
help.before(() => {
  tmp = makeTmp()
})
help.after(() => tmp.remove())

for (const flag of ['--help', '-h']) {
  help(`${flag}: exit 0, usage and real examples on stdout`, async () => {
    const r = await run([flag], { cwd: tmp.dir })
    assert.is(r.code, 0)
    assert.is(r.stderr, '')
    assert.ok(r.stdout.startsWith('Usage: delegate-mtls [options] [path|glob ...]\n'), r.stdout)
    for (const line of [
      'Examples:',
      '    delegate-mtls -e https://acme.harness.io:8443 harness-delegate.yaml\n',
      '    curl -sL "$URL" | delegate-mtls -e https://acme.harness.io:8443 | kubectl apply -f -\n',
      '    delegate-mtls -e https://acme.harness.io:8443 --check k8s/\n',
      "    delegate-mtls -e https://acme.harness.io:8443 --write 'clusters/**/delegate*.yaml'\n",
      '--post-renderer',
      'Exit codes: 0 done or nothing to do; 1 --check/--list-different found files to migrate;',
    ]) {
      assert.ok(r.stdout.includes(line), `missing: ${line}`)
    }
    for (const flag of [
      '--endpoint',
      '--secret-name',
      '--mount-path',
      '--ti-service',
      '--grpc-authority',
      '--write',
      '--check',
      '--list-different',
      '--diff',
      '--out-dir',
      '--format',
      '--keep-going',
      '--quiet',
    ]) {
      assert.ok(r.stdout.includes(flag), `--help does not mention ${flag}`)
    }
  })
}

help('--version prints the version, exit 0', async () => {
  const r = await run(['--version'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.match(r.stdout, /^(\d+\.\d+\.\d+|dev)\n$/)
})

help('an unknown flag: exit 2', async () => {
  const r = await run([...E, '--frobnicate'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.is(r.stderr, usage('Unknown argument: frobnicate'))
})

help('--format must be text or json: exit 2', async () => {
  const r = await run([...E, '--format', 'xml', '--check'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.match(r.stderr, /^delegate-mtls: Invalid values:\n  Argument: format, Given: "xml", Choices: "text", "json"\n/)
})

help('two modes at once: exit 2', async () => {
  const r = await run([...E, '--check', '--write', 'a.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(
    r.stderr,
    usage('choose one of --write, --check, --list-different, --diff, --out-dir (got --write and --check)'),
  )
})

help('--write and --out-dir need files, not stdin: exit 2', async () => {
  for (const mode of [['--write'], ['--out-dir', 'out']]) {
    const r = await run([...E, ...mode], { cwd: tmp.dir, stdin: SAMPLE })
    assert.is(r.code, 2)
    assert.is(r.stderr, usage(`${mode[0]} needs file paths; standard input can only be printed, checked or diffed`))
  }
})

help('"-" mixed with files: exit 2', async () => {
  const r = await run([...E, '--check', '-', 'a.yaml'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(r.stderr, usage('"-" (standard input) cannot be mixed with file paths'))
})

help('--format json where stdout carries the manifest or the diff: exit 2', async () => {
  let r = await run([...E, '--format', 'json'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.is(
    r.stderr,
    usage(
      '--format json prints the report on stdout, where the migrated manifest would go: use it with ' +
        '--check, --list-different, --write or --out-dir',
    ),
  )
  r = await run([...E, '--format', 'json', '--diff'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 2)
  assert.is(
    r.stderr,
    usage(
      '--format json prints the report on stdout, where the diff would go: use it with --check, ' +
        '--list-different, --write or --out-dir',
    ),
  )
})
help.run()

// ---------------------------------------------------------------------------------------------
const line = suite('cli: the command line as written (short options, flags, --, -z)')
line.before.each(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
  writeFileSync(join(tmp.dir, 'done.yaml'), SAMPLE_MTLS)
})
line.after.each(() => tmp.remove())

line('-eURL, -e=URL and -ceURL (as pre-commit args are written) check the file: exit 1, never the help', async () => {
  for (const argv of [
    [`-e${ENDPOINT}`, '--check', 'harness-delegate.yaml'],
    [`-e=${ENDPOINT}`, '--check', 'harness-delegate.yaml'],
    [`-ce${ENDPOINT}`, 'harness-delegate.yaml'],
    ['-cqe', ENDPOINT, 'harness-delegate.yaml'],
  ]) {
    const r = await run(argv, { cwd: tmp.dir })
    assert.is(r.code, 1, JSON.stringify(argv))
    assert.is(r.stdout, 'harness-delegate.yaml: needs migrating (12 changes)\n', JSON.stringify(argv))
  }
})

line('-wq writes quietly; an unknown letter in a cluster is a usage error', async () => {
  let r = await run([...E, '-wq', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.equal(r, { code: 0, stdout: '', stderr: '' })
  assert.is(readFileSync(join(tmp.dir, 'harness-delegate.yaml'), 'utf8'), SAMPLE_MTLS)
  r = await run([...E, '-cx', 'done.yaml'], { cwd: tmp.dir })
  assert.equal(r, { code: 2, stdout: '', stderr: usage('unknown option -x (in "-cx")') })
})

line('a flag with a value other than true or false: exit 2, the option named, nothing written', async () => {
  for (const [flag, name] of [
    ['--ti-service=maybe', '--ti-service'],
    ['--write=yes', '--write'],
    ['-w=1', '-w'],
    ['--quiet=', '--quiet'],
  ]) {
    const r = await run([...E, flag!, 'harness-delegate.yaml'], { cwd: tmp.dir })
    const value = flag!.slice(flag!.indexOf('=') + 1)
    assert.equal(r, {
      code: 2,
      stdout: '',
      stderr: usage(`${name} is a flag: its value can only be true or false, not "${value}"`),
    })
  }
  assert.is(readFileSync(join(tmp.dir, 'harness-delegate.yaml'), 'utf8'), SAMPLE)
  const r = await run([...E, '--write=true', '-q', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(readFileSync(join(tmp.dir, 'harness-delegate.yaml'), 'utf8'), SAMPLE_MTLS)
})

line('`--` ends the options: a file whose name starts with "-" is read, not standard input', async () => {
  writeFileSync(join(tmp.dir, '-odd.yaml'), SAMPLE)
  const r = await run([...E, '--', '-odd.yaml'], { cwd: tmp.dir, stdin: 'not: read\n' })
  assert.equal(r, { code: 0, stdout: SAMPLE_MTLS, stderr: '' })
  const c = await run([...E, '--check', '--', '-odd.yaml', '--write'], { cwd: tmp.dir })
  assert.is(c.code, 2)
  assert.is(c.stdout, '-odd.yaml: needs migrating (12 changes)\n')
  assert.match(c.stderr, /^--write: error: no such file or directory\n/)
  assert.is(readFileSync(join(tmp.dir, '-odd.yaml'), 'utf8'), SAMPLE)
})

line('-l -z: each path ends in a NUL byte (a name with a newline stays one name)', async () => {
  writeFileSync(join(tmp.dir, 'two\nlines.yaml'), SAMPLE)
  let r = await run([...E, '-lz', 'harness-delegate.yaml', 'done.yaml', 'two\nlines.yaml'], { cwd: tmp.dir })
  assert.equal(r, { code: 1, stdout: 'harness-delegate.yaml\0two\nlines.yaml\0', stderr: '' })
  r = await run([...E, '-l', '--null', 'done.yaml'], { cwd: tmp.dir })
  assert.equal(r, { code: 0, stdout: '', stderr: '' })
  // --write -l prints the files written: NUL-terminated too.
  r = await run([...E, '-w', '-l', '-z', 'two\nlines.yaml', 'done.yaml'], { cwd: tmp.dir })
  assert.equal(r, { code: 0, stdout: 'two\nlines.yaml\0', stderr: '' })
})

line('-z without -l, or with --format json: exit 2, nothing written', async () => {
  for (const argv of [['-z', '--check'], ['-z', '-w'], ['-z'], ['-lz', '--format', 'json']]) {
    const r = await run([...E, ...argv, 'harness-delegate.yaml'], { cwd: tmp.dir })
    assert.is(r.code, 2, JSON.stringify(argv))
    assert.is(r.stdout, '')
    assert.is(
      r.stderr,
      usage(
        argv.includes('json')
          ? '-z (--null) does not apply to --format json, which prints no list of paths'
          : '-z (--null) ends the paths --list-different prints with NUL: use it with -l',
      ),
    )
  }
  assert.is(readFileSync(join(tmp.dir, 'harness-delegate.yaml'), 'utf8'), SAMPLE)
})

line('--help describes -z', async () => {
  const r = await run(['--help'], { cwd: tmp.dir })
  assert.match(r.stdout, /^ +-z, --null +with -l: end each path with a NUL byte instead of a newline/m)
})
line.run()

// ---------------------------------------------------------------------------------------------
const modes = suite('cli: --write, --check, -l, --diff, --out-dir')
modes.before.each(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
  writeFileSync(join(tmp.dir, 'done.yaml'), SAMPLE_MTLS)
  writeFileSync(join(tmp.dir, 'ci.yaml'), NOT_A_DELEGATE)
})
modes.after.each(() => tmp.remove())

modes('--check: exit 1 and the files to migrate on stdout; the summary on stderr; nothing written', async () => {
  const file = join(tmp.dir, 'harness-delegate.yaml')
  ageFile(file)
  const before = snapshot(file)
  const r = await run([...E, '--check', 'harness-delegate.yaml', 'done.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stdout, 'harness-delegate.yaml: needs migrating (12 changes)\n')
  assert.is(r.stderr, '3 files: 1 to migrate, 1 already mTLS, 1 without a delegate\nrun with --write to migrate them\n')
  assert.equal(snapshot(file), before)
})

modes('--check on migrated and foreign files: exit 0, stdout empty', async () => {
  const r = await run([...E, '-c', 'done.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
  assert.is(r.stderr, '2 files: 1 already mTLS, 1 without a delegate\n')
})

modes('--check --quiet: only the list', async () => {
  const r = await run([...E, '--check', '-q', 'harness-delegate.yaml', 'done.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stdout, 'harness-delegate.yaml: needs migrating (12 changes)\n')
  assert.is(r.stderr, '')
})

modes('--check on stdin', async () => {
  let r = await run([...E, '--check'], { cwd: tmp.dir, stdin: SAMPLE })
  assert.is(r.code, 1)
  assert.is(r.stdout, '<stdin>: needs migrating (12 changes)\n')
  r = await run([...E, '--check'], { cwd: tmp.dir, stdin: SAMPLE_MTLS })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
})

modes('-l / --list-different: only the paths, exit 1; exit 0 and silent when all are done', async () => {
  let r = await run([...E, '-l', 'harness-delegate.yaml', 'done.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stdout, 'harness-delegate.yaml\n')
  assert.is(r.stderr, '')
  r = await run([...E, '--list-different', 'done.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
  assert.is(r.stderr, '')
})

modes('--diff: the exact unified diff of the sample, exit 0, nothing written', async () => {
  const file = join(tmp.dir, 'harness-delegate.yaml')
  ageFile(file)
  const before = snapshot(file)
  const r = await run([...E, '--diff', 'harness-delegate.yaml', 'done.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, fixture('harness-delegate.diff'))
  assert.is(r.stderr, '')
  assert.equal(snapshot(file), before)
})

modes('--diff with nothing to change prints nothing', async () => {
  const r = await run([...E, '--diff', 'done.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
})

modes('--diff labels an absolute path like git does (a/abs/path)', async () => {
  const abs = join(tmp.dir, 'harness-delegate.yaml')
  const r = await run([...E, '--diff', abs], { cwd: '/' })
  assert.is(r.code, 0)
  const name = abs.replace(/^\/+/, '')
  assert.is(
    r.stdout,
    fixture('harness-delegate.diff').replace(
      '--- a/harness-delegate.yaml\n+++ b/harness-delegate.yaml\n',
      `--- a/${name}\n+++ b/${name}\n`,
    ),
  )
})

modes(
  "--diff on names with a space, a tab, a quote, a backslash: GNU patch applies it and gets --write's bytes",
  async () => {
    if (spawnSync('patch', ['--version'], { stdio: 'ignore' }).status !== 0)
      throw new Error('GNU patch is needed for this test (.ci/run installs it)')
    const names = ['my delegate.yaml', 'tab\there.yaml', 'q"uote\\.yaml', 'plain.yaml']
    const tree = join(tmp.dir, 'tree')
    mkdirSync(join(tree, 'k8s', 'team a'), { recursive: true })
    for (const name of names) writeFileSync(join(tree, 'k8s', 'team a', name), smallDelegate('d'))
    const copy = join(tmp.dir, 'copy')
    cpSync(tree, copy, { recursive: true })
    const d = await run([...E, '--diff', 'k8s'], { cwd: tree })
    assert.is(d.code, 0, d.stderr)
    const headers = d.stdout.split('\n').filter((l) => /^(---|\+\+\+) /.test(l))
    assert.equal(headers, [
      '--- a/k8s/team a/my delegate.yaml\t',
      '+++ b/k8s/team a/my delegate.yaml\t',
      '--- a/k8s/team a/plain.yaml\t',
      '+++ b/k8s/team a/plain.yaml\t',
      '--- "a/k8s/team a/q\\"uote\\\\.yaml"',
      '+++ "b/k8s/team a/q\\"uote\\\\.yaml"',
      '--- "a/k8s/team a/tab\\there.yaml"',
      '+++ "b/k8s/team a/tab\\there.yaml"',
    ])
    const p = spawnSync('patch', ['-p1', '--batch', '--forward'], { cwd: copy, input: d.stdout, encoding: 'utf8' })
    assert.is(p.status, 0, p.stdout + p.stderr)
    const w = await run([...E, '--write', '-q', 'k8s'], { cwd: tree })
    assert.is(w.code, 0, w.stderr)
    for (const name of names) {
      const written = readFileSync(join(tree, 'k8s', 'team a', name), 'utf8')
      assert.is(written, smallDelegateMtls('d'), name)
      assert.is(readFileSync(join(copy, 'k8s', 'team a', name), 'utf8'), written, name)
    }
    assert.equal(treeOf(copy), treeOf(tree), 'patch made no other file')
  },
)

modes('--write: the file becomes the golden; untouched files keep bytes, mtime and inode', async () => {
  const file = join(tmp.dir, 'harness-delegate.yaml')
  for (const f of ['harness-delegate.yaml', 'done.yaml', 'ci.yaml']) ageFile(join(tmp.dir, f))
  const done = snapshot(join(tmp.dir, 'done.yaml'))
  const ci = snapshot(join(tmp.dir, 'ci.yaml'))
  const oldIno = statSync(file).ino
  const r = await run([...E, '--write', 'harness-delegate.yaml', 'done.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
  assert.is(
    r.stderr,
    'harness-delegate.yaml: migrated (12 changes)\ndone.yaml: already mTLS\nci.yaml: nothing to ' +
      'do\n3 files: 1 migrated, 1 already mTLS, 1 without a delegate\n',
  )
  assert.is(readFileSync(file, 'utf8'), SAMPLE_MTLS)
  assert.is.not(statSync(file).ino, oldIno, 'an atomic write renames a new file into place')
  assert.equal(snapshot(join(tmp.dir, 'done.yaml')), done)
  assert.equal(snapshot(join(tmp.dir, 'ci.yaml')), ci)
  assert.equal(
    readdirSync(tmp.dir).sort(),
    ['ci.yaml', 'done.yaml', 'harness-delegate.yaml'],
    'no temp file left behind',
  )
})

modes('--write twice: the second run changes nothing (mtime and inode kept), exit 0', async () => {
  const file = join(tmp.dir, 'harness-delegate.yaml')
  assert.is((await run([...E, '-w', 'harness-delegate.yaml'], { cwd: tmp.dir })).code, 0)
  ageFile(file)
  const before = snapshot(file)
  const r = await run([...E, '-w', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stderr, 'harness-delegate.yaml: already mTLS\n1 file: 1 already mTLS\n')
  assert.equal(snapshot(file), before)
  const check = await run([...E, '--check', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(check.code, 0)
})

modes('--write --quiet prints nothing', async () => {
  const r = await run([...E, '--write', '--quiet', 'harness-delegate.yaml', 'ci.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
  assert.is(r.stderr, '')
  assert.is(readFileSync(join(tmp.dir, 'harness-delegate.yaml'), 'utf8'), SAMPLE_MTLS)
})

modes('--write -l prints the paths it rewrote on stdout, exit 0 (Prettier)', async () => {
  const r = await run([...E, '--write', '-l', '--quiet', 'harness-delegate.yaml', 'done.yaml', 'ci.yaml'], {
    cwd: tmp.dir,
  })
  assert.is(r.code, 0)
  assert.is(r.stdout, 'harness-delegate.yaml\n')
})

modes('--out-dir: migrated copies mirror the relative paths; the sources stay as they were', async () => {
  mkdirSync(join(tmp.dir, 'k8s', 'prod'), { recursive: true })
  writeFileSync(join(tmp.dir, 'k8s', 'prod', 'delegate.yaml'), SAMPLE)
  writeFileSync(join(tmp.dir, 'k8s', 'ci.yml'), NOT_A_DELEGATE)
  const src = snapshot(join(tmp.dir, 'k8s', 'prod', 'delegate.yaml'))
  const r = await run([...E, '--out-dir', 'out', 'k8s', 'done.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, '')
  assert.is(
    r.stderr,
    'done.yaml: already mTLS\nk8s/ci.yml: nothing to do\nk8s/prod/delegate.yaml: migrated (12 ' +
      'changes)\n3 files: 1 migrated, 1 already mTLS, 1 without a delegate\n',
  )
  assert.is(readFileSync(join(tmp.dir, 'out', 'k8s', 'prod', 'delegate.yaml'), 'utf8'), SAMPLE_MTLS)
  assert.is(readFileSync(join(tmp.dir, 'out', 'k8s', 'ci.yml'), 'utf8'), NOT_A_DELEGATE)
  assert.is(readFileSync(join(tmp.dir, 'out', 'done.yaml'), 'utf8'), SAMPLE_MTLS)
  assert.equal(snapshot(join(tmp.dir, 'k8s', 'prod', 'delegate.yaml')), src)
})

modes('--out-dir again: identical copies are not rewritten', async () => {
  assert.is((await run([...E, '--out-dir', 'out', 'harness-delegate.yaml'], { cwd: tmp.dir })).code, 0)
  const copy = join(tmp.dir, 'out', 'harness-delegate.yaml')
  ageFile(copy)
  const before = snapshot(copy)
  const r = await run([...E, '--out-dir', 'out', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.equal(snapshot(copy), before)
})

modes(
  '--out-dir inside the tree migrated: never an input, however it is named; a second run copies the same',
  async () => {
    mkdirSync(join(tmp.dir, 'real-out'))
    symlinkSync('real-out', join(tmp.dir, 'out-link'))
    const expected = ['ci.yaml', 'done.yaml', 'harness-delegate.yaml']
    for (const outDir of ['out', './out/', join(tmp.dir, 'abs-out'), 'out-link', join(tmp.dir, 'out-link')]) {
      for (let run2 = 0; run2 < 2; run2++) {
        const r = await run([...E, '--out-dir', outDir, '-q', '.'], { cwd: tmp.dir })
        assert.equal(r, { code: 0, stdout: '', stderr: '' }, `${outDir}, run ${run2 + 1}`)
      }
      const real = outDir.includes('out-link') ? join(tmp.dir, 'real-out') : resolve(tmp.dir, outDir)
      assert.equal(treeOf(real), expected, outDir)
      assert.is(readFileSync(join(real, 'harness-delegate.yaml'), 'utf8'), SAMPLE_MTLS)
      // A glob over the tree skips it too.
      const g = await run([...E, '--out-dir', outDir, '-q', '**/*.yaml'], { cwd: tmp.dir })
      assert.equal(g, { code: 0, stdout: '', stderr: '' }, `glob, ${outDir}`)
      assert.equal(treeOf(real), expected, `glob, ${outDir}`)
      // Gone before the next name is tried: a folder that is not this run's --out-dir is an input like any other.
      rmSync(real, { recursive: true })
      mkdirSync(join(tmp.dir, 'real-out'), { recursive: true })
    }
  },
)

modes('--out-dir: a path inside it given as input is a usage error, nothing written', async () => {
  assert.is((await run([...E, '--out-dir', 'out', 'harness-delegate.yaml'], { cwd: tmp.dir })).code, 0)
  for (const input of ['out/harness-delegate.yaml', 'out', './out/']) {
    const r = await run([...E, '--out-dir', 'out', 'done.yaml', input], { cwd: tmp.dir })
    assert.equal(r, {
      code: 2,
      stdout: '',
      stderr: usage(
        `${JSON.stringify(input)} is inside --out-dir "out", where this run writes its copies: give ` +
          `the files to migrate from outside it, or choose another --out-dir`,
      ),
    })
    assert.equal(treeOf(join(tmp.dir, 'out')), ['harness-delegate.yaml'])
  }
  const g = await run([...E, '--out-dir', 'out', 'out/*.yaml'], { cwd: tmp.dir })
  assert.is(g.code, 2)
  assert.is(
    g.stderr.split('\n')[0],
    'out/*.yaml: error: no files outside --out-dir "out" match the pattern "out/*.yaml"',
  )
  assert.equal(treeOf(join(tmp.dir, 'out')), ['harness-delegate.yaml'])
})

modes('--out-dir refuses files outside the current directory, before writing anything', async () => {
  mkdirSync(join(tmp.dir, 'sub'))
  writeFileSync(join(tmp.dir, 'sub', 'b.yaml'), smallDelegate('b'))
  const r = await run([...E, '--out-dir', 'out', 'b.yaml', '../harness-delegate.yaml'], { cwd: join(tmp.dir, 'sub') })
  assert.is(r.code, 2)
  assert.equal(readdirSync(join(tmp.dir, 'sub')), ['b.yaml'])
  assert.match(
    r.stderr,
    /--out-dir mirrors paths relative to the current directory; \.\.\/harness-delegate\.yaml is outside it/,
  )
})

modes('several paths and no mode: usage error, exit 2, nothing printed or written', async () => {
  const file = join(tmp.dir, 'harness-delegate.yaml')
  const before = snapshot(file)
  const r = await run([...E, 'harness-delegate.yaml', 'done.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.is(r.stderr, usage('several files need a mode: --write, --check, --list-different, --diff or --out-dir'))
  assert.equal(snapshot(file), before)
})
modes.run()

// ---------------------------------------------------------------------------------------------
const paths = suite('cli: directories and globs')
paths.before(() => {
  tmp = makeTmp()
  const d = (p: string, text: string) => {
    mkdirSync(join(tmp.dir, p, '..'), { recursive: true })
    writeFileSync(join(tmp.dir, p), text)
  }
  d('k8s/b.yaml', smallDelegate('b'))
  d('k8s/a.yml', smallDelegate('a'))
  d('k8s/done.yaml', smallDelegateMtls('done'))
  d('k8s/team/c.yaml', smallDelegate('c'))
  d('k8s/README.md', '# not YAML\n')
  d('k8s/delegate.json', '{}\n')
  d('k8s/node_modules/pkg/x.yaml', smallDelegate('x'))
  d('k8s/.git/y.yaml', smallDelegate('y'))
})
paths.after(() => tmp.remove())

paths('a directory: every *.yaml/*.yml below it, sorted, without .git and node_modules', async () => {
  const r = await run([...E, '-l', 'k8s'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stdout, 'k8s/a.yml\nk8s/b.yaml\nk8s/team/c.yaml\n')
})

paths('a directory with a trailing slash', async () => {
  const r = await run([...E, '-c', 'k8s/'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stderr, '4 files: 3 to migrate, 1 already mTLS\nrun with --write to migrate them\n')
})

paths('a glob', async () => {
  const r = await run([...E, '-l', 'k8s/**/*.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stdout, 'k8s/b.yaml\nk8s/team/c.yaml\n')
})

paths('literal paths first, then directories and globs; a file named twice is processed once', async () => {
  const r = await run([...E, '-l', 'k8s/team', 'k8s/b.yaml', 'k8s/*.yml', './k8s/b.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 1)
  assert.is(r.stdout, 'k8s/b.yaml\nk8s/team/c.yaml\nk8s/a.yml\n')
})

paths('a glob that matches nothing: exit 2, even in --check, and nothing is written', async () => {
  const before = snapshot(join(tmp.dir, 'k8s', 'b.yaml'))
  let r = await run([...E, '--check', 'nomatch/*.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stderr, 'nomatch/*.yaml: error: no files match the pattern "nomatch/*.yaml"\n1 file: 1 error\n')
  r = await run([...E, '--write', 'k8s/b.yaml', 'clusters/**/*.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.ok(
    r.stderr.endsWith(
      'nothing was written: fix the errors above first (or use --keep-going to write the files that ' +
        'could be migrated)\n',
    ),
    r.stderr,
  )
  assert.equal(snapshot(join(tmp.dir, 'k8s', 'b.yaml')), before)
})

paths('a lone glob that matches nothing, no mode: exit 2', async () => {
  const r = await run([...E, 'nomatch/*.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.is(r.stderr, 'nomatch/*.yaml: error: no files match the pattern "nomatch/*.yaml"\n')
})

paths('an empty directory, or one without YAML: exit 2 with a message, no stack trace, in every mode', async () => {
  mkdirSync(join(tmp.dir, 'empty'))
  mkdirSync(join(tmp.dir, 'notes'))
  writeFileSync(join(tmp.dir, 'notes', 'README.md'), '# notes\n')
  for (const dir of ['empty', 'notes/']) {
    const error = `${dir}: error: no *.yaml or *.yml files in the directory "${dir}"\n`
    let r = await run([...E, dir], { cwd: tmp.dir })
    assert.equal(r, { code: 2, stdout: '', stderr: error })
    r = await run([...E, '--check', dir], { cwd: tmp.dir })
    assert.equal(r, { code: 2, stdout: '', stderr: `${error}1 file: 1 error\n` })
    r = await run([...E, '-l', dir], { cwd: tmp.dir })
    assert.equal(r, { code: 2, stdout: '', stderr: error })
  }
  const before = snapshot(join(tmp.dir, 'k8s', 'b.yaml'))
  const r = await run([...E, '--write', 'k8s/b.yaml', 'empty'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.match(r.stderr, /^empty: error: no \*\.yaml or \*\.yml files in the directory "empty"\n/)
  assert.equal(snapshot(join(tmp.dir, 'k8s', 'b.yaml')), before)
})
paths.run()

// ---------------------------------------------------------------------------------------------
const bad = suite('cli: errors in a batch leave the disk untouched')
bad.before.each(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'a.yaml'), SAMPLE)
  writeFileSync(join(tmp.dir, 'b.yaml'), smallDelegate('b'))
  cpSync(join(FIXTURES, 'conflict.yaml'), join(tmp.dir, 'conflict.yaml'))
  cpSync(join(FIXTURES, 'malformed.yaml'), join(tmp.dir, 'malformed.yaml'))
  for (const f of readdirSync(tmp.dir)) ageFile(join(tmp.dir, f))
})
bad.after.each(() => tmp.remove())

const all = () =>
  Object.fromEntries(
    readdirSync(tmp.dir)
      .sort()
      .map((f) => [f, snapshot(join(tmp.dir, f))]),
  )

bad(
  'a conflict: exit 2, the location and what is there, and NO file changed although a.yaml and b.yaml were fine',
  async () => {
    const before = all()
    const r = await run([...E, '--write', 'a.yaml', 'conflict.yaml', 'b.yaml'], { cwd: tmp.dir })
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    const lines = r.stderr.split('\n')
    assert.match(lines[0]!, /^conflict\.yaml:22:9: error: volume "client-certificate" exists but .*emptyDir.*secret/)
    assert.equal(lines.slice(1), [
      'a.yaml: needs migrating (12 changes)',
      lines[2], // conflict.yaml: error: <the same reason>
      'b.yaml: needs migrating (6 changes)',
      '3 files: 2 to migrate, 1 error',
      'nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)',
      '',
    ])
    assert.ok(lines[2]!.startsWith('conflict.yaml: error: volume "client-certificate" exists but'), lines[2])
    assert.equal(all(), before)
  },
)

bad('a conflict with --out-dir: exit 2, no copy written, no folder left behind', async () => {
  const r = await run([...E, '--out-dir', 'out', 'a.yaml', 'conflict.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.equal(readdirSync(tmp.dir).sort(), ['a.yaml', 'b.yaml', 'conflict.yaml', 'malformed.yaml'])
})

bad('malformed YAML in a batch: exit 2, nothing written', async () => {
  const before = all()
  const r = await run([...E, '-w', 'a.yaml', 'malformed.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.match(r.stderr, /^malformed\.yaml:7:3: error: invalid YAML: /)
  assert.equal(all(), before)
})

bad('--check with an error: exit 2 (an error beats "needs migrating"), still lists the others', async () => {
  const r = await run([...E, '--check', 'a.yaml', 'conflict.yaml'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.is(r.stdout, 'a.yaml: needs migrating (12 changes)\n')
  assert.ok(r.stderr.endsWith('2 files: 1 to migrate, 1 error\n'), r.stderr)
})

bad('--keep-going writes the good files, leaves the bad ones, still exits 2', async () => {
  const before = all()
  const r = await run([...E, '--write', '--keep-going', 'a.yaml', 'conflict.yaml', 'b.yaml', 'malformed.yaml'], {
    cwd: tmp.dir,
  })
  assert.is(r.code, 2)
  const lines = r.stderr.trimEnd().split('\n')
  assert.equal(
    lines.slice(2).filter((l) => !l.includes(': error: ')),
    ['a.yaml: migrated (12 changes)', 'b.yaml: migrated (6 changes)', '4 files: 2 migrated, 2 errors'],
  )
  assert.is(readFileSync(join(tmp.dir, 'a.yaml'), 'utf8'), SAMPLE_MTLS)
  assert.is(readFileSync(join(tmp.dir, 'b.yaml'), 'utf8'), smallDelegateMtls('b'))
  const after = all()
  assert.equal(after['conflict.yaml'], before['conflict.yaml'])
  assert.equal(after['malformed.yaml'], before['malformed.yaml'])
})
bad.run()
