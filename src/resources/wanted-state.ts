/**
 * What an mTLS-ready classic (immutable) delegate holds, as one table: the env vars, the certificate
 * files, the volume and the upgrader's config fields. Migrate and `--check` plan towards it, `audit`
 * measures a delegate against it, `--revert` takes exactly its entries back out, and recognising a
 * delegate reads its names from it; nothing else lists them. It lives below the planner (in
 * resources/) because recognising a delegate needs the same names.
 */

/** What an env var of the table carries. */
export type EnvRole =
  /** The mTLS endpoint `E`, or a service URL under it: may live in a ConfigMap, which is then patched. */
  | 'endpoint'
  /** Where the delegate reads its client certificate: set inline, owned by the migration. */
  | 'certificate'
  /** Where the delegate reads its client key: set inline, owned by the migration. */
  | 'key'
  /** A fixed switch: set inline, owned by the migration. */
  | 'flag'

/** When an env var the container lacks is added. */
export type EnvAddition = 'always' | 'never' | 'with-ti-service' | 'with-grpc-authority'

/** One env var of the wanted state. */
export interface EnvSpec {
  name: string
  role: EnvRole
  /** `endpoint`: the path appended to `E` (`''` for `E` itself). */
  endpointPath?: string
  /** `flag`: its value. */
  value?: string
  add: EnvAddition
  /** A name that means the same to a reader of the manifest but is read by no delegate: renamed (SPEC §3.3). */
  oldName?: string
  /** The harness-delegate-ng chart sets it from its own values, so a values file never adds it to `custom_envs`. */
  setByChart: boolean
  /** Why the value is what it is, in a few words a reviewer understands. */
  reason: string
}

/** The certificate and key file names inside the Secret and under the mount path `M`. */
export const CERT_FILE = 'client.crt'
export const KEY_FILE = 'client.key'

/** The volume name `V`. */
export const VOLUME_NAME = 'client-certificate'

/** The Secret `S` when no `--secret-name` is given: the name in Harness's `kubectl create secret` instructions. */
export const DEFAULT_SECRET_NAME = 'client-certificate'

/** The mount path `M` when no `--mount-path` is given. */
export const DEFAULT_MOUNT_PATH = '/etc/mtls'

/** The Secret volume's file mode (SPEC §3.6): private to a root pod; group-readable (fsGroup) for a non-root one. */
export const SECRET_MODE = { root: 0o400, nonRoot: 0o440 } as const
export const secretMode = (nonRoot: boolean): number => (nonRoot ? SECRET_MODE.nonRoot : SECRET_MODE.root)

/** The env var the delegate reads its endpoint from; also how its container is recognised (SPEC §2). */
export const MANAGER_ENV = 'MANAGER_HOST_AND_PORT'

/** Env vars only a legacy (watcher) delegate has (SPEC §2). */
export const WATCHER_ENV: readonly string[] = ['WATCHER_STORAGE_URL', 'WATCHER_CHECK_LOCATION', 'DELEGATE_STORAGE_URL']

/** SPEC §3.1–3.4, in the order new entries are appended. */
export const CLASSIC_ENV: readonly EnvSpec[] = [
  {
    name: MANAGER_ENV,
    role: 'endpoint',
    endpointPath: '',
    add: 'always',
    setByChart: true,
    reason: 'the mTLS endpoint',
  },
  {
    name: 'LOG_STREAMING_SERVICE_URL',
    role: 'endpoint',
    endpointPath: '/log-service/',
    add: 'never',
    setByChart: true,
    reason: 'log streaming through the mTLS endpoint',
  },
  {
    name: 'TI_SERVICE_URL',
    role: 'endpoint',
    endpointPath: '/ti-service/',
    add: 'with-ti-service',
    setByChart: false,
    reason: 'test intelligence through the mTLS endpoint',
  },
  {
    name: 'DELEGATE_CLIENT_CERTIFICATE_PATH',
    role: 'certificate',
    add: 'always',
    oldName: 'CLIENT_CERTIFICATE_PATH',
    setByChart: true,
    reason: 'where the delegate reads its client certificate',
  },
  {
    name: 'DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
    role: 'key',
    add: 'always',
    oldName: 'CLIENT_CERTIFICATE_KEY_PATH',
    setByChart: true,
    reason: 'where the delegate reads its client key',
  },
  {
    name: 'GRPC_AUTHORITY_MODIFICATION_DISABLED',
    role: 'flag',
    value: 'true',
    add: 'with-grpc-authority',
    setByChart: false,
    reason: 'the delegate gateway routes gRPC on the original authority',
  },
]

/** The upgrader's `config.yaml`: where it reads the endpoint, and its top-level certificate fields (SPEC §4). */
export const UPGRADER_HOST_KEY = 'managerHost'
export const UPGRADER_CERT_FIELDS: readonly { key: string; role: 'certificate' | 'key' }[] = [
  { key: 'clientCertificateFilePath', role: 'certificate' },
  { key: 'clientCertificateKeyFilePath', role: 'key' },
]

/** The file a `certificate` or `key` entry points at, under the mount path. */
export const fileOf = (role: 'certificate' | 'key'): string => (role === 'certificate' ? CERT_FILE : KEY_FILE)

/** The value an entry of the table wants, for endpoint `E` and mount path `M`. */
export function envValue(spec: EnvSpec, endpoint: string, mountPath: string): string {
  switch (spec.role) {
    case 'endpoint':
      return `${endpoint}${spec.endpointPath ?? ''}`
    case 'certificate':
    case 'key':
      return `${mountPath}/${fileOf(spec.role)}`
    case 'flag':
      return spec.value!
  }
}

/** Every name the table sets or renames, old names included: the vars a migration may touch. */
export const MANAGED_ENV: ReadonlySet<string> = new Set(
  CLASSIC_ENV.flatMap((s) => (s.oldName ? [s.name, s.oldName] : [s.name])),
)

/** The vars the migration owns outright (all but the endpoint ones), old names included: a revert removes them. */
export const OWNED_ENV: readonly string[] = CLASSIC_ENV.filter((s) => s.role !== 'endpoint').flatMap((s) =>
  s.oldName ? [s.name, s.oldName] : [s.name],
)

/** The names of the certificate (`certificate`) or key (`key`) path var, the current name first. */
export function certEnvNames(role: 'certificate' | 'key'): string[] {
  const spec = CLASSIC_ENV.find((s) => s.role === role)!
  return spec.oldName ? [spec.name, spec.oldName] : [spec.name]
}

/** The role of an env var of the table, old names included; `undefined` for a var the table does not hold. */
export function envRoleOf(name: string): EnvRole | undefined {
  return CLASSIC_ENV.find((s) => s.name === name || s.oldName === name)?.role
}

/** The endpoint vars and the values they take for endpoint `url`: what a revert points back. */
export function endpointEnv(url: string): [string, string][] {
  return CLASSIC_ENV.filter((s) => s.role === 'endpoint').map((s) => [s.name, envValue(s, url, '')])
}
