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
  /**
   * Another var the delegate reads the same value from: a container that has it is not given this one too
   * (Delegate 3.x reads its endpoint from HARNESS_MANAGER_HOST_AND_PORT or MANAGER_HOST_AND_PORT).
   */
  unlessPresent?: string
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

/**
 * Which delegate a workload runs: the classic (immutable, `yy.mm.xxxxx`) delegate, or Delegate 3.x (the new
 * delegate, semantic-version tags). Each has its own table of env vars; everything else (certificate files,
 * mount, volume, Secret, file modes) is the same.
 */
export type DelegateKind = 'classic' | 'delegate3'

/** Delegate 3.x's endpoint var (its Kubernetes manifest); some manifests use MANAGER_HOST_AND_PORT instead. */
export const DELEGATE3_MANAGER_ENV = 'HARNESS_MANAGER_HOST_AND_PORT'

/**
 * Delegate 3.x (`harness/developer-hub`, docs/platform/delegates-v2/custom-certs-and-mtls.md): the endpoint in
 * whichever of its two names the container uses (HARNESS_MANAGER_HOST_AND_PORT added when it has neither), the
 * service URLs rewritten where present as for the classic delegate (its docs name none: an explicit
 * URL that still points at the old host would keep that traffic off mTLS), and the two certificate file vars.
 * None of the classic delegate's certificate vars or its gRPC flag: Delegate 3.x reads none of them.
 */
export const DELEGATE3_ENV: readonly EnvSpec[] = [
  {
    name: MANAGER_ENV,
    role: 'endpoint',
    endpointPath: '',
    add: 'never',
    setByChart: false,
    reason: 'the mTLS endpoint',
  },
  {
    name: DELEGATE3_MANAGER_ENV,
    role: 'endpoint',
    endpointPath: '',
    add: 'always',
    unlessPresent: MANAGER_ENV,
    setByChart: false,
    reason: 'the mTLS endpoint',
  },
  {
    name: 'LOG_STREAMING_SERVICE_URL',
    role: 'endpoint',
    endpointPath: '/log-service/',
    add: 'never',
    setByChart: false,
    reason: 'log streaming through the mTLS endpoint',
  },
  {
    name: 'TI_SERVICE_URL',
    role: 'endpoint',
    endpointPath: '/ti-service/',
    add: 'never',
    setByChart: false,
    reason: 'test intelligence through the mTLS endpoint',
  },
  {
    name: 'HARNESS_CLIENT_CERT_FILE',
    role: 'certificate',
    add: 'always',
    setByChart: false,
    reason: 'where Delegate 3.x reads its client certificate',
  },
  {
    name: 'HARNESS_CLIENT_KEY_FILE',
    role: 'key',
    add: 'always',
    setByChart: false,
    reason: 'where Delegate 3.x reads its client key',
  },
]

/** The first Delegate 3.x version with mTLS (custom-certs-and-mtls.md): older ones are refused. */
export const DELEGATE3_MIN_VERSION = '1.40.2'

/**
 * What tells a Delegate 3.x container from a classic one when its image tag cannot (a placeholder, a digest):
 * env vars only one of them has, then the port of its http probes (3.x: /health on 3000; classic: /api/health on
 * 3460). Their endpoint var is not a sign: some Delegate 3.x manifests use MANAGER_HOST_AND_PORT too.
 */
export const DELEGATE_SIGNS: Record<DelegateKind, { env: readonly string[]; probePort: number }> = {
  classic: { env: ['ACCOUNT_ID', 'DELEGATE_NAME', 'DELEGATE_TYPE'], probePort: 3460 },
  delegate3: { env: ['HARNESS_ACCOUNT_ID', 'HARNESS_DELEGATE_NAME', DELEGATE3_MANAGER_ENV], probePort: 3000 },
}

const TABLES: Record<DelegateKind, readonly EnvSpec[]> = { classic: CLASSIC_ENV, delegate3: DELEGATE3_ENV }

/** The env table of a kind of delegate: the one accessor planning, `--check`, `--revert` and `audit` read. */
export const wantedEnvFor = (kind: DelegateKind): readonly EnvSpec[] => TABLES[kind]

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

const withOld = (s: EnvSpec) => (s.oldName ? [s.name, s.oldName] : [s.name])

/** Every name a kind's table sets or renames, old names included: the vars a migration may touch. */
export const managedEnvFor = (kind: DelegateKind): ReadonlySet<string> => new Set(TABLES[kind].flatMap(withOld))

/** The vars the migration owns outright (all but the endpoint ones), old names included: a revert removes them. */
export const ownedEnvFor = (kind: DelegateKind): readonly string[] =>
  TABLES[kind].filter((s) => s.role !== 'endpoint').flatMap(withOld)

/** The names of a kind's certificate (`certificate`) or key (`key`) path var, the current name first. */
export function certEnvNamesFor(kind: DelegateKind, role: 'certificate' | 'key'): string[] {
  return withOld(TABLES[kind].find((s) => s.role === role)!)
}

/** The role of an env var of a kind's table, old names included; `undefined` for a var the table does not hold. */
export function envRoleOf(name: string, kind: DelegateKind = 'classic'): EnvRole | undefined {
  return TABLES[kind].find((s) => s.name === name || s.oldName === name)?.role
}

/** The endpoint vars of a kind and the values they take for endpoint `url`: what a revert points back. */
export function endpointEnvFor(kind: DelegateKind, url: string): [string, string][] {
  return TABLES[kind].filter((s) => s.role === 'endpoint').map((s) => [s.name, envValue(s, url, '')])
}

/** The vars a kind reads `E` itself from, the one a migration adds first: where `audit` looks for the endpoint. */
export const managerEnvNames = (kind: DelegateKind): string[] =>
  TABLES[kind]
    .filter((s) => s.role === 'endpoint' && s.endpointPath === '')
    .sort((a, b) => Number(b.add === 'always') - Number(a.add === 'always'))
    .map((s) => s.name)

/** The classic delegate's views, as most of the tool (Helm values, the upgrader) knows only it. */
export const MANAGED_ENV: ReadonlySet<string> = managedEnvFor('classic')
export const OWNED_ENV: readonly string[] = ownedEnvFor('classic')
export const certEnvNames = (role: 'certificate' | 'key'): string[] => certEnvNamesFor('classic', role)
export const endpointEnv = (url: string): [string, string][] => endpointEnvFor('classic', url)
