// Property-based tests (fast-check): thousands of generated delegate manifests with random but valid
// formatting (see helpers/manifest-gen.ts), each migrated and checked against oracles that do not
// trust the tool's own plan. Runs are deterministic (a fixed seed); DMTLS_FC_SEED=<n> replays another
// seed and DMTLS_FC_SCALE=<k> multiplies the number of cases, for a longer hunt.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import fc from 'fast-check'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isMap, isSeq, parseAllDocuments, parseDocument, type Document } from 'yaml'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'
import { manifestArb, type GeneratedManifest, type GenOptions } from './helpers/manifest-gen.js'
import { makeTmp, runMain } from './helpers/cli.js'

const SEED = Number(process.env.DMTLS_FC_SEED ?? 20_261_128)
const SCALE = Number(process.env.DMTLS_FC_SCALE ?? 1)
/** Cases per property; the total is what the README's reliability section quotes. */
export const RUNS = { migrate: 1600 * SCALE, adversarial: 400 * SCALE, cli: 50 * SCALE }

const OWNED_ENV = [
  'MANAGER_HOST_AND_PORT',
  'LOG_STREAMING_SERVICE_URL',
  'TI_SERVICE_URL',
  'DELEGATE_CLIENT_CERTIFICATE_PATH',
  'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
  'CLIENT_CERTIFICATE_PATH',
  'CLIENT_CERTIFICATE_KEY_PATH',
  'GRPC_AUTHORITY_MODIFICATION_DISABLED',
]
const VOLUME = 'client-certificate'

type Json = Record<string, any>
const stripBom = (s: string) => s.replace(/^\uFEFF/, '')

/**
 * Fails the case; fast-check then prints the counterexample (the numbered file and its options, see describeManifest).
 */
function fail(_m: GeneratedManifest, what: string, detail = ''): never {
  throw new Error(`${what}${detail ? '\n' + detail : ''}`)
}

/** Decoded documents (YAML 1.1, as Kubernetes reads them); the parse must be clean. */
function decodeAll(m: GeneratedManifest, text: string, what: string): { docs: Document.Parsed[]; values: Json[] } {
  const parsed = parseAllDocuments(stripBom(text), { version: '1.1' })
  const docs = 'empty' in parsed ? [] : (parsed as Document.Parsed[])
  const bad = docs.find((d) => d.errors.length > 0)
  if (bad) fail(m, `${what} does not parse as YAML 1.1: ${bad.errors[0]!.message}`, what === 'the output' ? text : '')
  return { docs, values: docs.map((d) => structuredClone(d.toJS({ maxAliasCount: -1 }) as Json)) }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
}
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object' && !(v instanceof Date))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Json)[k])]),
    )
  return v
}

const envOf = (c: Json): Json[] => (Array.isArray(c.env) ? c.env : [])
const named = (list: unknown, name: string): Json[] =>
  Array.isArray(list) ? list.filter((x: Json) => x?.name === name) : []

/** SPEC §3.6: the container's settings win over the pod's. */
function nonRoot(pod: Json, container: Json): boolean {
  for (const owner of [container, pod]) {
    const sc = owner?.securityContext
    if (!sc || typeof sc !== 'object') continue
    if (typeof sc.runAsUser === 'number') return sc.runAsUser !== 0
    if (sc.runAsNonRoot === true) return true
  }
  return false
}

/** Removes what the migration may touch, so the rest can be compared whole. */
function withoutMtls(pod: Json, containerName: string, envToo: boolean): void {
  const c = (pod.containers as Json[]).find((x) => x.name === containerName)!
  if (envToo) {
    const env = envOf(c).filter((e) => !OWNED_ENV.includes(e?.name))
    if (env.length > 0) c.env = env
    else delete c.env
  }
  const mounts = (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).filter((v: Json) => v?.name !== VOLUME)
  if (mounts.length > 0) c.volumeMounts = mounts
  else delete c.volumeMounts
  const volumes = (Array.isArray(pod.volumes) ? pod.volumes : []).filter(
    (v: Json) => v?.name !== VOLUME && v?.name !== 'config-certificate',
  )
  if (volumes.length > 0) pod.volumes = volumes
  else delete pod.volumes
}

interface Expect {
  E: string
  M: string
  secretName: string
  secretNameExplicit: boolean
  grpc: boolean
  ti: boolean
}

function expectations(o: GenOptions): Expect {
  const opts: Parameters<typeof resolveOptions>[0] = {
    endpoint: o.endpoint,
    grpcAuthority: o.grpcAuthority,
    tiService: o.tiService,
  }
  if (o.mountPath !== undefined) opts.mountPath = o.mountPath
  if (o.secretName !== undefined) opts.secretName = o.secretName
  const r = resolveOptions(opts)
  return {
    E: r.endpoint,
    M: r.mountPath,
    secretName: r.secretName,
    secretNameExplicit: r.secretNameExplicit,
    grpc: r.grpcAuthority,
    ti: r.tiService,
  }
}

/** The certificate volume a migrated pod must have; returns its secret name. */
function checkVolume(
  m: GeneratedManifest,
  where: string,
  podIn: Json,
  podOut: Json,
  wantSecret: string,
  mode: number,
  explicit: boolean,
): string {
  const vols = named(podOut.volumes, VOLUME)
  if (vols.length !== 1 || named(podOut.volumes, 'config-certificate').length > 0)
    fail(
      m,
      `${where}: expected exactly one volume ${VOLUME} (and no config-certificate)`,
      JSON.stringify(podOut.volumes),
    )
  const before = [...named(podIn.volumes, VOLUME), ...named(podIn.volumes, 'config-certificate')][0]?.secret ?? {}
  const secret = vols[0]!.secret as Json
  const kept = typeof before.secretName === 'string' && !explicit && !/-account-token$/.test(before.secretName)
  const expectName = kept ? before.secretName : wantSecret
  const expectMode = before.defaultMode === 256 || before.defaultMode === 288 ? before.defaultMode : mode
  if (secret?.secretName !== expectName || secret?.defaultMode !== expectMode) {
    fail(m, `${where}: volume ${VOLUME} should be secret ${expectName} mode ${expectMode}`, JSON.stringify(vols[0]))
  }
  const rest = (s: Json) =>
    Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'secretName' && k !== 'defaultMode'))
  if (!deepEqual(rest(secret), rest(before)))
    fail(m, `${where}: other keys of the existing secret volume changed`, JSON.stringify([before, secret]))
  return expectName
}

function checkMount(m: GeneratedManifest, where: string, cOut: Json, x: Expect): void {
  const mounts = named(cOut.volumeMounts, VOLUME)
  if (mounts.length !== 1 || !deepEqual(mounts[0], { name: VOLUME, mountPath: x.M, readOnly: true })) {
    fail(m, `${where}: expected one mount ${VOLUME} at ${x.M}, read-only`, JSON.stringify(cOut.volumeMounts))
  }
}

/** Independent oracle for a delegate Deployment: the mTLS settings are there, nothing else moved. */
function checkDelegate(
  m: GeneratedManifest,
  i: number,
  inDoc: Json,
  outDoc: Json,
  container: string,
  x: Expect,
): { secret: string; mode: number } {
  const where = `document ${i + 1} (delegate)`
  const podIn = inDoc.spec.template.spec as Json
  const podOut = outDoc.spec.template.spec as Json
  const cIn = (podIn.containers as Json[]).find((c) => c.name === container)!
  const cOut = (podOut.containers as Json[]).find((c) => c.name === container)
  if (!cOut) fail(m, `${where}: container ${container} is gone`)
  const had = (n: string) => envOf(cIn).some((e) => e?.name === n)
  const want: Record<string, string | undefined> = {
    MANAGER_HOST_AND_PORT: x.E,
    LOG_STREAMING_SERVICE_URL: had('LOG_STREAMING_SERVICE_URL') ? `${x.E}/log-service/` : undefined,
    TI_SERVICE_URL: had('TI_SERVICE_URL') || x.ti ? `${x.E}/ti-service/` : undefined,
    DELEGATE_CLIENT_CERTIFICATE_PATH: `${x.M}/client.crt`,
    DELEGATE_CLIENT_CERTIFICATE_KEY_PATH: `${x.M}/client.key`,
    CLIENT_CERTIFICATE_PATH: undefined,
    CLIENT_CERTIFICATE_KEY_PATH: undefined,
  }
  if (x.grpc) want.GRPC_AUTHORITY_MODIFICATION_DISABLED = 'true'
  for (const [name, value] of Object.entries(want)) {
    const found = named(cOut.env, name)
    if (
      value === undefined
        ? found.length !== 0
        : found.length !== 1 || found[0]!.value !== value || Object.keys(found[0]!).length !== 2
    ) {
      fail(
        m,
        `${where}: env ${name} should be ${value === undefined ? 'absent' : `"${value}" (once)`}`,
        JSON.stringify(found),
      )
    }
  }
  if (
    !x.grpc &&
    !deepEqual(
      named(cOut.env, 'GRPC_AUTHORITY_MODIFICATION_DISABLED'),
      named(cIn.env, 'GRPC_AUTHORITY_MODIFICATION_DISABLED'),
    )
  ) {
    fail(m, `${where}: --no-grpc-authority must leave GRPC_AUTHORITY_MODIFICATION_DISABLED as it was`)
  }
  checkMount(m, where, cOut, x)
  const mode = nonRoot(podIn, cIn) ? 288 : 256
  const secret = checkVolume(
    m,
    where,
    podIn,
    podOut,
    x.secretName.replaceAll('{delegate}', inDoc.metadata.name),
    mode,
    x.secretNameExplicit,
  )
  withoutMtls(podIn, container, true)
  withoutMtls(podOut, container, true)
  if (!deepEqual(inDoc, outDoc))
    fail(
      m,
      `${where}: something besides the mTLS settings changed`,
      `${JSON.stringify(sortKeys(inDoc))}\n${JSON.stringify(sortKeys(outDoc))}`,
    )
  return { secret, mode }
}

function checkUpgraderConfig(m: GeneratedManifest, i: number, inDoc: Json, outDoc: Json, x: Expect): void {
  const where = `document ${i + 1} (upgrader ConfigMap)`
  const cfgIn = parseDocument(inDoc.data['config.yaml'], { version: '1.1' }).toJS() as Json
  const cfgOut = parseDocument(outDoc.data['config.yaml'], { version: '1.1' }).toJS() as Json
  if (
    cfgOut.delegateConfig?.managerHost !== x.E ||
    cfgOut.clientCertificateFilePath !== `${x.M}/client.crt` ||
    cfgOut.clientCertificateKeyFilePath !== `${x.M}/client.key`
  ) {
    fail(m, `${where}: config.yaml lacks the mTLS settings`, outDoc.data['config.yaml'])
  }
  for (const cfg of [cfgIn, cfgOut]) {
    delete cfg.delegateConfig.managerHost
    delete cfg.clientCertificateFilePath
    delete cfg.clientCertificateKeyFilePath
  }
  if (!deepEqual(cfgIn, cfgOut)) fail(m, `${where}: config.yaml changed beyond the mTLS settings`)
  // The outer block style (`|`, `|-`) stays: the inner YAML keeps its final newline or lack of it.
  if (/\n$/.test(inDoc.data['config.yaml']) !== /\n$/.test(outDoc.data['config.yaml']))
    fail(m, `${where}: the block scalar's chomping changed`)
  delete inDoc.data['config.yaml']
  delete outDoc.data['config.yaml']
  if (!deepEqual(inDoc, outDoc)) fail(m, `${where}: the ConfigMap changed beyond config.yaml`)
}

function checkCronJob(
  m: GeneratedManifest,
  i: number,
  inDoc: Json,
  outDoc: Json,
  x: Expect,
  delegate?: { secret: string; mode: number },
): void {
  const where = `document ${i + 1} (upgrader CronJob)`
  const podIn = inDoc.spec.jobTemplate.spec.template.spec as Json
  const podOut = outDoc.spec.jobTemplate.spec.template.spec as Json
  const cOut = (podOut.containers as Json[]).find((c) => c.name === 'upgrader')!
  checkMount(m, where, cOut, x)
  const name = String(inDoc.metadata.name).replace(/-upgrader-job$/, '')
  checkVolume(
    m,
    where,
    podIn,
    podOut,
    delegate?.secret ?? x.secretName.replaceAll('{delegate}', name),
    delegate?.mode ?? 256,
    x.secretNameExplicit,
  )
  withoutMtls(podIn, 'upgrader', false)
  withoutMtls(podOut, 'upgrader', false)
  if (!deepEqual(inDoc, outDoc)) fail(m, `${where}: something besides the certificate mount and volume changed`)
}

/** Offsets of env entries the migration removes (old names next to the new ones): comments inside them go too. */
function removedRanges(docs: Document.Parsed[], src: string): [number, number][] {
  const out: [number, number][] = []
  for (const doc of docs) {
    const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true)
    if (!isSeq(containers)) continue
    for (const c of containers.items) {
      const env = isMap(c) ? c.get('env', true) : undefined
      if (!isSeq(env)) continue
      const names = env.items.map((e) => (isMap(e) ? e.get('name') : undefined))
      env.items.forEach((e, k) => {
        const oldName = names[k]
        if (
          (oldName === 'CLIENT_CERTIFICATE_PATH' || oldName === 'CLIENT_CERTIFICATE_KEY_PATH') &&
          names.includes(`DELEGATE_${oldName}`)
        ) {
          const r = (e as { range: [number, number, number] }).range
          const end = src.indexOf('\n', r[1])
          out.push([src.lastIndexOf('\n', r[0]) + 1, end < 0 ? src.length : end])
        }
      })
    }
  }
  return out
}

/** The decoded oracle: each document is the input plus exactly the mTLS settings (inert ones unchanged). */
function checkSemantics(m: GeneratedManifest, inputs: Json[], outputs: Json[], x: Expect, adversarial: boolean): void {
  if (adversarial) {
    m.docs.forEach((d, i) => {
      if (d.role === 'inert' && !deepEqual(inputs[i], outputs[i]))
        fail(m, `document ${i + 1} (${d.kind}) decodes differently`)
    })
    return
  }
  // A CronJob is its delegate's upgrader only in the delegate's namespace (none matches only none).
  const key = (doc: Json | undefined, name: string) =>
    JSON.stringify([(doc?.metadata as Json | undefined)?.namespace ?? null, name])
  const delegates = new Map<string, { secret: string; mode: number }>()
  m.docs.forEach((d, i) => {
    if (d.role === 'delegate')
      delegates.set(
        key(inputs[i], d.name),
        checkDelegate(m, i, structuredClone(inputs[i]!), structuredClone(outputs[i]!), d.container!, x),
      )
  })
  m.docs.forEach((d, i) => {
    const a = structuredClone(inputs[i]!)
    const b = structuredClone(outputs[i]!)
    if (d.role === 'upgrader-config') checkUpgraderConfig(m, i, a, b, x)
    else if (d.role === 'upgrader-cronjob')
      checkCronJob(m, i, a, b, x, delegates.get(key(inputs[i], d.name.replace(/-upgrader-job$/, ''))))
    else if (d.role === 'inert' && !deepEqual(a, b)) fail(m, `document ${i + 1} (${d.kind}) decodes differently`)
  })
}

let checked = 0
/** Every property of one generated manifest; throws with the manifest on the first that fails. */
function checkManifest(m: GeneratedManifest, adversarial = false): void {
  let r: ReturnType<typeof migrate>
  try {
    r = migrate(m.text, m.options)
  } catch (e) {
    fail(m, `migrate() threw: ${(e as Error).stack}`)
  }
  // The guard holds, and a valid delegate is never refused. Adversarial shapes may be refused, but
  // only with a located diagnostic (file:line:col), never by the guard (which means a bug).
  if (r.diagnostics.some((d) => d.code === 'GUARD_MISMATCH'))
    fail(m, 'the semantic guard tripped', JSON.stringify(r.diagnostics))
  const errors = r.diagnostics.filter((d) => d.severity === 'error')
  outcomes.set(
    r.status === 'error' ? `error ${errors.map((d) => d.code).join('+')}` : r.status,
    (outcomes.get(r.status === 'error' ? `error ${errors.map((d) => d.code).join('+')}` : r.status) ?? 0) + 1,
  )
  if (r.status === 'error') {
    if (!adversarial) fail(m, 'a valid delegate manifest was refused', JSON.stringify(errors))
    if (errors.length === 0 || errors.some((d) => !d.file || d.line === undefined || d.col === undefined))
      fail(m, 'a refusal without file:line:col', JSON.stringify(errors))
    if (r.output !== m.text) fail(m, 'a refused input must come back unchanged')
    return
  }
  if ((r.status === 'migrated') !== (r.output !== m.text))
    fail(m, `status ${r.status} but the text ${r.output === m.text ? 'did not change' : 'changed'}`)

  // The output parses, as many documents as the input. The input's decoded values come from the
  // generator's model; every 16th case also checks that model against a real parse of the input.
  const output = decodeAll(m, r.output, 'the output')
  const input = { values: m.docs.map((d) => structuredClone(d.value)) }
  if (++checked % 16 === 0 || adversarial) {
    const parsed = decodeAll(m, m.text, 'the input')
    if (!deepEqual(parsed.values, input.values))
      fail(
        m,
        "generator bug: the input does not decode to the generator's model",
        `${JSON.stringify(parsed.values)}\n${JSON.stringify(input.values)}`,
      )
  }
  if (output.docs.length !== m.docs.length)
    fail(m, `the output has ${output.docs.length} documents, the input ${m.docs.length}`, r.output)

  // Byte-level facts: BOM, line endings, final newline.
  if (r.output.startsWith('\uFEFF') !== m.text.startsWith('\uFEFF')) fail(m, 'the BOM was not kept')
  const crlf = m.text.includes('\r\n')
  const mixed = crlf && /(^|[^\r])\n/.test(m.text)
  if (!mixed && (crlf ? /(^|[^\r])\n/.test(r.output) : r.output.includes('\r')))
    fail(m, `line endings were mixed (input ${crlf ? 'CRLF' : 'LF'})`, r.output)
  if (/\n$/.test(m.text) !== /\n$/.test(r.output)) fail(m, 'the final newline was added or removed')

  // Untouched documents and separators are byte-identical: the output is the input with only the
  // delegate/upgrader documents replaced.
  let at = 0
  let afterTouched = false
  const fixed: string[] = []
  const flush = (last = false) => {
    if (fixed.length === 0) return
    const chunk = fixed.join('')
    fixed.length = 0
    const end = r.output.length - chunk.length
    const found = !afterTouched
      ? r.output.startsWith(chunk, at)
        ? at
        : -1
      : last
        ? end >= at && r.output.endsWith(chunk)
          ? end
          : -1
        : r.output.indexOf(chunk, at)
    if (found < 0)
      fail(
        m,
        'an untouched document or separator changed',
        `expected byte-identical:\n${JSON.stringify(chunk)}\n--- output:\n${r.output}`,
      )
    at = found + chunk.length
    afterTouched = false
  }
  for (const seg of m.segments) {
    if (seg.touched) {
      flush()
      afterTouched = true
    } else fixed.push(seg.text)
  }
  flush(true)
  if (!afterTouched && at !== r.output.length) fail(m, 'text was added after the last document')

  // Every comment survives, except those inside an env entry the migration removes.
  const src = stripBom(m.text)
  const removed =
    m.features.includes('old-env-names') && m.features.includes('new-env-names')
      ? removedRanges(decodeAll(m, m.text, 'the input').docs, src)
      : []
  for (const token of m.comments) {
    const pos = src.indexOf(`# ${token}`)
    if (removed.some(([a, b]) => pos >= a && pos < b)) continue
    if (!r.output.includes(`# ${token}`)) fail(m, `comment ${token} was lost`, r.output)
  }

  // Semantics, decoded: each document is the input plus exactly the mTLS settings. (Adversarial
  // shapes, e.g. an aliased env list or a duplicate env var, have no simple oracle: the guard, the
  // parse and the idempotence checks stand for them.)
  const x = expectations(m.options)
  try {
    checkSemantics(m, input.values, output.values, x, adversarial)
  } catch (e) {
    // Tell a generator bug (its model of the input is wrong) from a tool bug.
    const parsed = decodeAll(m, m.text, 'the input')
    if (!deepEqual(parsed.values, input.values))
      fail(
        m,
        "generator bug: the input does not decode to the generator's model",
        `${JSON.stringify(parsed.values)}\n${JSON.stringify(input.values)}`,
      )
    throw e
  }

  // A second run is a no-op.
  let again: ReturnType<typeof migrate>
  try {
    again = migrate(r.output, m.options)
  } catch (e) {
    fail(m, `the second migrate() threw: ${(e as Error).stack}`)
  }
  if (again.status !== 'already' || again.output !== r.output || again.changes.length > 0) {
    fail(
      m,
      `the second run is not a no-op: status ${again.status}, ${again.changes.length} changes`,
      `${JSON.stringify(again.changes.map((c) => c.path))}\n` +
        `${JSON.stringify(again.diagnostics.filter((d) => d.severity === 'error'))}\n--- first output:\n${r.output}`,
    )
  }
}

/** CLI flags for the generated options. */
function flags(o: GenOptions): string[] {
  const out = ['--endpoint', o.endpoint]
  if (o.mountPath !== undefined) out.push('--mount-path', o.mountPath)
  if (o.secretName !== undefined) out.push('--secret-name', o.secretName)
  if (!o.grpcAuthority) out.push('--no-grpc-authority')
  if (o.tiService) out.push('--ti-service')
  return out
}

const stats = new Map<string, number>()
/** Statuses (and refusal codes) seen, for the README's reliability figures (DMTLS_FC_REPORT=1 prints them). */
const outcomes = new Map<string, number>()
const test = suite('robust: properties of generated manifests')

test(
  `migrate(): no crash, output parses, guard holds, untouched bytes kept, decoded = input + ` +
    `mTLS, second run a no-op (${RUNS.migrate} cases)`,
  () => {
    fc.assert(
      fc.property(manifestArb(), (m) => {
        for (const f of m.features) stats.set(f, (stats.get(f) ?? 0) + 1)
        checkManifest(m)
      }),
      { numRuns: RUNS.migrate, seed: SEED, includeErrorInReport: true },
    )
    // The generator must produce the shapes it claims to (a silent regression would make the property vacuous).
    for (const f of [
      'indent-2',
      'indent-3',
      'indent-4',
      'crlf',
      'bom',
      'flow-seq',
      'flow-map',
      'anchor-labels',
      'alias-scalar',
      'extra-containers',
      'extra-volumes',
      'old-env-names',
      'existing-volume',
      'misnamed-volume',
      'upgrader-config',
      'upgrader-cronjob',
      'doc-ConfigMap',
      'doc-Service',
      'no-final-newline',
      'two-delegates',
      'non-root',
    ]) {
      assert.ok((stats.get(f) ?? 0) >= RUNS.migrate / 200, `feature ${f} was generated only ${stats.get(f) ?? 0} times`)
    }
  },
)

test(
  `adversarial shapes (aliased and tagged values, merge keys, shared env lists, duplicate env, ` +
    `%YAML, empty documents, mixed line endings): no crash, never the guard, a refusal is ` +
    `located, else the same properties (${RUNS.adversarial} cases)`,
  () => {
    const before = new Map(stats)
    fc.assert(
      fc.property(manifestArb({ adversarial: true }), (m) => {
        for (const f of m.features) stats.set(f, (stats.get(f) ?? 0) + 1)
        checkManifest(m, true)
      }),
      { numRuns: RUNS.adversarial, seed: SEED + 2, includeErrorInReport: true },
    )
    for (const f of [
      'adv-alias-edited-value',
      'adv-tag',
      'adv-value-next-line',
      'adv-duplicate-env',
      'adv-multiline-plain',
      'adv-merge-key',
      'adv-aliased-env-list',
      'adv-yaml-directive',
      'adv-empty-document',
      'adv-mixed-eol',
    ]) {
      assert.ok(
        (stats.get(f) ?? 0) - (before.get(f) ?? 0) >= 3,
        `feature ${f} was generated only ${(stats.get(f) ?? 0) - (before.get(f) ?? 0)} times`,
      )
    }
    if (process.env.DMTLS_FC_REPORT)
      console.log(
        JSON.stringify({ outcomes: Object.fromEntries(outcomes), features: Object.fromEntries(stats) }, null, 1),
      )
  },
)

test(
  `CLI: --check exits 1 exactly when --write changes the file, and --write writes what migrate() ` +
    `gives (${RUNS.cli} cases: to migrate, already migrated, refused)`,
  async () => {
    const tmp = makeTmp()
    let n = 0
    const alreadyMigrated = manifestArb().map((m) => Object.assign(m, { text: migrate(m.text, m.options).output }))
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { arbitrary: manifestArb(), weight: 3 },
            { arbitrary: alreadyMigrated, weight: 1 },
            { arbitrary: manifestArb({ adversarial: true }), weight: 1 },
          ),
          async (m) => {
            const file = join(tmp.dir, `case-${n++}.yaml`)
            writeFileSync(file, m.text)
            const check = await runMain(['--check', ...flags(m.options), file], { cwd: tmp.dir })
            const write = await runMain(['--write', ...flags(m.options), file], { cwd: tmp.dir })
            const after = readFileSync(file, 'utf8')
            const changed = after !== m.text
            if (write.code === 2) {
              // Refused: --check refuses too, and nothing was written.
              if (check.code !== 2 || changed)
                fail(
                  m,
                  `--write refused (exit 2) but --check exited ${check.code}${changed ? ' and the file changed' : ''}`,
                  write.stderr,
                )
              return
            }
            if (write.code !== 0) fail(m, `--write exited ${write.code}`, write.stderr)
            if ((check.code === 1) !== changed || (check.code !== 0 && check.code !== 1))
              fail(
                m,
                `--check exited ${check.code} but --write ${changed ? 'changed' : 'did not change'} the file`,
                check.stderr,
              )
            if (after !== migrate(m.text, m.options).output)
              fail(m, '--write wrote something else than migrate() returns')
            const recheck = await runMain(['--check', ...flags(m.options), file], { cwd: tmp.dir })
            if (recheck.code !== 0)
              fail(m, `--check after --write exited ${recheck.code}`, recheck.stdout + recheck.stderr)
          },
        ),
        { numRuns: RUNS.cli, seed: SEED + 1, includeErrorInReport: true },
      )
    } finally {
      tmp.remove()
    }
  },
)

test.run()
