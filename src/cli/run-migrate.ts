import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { mkdir, readFile, rmdir } from 'node:fs/promises'
import { UsageError, type Diagnostic } from '../errors.js'
import { DEFAULT_MAX_BYTES, STDIN_NAME, expandPaths, readInput, readStdin, stageFileAtomic, syncDirectory, cleanStaleTempFiles, describeFsError, ioDiagnostic, type StagedWrite } from '../io/index.js'
import { resolveOptions } from '../pipeline/migrate.js'
import { normalizeRevertEndpoint } from '../pipeline/revert.js'
import type { MigrateArgs } from './args.js'
import type { Io } from './io.js'
import { diagnosticsText, fileLine, jsonReport, summaryLine, type FileResult, type ReportMode } from './report.js'
import { Progress, stderrPaint } from './style.js'
import { modeOf, type Mode } from './mode.js'
import { unifiedDiff } from './unified-diff.js'
import { PARALLEL_THRESHOLD, planInWorkers, planRead, planText, readError, type Planned, type PlanSettings } from './plan-files.js'
import { loadCertificate } from './load-certificate.js'
import { holdsKey, warnIfInGitTree } from './key-files.js'
import { redactSecretData } from '../secret/index.js'

/** The migrate command: plan every input, then hand the results to one sink. Returns the exit code. */
export async function runMigrate(args: MigrateArgs, io: Io): Promise<0 | 1 | 2> {
  if (!args.endpoint) throw new UsageError('--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443')
  const opts: Parameters<typeof resolveOptions>[0] = { endpoint: args.endpoint, tiService: args.tiService, grpcAuthority: args.grpcAuthority }
  if (args.secretName !== undefined) opts.secretName = args.secretName
  if (args.mountPath !== undefined) opts.mountPath = args.mountPath
  if (args.certPath !== undefined) opts.certPath = args.certPath
  if (args.keyPath !== undefined) opts.keyPath = args.keyPath
  // --revert: the endpoint is the original (non-mTLS) URL to restore, which may carry a path.
  const revertTo = args.revert ? normalizeRevertEndpoint(args.endpoint) : undefined
  const options = resolveOptions(revertTo === undefined ? opts : { endpoint: 'https://revert.invalid' })
  const pems = await loadCertificate(args, io, args.quiet)
  if (pems === false) return 2
  if (pems) options.secret = pems
  const maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES
  // --check and -l only report: they skip the guard (--write guards the same plan) and drop the texts.
  const planSettings = (mode: Mode): PlanSettings => {
    const reporting = mode === 'check' || mode === 'list'
    return { options, maxBytes, verify: !reporting, keepText: !reporting, ...(revertTo === undefined ? {} : { revertTo }) }
  }
  const stdin = args.paths.length === 0 || (args.paths.length === 1 && args.paths[0] === '-')
  if (!stdin && args.paths.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with file paths')

  const planned: Planned[] = []
  let mode: Mode
  if (stdin) {
    mode = modeOf(args, 1, true)
    const read = await readStdin(io.stdin, maxBytes)
    const settings = planSettings(mode)
    planned.push('error' in read ? readError(STDIN_NAME, read.error) : planText(STDIN_NAME, read.text, settings))
  } else {
    const { files, errors } = await expandPaths(args.paths, io.cwd)
    mode = modeOf(args, files.length + errors.length, false)
    for (const e of errors) planned.push(readError(e.file ?? args.paths.join(' '), e))
    const progress = Progress.create(io, { quiet: args.quiet, total: files.length, label: mode === 'check' || mode === 'list' ? 'checking' : 'planning' })
    const settings = planSettings(mode)
    try {
      if (files.length >= PARALLEL_THRESHOLD) {
        // Large batches are planned on every core; nothing is written until all plans are in.
        const jobs = files.map((file) => ({ file, abs: resolve(io.cwd, file) }))
        planned.push(...(await planInWorkers(jobs, settings, () => progress?.tick())))
      } else {
        // Reads run a few files ahead of planning (which is synchronous), so the disk and the CPU overlap.
        const reads = readAhead(files, (file) => readInput(resolve(io.cwd, file), { maxBytes }))
        for (const file of files) {
          planned.push(planRead(file, resolve(io.cwd, file), await reads.next(), settings))
          progress?.tick()
        }
      }
    } finally {
      progress?.clear()
    }
  }
  return finish(args, io, mode, planned)
}

/** How many reads may be in flight ahead of the file being planned. */
const READ_AHEAD = 16

/** Calls `read` on the items in order, at most `READ_AHEAD` ahead of the consumer; `next()` returns results in order. */
function readAhead<T, R>(items: T[], read: (item: T) => Promise<R>): { next(): Promise<R> } {
  const pending: Promise<R>[] = []
  let started = 0
  const fill = () => {
    while (started < items.length && pending.length < READ_AHEAD) pending.push(read(items[started++]!))
  }
  return {
    next() {
      fill()
      const p = pending.shift()
      if (!p) throw new Error('readAhead: no more items')
      fill()
      return p
    },
  }
}

async function finish(args: MigrateArgs, io: Io, mode: Mode, planned: Planned[]): Promise<0 | 1 | 2> {
  const results = planned.map((p) => p.result)
  const checking = mode === 'check' || mode === 'list'
  const verb = args.revert ? 'revert' : 'migrate'
  const paint = stderrPaint(io)
  const say = (line: string) => io.stderr.write(line + '\n')
  const planFailed = results.some((r) => r.status === 'error')
  for (const r of results) for (const line of diagnosticsText(r, args.quiet, paint)) say(line)

  let refused = false
  let writeFailed = false
  if (mode === 'stdout') {
    if (!planFailed) io.stdout.write(planned[0]!.output)
  } else if (mode === 'diff') {
    for (const p of planned) {
      if (p.result.status === 'error' || p.input === p.output) continue
      const name = p.result.path.replace(/^\/+/, '') // git's labels: a/abs/path, not a//abs/path
      io.stdout.write(redactSecretData(unifiedDiff(p.input, p.output, `a/${name}`, `b/${name}`)))
    }
  } else if (mode === 'write' || mode === 'out-dir') {
    if (planFailed && !args.keepGoing) refused = true
    else {
      const writeErrors = await writeAll(args, io, mode, planned)
      for (const d of writeErrors) for (const line of diagnosticsText({ ...EMPTY, errors: [d] }, args.quiet, paint)) say(line)
      writeFailed = writeErrors.length > 0
      // Nothing reached the disk because a write failed: report it as a refused write.
      if (writeFailed && !results.some((r) => r.written)) refused = true
    }
  }
  const failed = results.some((r) => r.status === 'error')
  const needs = results.filter((r) => r.status === 'migrated' || r.unresolved)
  if (args.format === 'json') {
    io.stdout.write(jsonReport(results, REPORT_MODE[mode as keyof typeof REPORT_MODE] ?? 'check'))
  } else if (mode === 'list' || (mode === 'write' && args.listDifferent)) {
    for (const r of mode === 'list' ? needs : results.filter((x) => x.written)) io.stdout.write(r.path + '\n')
  } else if (mode === 'check') {
    for (const r of needs) io.stdout.write(fileLine(r, true, undefined, verb) + '\n')
    if (!args.quiet) {
      say(summaryLine(results, true, verb))
      if (needs.length > 0 && !failed) say('run with --write to migrate them')
    }
  } else if ((mode === 'write' || mode === 'out-dir') && !args.quiet) {
    for (const r of results) say(fileLine(r, refused || (r.status === 'migrated' && !r.written && mode === 'write'), paint, verb))
    say(summaryLine(results, refused, verb))
  }
  if (refused) {
    say(writeFailed
      ? 'nothing was written: a file could not be written, so every file was left as it was'
      : 'nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)')
  }
  if (failed) return 2
  return checking && needs.length > 0 ? 1 : 0
}

const EMPTY: FileResult = { path: '', status: 'error', unresolved: false, written: false, changes: [], warnings: [], errors: [] }

const REPORT_MODE = { write: 'write', check: 'check', list: 'list-different', 'out-dir': 'out-dir' } as const satisfies Partial<Record<Mode, ReportMode>>

interface Job {
  p: Planned
  /** Where the output goes: the input itself (--write) or its mirror under --out-dir. */
  dest: string
  staged?: StagedWrite
}

/**
 * Writes in two phases: every output goes to a temp file beside its target first (fsynced), and only
 * when all of them could be written are they renamed into place. A failure in the first phase (disk
 * full, read-only folder, a directory in the way) removes the temp files and leaves every target as it
 * was; with --keep-going only the failing file is skipped. Sets `written` on each result that reached
 * the disk, turns a failed write into an error on that file, and returns those errors.
 */
async function writeAll(args: MigrateArgs, io: Io, mode: Mode, planned: Planned[]): Promise<Diagnostic[]> {
  const jobs: Job[] = []
  const outDir = mode === 'out-dir' ? resolve(io.cwd, args.outDir!) : undefined
  for (const p of planned) {
    if (p.result.status === 'error' || !p.abs) continue
    if (outDir === undefined) {
      if (p.input !== p.output) jobs.push({ p, dest: p.abs })
      continue
    }
    const rel = relative(io.cwd, p.abs)
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`)
    const dest = join(outDir, rel)
    if ((await readFile(dest, 'utf8').catch(() => undefined)) === p.output) continue // already there: keep its mtime
    jobs.push({ p, dest })
  }

  const progress = Progress.create(io, { quiet: args.quiet, total: jobs.length, label: 'writing' })
  const madeDirs: string[] = []
  const failures: Diagnostic[] = []
  const fail = (job: Job, err: unknown) => {
    const why = describeFsError(err instanceof Error && err.cause !== undefined ? err.cause : err)
    const d = ioDiagnostic(job.p.result.path, `cannot write${job.dest === job.p.abs ? '' : ` ${relative(io.cwd, job.dest)}`}: ${why}`)
    job.p.result.status = 'error'
    job.p.result.errors.push(d)
    failures.push(d)
  }
  // Several temp files are written (and fsynced) at once; after a failure no new one is started.
  let next = 0
  const worker = async () => {
    while (next < jobs.length && (failures.length === 0 || args.keepGoing)) {
      const job = jobs[next++]!
      try {
        if (outDir !== undefined) {
          const made = await mkdir(dirname(job.dest), { recursive: true })
          if (made !== undefined) madeDirs.push(...createdChain(made, dirname(job.dest)))
        }
        job.staged = await stageFileAtomic(job.dest, job.p.output, holdsKey(job.p.result, job.p.output) ? { mode: 0o600 } : {})
      } catch (err) {
        fail(job, err)
      }
      progress?.tick()
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, jobs.length) }, worker))
  } finally {
    progress?.clear()
  }
  if (failures.length > 0 && !args.keepGoing) {
    for (const job of jobs) await job.staged?.abort()
    // Only the folders we made, deepest first; rmdir leaves any that is not empty.
    for (const dir of madeDirs.sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => undefined)
    return failures
  }

  const dirs = new Set<string>()
  for (const job of jobs) {
    if (!job.staged) continue
    try {
      await job.staged.commit({ syncDir: false })
      job.p.result.written = true
      dirs.add(dirname(job.staged.target))
    } catch (err) {
      fail(job, err)
    }
  }
  for (const dir of dirs) await syncDirectory(dir)
  // Leftovers of a killed run go in every folder this run read from, not only those it wrote to (a
  // folder whose files were all migrated before the kill gets no write now). Best effort: a folder
  // that cannot be listed keeps them.
  if (mode === 'write') {
    for (const p of planned) if (p.abs) dirs.add(dirname(p.abs))
    for (const dir of dirs) await cleanStaleTempFiles(dir).catch(() => 0)
  }
  for (const job of jobs) {
    if (job.p.result.written && holdsKey(job.p.result, job.p.output)) await warnIfInGitTree(job.dest, outDir === undefined ? job.p.result.path : job.dest, io)
  }
  return failures
}

/** How many temp files are written at once. */
const WRITE_CONCURRENCY = 8

/** The folders `mkdir -p` created: from `top` (the first it made) down to `leaf`. */
function createdChain(top: string, leaf: string): string[] {
  const chain: string[] = []
  for (let dir = leaf; dir.length >= top.length; dir = dirname(dir)) {
    chain.unshift(dir)
    if (dir === top || dirname(dir) === dir) break
  }
  return chain
}
