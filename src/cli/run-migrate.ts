import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
// node:fs's promises, reached when first used: a run that writes nothing never loads them.
import { promises as fsp } from 'node:fs'
import { UsageError, type Diagnostic } from '../errors.js'
import {
  DEFAULT_MAX_BYTES,
  STDIN_NAME,
  expandPaths,
  readStdin,
  adoptStagedWrite,
  Staging,
  syncDirectory,
  cleanStaleTempFiles,
  describeFsError,
  DriftError,
  ioDiagnostic,
  loadFingerprints,
  readForReplace,
  type StageJob,
} from '../io/index.js'
import { resolveOptions } from '../pipeline/migrate.js'
import { normalizeRevertEndpoint } from '../pipeline/revert.js'
import type { MigrateArgs } from './args.js'
import type { Io } from './io.js'
import { diagnosticsText, fileLine, jsonReport, summaryLine, type FileResult, type ReportMode } from './report.js'
import { Progress, stderrPaint } from './style.js'
import { modeOf, type Mode } from './mode.js'
import { unifiedDiff } from './unified-diff.js'
import { hintStdin } from './stdin-hint.js'
import {
  PARALLEL_THRESHOLD,
  planFileSync,
  planInWorkers,
  planText,
  readError,
  type PlanCommand,
  type Planned,
  type PlanSettings,
  type WorkerResult,
} from './plan-files.js'
import { loadCertificate } from './load-certificate.js'
import { warnIfInGitTree } from './key-files.js'
import { SHORT_RUN_BYTES, planPaused, shortRunBytes } from './short-run.js'
// Not the ../secret barrel: that brings the certificate checks and node:crypto into every run.
import { redactSecretData } from '../secret/render-secret.js'

/** The migrate command: plan every input, then hand the results to one sink. Returns the exit code. */
export async function runMigrate(args: MigrateArgs, io: Io): Promise<0 | 1 | 2> {
  if (!args.endpoint)
    throw new UsageError(
      '--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443',
    )
  const opts: Parameters<typeof resolveOptions>[0] = {
    endpoint: args.endpoint,
    tiService: args.tiService,
    grpcAuthority: args.grpcAuthority,
  }
  if (args.secretName !== undefined) opts.secretName = args.secretName
  if (args.mountPath !== undefined) opts.mountPath = args.mountPath
  if (args.certPath !== undefined) opts.certPath = args.certPath
  if (args.keyPath !== undefined) opts.keyPath = args.keyPath
  // --revert: the endpoint is the original (non-mTLS) URL to restore, which may carry a path; the options
  // that shape a migration are refused with it (args.ts), so it has none.
  const command: PlanCommand = args.revert
    ? { kind: 'revert', endpoint: normalizeRevertEndpoint(args.endpoint) }
    : { kind: 'migrate', options: resolveOptions(opts) }
  const pems = await loadCertificate(args, io, args.quiet)
  if (pems === false) return 2
  if (pems && command.kind === 'migrate') command.options.secret = pems
  const maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES
  // --check and -l only report: they skip the guard (--write guards the same plan) and drop the texts.
  // Only --diff needs the input text back; --write and --out-dir learn on the planning thread which
  // outputs are key files (a regular expression over the whole output: not work for the main thread).
  const planSettings = (mode: Mode): PlanSettings => {
    const reporting = mode === 'check' || mode === 'list'
    const keyFiles = mode === 'write' ? 'changed' : mode === 'out-dir' ? 'all' : undefined
    return {
      command,
      maxBytes,
      verify: !reporting,
      keepText: !reporting,
      // Only the JSON report reads the lists (the key-file test runs where each file is planned).
      keepChanges: args.format === 'json',
      keepInput: mode === 'diff',
      // --write replaces a file only if it is still what was read (a user's edit meanwhile is never lost).
      fingerprint: mode === 'write',
      ...(keyFiles === undefined ? {} : { keyFiles }),
    }
  }
  const stdin = args.paths.length === 0 || (args.paths.length === 1 && args.paths[0] === '-')
  if (!stdin && args.paths.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with file paths')

  const planned: Planned[] = []
  let mode: Mode
  let staging: Staging<Planned> | undefined
  if (stdin) {
    mode = modeOf(args, 1, true)
    hintStdin(io, args.quiet)
    const read = await readStdin(io.stdin, maxBytes)
    const settings = planSettings(mode)
    const short = 'text' in read && read.text.length <= SHORT_RUN_BYTES
    planned.push(
      await planPaused(short, () =>
        'error' in read ? readError(STDIN_NAME, read.error) : planText(STDIN_NAME, read.text, settings),
      ),
    )
  } else {
    const { files, errors } = await expandPaths(
      args.paths,
      io.cwd,
      args.outDir === undefined ? {} : { outDir: args.outDir },
    )
    mode = modeOf(args, files.length + errors.length, false)
    for (const e of errors) planned.push(readError(e.file ?? args.paths.join(' '), e))
    const progress = Progress.create(io, {
      quiet: args.quiet,
      total: files.length,
      label: mode === 'check' || mode === 'list' ? 'checking' : 'planning',
    })
    const settings = planSettings(mode)
    if (mode === 'write' || mode === 'out-dir') await loadFingerprints()
    // --write stages each file's temp file (written, fsynced) as soon as its plan is in, while the
    // rest are planned; none is renamed before every file is planned and every temp file staged. A plan
    // that fails (without --keep-going) stops the staging, and finish() removes what was staged.
    if (mode === 'write') {
      staging = new Staging(args.keepGoing, false)
      if (errors.length > 0) staging.refuse()
    }
    const first = planned.length
    const onPlanned = (i: number, p: Planned, worker?: WorkerResult) => {
      if (staging) offer(staging, first + i, p, worker)
      progress?.tick()
    }
    try {
      if (files.length >= PARALLEL_THRESHOLD) {
        // Large batches are planned on every core; nothing is renamed into place until all plans are in.
        // Workers stage their own files' writes.
        const stageInWorkers = staging && { gate: staging.gate, keepGoing: args.keepGoing }
        planned.push(...(await planInWorkers(files, io.cwd, settings, onPlanned, stageInWorkers)))
      } else {
        // Read and planned one after the other, as the workers do: a synchronous read of a file the
        // page cache holds costs less than the thread-pool round trips of an asynchronous one, and a
        // pre-commit hook's run is mostly one or a few files.
        const abs = files.map((file) => resolve(io.cwd, file))
        await planPaused(shortRunBytes(abs) !== undefined, () => {
          for (let i = 0; i < files.length; i++) {
            const p = planFileSync(files[i]!, abs[i]!, settings)
            planned.push(p)
            onPlanned(i, p)
          }
        })
      }
    } catch (err) {
      await staging?.discard()
      throw err
    } finally {
      progress?.clear()
    }
  }
  try {
    return await finish(args, io, mode, planned, staging)
  } finally {
    // Whatever happened, no temp file of this run stays behind (a no-op for the files renamed into place).
    await staging?.discard()
  }
}

async function finish(
  args: MigrateArgs,
  io: Io,
  mode: Mode,
  planned: Planned[],
  staging: Staging<Planned> | undefined,
): Promise<0 | 1 | 2> {
  const results = planned.map((p) => p.result)
  const checking = mode === 'check' || mode === 'list'
  const verb = args.revert ? 'revert' : 'migrate'
  const paint = stderrPaint(io)
  const say = (line: string) => io.stderr.write(line + '\n')
  /** Many lines in one write (one system call, not thousands); nothing for none. */
  const sayAll = (lines: string[], to: Io['stdout'] = io.stderr) => {
    if (lines.length > 0) to.write(lines.join('\n') + '\n')
  }
  const planFailed = results.some((r) => r.status === 'error')
  // A write gives each file a line of its own (`a.yaml: error: <its first error>`): an error without a
  // position would say the same words twice, so only the file's line says it.
  const fileLines =
    (mode === 'write' || mode === 'out-dir') &&
    !args.quiet &&
    args.format !== 'json' &&
    !(mode === 'write' && args.listDifferent)
  const saidByFileLine = (r: FileResult, d: Diagnostic) =>
    fileLines && d === r.errors[0] && d.line === undefined && d.file === r.path
  sayAll(
    results.flatMap((r) =>
      diagnosticsText({ ...r, errors: r.errors.filter((d) => !saidByFileLine(r, d)) }, args.quiet, paint),
    ),
  )

  let refused = false
  let writeFailed = false
  let drifted = false
  if (mode === 'stdout') {
    if (!planFailed) io.stdout.write(planned[0]!.output)
  } else if (mode === 'diff') {
    for (const p of planned) {
      if (p.result.status === 'error' || !p.changed) continue
      const name = p.result.path.replace(/^\/+/, '') // git's labels: a/abs/path, not a//abs/path
      io.stdout.write(redactSecretData(unifiedDiff(p.input, p.output, `a/${name}`, `b/${name}`)))
    }
  } else if (mode === 'write' || mode === 'out-dir') {
    if (planFailed && !args.keepGoing) {
      refused = true
      await staging?.discard()
    } else {
      const { errors: writeErrors, drifted: someDrifted } = await writeAll(args, io, mode, planned, staging)
      // A file whose write failed had no error before: this one is its first, which its line says.
      if (!fileLines) sayAll(writeErrors.flatMap((d) => diagnosticsText({ ...EMPTY, errors: [d] }, args.quiet, paint)))
      writeFailed = writeErrors.length > 0
      drifted = someDrifted
      // Nothing reached the disk because a write failed: report it as a refused write.
      if (writeFailed && !results.some((r) => r.written)) refused = true
    }
  }
  const failed = results.some((r) => r.status === 'error')
  const needs = results.filter((r) => r.status === 'migrated' || r.unresolved)
  if (args.format === 'json') {
    io.stdout.write(jsonReport(results, REPORT_MODE[mode as keyof typeof REPORT_MODE] ?? 'check'))
  } else if (mode === 'list' || (mode === 'write' && args.listDifferent)) {
    const paths = (mode === 'list' ? needs : results.filter((x) => x.written)).map((r) => r.path)
    if (args.nullTerminated) io.stdout.write(paths.map((path) => path + '\0').join(''))
    else sayAll(paths, io.stdout)
  } else if (mode === 'check') {
    sayAll(
      needs.map((r) => fileLine(r, true, undefined, verb)),
      io.stdout,
    )
    if (!args.quiet) {
      say(summaryLine(results, true, verb))
      if (needs.length > 0 && !failed) say('run with --write to migrate them')
    }
  } else if ((mode === 'write' || mode === 'out-dir') && !args.quiet) {
    sayAll(
      results.map((r) =>
        fileLine(r, refused || (r.status === 'migrated' && !r.written && mode === 'write'), paint, verb),
      ),
    )
    say(summaryLine(results, refused, verb))
  }
  if (refused) {
    say(
      drifted
        ? 'nothing was written: a file changed during the run, so every file was left as it was; run again'
        : writeFailed
          ? 'nothing was written: a file could not be written, so every file was left as it was'
          : 'nothing was written: fix the errors above first (or use --keep-going to write the ' +
            'files that could be migrated)',
    )
  }
  if (failed) return 2
  return checking && needs.length > 0 ? 1 : 0
}

const EMPTY: FileResult = {
  path: '',
  status: 'error',
  unresolved: false,
  written: false,
  changes: [],
  warnings: [],
  errors: [],
}

const REPORT_MODE = {
  write: 'write',
  check: 'check',
  list: 'list-different',
  'out-dir': 'out-dir',
} as const satisfies Partial<Record<Mode, ReportMode>>

type Job = StageJob<Planned>

/**
 * A file planned during --write: staged when it changes (by the worker that planned it, or here); a
 * failed plan stops the staging unless --keep-going. The output text goes to the stage, not kept with
 * the plan: a batch holds no output it has written to disk.
 */
function offer(staging: Staging<Planned>, index: number, p: Planned, worker: WorkerResult | undefined): void {
  if (p.result.status === 'error') return staging.refuse()
  if (p.abs === undefined || !p.changed) return
  const job: Job = { index, item: p, dest: p.abs, expect: p.read }
  if (worker === undefined) {
    job.text = p.output
    p.output = ''
    if (p.keyFile) job.mode = 0o600
    return staging.add(job)
  }
  if (worker.staged !== undefined)
    job.staged = adoptStagedWrite(p.abs, worker.staged.temp, worker.staged.target, p.read)
  else if (worker.stageError !== undefined)
    job.error = new Error(`cannot write ${p.abs}: ${worker.stageError}`, { cause: new Error(worker.stageError) })
  staging.adopt(job)
}

/**
 * Writes in two phases: every output goes to a temp file beside its target first (fsynced), and only
 * when all of them could be written, and every target is still what was read (or, for a new --out-dir
 * file, still absent), are they renamed into place. A failure in the first phase (disk full, read-only
 * folder, a directory in the way, a file edited meanwhile) removes the temp files and leaves every
 * target as it was; with --keep-going only the failing file is skipped. A target edited after that
 * check, in the moment before its own rename, is left as it is and named, and the rest of the batch
 * goes on, as it does after a failed rename: the files before it are renamed already, so stopping
 * would keep nothing all or nothing, only leave more files unmigrated. Sets `written` on each result
 * that reached the disk, turns a failed write into an error on that file, and returns those errors
 * (`drifted`: one of them is an edit made meanwhile). `early`: the first phase, already begun while
 * planning (--write).
 */
async function writeAll(
  args: MigrateArgs,
  io: Io,
  mode: Mode,
  planned: Planned[],
  early: Staging<Planned> | undefined,
): Promise<{ errors: Diagnostic[]; drifted: boolean }> {
  const outDir = mode === 'out-dir' ? resolve(io.cwd, args.outDir!) : undefined
  let staging = early
  if (staging === undefined) {
    // Every job is known (and every --out-dir path checked) before the first temp file is written.
    const jobs: Job[] = []
    for (const [index, p] of planned.entries()) {
      if (p.result.status === 'error' || !p.abs) continue
      if (outDir === undefined) {
        if (p.changed) jobs.push({ index, item: p, dest: p.abs, expect: p.read, ...keyMode(p), text: p.output })
        continue
      }
      const rel = relative(io.cwd, p.abs)
      if (rel.startsWith('..') || isAbsolute(rel))
        throw new UsageError(
          `--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`,
        )
      const dest = join(outDir, rel)
      const there = readForReplace(dest)
      if (typeof there === 'object' && there.bytes.equals(Buffer.from(p.output, 'utf8'))) continue // keep its mtime
      const expect = typeof there === 'object' ? there.fingerprint : there
      jobs.push({ index, item: p, dest, expect, ...keyMode(p), text: p.output })
    }
    staging = new Staging<Planned>(args.keepGoing, outDir !== undefined)
    for (const job of jobs) staging.add(job)
  }

  const progress = Progress.create(io, { quiet: args.quiet, total: staging.jobs.length, label: 'writing' })
  for (let i = 0; i < staging.settled; i++) progress?.tick()
  staging.onSettled = () => progress?.tick()
  try {
    await staging.idle()
  } finally {
    staging.onSettled = undefined
    progress?.clear()
  }
  // In the order of the report, whatever order the plans came in.
  const jobs = [...staging.jobs].sort((a, b) => a.index - b.index)
  const failures: Diagnostic[] = []
  let drifted = false
  const fail = (job: Job, err: unknown) => {
    const cause = err instanceof Error && err.cause !== undefined ? err.cause : err
    const other = job.dest === job.item.abs ? undefined : relative(io.cwd, job.dest) // an --out-dir target
    const d = ioDiagnostic(
      job.item.result.path,
      cause instanceof DriftError
        ? `${other === undefined ? '' : `${other} `}${cause.message}`
        : `cannot write${other === undefined ? '' : ` ${other}`}: ${describeFsError(cause)}`,
    )
    job.item.result.status = 'error'
    job.item.result.errors.push(d)
    failures.push(d)
    if (cause instanceof DriftError) drifted = true
  }
  for (const job of jobs) if (job.error !== undefined) fail(job, job.error)
  // Every target is checked before the first rename, so that an edit made while the batch was planned
  // and staged keeps the batch all or nothing; commit() checks each again just before its rename.
  for (const job of jobs) {
    if (!job.staged) continue
    let problem: unknown
    try {
      const how = job.staged.drift()
      if (how !== undefined) problem = new DriftError(how)
    } catch (err) {
      problem = err
    }
    if (problem === undefined) continue
    fail(job, problem)
    await job.staged.abort()
    job.staged = undefined
  }
  if (failures.length > 0 && !args.keepGoing) {
    for (const job of jobs) await job.staged?.abort()
    // Only the folders we made, deepest first; rmdir leaves any that is not empty.
    for (const dir of staging.madeDirs.sort((a, b) => b.length - a.length)) await fsp.rmdir(dir).catch(() => undefined)
    return { errors: failures, drifted }
  }

  const dirs = new Set<string>()
  for (const job of jobs) {
    if (!job.staged) continue
    try {
      await job.staged.commit({ syncDir: false })
      job.item.result.written = true
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
    if (job.item.result.written && job.item.keyFile)
      await warnIfInGitTree(job.dest, outDir === undefined ? job.item.result.path : job.dest, io)
  }
  return { errors: failures, drifted }
}

const keyMode = (p: Planned): { mode?: number } => (p.keyFile ? { mode: 0o600 } : {})
