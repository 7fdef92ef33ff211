import { formatDiagnostic, type Diagnostic } from '../errors.js'
import type { Change } from '../mtls/types.js'
import type { MigrateStatus } from '../pipeline/migrate.js'
import type { Paint } from './style.js'

/** What the CLI knows about one input after planning (the JSON report's per-file object). */
export interface FileResult {
  /** The path as the user named it; `<stdin>` for standard input. */
  path: string
  /** `migrated` (or would be, in check mode), `already-mtls`, `no-delegate`, or `error`. */
  status: 'migrated' | 'already-mtls' | 'no-delegate' | 'error'
  /** True when a value could not be changed because it lives outside the input. */
  unresolved: boolean
  /** True when this run wrote the result to disk (in place with --write, or under --out-dir). */
  written: boolean
  /** The planned changes; empty when the run reports only their number (text `--check` and `-l`: see `changeCount`). */
  changes: Change[]
  /** How many changes were planned, when `changes` was not kept (a fleet's check must not hold every list). */
  changeCount?: number
  warnings: Diagnostic[]
  errors: Diagnostic[]
}

export const statusOf = (s: MigrateStatus): FileResult['status'] =>
  s === 'migrated' ? 'migrated' : s === 'already' ? 'already-mtls' : s === 'none' ? 'no-delegate' : 'error'

/** Labels after a write (`done`) and when nothing was written: --check, -l, or a write refused because of errors. */
const LABEL: Record<FileResult['status'], [done: string, planned: string]> = {
  migrated: ['migrated', 'needs migrating'],
  'already-mtls': ['already mTLS', 'already mTLS'],
  'no-delegate': ['nothing to do', 'nothing to do'],
  error: ['error', 'error'],
}
/** The same, for `--revert`. */
const REVERT_LABEL: Record<FileResult['status'], [done: string, planned: string]> = {
  migrated: ['reverted', 'needs reverting'],
  'already-mtls': ['nothing to revert', 'nothing to revert'],
  'no-delegate': ['nothing to do', 'nothing to do'],
  error: ['error', 'error'],
}
export type Verb = 'migrate' | 'revert'
const COLOR: Record<FileResult['status'], keyof Paint> = {
  migrated: 'green',
  'already-mtls': 'dim',
  'no-delegate': 'dim',
  error: 'red',
}

const plain: Paint = { green: String, yellow: String, red: String, dim: String, cyan: String, bold: String }

/**
 * One line per file: `a.yaml: migrated (12 changes)`, `b.yaml: already mTLS`, `c.yaml: nothing to do`,
 * `d.yaml: error: <first error>`. `planned`: nothing was written (check mode, or a refused write).
 */
export function fileLine(r: FileResult, planned: boolean, paint: Paint = plain, verb: Verb = 'migrate'): string {
  const label = (verb === 'revert' ? REVERT_LABEL : LABEL)[r.status][planned ? 1 : 0]
  const color = r.status === 'migrated' && planned ? 'yellow' : COLOR[r.status]
  const n = r.changeCount ?? r.changes.length
  const detail =
    r.status === 'migrated'
      ? ` (${n} change${n === 1 ? '' : 's'})`
      : r.status === 'error'
        ? `: ${r.errors[0]?.message ?? 'failed'}`
        : ''
  const unresolved = r.unresolved ? ' — a value outside this file must be changed too' : ''
  return `${r.path}: ${paint[color](label)}${detail}${unresolved}`
}

/** `12 files: 7 migrated, 3 already mTLS, 1 without a delegate, 1 error` (`to migrate` when nothing was written). */
export function summaryLine(results: FileResult[], planned: boolean, verb: Verb = 'migrate'): string {
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length
  const revert = verb === 'revert'
  const parts = [
    [count('migrated'), revert ? (planned ? 'to revert' : 'reverted') : planned ? 'to migrate' : 'migrated'],
    [count('already-mtls'), revert ? 'without mTLS changes' : 'already mTLS'],
    [count('no-delegate'), 'without a delegate'],
    [count('error'), count('error') === 1 ? 'error' : 'errors'],
  ].filter(([n]) => (n as number) > 0)
  const n = results.length
  return `${n} file${n === 1 ? '' : 's'}: ${
    parts.length ? parts.map(([c, l]) => `${c} ${l}`).join(', ') : 'nothing to do'
  }`
}

/** `file:line:col: error: message` lines, errors first; warnings left out when quiet. */
export const diagnosticsText = (r: FileResult, quiet: boolean, paint: Paint = plain): string[] =>
  [...r.errors, ...(quiet ? [] : r.warnings)].map((d) => {
    const line = formatDiagnostic(d)
    const tail = `: ${d.severity}: ${d.message}`
    if (!line.endsWith(tail)) return line
    return (
      `${line.slice(0, -tail.length)}: ` +
      `${paint[d.severity === 'error' ? 'red' : 'yellow'](d.severity)}: ${d.message}`
    )
  })

/** Report `mode` names: the flag that chose the sink. */
export type ReportMode = 'write' | 'check' | 'list-different' | 'out-dir'

/** The `--format json` report: one object, see schemas/report.schema.json. */
export function jsonReport(results: FileResult[], mode: ReportMode): string {
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length
  const report = {
    version: 1,
    mode,
    files: results.map((r) => ({
      path: r.path,
      status: r.status,
      unresolved: r.unresolved,
      written: r.written,
      changes: r.changes,
      warnings: r.warnings,
      errors: r.errors,
    })),
    summary: {
      files: results.length,
      migrated: count('migrated'),
      alreadyMtls: count('already-mtls'),
      noDelegate: count('no-delegate'),
      errors: count('error'),
      written: results.filter((r) => r.written).length,
    },
  }
  return JSON.stringify(report, null, 2) + '\n'
}
