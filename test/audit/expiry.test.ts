/**
 * `audit` reports when the client certificate in each delegate's Secret expires, where that Secret's data is in
 * the input: a warning under 30 days, and an expired one makes the delegate not ready (it would not connect).
 */
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { AuditReport } from '../../src/audit/audit.js'
import { makeFixtures } from '../secret/openssl-fixtures.js'
import { cli } from './cli.js'

const ROOT = join(import.meta.dirname, '..', '..')
const SAMPLE_MTLS = readFileSync(join(ROOT, 'samples', 'harness-delegate.mtls.yaml'), 'utf8')
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas', 'audit.schema.json'), 'utf8')),
)
const fx = makeFixtures()
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
const iso = (pem: string) => new Date(new X509Certificate(pem).validTo).toISOString().replace(/\.000Z$/, 'Z')

/** The migrated sample with its client certificate Secret first; `data` is the Secret's data section. */
const withSecret = (data: string) =>
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-certificate\n  namespace: ' +
  'harness-delegate-ng\ntype: Opaque\n' +
  data +
  '---\n' +
  SAMPLE_MTLS

async function run(text: string, format: 'json' | 'text') {
  const dir = mkdtempSync(join(tmpdir(), 'dmtls-audit-expiry-'))
  try {
    writeFileSync(join(dir, 'd.yaml'), text)
    return await cli(['audit', ...(format === 'json' ? ['--format', 'json'] : []), 'd.yaml'], dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function row(text: string) {
  const ran = await run(text, 'json')
  const report = JSON.parse(ran.stdout) as AuditReport
  assert.ok(validateReport(report), JSON.stringify(validateReport.errors, null, 2))
  return { code: ran.code, report, row: report.delegates[0]! }
}

const test = suite('audit: the client certificate expiry')

test('base64 data: its notAfter is reported, no warning, ready (exit 0); the text names it', async () => {
  const text = withSecret(`data:\n  client.crt: ${b64(fx.valid.cert)}\n  client.key: ${b64(fx.valid.key)}\n`)
  const { code, report, row: r } = await row(text)
  assert.is(code, 0)
  assert.equal(r.certificate, { from: 'Secret client-certificate, data.client.crt', notAfter: iso(fx.valid.cert) })
  assert.equal(r.warnings, [])
  assert.is(r.ready, true)
  assert.is(report.ready, true)
  const out = await run(text, 'text')
  assert.is(out.code, 0)
  assert.ok(
    out.stdout.includes(
      `\n  certificate: valid until ${iso(fx.valid.cert)} (Secret client-certificate, data.client.crt)\n`,
    ),
    out.stdout,
  )
})

test('stringData, within 30 days: a warning, still ready', async () => {
  const indented = fx.expiringSoon.trimEnd().replace(/\n/g, '\n    ')
  // The key is only looked up (a Secret without client.key is not ready), never read.
  const secret = `stringData:\n  client.crt: |\n    ${indented}\n  client.key: "{KEY}"\n`
  const { code, row: r } = await row(withSecret(secret))
  assert.is(code, 0)
  assert.is(r.certificate?.from, 'Secret client-certificate, stringData.client.crt')
  assert.is(r.certificate?.notAfter, iso(fx.expiringSoon))
  assert.is(r.warnings.length, 1)
  assert.match(
    r.warnings[0]!,
    new RegExp(
      `^the client certificate \\(Secret client-certificate, stringData\\.client\\.crt\\) expires ` +
        `on ${iso(fx.expiringSoon)}, in \\d+ days?: renew it before then$`,
    ),
  )
  assert.is(r.ready, true)
  const out = await run(withSecret(secret), 'text')
  assert.ok(out.stdout.includes(`\n  warning: ${r.warnings[0]}\n`))
})

test('expired: missing, not ready (exit 1), and the verdict says why', async () => {
  const text = withSecret(`data:\n  client.crt: ${b64(fx.expired)}\n  client.key: e0tFWX0=\n`)
  const { code, report, row: r } = await row(text)
  assert.is(code, 1)
  assert.equal(r.missing, [
    `the client certificate (Secret client-certificate, data.client.crt) expired on ${iso(fx.expired)}`,
  ])
  assert.is(r.ready, false)
  assert.is(report.ready, false)
  const out = await run(text, 'text')
  assert.is(out.code, 1)
  assert.ok(
    out.stdout.endsWith(
      'NOT ready for STRICT: 1 of 1 delegate would be refused (1 with an expired client certificate)\n',
    ),
    out.stdout,
  )
})

test('no Secret, a placeholder, or another namespace: no certificate, as before', async () => {
  for (const text of [
    SAMPLE_MTLS,
    withSecret('data:\n  client.crt: "{CERT}"\n  client.key: "{KEY}"\n'),
    withSecret(`data:\n  client.crt: ${b64(fx.expired)}\n`).replace(
      'namespace: harness-delegate-ng\ntype',
      'namespace: elsewhere\ntype',
    ),
  ]) {
    const { code, row: r } = await row(text)
    assert.is(code, 0)
    assert.is(r.certificate, null)
    assert.equal(r.warnings, [])
  }
})

test.after(() => fx.cleanup())
test.run()
