#!/usr/bin/env node
// npm run bench: performance figures as ratios measured side by side in one run (this machine is
// shared and noisy; absolute times mean little). Prints each figure with its target and exits 1
// when a target is missed. Usage: node scripts/bench.mjs [--runs N] [--fleet N]
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const RUNS = arg('--runs', 11)
const FLEET = arg('--fleet', 2000)
const E = 'https://acme.harness.io:8443'
const bin = join(root, 'bin/delegate-mtls.js')
const sample = join(root, 'samples/harness-delegate.yaml')
const work = mkdtempSync(join(tmpdir(), 'dmtls-bench-'))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Wall time and peak RSS (from /usr/bin/time when present) of one command. */
function run(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...opts })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.error) throw r.error
  return { ms, status: r.status, stderr: String(r.stderr ?? '') }
}

/** Peak resident memory in MB of a command, read from Linux's /proc via a small wrapper. */
function peakMb(cmd, args, opts = {}) {
  const probe = `const {spawn}=require('child_process');const c=spawn(process.argv[1],JSON.parse(process.argv[2]),{stdio:['${opts.input ? 'pipe' : 'ignore'}','ignore','ignore']});let peak=0;const t=setInterval(()=>{try{const s=require('fs').readFileSync('/proc/'+c.pid+'/status','utf8');const m=/VmHWM:\\s+(\\d+)/.exec(s);if(m)peak=Math.max(peak,+m[1])}catch{}},5);${opts.input ? `c.stdin.end(require('fs').readFileSync(${JSON.stringify(opts.input)}));` : ''}c.on('exit',()=>{clearInterval(t);console.log(peak/1024)})`
  const r = spawnSync(process.execPath, ['-e', probe, cmd, JSON.stringify(args)], { encoding: 'utf8' })
  return Number(r.stdout.trim())
}

const rows = []
let missed = 0
function figure(name, value, target, unit = '×') {
  const ok = value <= target
  if (!ok) missed++
  rows.push([name, `${value.toFixed(2)}${unit}`, `≤ ${target}${unit}`, ok ? 'ok' : 'MISSED'])
}

// 1. Cold start: one pre-commit-sized check against bare Node, interleaved.
{
  const node = []
  const ours = []
  for (let i = 0; i < RUNS; i++) {
    node.push(run(process.execPath, ['-e', '']).ms)
    ours.push(run(process.execPath, [bin, '--check', '--endpoint', E, sample]).ms)
  }
  figure(`cold start: --check one manifest / node -e '' (medians of ${RUNS})`, median(ours) / median(node), 1.5)
}

// 2-3. A fleet of UI-shaped manifests: check and write against a plain parse of the same files.
const fleet = join(work, 'fleet')
mkdirSync(fleet)
const template = readFileSync(sample, 'utf8')
for (let i = 0; i < FLEET; i++) {
  writeFileSync(join(fleet, `delegate-${i}.yaml`), template.replaceAll('prod-us-east-delegate', `delegate-${i}`))
}
const parseFloor = join(work, 'parse-floor.mjs')
writeFileSync(
  parseFloor,
  `import { readdirSync, readFileSync } from 'node:fs'
import { parseAllDocuments } from ${JSON.stringify(join(root, 'node_modules/yaml/dist/index.js'))}
const dir = process.argv[2]
for (const f of readdirSync(dir)) for (const d of parseAllDocuments(readFileSync(dir + '/' + f, 'utf8'))) d.toJS()
`,
)
{
  const floor = []
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
    floor.push(run(process.execPath, [parseFloor, fleet]).ms)
    const c = run(process.execPath, [bin, '--check', '--quiet', '--endpoint', E, fleet])
    if (c.status !== 1) throw new Error(`fleet --check exited ${c.status}: ${c.stderr.slice(0, 500)}`)
    check.push(c.ms)
    const w = run(process.execPath, [bin, '--write', '--quiet', '--endpoint', E, copies[i]])
    if (w.status !== 0) throw new Error(`fleet --write exited ${w.status}: ${w.stderr.slice(0, 500)}`)
    write.push(w.ms)
  }
  rmSync(writes, { recursive: true, force: true })
  figure(`fleet --check, ${FLEET} files / parse floor (medians of 3)`, median(check) / median(floor), 1.0)
  figure(`fleet --write, ${FLEET} files / parse floor`, median(write) / median(floor), 1.5)
  const mb = peakMb(process.execPath, [bin, '--check', '--quiet', '--endpoint', E, fleet])
  figure(`peak memory, fleet --check of ${FLEET} files`, mb, 200, ' MB')
  rows.push([
    `  (parse floor ${median(floor).toFixed(0)} ms, check ${median(check).toFixed(0)} ms, write ${median(write).toFixed(0)} ms; write copies ${spread ? 'in block groups of their own' : 'not spread (no chattr +T)'})`,
    '',
    '',
    '',
  ])
  // The same writes on a memory file system (Linux's /dev/shm), for information: what the write costs
  // without the disk (fsync is free there, and creating a file never waits on the disk's allocator).
  const shm = '/dev/shm'
  if (process.platform === 'linux' && existsSync(shm)) {
    const mem = mkdtempSync(join(shm, 'dmtls-bench-'))
    try {
      const copies = [0, 1, 2].map((i) => join(mem, `write-${i}`))
      for (const copy of copies) cpSync(fleet, copy, { recursive: true })
      const times = copies.map((copy) => {
        const w = run(process.execPath, [bin, '--write', '--quiet', '--endpoint', E, copy])
        if (w.status !== 0) throw new Error(`fleet --write on ${shm} exited ${w.status}: ${w.stderr.slice(0, 500)}`)
        return w.ms
      })
      rows.push([
        `fleet --write on ${shm} (no disk) / parse floor`,
        `${(median(times) / median(floor)).toFixed(2)}×`,
        '(info)',
        '',
      ])
    } finally {
      rmSync(mem, { recursive: true, force: true })
    }
  }
}

// 4. Scaling: one stdin stream of 10,000 documents against 1,000.
{
  const docs = template.split(/^---\s*$/m)
  const stream = (n) => {
    const parts = []
    for (let i = 0; parts.length < n; i++)
      for (const d of docs) if (parts.length < n) parts.push(d.replaceAll('prod-us-east-delegate', `d-${i}`))
    return parts.join('---\n')
  }
  const small = join(work, 's1k.yaml')
  const big = join(work, 's10k.yaml')
  writeFileSync(small, stream(1000))
  writeFileSync(big, stream(10000))
  const t = (file) => {
    const r = run(process.execPath, [bin, '--endpoint', E, '--max-bytes', String(1 << 30)], {
      input: readFileSync(file),
    })
    if (r.status !== 0) throw new Error(`stream exited ${r.status}: ${r.stderr.slice(0, 500)}`)
    return r.ms
  }
  const a = median([t(small), t(small), t(small)])
  const b = median([t(big), t(big), t(big)])
  figure('stdin stream: 10,000 documents / 1,000 documents', b / a, 11)
  figure(
    'peak memory, stream of 10,000 documents',
    peakMb(process.execPath, [bin, '--endpoint', E, '--max-bytes', String(1 << 30)], { input: big }),
    200,
    ' MB',
  )
}

// 5. kubectl kustomize applying the same change to one manifest, when kubectl is installed.
if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0) {
  const k = join(work, 'kustomize')
  mkdirSync(k)
  cpSync(sample, join(k, 'delegate.yaml'))
  writeFileSync(join(k, 'kustomization.yaml'), 'resources: [delegate.yaml]\npatches:\n- path: mtls.yaml\n')
  writeFileSync(
    join(k, 'mtls.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: prod-us-east-delegate\n  namespace: harness-delegate-ng\nspec:\n  template:\n    spec:\n      containers:\n      - name: delegate\n        env:\n        - name: MANAGER_HOST_AND_PORT\n          value: ${E}\n        - name: DELEGATE_CLIENT_CERTIFICATE_PATH\n          value: /etc/mtls/client.crt\n        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH\n          value: /etc/mtls/client.key\n        volumeMounts:\n        - name: client-certificate\n          mountPath: /etc/mtls\n          readOnly: true\n      volumes:\n      - name: client-certificate\n        secret:\n          secretName: client-certificate\n          defaultMode: 0400\n`,
  )
  const kust = median(Array.from({ length: 5 }, () => run('kubectl', ['kustomize', k]).ms))
  const perFile =
    median([0, 1, 2].map(() => run(process.execPath, [bin, '--check', '--quiet', '--endpoint', E, fleet]).ms)) / FLEET
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

// Notes (indented rows) are left out of the column widths: they run on past the table.
const w = [0, 1, 2, 3].map((c) => Math.max(...rows.filter((r) => !r[0].startsWith('  ')).map((r) => r[c].length)))
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
