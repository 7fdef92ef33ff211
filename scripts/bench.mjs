#!/usr/bin/env node
// npm run bench: performance figures as ratios measured side by side in one run (this machine is
// shared and noisy; absolute times mean little). Prints each figure with its target and exits 1
// when a target is missed. Usage: node scripts/bench.mjs [--runs N] [--fleet N] [--big N] [--stream N]
// CPU time (user + sys) and peak memory come from GNU time (/usr/bin/time), which the bench needs.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { yamlDebugSwitches, yamlNodeType } from './yaml-patches.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const RUNS = arg('--runs', 11)
const FLEET = arg('--fleet', 2000)
const BIG = arg('--big', 10000)
const STREAM = arg('--stream', 50000)
const E = 'https://acme.harness.io:8443'
const bin = join(root, 'bin/delegate-mtls.js')
const sample = join(root, 'samples/harness-delegate.yaml')
const work = mkdtempSync(join(tmpdir(), 'dmtls-bench-'))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const GNU_TIME = '/usr/bin/time'
if (spawnSync(GNU_TIME, ['-f', '%U', 'true'], { stdio: 'ignore' }).status !== 0) {
  console.error(`npm run bench needs GNU time (${GNU_TIME}) for CPU times and peak memory`)
  process.exit(1)
}

/** Wall time (ms), CPU time (user + sys, ms) and peak resident memory (MB) of one command. */
function run(cmd, args, opts = {}) {
  const out = join(work, 'time.txt')
  const t0 = process.hrtime.bigint()
  const r = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', out, cmd, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
    ...opts,
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.error) throw r.error
  const [user, sys, kb] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return { ms, cpu: (user + sys) * 1000, mb: kb / 1024, status: r.status, stderr: String(r.stderr ?? '') }
}
/** Runs our bin; throws unless it exits with `want`. */
function ours(args, want, opts = {}) {
  const r = run(process.execPath, [bin, ...args], opts)
  if (r.status !== want) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
  return r
}

const rows = []
let missed = 0
function figure(name, value, target, unit = '×') {
  const ok = value <= target
  if (!ok) missed++
  rows.push([name, `${value.toFixed(2)}${unit}`, `≤ ${target}${unit}`, ok ? 'ok' : 'MISSED'])
}
const info = (name, value, unit = '×') => rows.push([name, `${value.toFixed(2)}${unit}`, '(info)', ''])
const note = (text) => rows.push([`  (${text})`, '', '', ''])

// 1. Cold start: one pre-commit-sized check against bare Node, interleaved.
{
  const node = []
  const check = []
  for (let i = 0; i < RUNS; i++) {
    node.push(run(process.execPath, ['-e', '']).ms)
    check.push(ours(['--check', '--endpoint', E, sample], 1).ms)
  }
  figure(`cold start: --check one manifest / node -e '' (medians of ${RUNS})`, median(check) / median(node), 1.25)
}

const template = readFileSync(sample, 'utf8')
/** A folder of `n` UI-shaped manifests, each its own delegate. */
function makeFleet(dir, n, text = template) {
  mkdirSync(dir)
  for (let i = 0; i < n; i++)
    writeFileSync(join(dir, `delegate-${i}.yaml`), text.replaceAll('prod-us-east-delegate', `delegate-${i}`))
  return dir
}
// The parse floors: yaml parsing and decoding every document of every file on one thread, as it is
// published (stock) and as the bundle runs it, with scripts/yaml-patches.mjs (fair).
const floorSource = join(work, 'parse-floor.mjs')
writeFileSync(
  floorSource,
  `import { readdirSync, readFileSync } from 'node:fs'
import { parseAllDocuments } from ${JSON.stringify(join(root, 'node_modules/yaml/dist/index.js'))}
const dir = process.argv[2]
for (const f of readdirSync(dir)) for (const d of parseAllDocuments(readFileSync(dir + '/' + f, 'utf8'))) d.toJS()
`,
)
const fairFloor = join(work, 'parse-floor-fair.cjs')
await build({
  entryPoints: [floorSource],
  outfile: fairFloor,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  preserveSymlinks: true,
  plugins: [yamlDebugSwitches, yamlNodeType],
  logLevel: 'warning',
})
const ratio = (a, b) => median(a) / median(b)

// 2. A fleet of UI-shaped manifests: check and write against the parse floors. Wall times flatter a
// run that plans on several threads against a one-thread floor: the CPU ratios are the fair ones.
const fleet = makeFleet(join(work, 'fleet'), FLEET)
{
  const stock = []
  const fair = []
  const check = []
  const write = []
  // Every --write gets its own copy of the fleet, all made before the first timed run and removed
  // after the last. Removing 2,000 files just before a timed write made it pay for the bench's own
  // deletions: ext4 without a journal (this machine's scratch disk) skips the inodes freed in the
  // last minutes, one by one, for every file it creates, which tripled the kernel time of the
  // write's temp files. A write frees 2,000 inodes itself (the files its renames replace), so the
  // copies also go to block groups of their own: ext4 puts a new folder in or near its parent's
  // group unless the parent has the "top of a directory hierarchy" attribute (chattr +T), which
  // spreads its subfolders like top-level ones. Otherwise the second and third timed writes paid
  // for the first's renames, which one migration never does (it renames only after creating every
  // temp file). Best effort: without chattr, or on another file system, the copies stay where they
  // are, and the bench says so.
  const writes = join(work, 'writes')
  mkdirSync(writes)
  const spread = spawnSync('chattr', ['+T', writes], { stdio: 'ignore' }).status === 0
  const copies = [0, 1, 2].map((i) => join(writes, `write-${i}`))
  for (const copy of copies) cpSync(fleet, copy, { recursive: true })
  for (let i = 0; i < 3; i++) {
    stock.push(run(process.execPath, [floorSource, fleet]))
    fair.push(run(process.execPath, [fairFloor, fleet]))
    check.push(ours(['--check', '--quiet', '--endpoint', E, fleet], 1))
    write.push(ours(['--write', '--quiet', '--endpoint', E, copies[i]], 0))
  }
  rmSync(writes, { recursive: true, force: true })
  const ms = (rs) => rs.map((r) => r.ms)
  const cpu = (rs) => rs.map((r) => r.cpu)
  figure(
    `fleet --check, ${FLEET} files, CPU / stock parse floor CPU (medians of 3)`,
    ratio(cpu(check), cpu(stock)),
    1.0,
  )
  info(`  the same / fair parse floor CPU (yaml with the bundle's patches)`, ratio(cpu(check), cpu(fair)))
  info(
    `  the same, wall / stock parse floor (planned on ${Math.min(cpus().length, 4)} threads)`,
    ratio(ms(check), ms(stock)),
  )
  figure(`fleet --write, ${FLEET} files, wall / stock parse floor`, ratio(ms(write), ms(stock)), 1.1)
  info(`  the same, CPU / stock parse floor CPU`, ratio(cpu(write), cpu(stock)))
  info(`  the same, wall / fair parse floor`, ratio(ms(write), ms(fair)))
  note(
    `stock floor ${median(ms(stock)).toFixed(0)} ms, CPU ${median(cpu(stock)).toFixed(0)} ms; ` +
      `fair floor ${median(ms(fair)).toFixed(0)} ms, CPU ${median(cpu(fair)).toFixed(0)} ms; ` +
      `check ${median(ms(check)).toFixed(0)} ms, CPU ${median(cpu(check)).toFixed(0)} ms; ` +
      `write ${median(ms(write)).toFixed(0)} ms; ` +
      `write copies ${spread ? 'in block groups of their own' : 'not spread (no chattr +T)'}`,
  )
  // The same writes on a memory file system (Linux's /dev/shm), for information: what the write costs
  // without the disk (fsync is free there, and creating a file never waits on the disk's allocator).
  const shm = '/dev/shm'
  if (process.platform === 'linux' && existsSync(shm)) {
    const mem = mkdtempSync(join(shm, 'dmtls-bench-'))
    try {
      const copies = [0, 1, 2].map((i) => join(mem, `write-${i}`))
      for (const copy of copies) cpSync(fleet, copy, { recursive: true })
      const times = copies.map((copy) => ours(['--write', '--quiet', '--endpoint', E, copy], 0).ms)
      info(`fleet --write on ${shm} (no disk) / stock parse floor`, median(times) / median(ms(stock)))
    } finally {
      rmSync(mem, { recursive: true, force: true })
    }
  }
}

// 3. A mixed fleet's other half: files with no delegate (an application's Deployment, Service and
// ConfigMap), which --check parses like any other (see the README's performance section).
{
  const app = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 8080}]
          env:
            - name: LOG_LEVEL
              value: info
          volumeMounts:
            - {name: config, mountPath: /etc/web}
      volumes:
        - name: config
          configMap: {name: web-config}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: shop
data:
  settings.yaml: |
    cache: true
    size: 64
`
  const apps = makeFleet(join(work, 'apps'), FLEET, app)
  const stock = []
  const check = []
  for (let i = 0; i < 3; i++) {
    stock.push(run(process.execPath, [floorSource, apps]).cpu)
    check.push(ours(['--check', '--quiet', '--endpoint', E, apps], 0).cpu)
  }
  info(`fleet --check, ${FLEET} files without a delegate, CPU / stock parse floor CPU`, ratio(check, stock))
  rmSync(apps, { recursive: true, force: true })
}

// 4. Memory: it must not grow with the size of the fleet or the stream.
{
  const big = makeFleet(join(work, 'big'), BIG)
  figure(`peak memory, --check of ${BIG} files`, ours(['--check', '--quiet', '--endpoint', E, big], 1).mb, 150, ' MB')
  figure(`peak memory, --write of ${BIG} files`, ours(['--write', '--quiet', '--endpoint', E, big], 0).mb, 200, ' MB')
  rmSync(big, { recursive: true, force: true })
}

// 5. One stdin stream: its memory, and its time at 10,000 documents against 1,000.
{
  const docs = template.split(/^---\s*$/m)
  const stream = (n) => {
    const parts = []
    for (let i = 0; parts.length < n; i++)
      for (const d of docs) if (parts.length < n) parts.push(d.replaceAll('prod-us-east-delegate', `d-${i}`))
    return parts.join('---\n')
  }
  const t = (file) => ours(['--endpoint', E, '--max-bytes', String(1 << 30)], 0, { input: readFileSync(file) })
  const files = {}
  for (const n of [1000, 10000, STREAM]) writeFileSync((files[n] = join(work, `s${n}.yaml`)), stream(n))
  const a = median([0, 1, 2].map(() => t(files[1000]).ms))
  const b = median([0, 1, 2].map(() => t(files[10000]).ms))
  figure('stdin stream: 10,000 documents / 1,000 documents', b / a, 11)
  figure(`peak memory, one stdin stream of ${STREAM} documents`, t(files[STREAM]).mb, 200, ' MB')
}

// 6. kubectl kustomize applying the same change to one manifest, when kubectl is installed.
if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0) {
  const k = join(work, 'kustomize')
  mkdirSync(k)
  cpSync(sample, join(k, 'delegate.yaml'))
  writeFileSync(join(k, 'kustomization.yaml'), 'resources: [delegate.yaml]\npatches:\n- path: mtls.yaml\n')
  writeFileSync(
    join(k, 'mtls.yaml'),
    [
      `apiVersion: apps/v1`,
      `kind: Deployment`,
      `metadata:`,
      `  name: prod-us-east-delegate`,
      `  namespace: harness-delegate-ng`,
      `spec:`,
      `  template:`,
      `    spec:`,
      `      containers:`,
      `      - name: delegate`,
      `        env:`,
      `        - name: MANAGER_HOST_AND_PORT`,
      `          value: ${E}`,
      `        - name: DELEGATE_CLIENT_CERTIFICATE_PATH`,
      `          value: /etc/mtls/client.crt`,
      `        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH`,
      `          value: /etc/mtls/client.key`,
      `        volumeMounts:`,
      `        - name: client-certificate`,
      `          mountPath: /etc/mtls`,
      `          readOnly: true`,
      `      volumes:`,
      `      - name: client-certificate`,
      `        secret:`,
      `          secretName: client-certificate`,
      `          defaultMode: 0400`,
      ``,
    ].join('\n'),
  )
  const kust = median(Array.from({ length: 5 }, () => run('kubectl', ['kustomize', k]).ms))
  const perFile = median([0, 1, 2].map(() => ours(['--check', '--quiet', '--endpoint', E, fleet], 1).ms)) / FLEET
  rows.push([
    `our per-file time in the fleet / kubectl kustomize on one manifest`,
    `${(perFile / kust).toFixed(3)}×`,
    '(info)',
    '',
  ])
} else {
  rows.push(['kubectl kustomize comparison', 'skipped (kubectl not installed)', '', ''])
}
rmSync(work, { recursive: true, force: true })

// Notes (rows starting with two spaces and a parenthesis) are left out of the column widths.
const isNote = (r) => r[0].startsWith('  (')
const w = [0, 1, 2, 3].map((c) => Math.max(...rows.filter((r) => !isNote(r)).map((r) => r[c].length)))
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`)
for (const r of rows)
  console.log(
    r
      .map((c, i) => c.padEnd(w[i]))
      .join('  ')
      .trimEnd(),
  )
console.log(missed === 0 ? 'all targets met' : `${missed} target(s) missed`)
process.exit(missed === 0 ? 0 : 1)
