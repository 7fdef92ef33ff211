// Diagnostic codes and field roles are closed lists (src/errors.ts): the type checker refuses a value that is
// not declared; these tests refuse one that is declared but never used, and JSON schemas that list others.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { DIAGNOSTIC_CODES, FIELD_ROLES } from '../src/errors.js'
import { migrate } from '../src/pipeline/migrate.js'

const codes = suite('diagnostic codes')
const root = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

/** The inputs of a fixture folder (not the goldens). */
const fixtures = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f) && !/\.(expected|mtls)\./.test(f))
    .map((f) => `${dir}/${f}`)

codes('every declared code is used by some module of src/', () => {
  const text = sources(join(root, 'src'))
    .filter((f) => !f.endsWith(join('src', 'errors.ts')))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
  const unused = DIAGNOSTIC_CODES.filter((c) => !text.includes(`'${c}'`))
  assert.equal(unused, [])
})

codes('the codes are distinct and SCREAMING_SNAKE', () => {
  assert.is(new Set(DIAGNOSTIC_CODES).size, DIAGNOSTIC_CODES.length)
  for (const c of DIAGNOSTIC_CODES) assert.match(c, /^[A-Z][A-Z0-9_]*$/)
})

codes('the JSON report and audit schemas list exactly these codes', () => {
  for (const name of ['report.schema.json', 'audit.schema.json']) {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'))
    assert.equal(schema.definitions.diagnostic.properties.code.enum, [...DIAGNOSTIC_CODES], name)
  }
})

codes('the schemas list exactly the field roles, on changes and on diagnostics', () => {
  const report = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'))
  assert.equal(report.definitions.change.properties.role.enum, [...FIELD_ROLES])
  for (const name of ['report.schema.json', 'audit.schema.json']) {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'))
    assert.equal(schema.definitions.diagnostic.properties.role.enum, [...FIELD_ROLES], name)
  }
})

codes('every change of a migration carries a declared role, and each role is given', () => {
  const seen = new Set<string>()
  const inputs = [
    'samples/harness-delegate.yaml',
    ...fixtures('test/fixtures/shapes'),
    ...fixtures('test/cli/fixtures'),
  ]
  // A volume with Harness's decimal `defaultMode: 400`: the only input whose mode alone is changed.
  const decimalMode = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: d}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:24.09.83900',
    '      volumes:',
    '      - name: client-certificate',
    '        secret: {secretName: client-certificate, defaultMode: 400}',
    '',
  ].join('\n')
  for (const file of [...inputs, '<decimal mode>']) {
    const text = file === '<decimal mode>' ? decimalMode : readFileSync(join(root, file), 'utf8')
    for (const opts of [{}, { tiService: true, mountPath: '/m' }]) {
      const r = migrate(text, { endpoint: 'https://e.example:8443', file, ...opts })
      for (const c of r.changes) {
        assert.ok((FIELD_ROLES as readonly string[]).includes(c.role), `${file}: ${c.path} has role ${c.role}`)
        seen.add(c.role)
      }
    }
  }
  // The Secret itself is planned only with --cert/--key (test/secret-cli); every other role shows here.
  assert.equal(
    FIELD_ROLES.filter((r) => !seen.has(r)),
    ['secret'],
  )
})

codes.run()
