/**
 * Golden cases for the delegate shapes that are not plain Kubernetes manifests: Helm values files (on
 * their own, or in a Flux HelmRelease or an Argo CD Application), Helm-rendered objects whose env comes
 * through envFrom, and docker-compose files (issue 5).
 * Inputs come from the shared corpus (when present), from derived copies (test/fixtures/derived, see the
 * README there), from test/fixtures/shapes/*.yaml or from the project's own manifests
 * (test/fixtures/manifests); goldens live in test/fixtures/shapes/.
 *
 * Regenerate after a deliberate change with `UPDATE_GOLDENS=1 node scripts/test.mjs shapes`, then
 * review `git diff test/fixtures/shapes` line by line.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MigrateOptions } from '../../src/pipeline/migrate.js'
import { corpusPresent, FIXTURES_DIR } from '../helpers/corpus.js'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'harness')
export const SHAPES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'shapes')
export const DERIVED_DIR = join(REPO_ROOT, 'test', 'fixtures', 'derived')
export const ENDPOINT = 'https://acme.harness.io:8443'

/** The real immutable tag the derived inputs use (the corpus's hand-rendered mTLS template has it). */
export const DERIVED_TAG = '24.09.83900'

/**
 * A derived input: the corpus file with its one `harness/delegate:latest` (a Harness test-fixture value)
 * changed to a real immutable tag, nothing else.
 */
export function deriveImage(text: string): string {
  const re = /^(\s*(?:-\s+)?(?:image|delegateDockerImage): )harness\/delegate:latest(\r?)$/gm
  const hits = text.match(re) ?? []
  if (hits.length !== 1)
    throw new Error(`expected exactly one harness/delegate:latest image line, found ${hits.length}`)
  return text.replace(re, `$1harness/delegate:${DERIVED_TAG}$2`)
}

/** Corpus files that need a derived copy to be migrated at all (their only refusal reason is `latest`). */
export const DERIVED_SHAPES = ['helm-values-ui-generated-ng-2023', 'docker-compose-ng-immutable-2023-08'] as const

/** Flux HelmReleases and Argo CD Applications of the chart, written for these tests (see the README there). */
export const GITOPS_SHAPES = [
  'flux-helmrelease-compact',
  'flux-helmrelease-indented',
  'argo-application-values-object',
  'argo-application-values-string',
  'argo-application-values-both',
] as const

export interface ShapeCase {
  id: string
  input: string
  options: MigrateOptions
  /** `<golden>.expected.yaml` or `<golden>.expected-error.txt` under test/fixtures/shapes. */
  golden: string
}

const read = (path: string) => readFileSync(path, 'utf8')
const opts = (file: string, extra: Partial<MigrateOptions> = {}): MigrateOptions => ({
  endpoint: ENDPOINT,
  file,
  ...extra,
})

export function shapeCases(): ShapeCase[] {
  const corpus = (name: string, golden = name, extra: Partial<MigrateOptions> = {}): ShapeCase => ({
    id: `corpus/${name}.yaml${Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : ''}`,
    input: read(join(CORPUS_DIR, `${name}.yaml`)),
    options: opts(`corpus/${name}.yaml`, extra),
    golden,
  })
  const derived = (name: string): ShapeCase => ({
    id: `derived/${name}.yaml`,
    input: read(join(DERIVED_DIR, `${name}.yaml`)),
    options: opts(`derived/${name}.yaml`),
    golden: `derived-${name}`,
  })
  const local = (name: string, extra: Partial<MigrateOptions> = {}): ShapeCase => ({
    id: `shapes/${name}.yaml`,
    input: read(join(SHAPES_DIR, `${name}.yaml`)),
    options: opts(`shapes/${name}.yaml`, extra),
    golden: name,
  })
  const fixture = (name: string, golden: string, extra: Partial<MigrateOptions> = {}): ShapeCase => ({
    id: `fixtures/${name}.yaml ${JSON.stringify(extra)}`,
    input: read(join(FIXTURES_DIR, `${name}.yaml`)),
    options: opts(`fixtures/${name}.yaml`, extra),
    golden,
  })
  const fromCorpus = corpusPresent()
    ? [
        corpus('helm-values-1.0.3-2022-11'),
        corpus('helm-values-1.0.23-2025-02'),
        corpus('helm-values-1.0.32-2026-03'),
        corpus('helm-values-1.0.32-2026-03', 'helm-values-1.0.32-2026-03.ti-secret-name', {
          tiService: true,
          secretName: '{delegate}-client-certificate',
        }),
        corpus('helm-values-ui-generated-ng-2023'),
        corpus('docker-compose-ng-immutable-2023-08'),
        corpus('docker-compose-legacy-2023-08'),
      ]
    : []
  return [
    ...fromCorpus,
    // The defaults' goldens of the project's own Helm values are in test/fixtures/manifests; these are the options.
    fixture('helm-values-chart-1.0.32', 'fixtures-helm-values-chart-1.0.32.ti-secret-name', {
      tiService: true,
      secretName: '{delegate}-client-certificate',
    }),
    derived('helm-values-ui-generated-ng-2023'),
    local('helm-rendered-with-configmap'),
    derived('docker-compose-ng-immutable-2023-08'),
    local('docker-compose-map-env-upgrader', {
      certPath: '/opt/harness/mtls/client.crt',
      keyPath: '/opt/harness/mtls/client.key',
    }),
    ...GITOPS_SHAPES.map((name) => local(name)),
    local('cert-manager-certificate'),
  ]
}
