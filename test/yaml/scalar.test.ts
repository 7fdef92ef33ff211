import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { parseDocument, type Scalar } from 'yaml'
import {
  OBVIOUSLY_PLAIN,
  doubleQuoted,
  formatScalar,
  isSafePlain,
  readsBackPlain,
  restyleScalar,
} from '../../src/yaml/scalar.js'

const test = suite('yaml/scalar')

// What Kubernetes (YAML 1.1, sigs.k8s.io/yaml) reads a bare value as.
const read11 = (text: string) => parseDocument(`k: ${text}\n`, { version: '1.1' }).get('k')

test('YAML 1.1 booleans, octals and other retyped strings are quoted', () => {
  assert.is(formatScalar('yes'), '"yes"')
  assert.is(formatScalar('0400'), '"0400"')
  assert.is(formatScalar('on'), '"on"')
  for (const s of [
    'no',
    'off',
    'y',
    'n',
    'Yes',
    'ON',
    'true',
    'null',
    '~',
    '1e3',
    '0x1F',
    '0b101',
    '12:30',
    '1_000',
    '+1',
    '.inf',
    '2024-01-01',
    '',
  ]) {
    assert.not.ok(isSafePlain(s), s)
    assert.is(formatScalar(s), JSON.stringify(s), s)
    assert.is(read11(formatScalar(s)), s, `${s} reads back as the string`)
  }
})

test('strings that cannot be plain for syntax reasons are quoted', () => {
  for (const s of [
    'a: b',
    'a #b',
    ' lead',
    'trail ',
    '- x',
    '*ref',
    '&anchor',
    '!tag',
    '{x}',
    '[x]',
    "'q'",
    '"q"',
    '%x',
    '@x',
    '`x',
    '|x',
    '>x',
    'line\nbreak',
    'a:',
  ]) {
    assert.not.ok(isSafePlain(s), s)
    assert.is(read11(formatScalar(s)), s, s)
  }
})

test('the values delegate-mtls writes stay plain', () => {
  for (const s of [
    '/etc/mtls',
    '/etc/mtls/client.crt',
    'client-certificate',
    'acme-delegate-client-certificate',
    'https://acme.harness.io:8443',
    'https://acme.harness.io:8443/log-service/',
    'MANAGER_HOST_AND_PORT',
  ]) {
    assert.ok(isSafePlain(s), s)
    assert.is(formatScalar(s), s)
  }
  assert.ok(isSafePlain('/etc/mtls'))
})

test('the strings taken as plain without parsing read back as themselves for every reader', () => {
  // The values a migration writes take the shortcut; words the readers retype do not.
  for (const s of ['/etc/mtls/client.crt', 'client-certificate', 'https://acme.harness.io:8443/ti-service/', 'a_1'])
    assert.ok(OBVIOUSLY_PLAIN.test(s), s)
  for (const s of [
    'yes',
    'On',
    'NULL',
    'y',
    'n',
    'true',
    'e',
    '1e3',
    '0x10',
    '12:30',
    '.inf',
    '-a',
    'a:',
    'a: b',
    '_a',
  ])
    assert.not.ok(OBVIOUSLY_PLAIN.test(s), s)
  // Strings over an alphabet of the characters it allows, the characters that make numbers, times and
  // booleans, and some it refuses: whatever it accepts must read back.
  const alphabet = [...'abeEinoNsxyY0189/._-:+ #~']
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }), (chars) => {
      const s = chars.join('')
      return !OBVIOUSLY_PLAIN.test(s) || readsBackPlain(s)
    }),
    { numRuns: 20000 },
  )
  for (const word of ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'null', 'nan', 'inf'])
    for (const s of [`${word}-x`, `${word}.1`, `${word}:1`, `/${word}`, `${word}_`, `${word}0`]) {
      assert.ok(OBVIOUSLY_PLAIN.test(s), s)
      assert.ok(readsBackPlain(s), s)
    }
})

test('double style and non-strings', () => {
  assert.is(formatScalar('true', 'double'), '"true"')
  assert.is(formatScalar('/etc/mtls/client.crt', 'double'), '"/etc/mtls/client.crt"')
  assert.is(formatScalar(256), '256')
  assert.is(formatScalar(true), 'true')
  assert.is(doubleQuoted('a"b\\c'), '"a\\"b\\\\c"')
})

test("restyleScalar keeps a node's quoting", () => {
  const doc = parseDocument(`a: "x"\nb: 'x'\nc: x\nd: 'it''s'\n`, { version: '1.1', keepSourceTokens: true })
  const node = (k: string) => doc.get(k, true) as Scalar
  assert.is(restyleScalar(node('a'), 'https://acme.harness.io:8443', 3), '"https://acme.harness.io:8443"')
  assert.is(restyleScalar(node('b'), "it's", 3), "'it''s'")
  assert.is(restyleScalar(node('c'), 'https://acme.harness.io:8443', 3), 'https://acme.harness.io:8443')
  assert.is(restyleScalar(node('c'), 'yes', 3), '"yes"', 'a plain scalar that would become a boolean is quoted')
  assert.is(
    restyleScalar(node('d'), 'a\nb', 3),
    '"a\\nb"',
    'a single-quoted value with a line break becomes double-quoted',
  )
})

test.run()
