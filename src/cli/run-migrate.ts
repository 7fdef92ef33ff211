import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { UsageError, type Diagnostic } from '../errors.js'
import { DEFAULT_MAX_BYTES, STDIN_NAME, expandPaths, readInput, readStdin, writeFileAtomic, cleanStaleTempFiles } from '../io/index.js'
import { migrate, resolveOptions } from '../pipeline/migrate.js'
import type { MtlsOptions } from '../mtls/types.js'
import type { MigrateArgs } from './args.js'
import type { Io } from './io.js'
import { diagnosticsText, fileLine, jsonReport, statusOf, summaryLine, type FileResult } from './report.js'
import { unifiedDiff } from './unified-diff.js'
import { loadCertificate } from './load-certificate.js'
import { holdsKey, warnIfInGitTree } from './key-files.js'
import { redactSecretData } from '../secret/index.js'

interface Planned {
  result: FileResult
  input: string
  output: string
  /** Absolute path, for writing; undefined for stdin. */
  abs?: string
}

type Mode = 'stdout' | 'write' | 'check' | 'list' | 'diff' | 'out-dir'

function modeOf(args: MigrateArgs, inputs: number, stdin: boolean): Mode {
  const chosen = [args.write && 'write', args.check && 'check', args.listDifferent && !args.write && 'list', args.diff && 'diff', args.outDir !== undefined && 'out-dir'].filter(Boolean) as Mode[]
  if (chosen.length > 1) throw new UsageError(`choose one of --write, --check, --list-different, --diff, --out-dir (got ${chosen.map((m) => `--${m === 'list' ? 'list-different' : m}`).join(' and ')})`)
  const mode = chosen[0] ?? 'stdout'
  if (stdin && (mode === 'write' || mode === 'out-dir')) throw new UsageError(`--${mode} needs file paths; standard input can only be printed, checked or diffed`)
  if (mode === 'stdout' && inputs > 1) throw new UsageError('several files need a mode: --write, --check, --list-different, --diff or --out-dir')
  return mode
}

function plan(name: string, text: string, options: MtlsOptions): Planned {
  const r = migrate(text, { ...options, file: name })
  const errors = r.diagnostics.filter((d) => d.severity === 'error')
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning')
  return { input: text, output: r.output, result: { path: name, status: statusOf(r.status), unresolved: r.unresolved, changes: r.changes, warnings, errors } }
}

const readError = (path: string, error: Diagnostic): Planned => ({
  input: '', output: '', result: { path, status: 'error', unresolved: false, changes: [], warnings: [], errors: [error] },
})

/** The migrate command: plan every input, then hand the results to one sink. Returns the exit code. */
export async function runMigrate(args: MigrateArgs, io: Io): Promise<0 | 1 | 2> {
  if (!args.endpoint) throw new UsageError('--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443')
  const opts: Parameters<typeof resolveOptions>[0] = { endpoint: args.endpoint, tiService: args.tiService, grpcAuthority: args.grpcAuthority }
  if (args.secretName !== undefined) opts.secretName = args.secretName
  if (args.mountPath !== undefined) opts.mountPath = args.mountPath
  const options = resolveOptions(opts)
  const pems = await loadCertificate(args, io, args.quiet)
  if (pems === false) return 2
  if (pems) options.secret = pems
  const maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES
  const stdin = args.paths.length === 0 || (args.paths.length === 1 && args.paths[0] === '-')
  if (!stdin && args.paths.includes('-')) throw new UsageError('"-" (standard input) cannot be mixed with file paths')

  const planned: Planned[] = []
  let mode: Mode
  if (stdin) {
    mode = modeOf(args, 1, true)
    const read = await readStdin(io.stdin, maxBytes)
    planned.push('error' in read ? readError(STDIN_NAME, read.error) : plan(STDIN_NAME, read.text, options))
  } else {
    const { files, errors } = await expandPaths(args.paths, io.cwd)
    mode = modeOf(args, files.length + errors.length, false)
    for (const e of errors) planned.push(readError(e.file ?? args.paths.join(' '), e))
    for (const file of files) {
      const abs = resolve(io.cwd, file)
      const read = await readInput(abs, { maxBytes })
      const p = 'error' in read ? readError(file, { ...read.error, file }) : plan(file, read.text, options)
      planned.push({ ...p, abs })
    }
  }
  return finish(args, io, mode, planned)
}

async function finish(args: MigrateArgs, io: Io, mode: Mode, planned: Planned[]): Promise<0 | 1 | 2> {
  const results = planned.map((p) => p.result)
  const failed = results.some((r) => r.status === 'error')
  const checking = mode === 'check' || mode === 'list'
  const say = (line: string) => io.stderr.write(line + '\n')
  for (const r of results) for (const line of diagnosticsText(r, args.quiet)) say(line)

  if (mode === 'stdout') {
    if (!failed) io.stdout.write(planned[0]!.output)
  } else if (mode === 'diff') {
    for (const p of planned) {
      if (p.result.status === 'error' || p.input === p.output) continue
      io.stdout.write(redactSecretData(unifiedDiff(p.input, p.output, `a/${p.result.path}`, `b/${p.result.path}`)))
    }
  } else if (mode === 'write' || mode === 'out-dir') {
    if (failed && !args.keepGoing) {
      say('nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)')
    } else {
      await writeAll(args, io, mode, planned)
    }
  }
  const needs = results.filter((r) => r.status === 'migrated' || r.unresolved)
  if (args.format === 'json') {
    io.stdout.write(jsonReport(results, mode))
  } else if (mode === 'list' || (mode === 'write' && args.listDifferent)) {
    for (const r of mode === 'list' ? needs : results.filter((x) => x.status === 'migrated')) io.stdout.write(r.path + '\n')
  } else if (mode === 'check') {
    for (const r of needs) io.stdout.write(fileLine(r, true) + '\n')
    if (!args.quiet) {
      say(summaryLine(results, true))
      if (needs.length > 0 && !failed) say('run with --write to migrate them')
    }
  } else if (mode !== 'stdout' && !args.quiet) {
    for (const r of results) say(fileLine(r, false))
    say(summaryLine(results, false))
  }
  if (failed) return 2
  return checking && needs.length > 0 ? 1 : 0
}

async function writeAll(args: MigrateArgs, io: Io, mode: Mode, planned: Planned[]): Promise<void> {
  const dirs = new Set<string>()
  for (const p of planned) {
    if (p.result.status === 'error' || !p.abs) continue
    if (mode === 'write') {
      if (p.input === p.output) continue
      dirs.add(dirname(p.abs))
      await writeFileAtomic(p.abs, p.output, holdsKey(p.result) ? { mode: 0o600 } : {})
      if (holdsKey(p.result)) await warnIfInGitTree(p.abs, p.result.path, io)
    } else {
      const rel = relative(io.cwd, p.abs)
      if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`)
      const target = join(resolve(io.cwd, args.outDir!), rel)
      await mkdir(dirname(target), { recursive: true })
      await writeFileAtomic(target, p.output, holdsKey(p.result) ? { mode: 0o600 } : {})
      if (holdsKey(p.result)) await warnIfInGitTree(target, target, io)
    }
  }
  for (const dir of dirs) await cleanStaleTempFiles(dir)
}
