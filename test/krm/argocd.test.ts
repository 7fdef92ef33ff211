// The README's Argo CD Config Management Plugin, run as the sidecar runs it: the `generate` command
// of the plugin.yaml printed in the README (so the recipe and the test cannot drift apart), in the
// application's directory, with the Application's plugin env prefixed ARGOCD_ENV_. An error must be
// a non-zero exit with nothing on stdout: an empty render with auto-prune deletes the resources.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ENDPOINT, REPO_ROOT, SAMPLE, SAMPLE_MTLS, makeTmp } from '../cli/helpers/cli.js'
import { installBins, runCmd } from './helpers.js'

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
const PLUGIN = (() => {
  const block = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].find((m) => /kind: ConfigManagementPlugin/.test(m[1]!))
  if (!block) throw new Error('README.md has no ConfigManagementPlugin recipe')
  return parse(block[1]!) as { spec: { generate: { command: string[]; args: string[] } } }
})()
const ROLE = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules: []\n'

let tmp: ReturnType<typeof makeTmp>
let path: string
let n = 0

/** A fresh application directory holding `files`. */
function app(files: Record<string, string>): string {
  const dir = join(tmp.dir, `app-${n++}`)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  mkdirSync(dir, { recursive: true })
  return dir
}
const generate = (dir: string, env: Record<string, string> = { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: ENDPOINT }) => {
  const { command, args } = PLUGIN.spec.generate
  return runCmd(command[0]!, [...command.slice(1), ...args], { cwd: dir, path, env })
}

const test = suite('argo cd: the config management plugin recipe')
test.before(() => {
  tmp = makeTmp('dmtls-argocd-')
  path = installBins(tmp.dir).path
})
test.after(() => tmp.remove())

test('the recipe is sh -c with one script', () => {
  assert.equal(PLUGIN.spec.generate.command, ['sh', '-c'])
  assert.is(PLUGIN.spec.generate.args.length, 1)
})

test('a directory of manifests: every file migrated together, in name order, dot folders skipped', async () => {
  const dir = app({
    'harness-delegate.yaml': SAMPLE,
    'rbac/role.yml': ROLE,
    '.git/config.yaml': 'not: a manifest\n',
    'README.md': '# not yaml\n',
  })
  const r = await generate(dir)
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stderr, '')
  assert.is(r.stdout, `${SAMPLE_MTLS}\n---\n${ROLE}\n---\n`)
})

test('the endpoint: ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT over DELEGATE_MTLS_ENDPOINT', async () => {
  const dir = app({ 'd.yaml': SAMPLE })
  const r = await generate(dir, {
    ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: ENDPOINT,
    DELEGATE_MTLS_ENDPOINT: 'https://other.harness.io',
  })
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stdout, `${SAMPLE_MTLS}\n---\n`)
})

test('every error: non-zero exit, nothing on stdout, the reason on stderr', async () => {
  const legacy = SAMPLE.replace(/harness\/delegate:\d+\.\d+\.\d+/, 'harness/delegate:latest')
  assert.is.not(legacy, SAMPLE)
  const cases: [string, Record<string, string>, Record<string, string> | undefined, RegExp][] = [
    ['no endpoint', { 'd.yaml': SAMPLE }, {}, /--endpoint is required/],
    ['a legacy delegate', { 'a.yaml': ROLE, 'd.yaml': legacy }, undefined, /upgrade to an immutable delegate first/],
    ['broken YAML', { 'a.yaml': ROLE, 'd.yaml': SAMPLE.replace('replicas: 1', 'replicas: [1') }, undefined, /invalid/],
    ['no manifests', { 'notes.txt': 'hello\n' }, undefined, /no manifests/],
    ['only empty files', { 'a.yaml': '', 'b.yml': '# nothing\n---\n' }, undefined, /no manifests/],
  ]
  for (const [what, files, env, message] of cases) {
    const r = await generate(app(files), env)
    assert.is.not(r.code, 0, what)
    assert.is(r.stdout, '', what)
    assert.match(r.stderr, message, what)
  }
})

test('no temporary file is left behind', async () => {
  const tmpdir = join(tmp.dir, 'tmpdir')
  mkdirSync(tmpdir)
  const dir = app({ 'd.yaml': SAMPLE, 'e.yaml': ROLE })
  assert.is((await generate(dir, { ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT: ENDPOINT, TMPDIR: tmpdir })).code, 0)
  assert.is.not((await generate(dir, { TMPDIR: tmpdir })).code, 0)
  assert.equal(readdirSync(tmpdir), [])
})

test.run()
