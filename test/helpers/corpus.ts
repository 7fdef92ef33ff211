/**
 * The golden-file cases: every manifest of the shared corpus, and the inputs derived from it.
 * Shared by test/corpus.test.ts, test/fidelity.test.ts and scripts/update-goldens.mjs, so the tests and
 * the regeneration script can never disagree on options or on where a golden lives.
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

/**
 * Every file of the samples, the tests (fixtures and goldens) and the corpus whose name matches `name`,
 * with its text: what the equivalence tests run over. `file` is relative to its folder.
 */
export function repositoryTexts(name: RegExp): { file: string; text: string }[] {
  const texts: { file: string; text: string }[] = []
  for (const dir of [join(REPO_ROOT, 'samples'), join(REPO_ROOT, 'test'), CORPUS_DIR]) {
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
      `the Harness corpus is missing: expected it at ${CORPUS_DIR} (the shared/ folder beside the repository)`,
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
  /** `corpus/<file>` or `derived/<file>`: the name in diagnostics and in test titles. */
  id: string
  input: string
  options: MigrateOptions
  /** Helm values / docker-compose: golden under test/fixtures/shapes (test/shapes), not here. */
  passThrough: boolean
  /** Golden paths (one of the two exists once the goldens are written). */
  expectedOutput: string
  expectedError: string
}

const readText = (path: string) => readFileSync(path, 'utf8')

/** All golden cases, corpus first, then derived inputs. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = []
  for (const file of corpusFiles()) {
    const name = file.replace(/\.yaml$/, '')
    cases.push({
      id: `corpus/${file}`,
      input: readText(join(CORPUS_DIR, file)),
      options: { endpoint: ENDPOINT, file: `corpus/${file}` },
      passThrough: isPassThrough(file),
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
