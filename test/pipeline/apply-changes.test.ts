// The guard's applyChanges (src/pipeline/guard.ts): what a decoded document must become. It copies only
// the containers on the changed paths, so it must give what a deep copy and in-place changes give
// (the oracle below, its earlier form), and never change the value it is given (the planner's).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { applyChanges } from '../../src/pipeline/guard.js'
import type { PathSeg } from '../../src/yaml/lookup.js'

type Change = { op: string; ptr: PathSeg[]; after?: unknown }
type Json = Record<string | number, unknown>

function oracle(value: unknown, changes: Change[]): unknown {
  const root = structuredClone(value) as Json
  const parentOf = (ptr: PathSeg[]) => {
    let cur = root
    for (const seg of ptr.slice(0, -1)) {
      if (cur[seg] === undefined || cur[seg] === null) cur[seg] = {}
      cur = cur[seg] as Json
    }
    return cur
  }
  const removals: PathSeg[][] = []
  for (const { op, ptr, after } of changes) {
    if (op === 'remove') {
      removals.push(ptr)
      continue
    }
    const parent = parentOf(ptr)
    const key = ptr[ptr.length - 1]!
    if (op === 'append') {
      if (!Array.isArray(parent[key])) parent[key] = []
      ;(parent[key] as unknown[]).push(structuredClone(after))
    } else parent[key] = structuredClone(after)
  }
  const cmp = (a: PathSeg[], b: PathSeg[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i]!
      const y = b[i]!
      if (x === y) continue
      if (typeof x === 'number' && typeof y === 'number') return x - y
      return String(x) < String(y) ? -1 : 1
    }
    return a.length - b.length
  }
  removals.sort((a, b) => cmp(b, a))
  for (const ptr of removals) {
    const owner = ptr.slice(0, -1).reduce<unknown>((cur, seg) => (cur as Json | undefined)?.[seg], root)
    const last = ptr[ptr.length - 1]!
    if (Array.isArray(owner) && typeof last === 'number') owner.splice(last, 1)
    else if (owner && typeof owner === 'object' && typeof last === 'string') delete (owner as Json)[last]
  }
  return root
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

const test = suite('guard: applyChanges')

const DOC = () => ({
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'delegate',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
        ],
        volumes: null,
      },
    },
  },
  metadata: { name: 'd', labels: { x: 'y' } },
})

test(
  'set, add (making missing parents), append (to a list or none), remove (keys and list items, ' +
    'several in one list)',
  () => {
    const value = deepFreeze(DOC())
    const changes: Change[] = [
      { op: 'set', ptr: ['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value'], after: 'two' },
      { op: 'append', ptr: ['spec', 'template', 'spec', 'containers', 0, 'env'], after: { name: 'C', value: '3' } },
      {
        op: 'append',
        ptr: ['spec', 'template', 'spec', 'containers', 0, 'volumeMounts'],
        after: { name: 'm', mountPath: '/etc/mtls' },
      },
      { op: 'add', ptr: ['spec', 'template', 'spec', 'volumes'], after: [{ name: 'v' }] },
      { op: 'add', ptr: ['spec', 'new', 'deep', 'key'], after: 1 },
      { op: 'remove', ptr: ['metadata', 'labels', 'x'] },
      { op: 'remove', ptr: ['spec', 'template', 'spec', 'containers', 0, 'env', 0] },
      { op: 'remove', ptr: ['spec', 'template', 'spec', 'containers', 0, 'env', 1] },
    ]
    for (const copy of ['deep', 'paths'] as const) {
      const got = applyChanges(value, changes, copy)
      assert.equal(got, oracle(DOC(), changes), copy)
      assert.equal(value, DOC(), `${copy}: the value given is unchanged`)
    }
  },
)

test('matches a deep copy changed in place, for random documents and changes; never changes its input', () => {
  const seg = fc.oneof(fc.constantFrom('a', 'b', 'c', 'env'), fc.nat(3))
  const leaf = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.boolean())
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'env'), tie('node'), { maxKeys: 4, noNullPrototype: true }),
    ),
  })).node
  const change = fc.record({
    op: fc.constantFrom('set', 'add', 'append', 'remove'),
    ptr: fc.array(seg, { minLength: 1, maxLength: 4 }),
    after: tree,
  })
  const root = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'env'), tree, { maxKeys: 4, noNullPrototype: true })
  fc.assert(
    fc.property(root, fc.array(change, { maxLength: 6 }), (value, changes) => {
      const frozen = deepFreeze(structuredClone(value))
      let want: unknown
      let wantError = false
      try {
        want = oracle(value, changes)
      } catch {
        wantError = true // a change into a scalar: both must throw
      }
      for (const copy of ['deep', 'paths'] as const) {
        let got: unknown
        let gotError = false
        try {
          got = applyChanges(frozen, changes, copy)
        } catch {
          gotError = true
        }
        assert.is(gotError, wantError, copy)
        if (!wantError) assert.equal(got, want, copy)
        assert.equal(frozen, value, `${copy}: the input was changed`)
      }
    }),
    { numRuns: 2000, seed: 7 },
  )
})

test(
  "a container shared between places (a YAML alias decodes to one object): 'deep' changes it " +
    'everywhere, as the output decodes',
  () => {
    const env = [{ name: 'A', value: '1' }]
    const shared = () => ({
      containers: [
        { name: 'delegate', env },
        { name: 'sidecar', env },
      ],
    })
    const change: Change[] = [{ op: 'append', ptr: ['containers', 0, 'env'], after: { name: 'B', value: '2' } }]
    const got = applyChanges(shared(), change, 'deep') as { containers: { env: unknown[] }[] }
    assert.equal(got, oracle(shared(), change))
    assert.is(got.containers[1]!.env.length, 2, 'the alias sees the new entry')
    assert.is(env.length, 1, 'the value given is unchanged')
  },
)

test.run()
