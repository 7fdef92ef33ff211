// The wanted state of a classic delegate is one table (src/resources/wanted-state.ts): every rule that
// plans, audits or reverts reads its names there. These tests hold the table's derived views to it,
// and fail when a module of src/ spells one of its names out again instead of reading the table.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  certEnvNames,
  CLASSIC_ENV,
  DELEGATE_SIGNS,
  endpointEnv,
  envValue,
  MANAGED_ENV,
  managedEnvFor,
  MANAGER_ENV,
  OWNED_ENV,
  UPGRADER_CERT_FIELDS,
  UPGRADER_HOST_KEY,
  WATCHER_ENV,
} from '../../src/resources/wanted-state.js'
import { migrate } from '../../src/pipeline/migrate.js'

const wanted = suite('wanted state')
const srcDir = fileURLToPath(new URL('../../src', import.meta.url))
const TABLE = join(srcDir, 'resources', 'wanted-state.ts')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

wanted('no module but the table spells out a name of the table as a string literal', () => {
  const names = [
    ...MANAGED_ENV,
    ...managedEnvFor('delegate3'),
    ...DELEGATE_SIGNS.delegate3.env,
    ...WATCHER_ENV,
    UPGRADER_HOST_KEY,
    ...UPGRADER_CERT_FIELDS.map((f) => f.key),
  ]
  const offenders: string[] = []
  for (const file of sources(srcDir)) {
    if (file === TABLE) continue
    const text = readFileSync(file, 'utf8')
    for (const name of names) {
      // A literal that is the whole name: '…', "…" or `…` (messages that mention a name are prose, not lists).
      const literal = new RegExp(`(['"\`])${name.replace(/\./g, '\\.')}\\1`)
      const line = text.split('\n').findIndex((l) => literal.test(l) && !/^\s*(\/\/|\/?\*)/.test(l))
      if (line >= 0) offenders.push(`${relative(srcDir, file)}:${line + 1}: ${name}`)
    }
  }
  assert.equal(offenders, [])
})

wanted('the derived views partition the table', () => {
  const endpointNames = endpointEnv('https://x').map(([n]) => n)
  assert.equal(endpointNames, ['MANAGER_HOST_AND_PORT', 'LOG_STREAMING_SERVICE_URL', 'TI_SERVICE_URL'])
  assert.equal(OWNED_ENV, [
    'DELEGATE_CLIENT_CERTIFICATE_PATH',
    'CLIENT_CERTIFICATE_PATH',
    'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
    'CLIENT_CERTIFICATE_KEY_PATH',
    'GRPC_AUTHORITY_MODIFICATION_DISABLED',
  ])
  assert.equal([...MANAGED_ENV].sort(), [...endpointNames, ...OWNED_ENV].sort())
  assert.equal(certEnvNames('certificate'), ['DELEGATE_CLIENT_CERTIFICATE_PATH', 'CLIENT_CERTIFICATE_PATH'])
  assert.equal(certEnvNames('key'), ['DELEGATE_CLIENT_CERTIFICATE_KEY_PATH', 'CLIENT_CERTIFICATE_KEY_PATH'])
  assert.is(MANAGER_ENV, CLASSIC_ENV[0]!.name)
})

wanted('each role resolves to the value SPEC §3 names', () => {
  const values = Object.fromEntries(CLASSIC_ENV.map((s) => [s.name, envValue(s, 'https://e.example:8443', '/m')]))
  assert.equal(values, {
    MANAGER_HOST_AND_PORT: 'https://e.example:8443',
    LOG_STREAMING_SERVICE_URL: 'https://e.example:8443/log-service/',
    TI_SERVICE_URL: 'https://e.example:8443/ti-service/',
    DELEGATE_CLIENT_CERTIFICATE_PATH: '/m/client.crt',
    DELEGATE_CLIENT_CERTIFICATE_KEY_PATH: '/m/client.key',
    GRPC_AUTHORITY_MODIFICATION_DISABLED: 'true',
  })
})

wanted('a migration appends exactly the table entries the options ask for, in table order', () => {
  const input = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:24.09.83900',
    '        env:',
    '        - name: ACCOUNT_ID',
    '          value: abc',
    '',
  ].join('\n')
  const appended = (opts: { tiService?: boolean; grpcAuthority?: boolean }) =>
    migrate(input, { endpoint: 'https://e.example:8443', ...opts })
      .changes.filter((c) => c.op === 'append' && /\.env$/.test(c.path))
      .map((c) => (c.after as { name: string }).name)
  const always = CLASSIC_ENV.filter((s) => s.add === 'always').map((s) => s.name)
  assert.equal(appended({}), [...always, 'GRPC_AUTHORITY_MODIFICATION_DISABLED'])
  assert.equal(appended({ grpcAuthority: false }), always)
  assert.equal(appended({ tiService: true, grpcAuthority: false }), [
    'MANAGER_HOST_AND_PORT',
    'TI_SERVICE_URL',
    'DELEGATE_CLIENT_CERTIFICATE_PATH',
    'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
  ])
})

wanted.run()
