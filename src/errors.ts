/**
 * Diagnostics are values, collected rather than thrown (the yaml library's `onError` model).
 * Only `UsageError` and `InternalError` are thrown; both end the run with exit code 2.
 */

/** Machine-readable code of a diagnostic. SCREAMING_SNAKE, stable across releases. */
export type DiagnosticCode =
  | 'YAML_SYNTAX'
  | 'YAML_WARNING'
  | 'SCHEMA'
  | 'LEGACY_DELEGATE'
  | 'CONFIG_YAML_NOT_STRING'
  | 'CONFLICT'
  | 'UNSUPPORTED'
  | 'NOT_CHANGED'
  | 'LINT'
  | 'GUARD_MISMATCH'
  | 'IO'
  | 'CERT'
  | (string & {})

export type Severity = 'error' | 'warning'

/** One problem or remark about one place in one input. Never holds private-key material. */
export interface Diagnostic {
  code: DiagnosticCode
  severity: Severity
  message: string
  /** Path of the input as the user named it; `<stdin>` for standard input. */
  file?: string
  /** 1-based line of the offending node in the file. */
  line?: number
  /** 1-based column (UTF-16 code units, as editors count). */
  col?: number
}

/** A problem with how the tool was called. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const
}

/** A bug in delegate-mtls itself (for example the semantic guard tripped). Exit code 2. */
export class InternalError extends Error {
  override name = 'InternalError' as const
}

/** `file:line:col: severity: message`, the format editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '<input>'
  if (d.line !== undefined) where += `:${d.line}` + (d.col !== undefined ? `:${d.col}` : '')
  return `${where}: ${d.severity}: ${d.message}`
}
