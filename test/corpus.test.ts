/**
 * Golden files for every shape, compared byte for byte: the project's own manifests (test/fixtures/manifests)
 * always, and every file of the shared corpus (SPEC §2–§6) when it is beside the clone.
 * Regenerate with `node --import tsx scripts/update-goldens.mjs`, then review the diff by hand.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../src/pipeline/migrate.js'
import {
  CORPUS_DIR,
  CORPUS_GOLDENS,
  DERIVED,
  DERIVED_DIR,
  FIXTURES_DIR,
  REPO_ROOT,
  corpusFiles,
  corpusPresent,
  corpusRequired,
  fixtureFiles,
  deriveInput,
  errorText,
  goldenCases,
  isPassThrough,
  type GoldenCase,
} from './helpers/corpus.js'
import { hunksOf, lineDiff, linesOf, renderHunks } from './helpers/line-diff.js'

const test = suite('corpus goldens')

// In CI a missing corpus fails the run (CI checks shared/ out beside the clone); a clone alone skips it.
const corpus = corpusPresent()
let cases: GoldenCase[] = []
let loadError: Error | undefined
try {
  cases = goldenCases()
} catch (e) {
  loadError = e as Error
}

if (corpus || corpusRequired())
  test('the corpus is present beside the repository', () => {
    if (loadError) throw loadError
    const files = corpusFiles() // throws "the Harness corpus is missing: expected it at …" when it is absent
    assert.ok(existsSync(join(CORPUS_DIR, 'SOURCES.md')), `${CORPUS_DIR}/SOURCES.md is missing`)
    assert.ok(files.length >= 21, `only ${files.length} corpus files in ${CORPUS_DIR}`)
  })

test('every fixture has exactly one golden, and every golden a fixture', () => {
  if (loadError) throw loadError
  const inputs = fixtureFiles()
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort()
  assert.ok(inputs.length >= 16, `only ${inputs.length} fixtures in ${FIXTURES_DIR}`)
  const goldens = readdirSync(FIXTURES_DIR).filter((f) => /\.expected(-error\.txt|\.yaml)$/.test(f))
  const stems = goldens.map((f) => f.replace(/\.expected(-error\.txt|\.yaml)$/, ''))
  assert.equal([...stems].sort(), inputs, 'goldens ≠ fixtures')
})

if (corpus)
  test('every corpus manifest has exactly one golden, and every golden a corpus manifest', () => {
    if (loadError) throw loadError
    const manifests = corpusFiles()
      .filter((f) => !isPassThrough(f))
      .map((f) => f.replace(/\.yaml$/, ''))
    const goldens = readdirSync(CORPUS_GOLDENS).filter((f) => f !== '.gitkeep')
    const stems = goldens.map((f) => f.replace(/\.expected(-error\.txt|\.yaml)$/, ''))
    assert.equal([...stems].sort(), [...manifests].sort(), 'goldens ≠ corpus manifests')
    assert.is(new Set(stems).size, stems.length, 'a manifest has both an expected output and an expected error')
  })

for (const c of cases) {
  if (c.goldenInShapes) {
    // Helm values and docker-compose files have their own goldens, next to the other shapes (test/shapes).
    test(`${c.id} is not a Kubernetes manifest: its golden is in test/fixtures/shapes`, () => {
      const stem = c.id.replace(/^corpus\//, '').replace(/\.yaml$/, '')
      const goldens = ['.expected.yaml', '.expected-error.txt'].map((ext) =>
        join(REPO_ROOT, 'test', 'fixtures', 'shapes', stem + ext),
      )
      assert.is(
        goldens.filter((g) => existsSync(g)).length,
        1,
        `${c.id}: expected exactly one of ${goldens.join(' / ')}`,
      )
    })
    continue
  }
  test(`${c.id} matches its golden`, () => {
    const hasOutput = existsSync(c.expectedOutput)
    const hasError = existsSync(c.expectedError)
    assert.ok(hasOutput !== hasError, `${c.id}: expected exactly one of ${c.expectedOutput} / ${c.expectedError}`)
    const r = migrate(c.input, c.options)
    if (hasError) {
      assert.is(r.status, 'error')
      assert.is(errorText(r), readFileSync(c.expectedError, 'utf8'))
      assert.is(r.output, c.input, 'an error returns the input unchanged')
      assert.equal(r.changes, [])
    } else {
      assert.is(r.status, 'migrated')
      assert.is(r.output, readFileSync(c.expectedOutput, 'utf8'))
      assert.equal(
        r.diagnostics.filter((d) => d.severity === 'error'),
        [],
      )
    }
  })
}

/** What the shape-specific tests below expect of each source: the project's fixtures and the corpus. */
const SOURCES = [
  {
    source: 'fixtures',
    refusedForLatest: ['fixtures/ui-firstgen-immutable-latest.yaml'],
    live: { id: 'fixtures/helm-live-deployment.yaml', at: [57, 9], configMap: 'build-delegate' },
    mtls: {
      file: 'ui-immutable-clusteradmin-mtls.yaml',
      endpoint: 'https://acme.agent.harness.io',
      added: ['+153:           defaultMode: 256 # 0400', '+282:                 defaultMode: 256 # 0400'],
    },
  },
  {
    source: 'corpus',
    refusedForLatest: [
      'corpus/cg-ui-rendered-immutable-2023.yaml',
      'corpus/ng-ui-rendered-immutable-clusteradmin-2022-09-batchv1beta1.yaml',
      'corpus/ng-ui-rendered-immutable-clusteradmin-2023-11.yaml',
      'corpus/ng-ui-rendered-immutable-namespaceadmin-2023-11.yaml',
    ],
    live: {
      id: 'corpus/helm-rendered-live-deployment-chart-1.0.30-minimal.yaml',
      at: [62, 9],
      configMap: 'minimal-delegate',
    },
    mtls: {
      file: 'ng-template-mtls-immutable-2023-11-hand-rendered.yaml',
      endpoint: 'https://customer.agent.harness.io',
      added: ['+153:           defaultMode: 256 # 0400', '+282:                 defaultMode: 256 # 0400'],
    },
  },
].filter((s) => s.source === 'fixtures' || corpus)

for (const s of SOURCES) {
  const own = cases.filter((c) => c.id.startsWith(`${s.source}/`))

  test(`${s.source}: the harness/delegate:latest manifests are refused as legacy delegates (SPEC §2)`, () => {
    const refused = own.filter((c) => {
      if (c.passThrough) return false
      const r = migrate(c.input, c.options)
      return r.diagnostics.some((d) => d.code === 'LEGACY_DELEGATE' && d.message.includes('"harness/delegate:latest"'))
    })
    assert.equal(
      refused.map((c) => c.id),
      s.refusedForLatest,
    )
  })

  test(
    `${s.source}: only the live Helm object is unresolved: its MANAGER_HOST_AND_PORT lives in a ` +
      `ConfigMap outside the file`,
    () => {
      const unresolved = own.filter((c) => !c.passThrough && migrate(c.input, c.options).unresolved).map((c) => c.id)
      assert.equal(unresolved, [s.live.id])
      const helm = own.find((c) => c.id === unresolved[0])!
      const notChanged = migrate(helm.input, helm.options).diagnostics.filter((d) => d.code === 'NOT_CHANGED')
      assert.equal(
        notChanged.map((d) => [d.severity, d.line, d.col]),
        [['warning', ...s.live.at]],
      )
      assert.match(
        notChanged[0]!.message,
        new RegExp(`^MANAGER_HOST_AND_PORT may come from ConfigMap ${s.live.configMap}, `),
      )
    },
  )

  test(`${s.source}: the UI's mTLS rendering, with its own endpoint and secret name, only gains defaultMode`, () => {
    const file = s.mtls.file
    const input = readFileSync(join(s.source === 'corpus' ? CORPUS_DIR : FIXTURES_DIR, file), 'utf8')
    const r = migrate(input, {
      endpoint: s.mtls.endpoint,
      secretName: '{delegate}-client-certificate',
      file: `${s.source}/${file}`,
    })
    assert.is(r.status, 'migrated')
    assert.equal(
      r.changes.map((c) => [c.resource.kind, c.path, c.op, c.after]),
      [
        ['Deployment', 'spec.template.spec.volumes[name=client-certificate].secret.defaultMode', 'add', 256],
        [
          'CronJob',
          'spec.jobTemplate.spec.template.spec.volumes[name=client-certificate].secret.defaultMode',
          'add',
          256,
        ],
      ],
    )
    assert.is(renderHunks(hunksOf(lineDiff(linesOf(input), linesOf(r.output)))), s.mtls.added.join('\n'))
    // The same, byte for byte: the input with one line after each `secretName:` of the two secret volumes.
    const expected = input.replace(
      /^( +)(secretName: harness-delegate-client-certificate\n)/gm,
      '$1$2$1defaultMode: 256 # 0400\n',
    )
    assert.is.not(expected, input)
    assert.is(r.output, expected)
  })
}

if (corpus)
  test('each derived input is its corpus file with only the delegate image changed', () => {
    for (const name of DERIVED) {
      const original = readFileSync(join(CORPUS_DIR, `${name}.yaml`), 'utf8')
      const derived = readFileSync(join(DERIVED_DIR, `${name}.yaml`), 'utf8')
      assert.is(
        derived,
        deriveInput(original),
        `${name}.yaml was edited by hand or the corpus changed; rerun scripts/update-goldens.mjs`,
      )
      const hunks = hunksOf(lineDiff(linesOf(original), linesOf(derived)))
      assert.is(hunks.length, 1, name)
      assert.equal(
        hunks[0]!.del.map((d) => d.line.trim()),
        ['- image: harness/delegate:latest'],
        name,
      )
      assert.equal(
        hunks[0]!.add.map((d) => d.line.trim()),
        ['- image: harness/delegate:24.09.83900'],
        name,
      )
    }
  })

test.run()
