/**
 * Diagnostics are values, collected rather than thrown (the yaml library's `onError` model).
 * Only `UsageError` and `InternalError` are thrown; both end the run with exit code 2.
 */

/**
 * Machine-readable code of a diagnostic: SCREAMING_SNAKE, stable across releases, and closed — every code
 * a diagnostic can carry is listed here (test/errors.test.ts fails on one declared and never used, and on
 * a JSON report schema that disagrees), so a reader of reports can match on codes, never on messages.
 */
export const DIAGNOSTIC_CODES = [
  /** The input (or the upgrader's config.yaml) is not valid YAML. */
  'YAML_SYNTAX',
  /** A part of a resource we rely on does not have the shape Kubernetes requires (schemas/). */
  'SCHEMA',
  /** A legacy (StatefulSet, `latest`, watcher) delegate: Harness supports mTLS only on immutable ones. */
  'LEGACY_DELEGATE',
  /** Delegate 3.x before 1.40.2, the first version with mTLS: upgrade its image first. */
  'DELEGATE3_VERSION',
  /** Chart values that run a Delegate 3.x image: the classic chart's mTLS values do not apply to it. */
  'DELEGATE3_CHART',
  /** The upgrader ConfigMap's config.yaml is written as a mapping, which the API server rejects. */
  'CONFIG_YAML_NOT_STRING',
  /** Something already there contradicts what mTLS needs (another volume at the mount path, and so on). */
  'CONFLICT',
  /** The delegate's (or its upgrader's) pod as written would be refused by the API server or the kubelet. */
  'INVALID_POD',
  /** A shape the splice editor cannot change without changing other things (an alias, and so on). */
  'UNSUPPORTED',
  /** A value that needs changing lives outside the input (a ConfigMap, an env_file): reported, not changed. */
  'NOT_CHANGED',
  /** The delegate had no MANAGER_HOST_AND_PORT (or chart endpoint), so it was added. */
  'ADDED_ENDPOINT',
  /** The image tag does not show an immutable delegate (a placeholder, a digest, an unknown tag). */
  'IMAGE',
  /** `{delegate}` in the Secret name was filled from an upgrader resource's own name, not its delegate's. */
  'DELEGATE_NAME',
  /** A delegate Deployment without an image: a kustomize patch, whose base must be migrated too. */
  'PATCH',
  /** The pod runs as non-root: the key is mounted 0440, and without fsGroup it may not be readable. */
  'NON_ROOT',
  /** The harness-delegate-ng chart version does not read the mTLS values (or cannot be told). */
  'CHART_VERSION',
  /** Chart values outside the input (Flux valuesFrom, Argo CD valueFiles) were not checked; the inline ones win. */
  'VALUES_OUTSIDE',
  /** An Argo CD Application's helm.values string is ignored because valuesObject is set: left unchanged. */
  'VALUES_IGNORED',
  /** A remark that changes nothing (decimal `defaultMode: 400`, an unused volume, `batch/v1beta1`, and so on). */
  'LINT',
  /** The semantic guard found the output different from the input plus the plan: a bug, nothing written. */
  'GUARD_MISMATCH',
  /** Reading or writing a file failed. */
  'IO',
  /** The client certificate, key or CA given with --cert/--key/--ca is unusable. */
  'CERT',
  /** The client certificate Secret held another certificate and gets the new one: restart the delegates. */
  'ROTATION',
  /** `probe`: the endpoint refused the client certificate, or could not be reached or trusted. */
  'PROBE',
] as const

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]

export type Severity = 'error' | 'warning'

/**
 * What part of a ready delegate a change or a diagnostic is about: `audit` sorts findings by it (an
 * endpoint it cannot judge, the key's file mode that mTLS works without); nobody reads a path or a message
 * for that.
 */
export const FIELD_ROLES = [
  /** `MANAGER_HOST_AND_PORT`, a service URL under it, the upgrader's managerHost, a chart's managerEndpoint. */
  'endpoint',
  /** Where the delegate or the upgrader reads the client certificate. */
  'certificate',
  /** Where the delegate or the upgrader reads the client key. */
  'key',
  /** A fixed switch the delegate needs (GRPC_AUTHORITY_MODIFICATION_DISABLED). */
  'flag',
  /** The certificate mount of a container (or a compose bind mount). */
  'mount',
  /** The pod's secret volume (or a chart's Secret name). */
  'volume',
  /** The secret volume's file mode. */
  'file-mode',
  /** The client-certificate Secret itself. */
  'secret',
] as const

export type FieldRole = (typeof FIELD_ROLES)[number]

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
  /** For a value that could not be changed (`NOT_CHANGED`): what part of a ready delegate it is. */
  role?: FieldRole
  /** What it is about when that is less than the document: `service <name>` of a compose file, a placeholder. */
  subject?: string
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
