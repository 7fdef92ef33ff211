/**
 * SPEC §7: plain scalars mean what goyaml.v2 (sigs.k8s.io/yaml, `resolve.go`) makes of them, and new ones are quoted.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseDocument } from 'yaml'
import { K8S_DECODE } from '../../src/yaml/parse.js'
import { formatScalar, isSafePlain } from '../../src/yaml/scalar.js'

const test = suite('yaml/resolve')

const k8s = (text: string): unknown => (parseDocument(`k: ${text}\n`, K8S_DECODE).toJS() as { k: unknown }).k

// [plain scalar, what Kubernetes decodes]: goyaml.v2's resolve_map, then ParseInt(s, 0, 64) without `_`,
// then its float pattern; a timestamp stays the string written; everything else is a string.
const TABLE: [string, unknown][] = [
  ...'y Y yes Yes YES true True TRUE on On ON'.split(' ').map((s): [string, unknown] => [s, true]),
  ...'n N no No NO false False FALSE off Off OFF'.split(' ').map((s): [string, unknown] => [s, false]),
  ['yES', 'yES'],
  ['tRUE', 'tRUE'],
  ['', null],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['nULL', 'nULL'],
  ['0400', 256],
  ['0o400', 256],
  ['0O400', 256],
  ['0x100', 256],
  ['0X100', 256],
  ['0b100000000', 256],
  ['0B100000000', 256],
  ['-0b101', -5],
  ['+256', 256],
  ['-256', -256],
  ['1_000', 1000],
  ['0x1_00', 256],
  ['1_', 1],
  ['_1', '_1'],
  ['0', 0],
  ['09', 9], // not octal: Go's ParseInt fails, the float pattern reads 9
  ['1.5', 1.5],
  ['.5', 0.5],
  ['+.5', 0.5],
  ['1.', 1],
  ['1e3', 1000],
  ['1E3', 1000],
  ['-1.5e-1', -0.15],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  ['+.INF', Infinity],
  ['.', '.'],
  ['1e', '1e'],
  ['0x', '0x'],
  ['2001-12-14', '2001-12-14'],
  ['2001-12-14T21:59:43.10-05:00', '2001-12-14T21:59:43.10-05:00'],
  ['2001-12-14 21:59:43.10', '2001-12-14 21:59:43.10'],
  ['12:30', '12:30'],
  ['190:20:30', '190:20:30'],
  ['1:2', '1:2'],
  ['https://acme.harness.io:8443', 'https://acme.harness.io:8443'],
]

test('plain scalars decode as goyaml.v2 resolves them', () => {
  for (const [text, want] of TABLE) assert.equal(k8s(text), want, JSON.stringify(text))
  assert.ok(Number.isNaN(k8s('.NaN')))
})

test('quoted and explicitly tagged scalars keep their type', () => {
  assert.is(k8s('"0400"'), '0400')
  assert.is(k8s("'on'"), 'on')
  assert.is(k8s('!!str 0o400'), '0o400')
  assert.is(k8s('!!int 0o400'), 256)
})

test('`<<` merges a mapping as Kubernetes does, and keys resolve like values', () => {
  const doc = parseDocument('base: &b {x: 1, z: 2}\nuse:\n  <<: *b\n  z: 3\n  on: 4\n', K8S_DECODE)
  assert.equal(doc.toJS(), { base: { x: 1, z: 2 }, use: { x: 1, z: 3, true: 4 } })
})

test('a new scalar that goyaml.v2, YAML 1.1 or YAML 1.2 would retype is quoted; others stay plain', () => {
  const quoted = [
    ...'on y Y n yes no off true True false null Null NULL ~'.split(' '),
    ...'12:30 0400 0o400 0O400 0x10 0X10 0b1 0B1 1_000 +1 -1 1e3 .5 1. .inf -.Inf .NaN 2001-12-14 09'.split(' '),
    '',
    '2001-12-14T21:59:43.10-05:00',
  ]
  for (const s of quoted) {
    assert.not.ok(isSafePlain(s), s)
    assert.is(formatScalar(s), JSON.stringify(s), s)
    assert.is(k8s(formatScalar(s)), s, `${s} reads back as the string`)
    assert.is(parseDocument(`k: ${formatScalar(s)}\n`).get('k'), s, `${s} reads back as the string in YAML 1.2`)
  }
  for (const s of ['client-certificate', 'https://acme.harness.io:8443', '/etc/mtls/client.crt', 'yES', '_1', 'o']) {
    assert.ok(isSafePlain(s), s)
    assert.is(formatScalar(s), s)
  }
})

test.run()
