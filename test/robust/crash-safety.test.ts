// Crash safety: the real bin migrates a fleet of a few hundred manifests with --write and is killed
// with SIGKILL at random moments. Every file must then be exactly its original bytes or exactly its
// migrated bytes (computed with migrate() up front); leftover temp files must never be taken for
// manifests, and the next --write run must finish the job and remove them.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expandPaths, isTempFileName } from '../../src/io/index.js'
import { BIN, ENDPOINT, hasStackTrace, makeTmp, runBin } from './helpers/cli.js'
import { generateManifest } from './helpers/manifest-gen.js'
import { delegateYaml } from './helpers/fixtures.js'
import { seededChoices } from './helpers/yaml-text.js'
import type { migrate as Migrate } from '../../src/pipeline/migrate.js'

/**
 * The expected bytes come from the committed bundle's own `migrate()` (dist/index.js), the code the bin
 * runs: this suite tests crash safety, not drift between src/ and dist/ (scripts/build.mjs --check does).
 */
const DIST = '../../dist/index.js'
let migrateDist: typeof Migrate
const migrated = (text: string) => migrateDist(text, { endpoint: ENDPOINT })

// 190 files: under the CLI's 200-file threshold for planning on worker threads, so each run is one
// thread and two experiments share a 2-core machine; the write phase is the same code either way.
const FILES = Number(process.env.DMTLS_CRASH_FILES ?? 190)
const KILLS = Number(process.env.DMTLS_CRASH_KILLS ?? 20)
const DIRS = 6
/** How many killed runs are followed by a recovery run (the last one always is). */
const RECOVERIES = 3
/** Experiments run side by side. */
const CONCURRENCY = 2

/** Every file under `dir`, relative, temp files included. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  )
}

/** A deterministic PRNG for the kill times (the suite must be reproducible). */
function prng(seed: number): () => number {
  const c = seededChoices(seed)
  return () => c.int(0, 1_000_000) / 1_000_000
}

interface Fleet {
  /** relative path → [original, migrated] */
  files: Map<string, [Buffer, Buffer]>
  pristine: string
}

/**
 * A few hundred manifests: mostly small delegates (planning time is not what this suite is about) in
 * LF, CRLF and BOM flavours, one in eight a generated manifest of the property tests; one in ten is
 * already migrated (nothing to write) and one in twenty has no delegate at all.
 */
function makeFleet(root: string): Fleet {
  const pristine = join(root, 'pristine')
  const files = new Map<string, [Buffer, Buffer]>()
  let seed = 1
  while (files.size < FILES) {
    const k = files.size
    let text = delegateYaml(`delegate-${k}`, {
      env:
        k % 3 === 0
          ? ['        - name: LOG_STREAMING_SERVICE_URL', '          value: "https://app.harness.io/log-service/"']
          : [],
    })
    if (k % 8 === 5) text = generateManifest(seededChoices(seed++)).text
    if (k % 4 === 1) text = text.replace(/\n/g, '\r\n')
    if (k % 12 === 7) text = '\uFEFF' + text
    const r = migrated(text)
    if (r.status === 'error') continue
    const plain = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n'
    const [before, after] = k % 10 === 9 ? [r.output, r.output] : k % 20 === 3 ? [plain, plain] : [text, r.output]
    const rel = join(`team-${k % DIRS}`, `delegate-${k}.${k % 7 === 0 ? 'yml' : 'yaml'}`)
    files.set(rel, [Buffer.from(before), Buffer.from(after)])
  }
  for (const [rel, [original]] of files) {
    mkdirSync(join(pristine, rel, '..'), { recursive: true })
    writeFileSync(join(pristine, rel), original)
  }
  return { files, pristine }
}

type State = { migratedFiles: number; originalFiles: number; temps: string[]; bad: string[] }

/** Classifies every file of a fleet copy: original, migrated, or neither (a torn write: the bug we hunt). */
function inspect(fleet: Fleet, dir: string): State {
  const state: State = { migratedFiles: 0, originalFiles: 0, temps: [], bad: [] }
  for (const rel of walk(dir)) {
    if (isTempFileName(rel)) {
      state.temps.push(rel)
      continue
    }
    const want = fleet.files.get(rel)
    if (!want) {
      state.bad.push(`${rel}: a file that was not there before`)
      continue
    }
    const got = readFileSync(join(dir, rel))
    const [original, after] = want
    if (got.equals(after) && !original.equals(after)) state.migratedFiles++
    else if (got.equals(original)) state.originalFiles++
    else state.bad.push(`${rel}: neither its original bytes nor its migrated bytes (${got.length} bytes)`)
  }
  const present = new Set(walk(dir))
  for (const rel of fleet.files.keys()) if (!present.has(rel)) state.bad.push(`${rel}: missing`)
  return state
}

/**
 * When to SIGKILL: `at` ms after the start, `afterFirstTemp` ms after the first temp file appeared, or as soon as the
 * renames begin.
 */
type Kill = { at?: number; afterFirstTemp?: number; inCommit?: boolean }

/**
 * Starts the bin on `dir` and SIGKILLs it `kill.at` ms after its start, or `kill.afterFirstTemp` ms
 * after the first temp file appears (the write phase has begun); with no `kill`, lets it finish.
 * Polls the folders for temp files to time the phases.
 */
function runAndKill(
  dir: string,
  kill?: Kill,
): Promise<{ code: number | null; signal: string | null; stderr: string; ms: number; firstTempAt?: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [BIN, '-e', ENDPOINT, '--write', '--quiet', '.'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    let firstTempAt: number | undefined
    let timer: NodeJS.Timeout | undefined
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const subdirs = Array.from({ length: DIRS }, (_, i) => join(dir, `team-${i}`))
    let most = 0
    const poll = setInterval(() => {
      const temps = subdirs.reduce((k, d) => k + readdirSync(d).filter((f) => isTempFileName(f)).length, 0)
      if (firstTempAt === undefined && temps > 0) {
        firstTempAt = performance.now() - t0
        if (kill?.afterFirstTemp !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterFirstTemp)
      }
      // Fewer temp files than before: the renames have begun.
      if (kill?.inCommit && temps < most) {
        child.kill('SIGKILL')
        clearInterval(poll)
      }
      most = Math.max(most, temps)
    }, 4) // often enough to catch the write phase, rarely enough to leave the CPU to the bin
    if (kill?.at !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), kill.at)
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code, signal) => {
      clearInterval(poll)
      clearTimeout(timer)
      clearTimeout(guard)
      resolve({
        code,
        signal,
        stderr,
        ms: performance.now() - t0,
        ...(firstTempAt === undefined ? {} : { firstTempAt }),
      })
    })
  })
}

const test = suite('robust: crash safety (SIGKILL during --write)')
let tmp: ReturnType<typeof makeTmp>
let fleet: Fleet
test.before(async () => {
  const t0 = performance.now()
  migrateDist = ((await import(DIST)) as { migrate: typeof Migrate }).migrate
  tmp = makeTmp('dmtls-crash-')
  fleet = makeFleet(tmp.dir)
  if (process.env.DMTLS_CRASH_REPORT) console.log(`fleet of ${FILES} built in ${Math.round(performance.now() - t0)} ms`)
})
test.after(() => tmp.remove())

test(
  `SIGKILL at ${KILLS} random moments while --write migrates ${FILES} files: every file is its ` +
    `original or its migrated bytes; temp files are never manifests and the next run cleans them`,
  async () => {
    const started = performance.now()
    const changing = [...fleet.files.values()].filter(([a, b]) => !a.equals(b)).length
    assert.ok(changing > FILES * 0.8, `most files need migrating (${changing})`)

    // Calibrate: one full run, timing when the first temp file appears (the write phase starts).
    const cal = join(tmp.dir, 'calibrate')
    cpSync(fleet.pristine, cal, { recursive: true })
    const full = await runAndKill(cal)
    assert.is(full.code, 0, full.stderr)
    const done = inspect(fleet, cal)
    assert.equal(done.bad, [])
    assert.is(done.migratedFiles, changing, 'an uninterrupted run migrates every file')
    assert.equal(done.temps, [], 'an uninterrupted run leaves no temp file')
    const writeStart = full.firstTempAt ?? full.ms * 0.7
    const total = full.ms

    const random = prng(20261128)
    // Kill times are drawn up front, so the suite is reproducible whatever order the runs finish in.
    // Three kills in five at a random moment of the write phase (after the first temp file, within the
    // calibrated write time), one as soon as the renames begin, one at a random moment of the whole run.
    const kills: Kill[] = Array.from({ length: KILLS }, (_, i) =>
      i % 5 === 4
        ? { at: random() * total }
        : i % 5 === 3
          ? { inCommit: true }
          : { afterFirstTemp: random() * (total - writeStart) * 0.9 },
    )
    const outcomes = { beforeWrite: 0, staging: 0, committing: 0, afterWrite: 0, exitedFirst: 0 }
    let recoveries = 0
    let leftTemps = 0

    /** One experiment: a fresh copy, a run killed as drawn, the invariants, and sometimes a recovery run. */
    const experiment = async (i: number) => {
      const dir = join(tmp.dir, `kill-${i}`)
      cpSync(fleet.pristine, dir, { recursive: true })
      const kill = kills[i]!
      const r = await runAndKill(dir, kill)
      const s = inspect(fleet, dir)
      assert.equal(s.bad, [], `kill ${i} (${JSON.stringify(kill)}) left torn files`)
      if (r.signal !== 'SIGKILL') outcomes.exitedFirst++
      else if (s.migratedFiles > 0 && s.migratedFiles < changing) outcomes.committing++
      else if (s.migratedFiles === changing) outcomes.afterWrite++
      else if (s.temps.length > 0) outcomes.staging++
      else outcomes.beforeWrite++
      if (s.temps.length > 0) leftTemps++

      // Leftover temp files are never taken for manifests: not by a directory, not by a glob.
      const listed = await expandPaths(['.', '**/*', '**/.*'], dir)
      assert.not.ok(
        listed.files.some((f) => isTempFileName(f)),
        `kill ${i}: a temp file was listed as input`,
      )

      // The next --write finishes the job and removes the leftovers (a few runs that left some, and the last).
      if ((s.temps.length > 0 && recoveries < RECOVERIES - 1) || i === KILLS - 1) {
        recoveries++
        const next = await runBin(['-e', ENDPOINT, '--write', '--quiet', '.'], { cwd: dir, timeoutMs: 60_000 })
        assert.is(next.code, 0, `recovery after kill ${i}: ${next.stderr}`)
        assert.not.ok(hasStackTrace(next.stderr))
        const after = inspect(fleet, dir)
        assert.equal(after.bad, [])
        assert.is(after.migratedFiles, changing, `recovery after kill ${i} migrated everything`)
        assert.equal(
          after.temps,
          [],
          `recovery after kill ${i} removed the temp files ${s.temps.slice(0, 3).join(', ')}`,
        )
        if (i === KILLS - 1) {
          const check = await runBin(['-e', ENDPOINT, '--check', '--quiet', '.'], { cwd: dir, timeoutMs: 60_000 })
          assert.is(check.code, 0, `--check after recovery ${i}: ${check.stdout}${check.stderr}`)
        }
      }
      rmSync(dir, { recursive: true, force: true })
    }
    const calibrated = performance.now()
    // Two experiments at a time (each its own folder): the bin's start-up and planning are CPU-bound.
    let nextKill = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextKill < KILLS) await experiment(nextKill++)
      }),
    )
    const midWrite = outcomes.staging + outcomes.committing
    if (process.env.DMTLS_CRASH_REPORT)
      console.log(
        JSON.stringify({
          files: FILES,
          changing,
          runMs: Math.round(total),
          writeStartMs: Math.round(writeStart),
          kills: KILLS,
          ...outcomes,
          midWrite,
          leftTemps,
          recoveries,
          calibrationMs: Math.round(calibrated - started),
          experimentsMs: Math.round(performance.now() - calibrated),
        }),
      )
    // The point of the test: a good share of the kills must hit the write phase.
    assert.ok(midWrite >= KILLS / 4, `only ${midWrite} of ${KILLS} kills landed mid-write: ${JSON.stringify(outcomes)}`)
  },
)

test('a stale temp file beside a manifest that needs no write is removed by the next --write too', async () => {
  const dir = join(tmp.dir, 'stale')
  mkdirSync(join(dir, 'a'), { recursive: true })
  mkdirSync(join(dir, 'b'), { recursive: true })
  const [[relA, [origA]], [, [, doneB]]] = [...fleet.files.entries()].filter(([, [o, m]]) => !o.equals(m))
  writeFileSync(join(dir, 'a/one.yaml'), origA)
  writeFileSync(join(dir, 'b/two.yaml'), doneB) // already migrated: nothing to write in b/
  // Leftovers of a killed run (pid 2^22+1 is above Linux's default pid_max range in use, so not running).
  const stale = ['.one.yaml.delegate-mtls-4194305-abc12345.tmp', '.two.yaml.delegate-mtls-4194305-def67890.tmp']
  writeFileSync(join(dir, 'a', stale[0]!), 'half a file')
  writeFileSync(join(dir, 'b', stale[1]!), 'half a file')
  const r = await runBin(['-e', ENDPOINT, '--write', '--quiet', '.'], { cwd: dir, timeoutMs: 30_000 })
  assert.is(r.code, 0, r.stderr)
  assert.ok(readFileSync(join(dir, 'a/one.yaml')).equals(fleet.files.get(relA)![1]))
  assert.equal(
    walk(dir).filter((f) => isTempFileName(f)),
    [],
    `left: ${walk(dir)
      .filter((f) => isTempFileName(f))
      .join(', ')}`,
  )
})

test.run()
