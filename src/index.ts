/**
 * delegate-mtls as a library: `migrate(text, options)` returns the migrated text, the planned
 * changes as data, and the diagnostics. Nothing here touches the file system, and nothing of the
 * command line (its `main`, its I/O seam, its test hooks) is part of it.
 */
export { migrate, resolveOptions } from './pipeline/migrate.js'
export type { MigrateOptions, MigrateResult, MigrateStatus } from './pipeline/migrate.js'
export { revert, normalizeRevertEndpoint } from './pipeline/revert.js'
export type { RevertOptions } from './pipeline/revert.js'
export { audit } from './audit/audit.js'
export type { AuditInput, AuditOptions, AuditReport, AuditRow, MtlsState, UpgraderState } from './audit/audit.js'
export type { Change, ChangeOp, MtlsOptions } from './mtls/types.js'
export type { ResourceRef } from './resources/classify.js'
export { formatDiagnostic, InternalError, UsageError } from './errors.js'
export type { Diagnostic, DiagnosticCode, Severity } from './errors.js'
