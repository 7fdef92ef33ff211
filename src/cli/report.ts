import { formatDiagnostic, type Diagnostic } from '../errors.js'
import type { Change } from '../mtls/types.js'
import type { MigrateStatus } from '../pipeline/migrate.js'

/** What the CLI knows about one input after planning (the JSON report's per-file object). */
export interface FileResult {
  /** The path as the user named it; `<stdin>` for standard input. */
  path: string
  /** `migrated` (or would be, in check mode), `already-mtls`, `no-delegate`, or `error`. */
  status: 'migrated' | 'already-mtls' | 'no-delegate' | 'error'
  /** True when a value could not be changed because it lives outside the input. */
  unresolved: boolean
  changes: Change[]
  warnings: Diagnostic[]
  errors: Diagnostic[]
}

export const statusOf = (s: MigrateStatus): FileResult['status'] =>
  s === 'migrated' ? 'migrated' : s === 'already' ? 'already-mtls' : s === 'none' ? 'no-delegate' : 'error'

const LABEL: Record<FileResult['status'], [string, string]> = {
  migrated: ['migrated', 'needs migrating'],
  'already-mtls': ['already mTLS', 'already mTLS'],
  'no-delegate': ['nothing to do', 'nothing to do'],
  error: ['error', 'error'],
}

/** One line per file: `path: migrated (12 changes)`. */
export function fileLine(r: FileResult, checking: boolean): string {
  const label = LABEL[r.status][checking ? 1 : 0]
  const detail =
    r.status === 'migrated' ? ` (${r.changes.length} change${r.changes.length === 1 ? '' : 's'})`
    : r.status === 'error' ? `: ${r.errors[0]?.message ?? 'failed'}`
    : ''
  const unresolved = r.unresolved ? ' — a value outside this file must be changed too' : ''
  return `${r.path}: ${label}${detail}${unresolved}`
}

/** `12 files: 7 migrated, 3 already mTLS, 1 without a delegate, 1 error`. */
export function summaryLine(results: FileResult[], checking: boolean): string {
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length
  const parts = [
    [count('migrated'), checking ? 'to migrate' : 'migrated'],
    [count('already-mtls'), 'already mTLS'],
    [count('no-delegate'), 'without a delegate'],
    [count('error'), count('error') === 1 ? 'error' : 'errors'],
  ].filter(([n]) => (n as number) > 0)
  const n = results.length
  return `${n} file${n === 1 ? '' : 's'}: ${parts.length ? parts.map(([c, l]) => `${c} ${l}`).join(', ') : 'nothing to do'}`
}

export const diagnosticsText = (r: FileResult, quiet: boolean): string[] =>
  [...r.errors, ...(quiet ? [] : r.warnings)].map(formatDiagnostic)

/** The `--format json` report: one object, see schemas/report.schema.json. */
export function jsonReport(results: FileResult[], mode: string): string {
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length
  const report = {
    version: 1,
    mode,
    files: results,
    summary: { files: results.length, migrated: count('migrated'), alreadyMtls: count('already-mtls'), noDelegate: count('no-delegate'), errors: count('error') },
  }
  return JSON.stringify(report, null, 2) + '\n'
}
