// Anchors, aliases and merge keys (`<<`), which Kubernetes resolves, give the same answer in every mode: for each
// shape below (raw, already migrated, with the default or another mount path), --check, -l, --check --format
// json, --diff, --write and audit agree. --check and -l exit 2 exactly when --write refuses, 1 exactly when it
// changes the file, else 0; audit calls a delegate ready exactly when --check has nothing to do; a refusal names
// file:line:col; nothing is ever an internal error. A written result checks clean and audits ready.
// One run with a fixed seed (DMTLS_FC_SEED replays another), one with a fresh seed printed on failure.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../src/pipeline/migrate.js'
import { ENDPOINT, makeTmp, runMain, type CliResult } from './helpers/cli.js'

const SEED = Number(process.env.DMTLS_FC_SEED ?? 20_260_501)
const SCALE = Number(process.env.DMTLS_FC_SCALE ?? 1)
const RUNS = { fixed: 60 * SCALE, random: 20 * SCALE }

const head = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d1
  namespace: ns
spec:
  template:
    spec:
`
const env = `        - name: MANAGER_HOST_AND_PORT
          value: https://app.harness.io
`
const SHAPES: Record<string, string> = {
  plain:
    head +
    `      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
${env}`,
  'anchored env list, not aliased':
    head +
    `      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env: &env
${env}`,
  'anchored env list, aliased by a sidecar':
    head +
    `      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env: &env
${env}      - name: sidecar
        image: busybox
        env: *env
`,
  'aliased container':
    head +
    `      initContainers:
      - &c
        name: delegate
        image: harness/delegate:25.10.87101
        env:
${env}      containers:
      - *c
`,
  '<<: *defaults supplying env':
    head +
    `      initContainers:
      - &defaults
        name: init
        image: harness/delegate:25.10.87101
        env:
${env}      containers:
      - <<: *defaults
        name: delegate
`,
  '<<: *defaults supplying volumeMounts and volumes':
    head +
    `      containers:
      - &defaults
        name: sidecar
        image: busybox
        volumeMounts:
        - name: cache
          mountPath: /cache
      - <<: *defaults
        name: delegate
        image: harness/delegate:25.10.87101
        env:
${env}      volumes:
      - name: cache
        emptyDir: {}
`,
  '<<: *sc supplying securityContext':
    head +
    `      securityContext: &sc
        runAsUser: 1000
        fsGroup: 1000
      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        securityContext:
          <<: *sc
        env:
${env}`,
  'a merge of several maps <<: [*a, *b]':
    head +
    `      initContainers:
      - &a
        name: a
        image: busybox
      - &b
        name: b
        image: busybox
        env:
${env}      containers:
      - <<: [*a, *b]
        name: delegate
        image: harness/delegate:25.10.87101
`,
  'a merge key whose env the container overrides':
    head +
    `      initContainers:
      - &defaults
        name: init
        image: busybox
        env:
        - name: X
          value: "1"
      containers:
      - <<: *defaults
        name: delegate
        image: harness/delegate:25.10.87101
        env:
${env}`,
  'an aliased volume':
    head +
    `      initContainers:
      - name: init
        image: busybox
        volumeMounts:
        - name: cache
          mountPath: /cache
      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
${env}        volumeMounts:
        - name: cache
          mountPath: /cache
      volumes:
      - &v
        name: cache
        emptyDir: {}
      - name: other
        emptyDir: *e
`.replace('emptyDir: {}', 'emptyDir: &e {}'),
  'aliased volumes list, shared in a List': `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: d1
  spec:
    template:
      spec:
        containers:
        - name: delegate
          image: harness/delegate:25.10.87101
          env:
          - name: MANAGER_HOST_AND_PORT
            value: https://app.harness.io
        volumes: &vols
        - name: cache
          emptyDir: {}
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: d2
  spec:
    template:
      spec:
        containers:
        - name: delegate
          image: harness/delegate:25.10.87101
          env:
          - name: MANAGER_HOST_AND_PORT
            value: https://app.harness.io
        volumes: *vols
`,
  'an anchored scalar as the endpoint value':
    head.replace('  namespace: ns\n', '  namespace: ns\n  annotations:\n    endpoint: &ep https://app.harness.io\n') +
    `      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
        - name: MANAGER_HOST_AND_PORT
          value: *ep
`,
  'the endpoint value anchored, aliased by a sidecar':
    head +
    `      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
        - name: MANAGER_HOST_AND_PORT
          value: &ep https://app.harness.io
      - name: sidecar
        image: busybox
        env:
        - name: UPSTREAM
          value: *ep
`,
  'an anchor used in the next document':
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  host: &ep https://app.harness.io
---
` +
    head +
    `      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
        - name: MANAGER_HOST_AND_PORT
          value: *ep
`,
  'the whole pod spec merged from an anchor in the same document': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d1
  namespace: ns
  labels: &labels
    app: d1
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels:
        <<: *labels
    spec:
      containers:
      - name: delegate
        image: harness/delegate:25.10.87101
        env:
${env}`,
}

/** What --write does with each shape as written (default options): the table the property generalises. */
const EXPECTED: Record<string, 'migrates' | 'refuses' | 'nothing'> = {
  plain: 'migrates',
  'anchored env list, not aliased': 'migrates',
  'anchored env list, aliased by a sidecar': 'refuses',
  'aliased container': 'refuses',
  '<<: *defaults supplying env': 'refuses',
  '<<: *defaults supplying volumeMounts and volumes': 'refuses',
  '<<: *sc supplying securityContext': 'migrates',
  'a merge of several maps <<: [*a, *b]': 'refuses',
  'a merge key whose env the container overrides': 'migrates',
  'an aliased volume': 'migrates',
  // A List is read item by item: the second item's volumes are the first's, so neither can be edited alone.
  'aliased volumes list, shared in a List': 'refuses',
  'an anchored scalar as the endpoint value': 'refuses',
  'the endpoint value anchored, aliased by a sidecar': 'refuses',
  'an anchor used in the next document': 'refuses',
  'the whole pod spec merged from an anchor in the same document': 'migrates',
}

interface Case {
  shape: string
  migrated: boolean
  mountPath: string | undefined
}

const seen = { refused: 0, changed: 0, unchanged: 0 }

function property(dir: string) {
  let n = 0
  return async (c: Case): Promise<void> => {
    let text = SHAPES[c.shape]!
    const opts = ['--endpoint', ENDPOINT, ...(c.mountPath ? ['--mount-path', c.mountPath] : [])]
    if (c.migrated) {
      const r = migrate(text, { endpoint: ENDPOINT, ...(c.mountPath ? { mountPath: c.mountPath } : {}) })
      if (r.status === 'migrated') text = r.output
    }
    const name = `case-${n++}.yaml`
    const file = join(dir, name)
    writeFileSync(file, text)
    let written = false
    const run = async (argv: string[]): Promise<CliResult> => {
      const r = await runMain([...argv, name], { cwd: dir })
      const out = r.stdout + r.stderr
      if (/internal error/i.test(out)) throw new Error(`${argv.join(' ')}: an internal error\n${out}`)
      if (r.code !== 0 && r.code !== 1 && r.code !== 2) throw new Error(`${argv.join(' ')}: exit ${r.code}\n${out}`)
      if (!written && !argv.includes('--write') && readFileSync(file, 'utf8') !== text)
        throw new Error(`${argv.join(' ')} wrote`)
      return r
    }
    const check = await run([...opts, '--check'])
    const list = await run([...opts, '-l'])
    const json = await run([...opts, '--check', '--format', 'json'])
    const diff = await run([...opts, '--diff'])
    const audited = await run(['audit', ...opts])
    const write = await run([...opts, '--write'])
    const changed = readFileSync(file, 'utf8') !== text
    written = true
    const say =
      `${c.shape}${c.migrated ? ' (migrated)' : ''}${
        c.mountPath ? ` --mount-path ${c.mountPath}` : ''
      }: --check ${check.code}, -l ${list.code}, json ${json.code}, --diff ${diff.code}, ` +
      `audit ${audited.code}, --write ${write.code}${changed ? ' (changed)' : ''}`
    if (list.code !== check.code || json.code !== check.code) throw new Error(`${say}: the check modes disagree`)
    if ((check.code === 0) !== (audited.code === 0)) throw new Error(`${say}: audit disagrees\n${audited.stdout}`)
    if (write.code === 2 || check.code === 2) {
      if (write.code !== 2 || check.code !== 2 || diff.code !== 2 || changed || diff.stdout !== '')
        throw new Error(`${say}: not refused alike\n${check.stderr}\n${write.stderr}`)
      if (!new RegExp(`^${name}:\\d+:\\d+: error: `, 'm').test(check.stderr))
        throw new Error(`${say}: a refusal without its location\n${check.stderr}`)
      seen.refused++
      return
    }
    if ((check.code === 1) !== changed) throw new Error(`${say}: --check and --write disagree`)
    if ((diff.stdout !== '') !== changed) throw new Error(`${say}: --diff printed ${diff.stdout.length} characters`)
    if (list.stdout !== (changed ? `${name}\n` : '')) throw new Error(`${say}: -l printed ${list.stdout}`)
    if (changed) {
      seen.changed++
      const again = await run([...opts, '--check'])
      const audit2 = await run(['audit', ...opts])
      if (again.code !== 0 || audit2.code !== 0)
        throw new Error(`${say}: the written result: --check ${again.code}, audit ${audit2.code}\n${audit2.stdout}`)
    } else seen.unchanged++
  }
}

const cases = () =>
  fc.record({
    shape: fc.constantFrom(...Object.keys(SHAPES)),
    migrated: fc.boolean(),
    mountPath: fc.constantFrom(undefined, '/etc/mtls/', '/var/run/harness-mtls'),
  })

const test = suite('robust: anchors, aliases and merge keys')

test('each shape, as written: what --write does, and every mode agrees', async () => {
  assert.equal(Object.keys(EXPECTED).sort(), Object.keys(SHAPES).sort())
  const tmp = makeTmp()
  try {
    const check = property(tmp.dir)
    for (const shape of Object.keys(SHAPES)) {
      const before = { ...seen }
      await check({ shape, migrated: false, mountPath: undefined })
      const did = seen.refused > before.refused ? 'refuses' : seen.changed > before.changed ? 'migrates' : 'nothing'
      assert.is(did, EXPECTED[shape], shape)
    }
  } finally {
    tmp.remove()
  }
})

test(`every mode agrees on shape, migrated or not, and mount path (${RUNS.fixed} cases, fixed seed)`, async () => {
  const tmp = makeTmp()
  try {
    await fc.assert(fc.asyncProperty(cases(), property(tmp.dir)), {
      numRuns: RUNS.fixed,
      seed: SEED,
      includeErrorInReport: true,
    })
  } finally {
    tmp.remove()
  }
})

test(`the same on a fresh seed each run (${RUNS.random} cases; a failure prints the seed to replay)`, async () => {
  const seed = Math.floor(Math.random() * 2 ** 31)
  const tmp = makeTmp()
  try {
    await fc.assert(fc.asyncProperty(cases(), property(tmp.dir)), { numRuns: RUNS.random, seed })
  } catch (e) {
    throw new Error(`fresh seed ${seed} (replay: DMTLS_FC_SEED=${seed}):\n${(e as Error).message}`)
  } finally {
    tmp.remove()
  }
})

test.run()
