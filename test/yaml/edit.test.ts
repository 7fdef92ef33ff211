/** The splice layer on its own: each edit lands in the style of the place it goes to (SPEC §7). */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseDocument, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import { addPairs, appendItems, fillEmptyValue, removeItem, setScalar, type EditContext } from '../../src/yaml/edit.js'
import { map, scalar, seq, type BlockLayout } from '../../src/yaml/fragment.js'
import { K8S_PARSE } from '../../src/yaml/parse.js'
import { applySplices, type Splice } from '../../src/yaml/splice.js'
import { yaml } from '../helpers/dedent.js'

const test = suite('yaml/edit')

/** Parses `src`, lets `edit` plan splices on its root mapping, and returns the edited text. */
function edit(src: string, plan: (root: YAMLMap, ctx: EditContext) => Splice | Splice[]): string {
  const doc = parseDocument(src, K8S_PARSE)
  assert.equal(doc.errors, [])
  const ctx: EditContext = { src, eol: src.includes('\r\n') ? '\r\n' : '\n', unit: 2 }
  const splices = plan(doc.contents as YAMLMap, ctx)
  return applySplices(src, Array.isArray(splices) ? splices : [splices])
}
const seqAt = (root: YAMLMap, key: string) => root.get(key, true) as unknown as YAMLSeq
const pairAt = (root: YAMLMap, key: string) => root.items.find((p) => (p.key as Scalar).value === key) as Pair
const envItem = map(['name', scalar('B')], ['value', scalar('"b"')])
const layout = (compactSeq: boolean, dashGap = 1): BlockLayout => ({ unit: 2, compactSeq, dashGap })

test('compact and indented lists in one text each keep their own style', () => {
  const src = yaml`
    compact:
    - name: A
      value: a
    indented:
      - name: A
        value: a
    after: 1
  `
  const out = edit(src, (root, ctx) => [
    appendItems(ctx, seqAt(root, 'compact'), [envItem]),
    appendItems(ctx, seqAt(root, 'indented'), [envItem]),
  ])
  assert.is(
    out,
    yaml`
    compact:
    - name: A
      value: a
    - name: B
      value: "b"
    indented:
      - name: A
        value: a
      - name: B
        value: "b"
    after: 1
  `,
  )
})

test('the `-  item` style (two spaces after the dash) is copied', () => {
  const src = yaml`
    env:
    -  name: A
       value: a
  `
  assert.is(
    edit(src, (root, ctx) => appendItems(ctx, seqAt(root, 'env'), [envItem])),
    yaml`
    env:
    -  name: A
       value: a
    -  name: B
       value: "b"
  `,
  )
})

test('comment lines indented under the last item stay with it; the new item goes after them', () => {
  const src = yaml`
    env:
      - name: A
        value: a
        # about A
      # more about the list
    # about next
    next: 1
  `
  assert.is(
    edit(src, (root, ctx) => appendItems(ctx, seqAt(root, 'env'), [envItem])),
    yaml`
    env:
      - name: A
        value: a
        # about A
      # more about the list
      - name: B
        value: "b"
    # about next
    next: 1
  `,
  )
})

test('flow sequences get flow items: [x], [], [ x ] and a trailing comma', () => {
  const src = yaml`
    a: [x]
    b: []
    c: [ x ]
    d: [x,]
  `
  const out = edit(src, (root, ctx) => ['a', 'b', 'c', 'd'].map((k) => appendItems(ctx, seqAt(root, k), [envItem])))
  assert.is(
    out,
    yaml`
    a: [x, {name: B, value: "b"}]
    b: [{name: B, value: "b"}]
    c: [ x, { name: B, value: "b" } ]
    d: [x, {name: B, value: "b"},]
  `,
  )
})

test('an empty value (`key:` or `key: ~`) is filled with a block list in the requested style', () => {
  const src = yaml`
    a:
    b: ~
    c: 1
  `
  const out = edit(src, (root, ctx) => [
    ...fillEmptyValue(ctx, pairAt(root, 'a'), seq(envItem), layout(false)),
    ...fillEmptyValue(ctx, pairAt(root, 'b'), seq(envItem), layout(true)),
  ])
  assert.is(
    out,
    yaml`
    a:
      - name: B
        value: "b"
    b:
    - name: B
      value: "b"
    c: 1
  `,
  )
})

test('pairs go after a named key, or at the end of the mapping', () => {
  const src = yaml`
    m:
      a: 1
      # about b
      b: 2
    n: 3
  `
  const out = edit(src, (root, ctx) => {
    const m = root.get('m', true) as unknown as YAMLMap
    return [
      addPairs(ctx, m, [['x', scalar('9')]], layout(true), 'a'),
      addPairs(ctx, m, [['z', map(['deep', scalar('0')])]], layout(true)),
    ]
  })
  assert.is(
    out,
    yaml`
    m:
      a: 1
      x: 9
      # about b
      b: 2
      z:
        deep: 0
    n: 3
  `,
  )
})

test('a changed scalar keeps its quotes; a removed item takes its lines with it', () => {
  const src = yaml`
    a: "old"
    b: 'old'
    c: old # comment
    l:
    - x
    - name: y
      value: z
    - w
  `
  const out = edit(src, (root, ctx) => [
    setScalar(ctx, root.get('a', true) as Scalar, 'new'),
    setScalar(ctx, root.get('b', true) as Scalar, 'new'),
    setScalar(ctx, root.get('c', true) as Scalar, 'new'),
    removeItem(ctx, seqAt(root, 'l'), 1),
  ])
  assert.is(
    out,
    yaml`
    a: "new"
    b: 'new'
    c: new # comment
    l:
    - x
    - w
  `,
  )
})

test('CRLF text gets CRLF lines', () => {
  const src = 'env:\r\n- name: A\r\n  value: a\r\nnext:\r\n'
  const out = edit(src, (root, ctx) => [
    appendItems(ctx, seqAt(root, 'env'), [envItem]),
    ...fillEmptyValue(ctx, pairAt(root, 'next'), seq(scalar('x')), layout(true)),
  ])
  assert.is(out, 'env:\r\n- name: A\r\n  value: a\r\n- name: B\r\n  value: "b"\r\nnext:\r\n- x\r\n')
})

test('appending at the end of a text without a final newline adds none', () => {
  const list = edit('env:\n- name: A\n  value: a', (root, ctx) => appendItems(ctx, seqAt(root, 'env'), [envItem]))
  assert.is(list, 'env:\n- name: A\n  value: a\n- name: B\n  value: "b"')
  const pairs = edit('m:\n  a: 1', (root, ctx) =>
    addPairs(ctx, root.get('m', true) as unknown as YAMLMap, [['b', scalar('2')]], layout(true)),
  )
  assert.is(pairs, 'm:\n  a: 1\n  b: 2')
  const filled = edit('a: 1\nenv:', (root, ctx) =>
    fillEmptyValue(ctx, pairAt(root, 'env'), seq(scalar('x')), layout(true)),
  )
  assert.is(filled, 'a: 1\nenv:\n- x')
})

test('overlapping splices are a bug, never silently applied', () => {
  assert.throws(
    () =>
      applySplices('abcdef', [
        { start: 1, end: 4, text: 'x' },
        { start: 2, end: 3, text: 'y' },
      ]),
    /overlapping/,
  )
})

test.run()
