import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as sources from '../src/index.js'
import { ENDPOINT, repositoryTexts } from './helpers/corpus.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const build = suite('build')

build('the sources type-check under strict TypeScript', () => {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(root, 'tsconfig.json')],
    { encoding: 'utf8' },
  )
  assert.is(r.stdout + r.stderr, '')
  assert.is(r.status, 0)
})

build('the committed dist/ bundle is what the sources build to', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--check'], { encoding: 'utf8' })
  assert.is(r.status, 0, r.stderr)
})

build("the bundle reads yaml's per-token debugging switches once, at load, and they still work", () => {
  const bundle = readFileSync(join(root, 'dist/cli.cjs'), 'utf8')
  // A process.env read per token is a call into C++ each time: about a third of parsing a manifest.
  assert.not.match(bundle, /node_process\.env\.LOG_(TOKENS|STREAM)/)
  assert.match(bundle, /__yaml_LOG_TOKENS = require\("process"\)\.env\.LOG_TOKENS/)
  const sample = join(root, 'samples/harness-delegate.yaml')
  const args = [join(root, 'bin/delegate-mtls.js'), '--check', '--endpoint', 'https://acme.harness.io:8443', sample]
  const plain = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, DELEGATE_MTLS_CACHE: '0' },
  })
  const traced = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, DELEGATE_MTLS_CACHE: '0', LOG_TOKENS: '1' },
  })
  assert.is(plain.status, 1)
  assert.is(traced.status, 1)
  assert.not.match(plain.stdout, /^\| /m)
  assert.match(traced.stdout, /^\| "kind"/m)
})

build(
  "the bundle marks yaml's nodes and pairs with their type once per class, and migrates, reverts " +
    'and audits every input as the sources do',
  async () => {
    const bundle = readFileSync(join(root, 'dist/cli.cjs'), 'utf8')
    // Object.defineProperty on every node and pair was 5% of a fleet --write (scripts/build.mjs).
    assert.not.match(
      bundle,
      /Object\.defineProperty\(this, identity\.NODE_TYPE, \{ value: (?:type|identity\.PAIR) \}\)/,
    )
    assert.match(bundle, /let proto = new\.target\.prototype;/)
    assert.match(bundle, /Object\.defineProperty\(Pair\.prototype, identity\.NODE_TYPE, \{ value: identity\.PAIR \}\)/)
    // The library bundle carries the same yaml: it must answer exactly as the sources (unpatched yaml) do.
    const bundled = (await import(join(root, 'dist/index.js'))) as typeof sources
    const inputs = repositoryTexts(/\.ya?ml$/).map(({ file, text }) => ({ name: file, text }))
    // And what the migration makes of them, so that revert has migrated manifests to undo.
    for (const { name, text } of [...inputs]) {
      const r = sources.migrate(text, { endpoint: ENDPOINT })
      if (r.status === 'migrated') inputs.push({ name: `${name} (migrated)`, text: r.output })
    }
    assert.ok(inputs.length >= 70, `only ${inputs.length} inputs`)
    // Field by field, so that a difference names what differs.
    const same = (what: string, name: string, run: (lib: typeof sources) => object) => {
      const want = run(sources) as Record<string, unknown>
      const got = run(bundled) as Record<string, unknown>
      assert.equal(Object.keys(got), Object.keys(want), `${what} ${name}`)
      for (const k of Object.keys(want))
        assert.is(JSON.stringify(got[k]), JSON.stringify(want[k]), `${what} ${name}: ${k}`)
    }
    let migrated = 0
    for (const { name, text } of inputs) {
      same('migrate', name, (lib) => lib.migrate(text, { endpoint: ENDPOINT, file: name }))
      same('migrate, a group at a time,', name, (lib) =>
        lib.migrate(text, { endpoint: ENDPOINT, file: name }, { grouped: true }),
      )
      same('revert', name, (lib) => lib.revert(text, { endpoint: 'https://app.harness.io', file: name }))
      if (sources.migrate(text, { endpoint: ENDPOINT }).status === 'migrated') migrated++
    }
    same('audit', 'of every input', (lib) =>
      lib.audit(
        inputs.map(({ name, text }) => ({ path: name, text })),
        { endpoint: ENDPOINT },
      ),
    )
    assert.ok(migrated >= 15, `only ${migrated} inputs migrate: the comparison would prove little`)
  },
)

build.run()
