// Helm post-renderer (issue 3): `helm install --post-renderer delegate-mtls --post-renderer-args
// --endpoint --post-renderer-args https://…` (Helm 3) finds the bin on the PATH, runs it with exactly
// those arguments, pipes the rendered chart through it and reads the manifests back from stdout. Helm 4 adds a
// `postrenderer.helm.sh/postrender-filename` annotation to every object; `helm template` output has
// a `# Source:` comment per document. The fixture is the harness-delegate-ng chart (1.0.30 templates)
// rendered for release acme-delegate, with upgrader: MANAGER_HOST_AND_PORT lives in the ConfigMap
// (`envFrom`), `volumeMounts:`/`volumes:` render empty.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn } from 'node:child_process'
import { ENDPOINT, fixture, makeTmp, type Ran } from './helpers/cli.js'
import { installBins } from '../krm/helpers.js'

const INPUT = fixture('helm-rendered.yaml')
const EXPECTED = fixture('helm-rendered.mtls.yaml')
const ANNOTATION = 'postrenderer.helm.sh/postrender-filename'

let tmp: ReturnType<typeof makeTmp>
let path: string

/** Runs the post-renderer the way Helm 3 does: the bin from the PATH, the --post-renderer-args as given. */
const postRender = (stdin: string) =>
  new Promise<Ran>((done, fail) => {
    const child = spawn('delegate-mtls', ['--endpoint', ENDPOINT], { cwd: tmp.dir, env: { PATH: path } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.on('error', fail)
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(stdin)
  })

/** The documents of a `helm template` stream, each with its `---` line and `# Source:` comment. */
const documents = (text: string) => text.split(/(?=^---\n)/m)
const kindOf = (doc: string) => /^kind: (\w+)$/m.exec(doc)?.[1]

const helm = suite('helm: post-renderer')
helm.before(() => {
  tmp = makeTmp()
  // `npm install -g delegate-mtls` puts the bin on the PATH; here, a folder with a link to this checkout's.
  path = installBins(tmp.dir).path
})
helm.after(() => tmp.remove())

helm('the rendered chart: exit 0, nothing on stderr, stdout is the migrated stream byte for byte', async () => {
  const r = await postRender(INPUT)
  assert.is(r.code, 0)
  assert.is(r.stderr, '')
  assert.is(r.stdout, EXPECTED)
})

helm(
  'objects that are not the delegate come out byte-identical, in the same order, annotation and # Source included',
  async () => {
    const r = await postRender(INPUT)
    const inDocs = documents(INPUT)
    const outDocs = documents(r.stdout)
    assert.is(inDocs.length, 9)
    assert.is(outDocs.length, 9)
    const changed: string[] = []
    inDocs.forEach((doc, i) => {
      const out = outDocs[i]!
      assert.is(out.split('\n')[1], doc.split('\n')[1], 'the # Source: line stays first')
      assert.is(
        out.match(new RegExp(`^    ${ANNOTATION}: .*$`, 'm'))?.[0],
        doc.match(new RegExp(`^    ${ANNOTATION}: .*$`, 'm'))?.[0],
      )
      if (out !== doc)
        changed.push(`${kindOf(doc)} ${doc.split('\n')[1]!.replace('# Source: harness-delegate-ng/templates/', '')}`)
    })
    assert.equal(changed, [
      'ConfigMap configMap.yaml',
      'ConfigMap upgrader/upgraderConfigMap.yaml',
      'Deployment deployment.yaml',
      'CronJob upgrader/upgraderJob.yaml',
    ])
  },
)

helm(
  'the delegate is migrated: endpoint in its ConfigMap, certificate env, mount and volume, upgrader too',
  async () => {
    const out = (await postRender(INPUT)).stdout
    assert.ok(
      out.includes('  MANAGER_HOST_AND_PORT : https://acme.harness.io:8443\n'),
      'the ConfigMap key keeps its odd " :" spacing',
    )
    assert.ok(out.includes('  LOG_STREAMING_SERVICE_URL: https://acme.harness.io:8443/log-service/\n'))
    assert.ok(out.includes('      managerHost: https://acme.harness.io:8443\n'))
    assert.ok(
      out.includes(
        '            - name: DELEGATE_CLIENT_CERTIFICATE_PATH\n              value: "/etc/mtls/client.crt"\n',
      ),
    )
    assert.is(
      out.split('secretName: client-certificate\n').length - 1,
      2,
      'delegate and upgrader pods both mount the Secret',
    )
    // Run twice (two post-renderers chained, or a re-run): nothing more changes.
    const again = await postRender(out)
    assert.equal(again, { code: 0, stdout: out, stderr: '' })
  },
)

helm('an error (a legacy delegate image): non-zero exit, nothing on stdout, the reason on stderr', async () => {
  const legacy = INPUT.replace(/image: \S+harness\/delegate:25\.08\.86602\.minimal/, 'image: harness/delegate:latest')
  assert.is.not(legacy, INPUT)
  const r = await postRender(legacy)
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.match(r.stderr, /^<stdin>:\d+:\d+: error: .*upgrade to an immutable delegate first\n$/)
})

helm('an error (broken YAML): non-zero exit, nothing on stdout', async () => {
  const r = await postRender(INPUT.replace('  replicas: 1\n', '  replicas: [1\n'))
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  assert.match(r.stderr, /^<stdin>:\d+:\d+: error: invalid YAML: /)
})

helm('Helm 3 (no annotation) works the same', async () => {
  const strip = (s: string) =>
    s
      .replace(new RegExp(`^  annotations:\\n    ${ANNOTATION}: .*\\n`, 'gm'), '')
      .replace(new RegExp(`^    ${ANNOTATION}: .*\\n`, 'gm'), '')
  const r = await postRender(strip(INPUT))
  assert.is(r.code, 0)
  assert.is(r.stdout, strip(EXPECTED))
})
helm.run()
