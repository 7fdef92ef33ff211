// node:fs's promises, reached when first used: a run that writes nothing never loads them.
import { promises as fsp } from 'node:fs'
import { dirname } from 'node:path'
import { stageFileAtomic, type CreateGate, type StagedWrite } from './atomic-write.js'
import type { Expected } from './fingerprint.js'

/** One file of a batch write. `T`: what the caller keeps with it (its plan and report entry). */
export interface StageJob<T> {
  /** The file's place in the report: renames go in this order. */
  index: number
  item: T
  /** Where the output goes: the input itself (--write) or its mirror under --out-dir. */
  dest: string
  /** What `dest` must still be when it is replaced: as it was read, or absent (a new --out-dir file). */
  expect: Expected | undefined
  /** The text to stage (dropped once staged: a batch holds no output it has written to disk). */
  text?: string
  /** The temp file's mode (0o600 for a key file); else the target's. */
  mode?: number
  staged?: StagedWrite
  /** Why staging failed; reported only if the write goes ahead (not when a plan failed meanwhile). */
  error?: unknown
}

/** The slots of `Staging.gate`: closed (no new temp file), and how many creations are under way. */
const CLOSED = 0
const BUSY = 1

/**
 * The gate of a batch's temp files, shared with the threads that stage some of them (planning workers
 * of a --write): closed once the batch will not be written (a failed plan or stage without
 * --keep-going, or a signal), after which no thread creates another temp file.
 */
export function sharedGate(buffer: SharedArrayBuffer): CreateGate & { close(): void; settle(ms: number): void } {
  const slots = new Int32Array(buffer)
  return {
    enter() {
      Atomics.add(slots, BUSY, 1)
      if (Atomics.load(slots, CLOSED) === 0) return true
      this.leave()
      return false
    },
    leave() {
      if (Atomics.sub(slots, BUSY, 1) === 1) Atomics.notify(slots, BUSY)
    },
    close() {
      Atomics.store(slots, CLOSED, 1)
    },
    /** Closes the gate and waits (at most `ms`) until no creation is under way. */
    settle(ms: number) {
      Atomics.store(slots, CLOSED, 1)
      const until = Date.now() + ms
      for (let busy = Atomics.load(slots, BUSY); busy !== 0; busy = Atomics.load(slots, BUSY)) {
        const left = until - Date.now()
        if (left <= 0) return
        Atomics.wait(slots, BUSY, busy, left)
      }
    },
  }
}

/**
 * The first phase of a batch write: temp files written (and fsynced) beside their targets, several at
 * once, as jobs come in (for --write, while the rest of the batch is still being planned), or taken
 * over from the thread that staged them. After a failed stage, or a failure reported by `refuse`, no
 * new one starts (unless --keep-going). Renames nothing.
 */
export class Staging<T> {
  /** Every job, in the order they came. */
  readonly jobs: StageJob<T>[] = []
  /** The folders --out-dir created for its temp files, removed again if the write is called off. */
  readonly madeDirs: string[] = []
  /** Shared with the threads that stage jobs of this batch: see `sharedGate`. */
  readonly gate = new SharedArrayBuffer(8)
  /** Jobs that are staged or failed. */
  settled = 0
  onSettled: (() => void) | undefined
  private readonly queue: StageJob<T>[] = []
  private active = 0
  private stopped = false
  private failed = false
  private waiters: (() => void)[] = []

  constructor(
    private readonly keepGoing: boolean,
    /** --out-dir: create the target's folder first. */
    private readonly mkdirs: boolean,
  ) {}

  /** Something else failed (a plan): without --keep-going nothing will be written, so no new temp file is started. */
  refuse(): void {
    if (!this.keepGoing) this.stop()
  }

  /** Stages `job.text` to `job.dest`. */
  add(job: StageJob<T>): void {
    this.jobs.push(job)
    this.queue.push(job)
    this.pump()
  }

  /** A job another thread staged (`job.staged`, now this thread's), failed to stage (`job.error`) or skipped. */
  adopt(job: StageJob<T>): void {
    this.jobs.push(job)
    if (job.error !== undefined) this.fail()
    this.settled++
    this.onSettled?.()
  }

  /** Resolves once no stage is running and none is waiting to start (all done, or stopped). */
  async idle(): Promise<void> {
    while (this.active > 0 || (this.queue.length > 0 && this.open()))
      await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  /** Stops staging, waits for the stages running, and removes every temp file not renamed into place. */
  async discard(): Promise<void> {
    this.stop()
    await this.idle()
    for (const job of this.jobs) await job.staged?.abort()
  }

  private stop(): void {
    this.stopped = true
    sharedGate(this.gate).close()
  }

  private fail(): void {
    this.failed = true
    if (!this.keepGoing) sharedGate(this.gate).close()
  }

  private open(): boolean {
    return !this.stopped && (!this.failed || this.keepGoing)
  }

  private pump(): void {
    while (this.active < WRITE_CONCURRENCY && this.queue.length > 0 && this.open()) {
      const job = this.queue.shift()!
      this.active++
      void this.stage(job).then(() => {
        this.active--
        this.settled++
        this.onSettled?.()
        this.pump()
        if (this.active === 0) for (const wake of this.waiters.splice(0)) wake()
      })
    }
  }

  private async stage(job: StageJob<T>): Promise<void> {
    const text = job.text ?? ''
    job.text = undefined
    try {
      if (this.mkdirs) {
        const made = await fsp.mkdir(dirname(job.dest), { recursive: true })
        if (made !== undefined) this.madeDirs.push(...createdChain(made, dirname(job.dest)))
      }
      job.staged = await stageFileAtomic(job.dest, text, {
        ...(job.mode === undefined ? {} : { mode: job.mode }),
        ...(job.expect === undefined ? {} : { expect: job.expect }),
      })
    } catch (err) {
      job.error = err
      this.fail()
    }
  }
}

/** How many temp files are staged at once (their fsyncs run together in the thread pool). */
export const WRITE_CONCURRENCY = 8

/** The folders `mkdir -p` created: from `top` (the first it made) down to `leaf`. */
function createdChain(top: string, leaf: string): string[] {
  const chain: string[] = []
  for (let dir = leaf; dir.length >= top.length; dir = dirname(dir)) {
    chain.unshift(dir)
    if (dir === top || dirname(dir) === dir) break
  }
  return chain
}
