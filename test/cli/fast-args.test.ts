import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseArgs } from '../../src/cli/args.js'
import { fastParseArgs } from '../../src/cli/fast-args.js'

const test = suite('fast argument parsing')
const E = 'https://acme.harness.io:8443'

const answered = [
  ['-e', E, 'a.yaml'],
  ['--endpoint', E, '--check', 'k8s/'],
  [`--endpoint=${E}`, '-w', 'a.yaml', 'b.yml', 'dir'],
  ['-c', '-q', '-e', E, 'x.yaml'],
  ['-l', '--endpoint', E, 'x.yaml'],
  ['--diff', '--secret-name', '{delegate}-client-certificate', '-e', E, 'x.yaml'],
  ['--mount-path', '/etc/certs', '--ti-service', '--no-grpc-authority', '-e', E],
  ['--out-dir', 'out', '--format', 'json', '-e', E, 'a.yaml', '--keep-going'],
  ['--max-bytes', '1024', '-e', E, '-'],
  ['-'],
  [],
  ['--check', 'a.yaml'],
  ['--endpoint', '', '--check', 'a.yaml'],
  ['--cert', 'c.crt', '--key', 'c.key', '--ca', 'ca.crt', '-e', E, 'a.yaml'],
  ['--cert-path', './c.crt', '--key-path', './c.key', '-e', E, 'docker-compose.yml'],
  ['--grpc-authority', '--write', '-e', E, 'a.yaml'],
  // Short options with their value attached, clustered flags, `--`: read by normalizeArgv for both parsers.
  ['-cq', '-e', E, 'a.yaml'],
  [`-e${E}`, '--check', 'a.yaml'],
  [`-e=${E}`, '--check', 'a.yaml'],
  ['-wq', '-e', E, 'a.yaml'],
  ['-qe', E, 'a.yaml'],
  [`-ce${E}`, 'a.yaml'],
  ['-lz', '-e', E, 'a.yaml'],
  ['--null', '-l', '-e', E, 'a.yaml'],
  ['--', '-weird.yaml'],
  ['-e', E, '--', '-odd.yaml', '--check', 'secret'],
  ['-e', E, '--', 'a.yaml', '-'],
  ['--write=false', 'a.yaml'],
  ['--write=true', '--ti-service=false', '--grpc-authority=false', '-e', E, 'a.yaml'],
  ['-w=true', '-e', E, 'a.yaml'],
  ['-e', '--check'],
  ['-e', '-x', 'a.yaml'],
  ['--secretName', 'x', '-e', E, 'a.yaml'],
  ['-e', E, '010', '1e3', '0x10'],
]
const deferred = [
  ['--help'],
  ['-h'],
  ['--version'],
  ['secret', '--cert', 'a', '--key', 'b'],
  ['audit', 'k8s/'],
  ['fn'],
  ['fn', '--endpoint', E],
  ['--revert', '-e', 'https://app.harness.io', 'a.yaml'],
  ['--bogus'],
  ['--format', 'xml', 'a.yaml'],
  ['--max-bytes', 'lots', 'a.yaml'],
]

/** Command lines both parsers refuse, with the same message. */
const FLAGS = ['help', 'version', 'ti-service', 'grpc-authority', 'write', 'check', 'list-different', 'diff']
const refused: [string[], string][] = [
  ...[...FLAGS, 'keep-going', 'quiet', 'revert', 'null'].map((f): [string[], string] => [
    [`--${f}=maybe`, '-e', E, 'a.yaml'],
    `--${f} is a flag: its value can only be true or false, not "maybe"`,
  ]),
  ...['w', 'c', 'l', 'q', 'z', 'h'].map((f): [string[], string] => [
    [`-${f}=yes`, '-e', E, 'a.yaml'],
    `-${f} is a flag: its value can only be true or false, not "yes"`,
  ]),
  [['--tiService=1', '-e', E], '--tiService is a flag: its value can only be true or false, not "1"'],
  [['--write=', '-e', E], '--write is a flag: its value can only be true or false, not ""'],
  [['--no-write=false', '-e', E], '--no-write takes no value'],
  [['--no-endpoint', 'a.yaml'], '--no-endpoint: --endpoint is not a flag, it takes a value'],
  [
    ['-e', E, '--write', 'false', 'a.yaml'],
    '--write false: a flag takes no separate value; write --write=false, or ./false for a file named "false"',
  ],
  [
    ['-e', E, '-cw', 'true'],
    '-w true: a flag takes no separate value; write -w=true, or ./true for a file named "true"',
  ],
  [['-e', E, '-e', E, 'a.yaml'], '--endpoint is given more than once'],
  [['-e', E, `-ce${E}`, 'a.yaml'], '--endpoint is given more than once'],
  [['--endpoint'], '--endpoint needs a value'],
  [['a.yaml', '-e'], '-e needs a value'],
  [['-cx', '-e', E], 'unknown option -x (in "-cx")'],
  [['-x'], 'unknown option -x'],
]

const ENVS: Record<string, string>[] = [
  {},
  { DELEGATE_MTLS_ENDPOINT: 'https://env.harness.io' },
  { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: 'https://argo.harness.io' },
  { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: 'https://argo.harness.io', DELEGATE_MTLS_ENDPOINT: 'https://env.harness.io' },
  { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: '', DELEGATE_MTLS_ENDPOINT: 'https://env.harness.io' },
]
for (const env of ENVS) {
  for (const argv of answered) {
    const withEnv = Object.keys(env).length ? ` with ${JSON.stringify(env)}` : ''
    test(`answers like yargs: ${JSON.stringify(argv)}${withEnv}`, async () => {
      const fast = fastParseArgs(argv, env)
      assert.ok(fast, 'the fast path should answer this command line')
      assert.equal(fast, await parseArgs(argv, env))
    })
  }
}
for (const argv of deferred) {
  test(`leaves to yargs: ${JSON.stringify(argv)}`, () => {
    assert.is(fastParseArgs(argv, {}), undefined)
  })
}

for (const [argv, message] of refused) {
  test(`both refuse ${JSON.stringify(argv)}: ${message}`, async () => {
    assert.throws(
      () => fastParseArgs(argv, {}),
      (e: Error) => e.name === 'UsageError' && e.message === message,
    )
    let yargsError: Error | undefined
    await parseArgs(argv, {}).catch((e: Error) => (yargsError = e))
    assert.is(yargsError?.name, 'UsageError')
    assert.is(yargsError?.message, message)
  })
}

test('what the attached forms mean: -eURL is -e URL; `--` ends the options', async () => {
  for (const parse of [fastParseArgs, parseArgs]) {
    const expected = await parse(['--check', '-e', E, 'a.yaml'], {})
    for (const argv of [
      [`-e${E}`, '--check', 'a.yaml'],
      [`-e=${E}`, '--check', 'a.yaml'],
      [`--endpoint=${E}`, '-c', 'a.yaml'],
      [`-ce${E}`, 'a.yaml'],
      ['-ce', E, 'a.yaml'],
    ])
      assert.equal(await parse(argv, {}), expected, JSON.stringify(argv))
    const dashed = (await parse(['-e', E, '--', '-odd.yaml', '--write'], {})) as { paths: string[]; write: boolean }
    assert.equal([dashed.paths, dashed.write], [['-odd.yaml', '--write'], false])
  }
})

test('secret -n: attached, separate and = forms are one namespace', async () => {
  const base = ['secret', '--cert', 'c.crt', '--key', 'c.key']
  for (const n of [['-nprod'], ['-n', 'prod'], ['-n=prod'], ['--namespace=prod'], ['--namespace', 'prod']]) {
    const a = (await parseArgs([...base, ...n], {})) as { command: string; namespace?: string }
    assert.equal([a.command, a.namespace], ['secret', 'prod'], JSON.stringify(n))
  }
  let error: Error | undefined
  await parseArgs([...base, '--', 'x'], {}).catch((e: Error) => (error = e))
  assert.is(error?.message, 'secret takes no paths (got x)')
})

test('the endpoint: --endpoint, else ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT, else DELEGATE_MTLS_ENDPOINT', async () => {
  const both = {
    ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: 'https://argo.harness.io',
    DELEGATE_MTLS_ENDPOINT: 'https://env.harness.io',
  }
  for (const parse of [fastParseArgs, parseArgs]) {
    assert.is(((await parse(['a.yaml'], both)) as { endpoint?: string }).endpoint, 'https://argo.harness.io')
    assert.is(((await parse(['-e', E, 'a.yaml'], both)) as { endpoint?: string }).endpoint, E)
    const envOnly = { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: '', DELEGATE_MTLS_ENDPOINT: 'https://env.harness.io' }
    assert.is(((await parse(['a.yaml'], envOnly)) as { endpoint?: string }).endpoint, 'https://env.harness.io')
  }
})

test.run()
