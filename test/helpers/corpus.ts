/**
 * The golden-file cases: the project's own manifests (test/fixtures/manifests), every manifest of the shared
 * corpus when it is present, and the inputs derived from it. Shared by test/corpus.test.ts,
 * test/fidelity.test.ts and scripts/update-goldens.mjs, so the tests and the regeneration script can never
 * disagree on options or on where a golden lives.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDiagnostic } from '../../src/errors.js'
import { migrate, type MigrateOptions, type MigrateResult } from '../../src/pipeline/migrate.js'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** CI checks the shared folder out beside the clone: `<parent>/shared/corpus/harness`. */
export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'harness')
export const CORPUS_GOLDENS = join(REPO_ROOT, 'test', 'fixtures', 'corpus')
/** The project's own manifests of every shape the corpus has, with their goldens beside them (README there). */
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'manifests')
export const DERIVED_DIR = join(REPO_ROOT, 'test', 'fixtures', 'derived')

export const ENDPOINT = 'https://acme.harness.io:8443'

/** Helm values and docker-compose files are not Kubernetes manifests: their goldens live in test/fixtures/shapes. */
export const isPassThrough = (file: string) => /^(helm-values-|docker-compose-)/.test(file)

/** Corpus manifests refused only for their `harness/delegate:latest` image, re-run with a real immutable tag. */
export const DERIVED = [
  'ng-ui-rendered-immutable-clusteradmin-2023-11',
  'ng-ui-rendered-immutable-namespaceadmin-2023-11',
  'ng-ui-rendered-immutable-clusteradmin-2022-09-batchv1beta1',
] as const
export const DERIVED_IMAGE = 'harness/delegate:24.09.83900'

/** CI must have the corpus: there its absence fails the corpus suite instead of skipping it. */
export const corpusRequired = () => !['', '0', 'false'].includes(process.env.CI ?? '')

let skipAnnounced = false
/**
 * Whether the shared corpus is beside the clone. A clone alone has no corpus: its tests are then skipped, said
 * once on one line, and every other suite runs on test/fixtures. In CI the corpus suite fails instead.
 */
export function corpusPresent(): boolean {
  if (existsSync(CORPUS_DIR)) return true
  if (!corpusRequired() && !skipAnnounced) {
    skipAnnounced = true
    console.log(`corpus tests skipped: no Harness corpus at ${CORPUS_DIR} (the other suites run on test/fixtures)`)
  }
  return false
}

/** The project's own manifests (inputs, not goldens), sorted. */
export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.yaml') && !f.includes('.expected'))
    .sort()
}

/** A shape's input from each source: the project's fixture always, the corpus file when the corpus is present. */
export function bothSources(fixture: string, corpus: string): { source: 'fixtures' | 'corpus'; text: string }[] {
  const out: { source: 'fixtures' | 'corpus'; text: string }[] = [
    { source: 'fixtures', text: readFileSync(join(FIXTURES_DIR, fixture), 'utf8') },
  ]
  if (corpusPresent()) out.push({ source: 'corpus', text: readFileSync(join(CORPUS_DIR, corpus), 'utf8') })
  return out
}

/**
 * Every file of the samples, the tests (fixtures and goldens) and the corpus whose name matches `name`,
 * with its text: what the equivalence tests run over. `file` is relative to its folder.
 */
export function repositoryTexts(name: RegExp): { file: string; text: string }[] {
  const texts: { file: string; text: string }[] = []
  for (const dir of [join(REPO_ROOT, 'samples'), join(REPO_ROOT, 'test'), ...(corpusPresent() ? [CORPUS_DIR] : [])]) {
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (name.test(file)) texts.push({ file, text: readFileSync(join(dir, file), 'utf8') })
    }
  }
  return texts
}

/** Every `*.yaml` of the corpus, sorted. Throws (never skips) when the corpus is not where CI puts it. */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(
      `the Harness corpus is missing: expected it at ${CORPUS_DIR} (the shared/ folder beside the ` +
        `repository; CI=true requires it)`,
    )
  }
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
}

/**
 * The derived input: the corpus file with its one delegate image line changed from `latest` to
 * `DERIVED_IMAGE`, nothing else (see test/fixtures/derived/README.md).
 */
export function deriveInput(text: string): string {
  const re = /^(\s*-? ?image: )harness\/delegate:latest(\r?)$/gm
  const hits = text.match(re) ?? []
  if (hits.length !== 1)
    throw new Error(`expected exactly one "image: harness/delegate:latest" line, found ${hits.length}`)
  return text.replace(re, `$1${DERIVED_IMAGE}$2`)
}

export interface GoldenCase {
  /** `fixtures/<file>`, `corpus/<file>` or `derived/<file>`: the name in diagnostics and in test titles. */
  id: string
  input: string
  options: MigrateOptions
  /** Helm values / docker-compose: not a Kubernetes manifest, so not one of the fidelity properties' inputs. */
  passThrough: boolean
  /** A corpus Helm values or docker-compose file: its golden is under test/fixtures/shapes (test/shapes). */
  goldenInShapes: boolean
  /** Golden paths (one of the two exists once the goldens are written). */
  expectedOutput: string
  expectedError: string
}

const readText = (path: string) => readFileSync(path, 'utf8')

/** All golden cases: the project's fixtures, then the corpus (when present), then derived inputs. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = []
  for (const file of fixtureFiles()) {
    const name = file.replace(/\.yaml$/, '')
    cases.push({
      id: `fixtures/${file}`,
      input: readText(join(FIXTURES_DIR, file)),
      options: { endpoint: ENDPOINT, file: `fixtures/${file}` },
      passThrough: isPassThrough(file),
      goldenInShapes: false,
      expectedOutput: join(FIXTURES_DIR, `${name}.expected.yaml`),
      expectedError: join(FIXTURES_DIR, `${name}.expected-error.txt`),
    })
  }
  for (const file of corpusPresent() ? corpusFiles() : []) {
    const name = file.replace(/\.yaml$/, '')
    cases.push({
      id: `corpus/${file}`,
      input: readText(join(CORPUS_DIR, file)),
      options: { endpoint: ENDPOINT, file: `corpus/${file}` },
      passThrough: isPassThrough(file),
      goldenInShapes: isPassThrough(file),
      expectedOutput: join(CORPUS_GOLDENS, `${name}.expected.yaml`),
      expectedError: join(CORPUS_GOLDENS, `${name}.expected-error.txt`),
    })
  }
  for (const name of DERIVED) {
    const file = `${name}.yaml`
    cases.push({
      id: `derived/${file}`,
      input: readText(join(DERIVED_DIR, file)),
      options: { endpoint: ENDPOINT, file: `derived/${file}` },
      passThrough: false,
      goldenInShapes: false,
      expectedOutput: join(DERIVED_DIR, `${name}.expected.yaml`),
      expectedError: join(DERIVED_DIR, `${name}.expected-error.txt`),
    })
  }
  return cases
}

/** The error lines of a result, as the golden `.expected-error.txt` holds them. */
export const errorText = (r: MigrateResult): string =>
  r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d) + '\n')
    .join('')

/** What a case's golden holds: the migrated text, or the formatted errors. */
export function renderGolden(c: GoldenCase): {
  kind: 'output' | 'error'
  path: string
  text: string
  result: MigrateResult
} {
  const result = migrate(c.input, c.options)
  return result.status === 'error'
    ? { kind: 'error', path: c.expectedError, text: errorText(result), result }
    : { kind: 'output', path: c.expectedOutput, text: result.output, result }
}

/** Cases whose input migrates: what the fidelity properties run on. */
export function migratingCases(): GoldenCase[] {
  return goldenCases().filter((c) => !c.passThrough && migrate(c.input, c.options).status === 'migrated')
}
