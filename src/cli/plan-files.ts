import { availableParallelism } from 'node:os'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { Diagnostic } from '../errors.js'
import { readInput, type ReadResult } from '../io/index.js'
import type { MtlsOptions } from '../mtls/types.js'
import { migrate } from '../pipeline/migrate.js'
import { revert } from '../pipeline/revert.js'
import { statusOf, type FileResult } from './report.js'

/** One input after planning: what the sinks need. */
export interface Planned {
  result: FileResult
  input: string
  output: string
  /** Absolute path, for writing; undefined for stdin. */
  abs?: string
}

/** How files are planned: the migration's options and what the sink needs back. */
export interface PlanSettings {
  options: MtlsOptions
  maxBytes: number
  /** Run the semantic guard (every mode that emits or writes text). */
  verify: boolean
  /** Keep the input and output texts (not needed by --check and -l, which only report). */
  keepText: boolean
  /** `--revert`: restore this (non-mTLS) endpoint instead of migrating. */
  revertTo?: string
}

export function planText(name: string, text: string, settings: PlanSettings): Planned {
  const r =
    settings.revertTo === undefined
      ? migrate(text, { ...settings.options, file: name }, { verify: settings.verify })
      : revert(text, { endpoint: settings.revertTo, file: name })
  const errors = r.diagnostics.filter((d) => d.severity === 'error')
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning')
  const keep = settings.keepText
  return {
    input: keep ? text : '',
    output: keep ? r.output : '',
    result: { path: name, status: statusOf(r.status), unresolved: r.unresolved, written: false, changes: r.changes, warnings, errors },
  }
}

export const readError = (path: string, error: Diagnostic): Planned => ({
  input: '',
  output: '',
  result: { path, status: 'error', unresolved: false, written: false, changes: [], warnings: [], errors: [error] },
})

/** Plans one file from what reading it gave (its text, or why it could not be read). */
export function planRead(file: string, abs: string, read: ReadResult, settings: PlanSettings): Planned {
  const p = 'error' in read ? readError(file, { ...read.error, file }) : planText(file, read.text, settings)
  return { ...p, abs }
}

/** Reads and plans one file (the unit of work of each worker). */
export async function planFile(file: string, abs: string, settings: PlanSettings): Promise<Planned> {
  return planRead(file, abs, await readInput(abs, { maxBytes: settings.maxBytes }), settings)
}

const WORKER_TAG = 'delegateMtlsPlanWorker'

/** Batches at least this large are spread over worker threads (below it, starting workers costs more). */
export const PARALLEL_THRESHOLD = 200

/**
 * Plans files on every core: worker threads each take an interleaved share and send their results
 * back; the caller writes nothing until all are in (plan all, then write). `onDone` ticks progress.
 */
export async function planInWorkers(jobs: { file: string; abs: string }[], settings: PlanSettings, onDone: () => void): Promise<Planned[]> {
  const { Worker } = await import('node:worker_threads')
  // The worker runs this very module (in the bundle: the chunk that holds it); see the end of the file.
  const fromSource = import.meta.url.endsWith('.ts')
  const url = new URL(import.meta.url)
  const count = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(jobs.length / 100)))
  const results: Planned[] = new Array(jobs.length)
  await Promise.all(
    Array.from({ length: count }, (_, w) => {
      const share = jobs.map((job, i) => ({ ...job, i })).filter((job) => job.i % count === w)
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(url, { workerData: { [WORKER_TAG]: true, jobs: share, settings }, execArgv: fromSource ? ['--import', 'tsx'] : [] })
        worker.on('message', (msg: { i: number; planned: Planned }) => {
          results[msg.i] = msg.planned
          onDone()
        })
        worker.on('error', reject)
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a planning worker exited with code ${code}`))))
      })
    }),
  )
  return results
}

// In a planning worker: plan this thread's share of the files and post each result back.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_TAG]) {
  const { jobs, settings } = workerData as { jobs: { file: string; abs: string; i: number }[]; settings: PlanSettings }
  void (async () => {
    for (const job of jobs) parentPort!.postMessage({ i: job.i, planned: await planFile(job.file, job.abs, settings) })
  })()
}
