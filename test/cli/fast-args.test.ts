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
  ['-cq', '-e', E, 'a.yaml'],
  ['--bogus'],
  ['--', '-weird.yaml'],
  ['-e', E, '-e', E, 'a.yaml'],
  ['--format', 'xml', 'a.yaml'],
  ['--max-bytes', 'lots', 'a.yaml'],
  ['--write=false', 'a.yaml'],
  ['--endpoint'],
  ['-e', '--check'],
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
    test(`answers like yargs: ${JSON.stringify(argv)}${Object.keys(env).length ? ` with ${JSON.stringify(env)}` : ''}`, async () => {
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
