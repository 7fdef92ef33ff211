// Small fixed manifests for the robustness suites.
import { migrate } from '../../../src/pipeline/migrate.js'
import { ENDPOINT } from './cli.js'

/** A minimal immutable delegate Deployment, `name` and extra env lines at will. */
export function delegateYaml(name = 'robust-delegate', opts: { env?: string[]; annotations?: string[] } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: harness-delegate-ng',
    ...(opts.annotations ? ['  annotations:', ...opts.annotations.map((l) => `    ${l}`)] : []),
    'spec:',
    '  replicas: 1',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:25.10.87101',
    '        env:',
    '        - name: ACCOUNT_ID',
    '          value: px7xd_BFRCi-pfWPYXVjvw',
    '        - name: MANAGER_HOST_AND_PORT',
    '          value: https://app.harness.io',
    ...(opts.env ?? []),
    '',
  ].join('\n')
}

/** What `migrate()` makes of a text with the default options and `ENDPOINT`. */
export const migrated = (text: string) => migrate(text, { endpoint: ENDPOINT })

/** A YAML "billion laughs": `levels` anchors, each a list of nine aliases of the one before. */
export function aliasBomb(levels = 9, indent = ''): string[] {
  const lines = [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`]
  for (let i = 1; i <= levels; i++)
    lines.push(
      `${indent}l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    )
  return lines
}
