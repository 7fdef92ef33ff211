import type { Diagnostic } from '../errors.js'
import { dirname, resolve } from 'node:path'
import {
  describeFsError,
  handOverStagedWrite,
  loadFingerprints,
  readInput,
  removeOwnTempFiles,
  sharedGate,
  stageFileAtomic,
  StagingStopped,
  tempFilesElsewhere,
  type Fingerprint,
  type ReadResult,
} from '../io/index.js'
import type { MtlsOptions } from '../mtls/types.js'
import { migrate } from '../pipeline/migrate.js'
import { revert } from '../pipeline/revert.js'
import { holdsKey } from './key-files.js'
import { PLAN_WORKER_ARG } from './plan-worker-arg.js'
import { statusOf, type FileResult } from './report.js'

/** One input after planning: what the sinks need. */
export interface Planned {
  result: FileResult
  /** The input text, when the sink needs it (`--diff`); else ''. */
  input: string
  /** The output text, when the sink needs it (stdout, `--diff`, `--write`, `--out-dir`); else ''. */
  output: string
  /** The output differs from the input (known even when the texts were not kept). */
  changed: boolean
  /**
   * Whether the output is a key file (`holdsKey`: written 0600, and a warning inside a git tree).
   * Computed where the file was planned, for the files `PlanSettings.keyFiles` names; else false.
   */
  keyFile: boolean
  /** Absolute path, for writing; undefined for stdin. */
  abs?: string
  /** What the file was when read (`PlanSettings.fingerprint`): --write replaces it only if it still is. */
  read?: Fingerprint
}

/** What a run does to each file: migrate it with these options, or revert it to this (non-mTLS) endpoint. */
export type PlanCommand = { kind: 'migrate'; options: MtlsOptions } | { kind: 'revert'; endpoint: string }

/** How files are planned: the command and what the sink needs back. */
export interface PlanSettings {
  command: PlanCommand
  maxBytes: number
  /** Run the semantic guard (every mode that emits or writes text). */
  verify: boolean
  /** Keep the output text (not needed by --check and -l, which only report). */
  keepText: boolean
  /**
   * Keep each file's list of changes (the JSON report reads it; the key-file test runs where the file is
   * planned). Default: yes; the text reports print only their number, and a fleet of 10,000 files must not
   * hold them all.
   */
  keepChanges?: boolean
  /** Keep the input text too (only --diff shows it). Default: when `keepText`. */
  keepInput?: boolean
  /** Decide `keyFile` for the files a sink writes: the changed ones (`--write`) or all (`--out-dir`). */
  keyFiles?: 'changed' | 'all'
  /** Fingerprint each input as it is read (--write); every planning thread awaits `loadFingerprints` first. */
  fingerprint?: boolean
}

export function planText(name: string, text: string, settings: PlanSettings): Planned {
  const r =
    settings.command.kind === 'migrate'
      ? migrate(text, { ...settings.command.options, file: name }, { verify: settings.verify })
      : revert(text, { endpoint: settings.command.endpoint, file: name })
  const errors = r.diagnostics.filter((d) => d.severity === 'error')
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning')
  const keep = settings.keepText
  const changed = r.output !== text
  const result: FileResult = {
    path: name,
    status: statusOf(r.status),
    unresolved: r.unresolved,
    written: false,
    changes: settings.keepChanges === false ? [] : r.changes,
    ...(settings.keepChanges === false ? { changeCount: r.changes.length } : {}),
    warnings,
    errors,
  }
  const decide =
    result.status !== 'error' && (settings.keyFiles === 'all' || (settings.keyFiles === 'changed' && changed))
  return {
    input: keep && settings.keepInput !== false ? text : '',
    output: keep ? r.output : '',
    changed,
    // Decided from the list of changes even when the result does not keep it.
    keyFile: decide && holdsKey({ ...result, changes: r.changes }, r.output),
    result,
  }
}

export const readError = (path: string, error: Diagnostic): Planned => ({
  input: '',
  output: '',
  changed: false,
  keyFile: false,
  result: { path, status: 'error', unresolved: false, written: false, changes: [], warnings: [], errors: [error] },
})

/** Plans one file from what reading it gave (its text, or why it could not be read). */
export function planRead(file: string, abs: string, read: ReadResult, settings: PlanSettings): Planned {
  if ('error' in read) return { ...readError(file, { ...read.error, file }), abs }
  const p = planText(file, read.text, settings)
  return read.fingerprint === undefined ? { ...p, abs } : { ...p, abs, read: read.fingerprint }
}

/** Reads (synchronously: a planning thread has nothing else to do meanwhile) and plans one file. */
export function planFileSync(file: string, abs: string, settings: PlanSettings): Planned {
  const fingerprint = settings.fingerprint === true
  return planRead(file, abs, readInput(abs, { maxBytes: settings.maxBytes, fingerprint }), settings)
}

const WORKER_TAG = 'delegateMtlsPlanWorker'

/** Batches at least this large are spread over worker threads (below it, starting workers costs more). */
export const PARALLEL_THRESHOLD = 200

/** At most this many threads plan (the main thread and the workers). */
const MAX_THREADS = 4

/** A share of the files for every 100 of them, so that a small batch does not start a worker per core. */
const FILES_PER_THREAD = 100

/** How many temp files a worker stages at once (their fsyncs run in its thread pool while it plans on). */
const WORKER_STAGES = 8

/** How long a signal handler waits for a worker's temp file being created (one open(2)) before sweeping. */
const GATE_SETTLE_MS = 2000

/**
 * --write on worker threads: each worker stages (writes and fsyncs) the temp files of the files it
 * planned and sends back their names instead of the output texts, so that no thread holds the outputs
 * of the batch. `gate` is `Staging.gate` (closed: create no temp file); `keepGoing`: a failed plan or
 * stage does not close it.
 */
export interface WorkerStaging {
  gate: SharedArrayBuffer
  keepGoing: boolean
}

/** What a worker sends back for one file: its plan (without the texts when staged) and its temp file. */
export interface WorkerResult {
  i: number
  planned: Planned
  /** The temp file staged for it (now the main thread's), and the path its rename replaces. */
  staged?: { temp: string; target: string }
  /** Why staging failed (a file-system error, described). */
  stageError?: string
}

interface WorkerInput {
  /** The files, as named, and the folder they are relative to: a worker resolves each path itself. */
  files: string[]
  cwd: string
  settings: PlanSettings
  staging: WorkerStaging | undefined
  /** One Int32: the index of the next job to take, shared by every planning thread. */
  next: SharedArrayBuffer
}

/**
 * A worker plans one file at a time and keeps nothing, so it needs little young generation: V8's default
 * for a worker is several times this and grows a fleet's peak memory with it; a smaller one costs more
 * garbage-collection time than it saves.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 }

/**
 * Plans files on every core: the main thread and worker threads (one per further core) take the next
 * file from one shared counter until none is left, so a thread slowed down by anything else running
 * on the machine takes fewer files instead of finishing last. Workers send each result back as it is
 * planned, with only the texts the sink needs (none of them when they stage the write themselves:
 * `staging`). `onPlanned` sees every result as it comes in, with what a worker staged (the caller
 * stages the main thread's writes meanwhile; it renames nothing until all plans are in) and ticks
 * progress.
 */
export async function planInWorkers(
  files: string[],
  cwd: string,
  settings: PlanSettings,
  onPlanned: (i: number, planned: Planned, worker?: WorkerResult) => void,
  staging?: WorkerStaging,
): Promise<Planned[]> {
  const [{ Worker }, { availableParallelism }] = await Promise.all([import('node:worker_threads'), import('node:os')])
  // The worker runs this very module (from the sources or the library's chunk) or the CLI bundle, whose
  // entry (src/cli/bin.ts) loads this module in a worker; either way the branch at the end of this
  // file does the work.
  const fromSource = import.meta.url.endsWith('.ts')
  const url = new URL(import.meta.url)
  const threads = Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.ceil(files.length / FILES_PER_THREAD)))
  const next = new SharedArrayBuffer(4)
  const counter = new Int32Array(next)
  const results: Planned[] = new Array(files.length)
  const done = (i: number, planned: Planned, worker?: WorkerResult) => {
    results[i] = planned
    onPlanned(i, planned, worker)
  }
  const input: WorkerInput = { files, cwd, settings, staging, next }
  // A signal before a worker's message arrives: its temp files are found by this process's pid in the
  // folders written to, once the gate is closed and no creation is under way.
  const dirs = staging === undefined || threads < 2 ? undefined : new Set(files.map((f) => dirname(resolve(cwd, f))))
  const unregister = dirs && tempFilesElsewhere(dirs, () => sharedGate(staging!.gate).settle(GATE_SETTLE_MS))
  const started: InstanceType<typeof Worker>[] = []
  const workers = Array.from({ length: threads - 1 }, () => {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(url, {
        argv: [PLAN_WORKER_ARG],
        workerData: { [WORKER_TAG]: true, ...input },
        execArgv: fromSource ? ['--import', 'tsx'] : [],
        resourceLimits: WORKER_LIMITS,
      })
      started.push(worker)
      worker.on('message', (msg: WorkerResult) => done(msg.i, msg.planned, msg))
      worker.on('error', reject)
      worker.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`a planning worker exited with code ${code}`)),
      )
    })
  })
  // The main thread plans too, between turns of its event loop (worker results, writes being staged).
  const here = (async () => {
    for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
      done(i, planFileSync(files[i]!, resolve(cwd, files[i]!), settings))
      await new Promise<void>((turn) => setImmediate(turn))
    }
  })()
  try {
    await Promise.all([here, ...workers])
  } catch (err) {
    // No point planning the rest: the run fails. Stop the other threads (the caller cleans up).
    Atomics.store(counter, 0, files.length)
    if (staging) sharedGate(staging.gate).close()
    await Promise.allSettled([here, ...started.map((w) => w.terminate())])
    // A stopped worker's temp files whose names never came back (nothing is renamed: the run fails).
    if (dirs) removeOwnTempFiles(dirs)
    throw err
  } finally {
    // Every temp file a worker made is the main thread's now (or the run failed and the caller removes them).
    unregister?.()
  }
  for (let i = 0; i < files.length; i++)
    if (results[i] === undefined) throw new Error(`no plan came back for ${files[i]}`)
  return results
}

/** The worker's loop: plan the next file until none is left; stage its write when `staging` says so. */
async function planAsWorker(input: WorkerInput, post: (result: WorkerResult) => void): Promise<void> {
  const { files, cwd, settings, staging, next } = input
  if (settings.fingerprint) await loadFingerprints()
  const counter = new Int32Array(next)
  const gate = staging && sharedGate(staging.gate)
  const stages = new Set<Promise<void>>()
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    const planned = planFileSync(files[i]!, resolve(cwd, files[i]!), settings)
    if (!gate) {
      post({ i, planned })
      continue
    }
    if (planned.result.status === 'error' && !staging.keepGoing) gate.close()
    if (planned.result.status === 'error' || !planned.changed || planned.abs === undefined) {
      post({ i, planned })
      continue
    }
    const slim: Planned = { ...planned, output: '', input: '' }
    const stage = stageFileAtomic(planned.abs, planned.output, {
      ...(planned.keyFile ? { mode: 0o600 } : {}),
      ...(planned.read === undefined ? {} : { expect: planned.read }),
      gate,
    }).then(
      (staged) => {
        handOverStagedWrite(staged)
        post({ i, planned: slim, staged: { temp: staged.temp, target: staged.target } })
      },
      (err: unknown) => {
        if (err instanceof StagingStopped) return post({ i, planned: slim })
        if (!staging.keepGoing) gate.close()
        const cause = err instanceof Error && err.cause !== undefined ? err.cause : err
        post({ i, planned: slim, stageError: describeFsError(cause) })
      },
    )
    stages.add(stage)
    void stage.then(() => stages.delete(stage))
    // Let the fsyncs under way report back; wait for one when enough are.
    if (stages.size >= WORKER_STAGES) await Promise.race(stages)
    else await new Promise<void>((turn) => setImmediate(turn))
  }
  await Promise.all(stages)
}

// In a planning worker: take the next file from the shared counter until none is left, and post each
// result back. The argument is checked first, so that the main thread never loads node:worker_threads.
if (process.argv.includes(PLAN_WORKER_ARG)) {
  void import('node:worker_threads').then(async ({ isMainThread, parentPort, workerData }) => {
    if (isMainThread || !(workerData as Record<string, unknown> | null)?.[WORKER_TAG]) return
    await planAsWorker(workerData as WorkerInput, (result) => parentPort!.postMessage(result))
  })
}
