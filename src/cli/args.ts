import type { Argv } from 'yargs'
import { UsageError } from '../errors.js'
import type { FnSettings } from '../krm/function-config.js'
import { normalizeArgv } from './argv.js'
import { endpointFromEnv, type EndpointVariable } from './endpoint-env.js'

/** The parsed command line of the migrate command (SPEC §8). */
export interface MigrateArgs {
  command: 'migrate'
  paths: string[]
  endpoint?: string
  /** The environment variable the endpoint came from; undefined when --endpoint gave it. */
  endpointFrom?: EndpointVariable
  secretName?: string
  mountPath?: string
  tiService: boolean
  grpcAuthority: boolean
  write: boolean
  check: boolean
  listDifferent: boolean
  /** `-z`: the paths `-l` prints end in a NUL byte, not a newline. */
  nullTerminated: boolean
  diff: boolean
  outDir?: string
  format: 'text' | 'json'
  keepGoing: boolean
  quiet: boolean
  maxBytes?: number
  cert?: string
  key?: string
  ca?: string
  /** docker-compose: host paths bind-mounted as the client certificate and key. */
  certPath?: string
  keyPath?: string
  /** Undo the migration; `endpoint` is then the original non-mTLS URL. */
  revert?: boolean
}

/** `delegate-mtls audit [paths…]`: which delegates are ready for STRICT mTLS. */
export interface AuditArgs {
  command: 'audit'
  paths: string[]
  endpoint?: string
  secretName?: string
  mountPath?: string
  grpcAuthority: boolean
  format: 'text' | 'json'
  maxBytes?: number
  /** `--probe`: one real mTLS request per distinct endpoint of the fleet, with this client certificate. */
  probe?: { cert: string; key: string; serverCa?: string; timeoutMs: number }
}

export interface SecretArgs {
  command: 'secret'
  /** Given unless `certManager` is: the PEM files the Secret holds. */
  cert?: string
  key?: string
  ca?: string
  name: string
  namespace?: string
  /** `--cert-manager-issuer`: print a cert-manager Certificate (cert-manager then writes the Secret) instead. */
  certManager?: { issuer: string; issuerKind: 'Issuer' | 'ClusterIssuer'; duration: string; renewBefore: string }
}

/** `delegate-mtls fn`: a KRM function (kpt, kustomize), a ResourceList on stdin and on stdout. */
export interface FnArgs {
  command: 'fn'
  /** What the command line sets; the ResourceList's functionConfig may set the same fields. */
  settings: FnSettings
  /** The endpoint from the environment, used when neither the functionConfig nor --endpoint gives one. */
  envEndpoint?: string
  envEndpointFrom?: EndpointVariable
  maxBytes?: number
}

/**
 * `delegate-mtls cert init|issue`: a CA and client certificate made without OpenSSL, or a client certificate from a CA.
 */
export interface CertArgs {
  command: 'cert'
  action: 'init' | 'issue'
  /** Where the files are made, as the user gave it. */
  dir: string
  cn: string
  /** init only: the Organization of both subjects. */
  org?: string
  days: number
  /** init only. */
  caDays?: number
  /** issue only: the existing CA. */
  caCert?: string
  caKey?: string
}

/** `delegate-mtls probe`: one real mTLS request to the endpoint, with the client certificate and without. */
export interface ProbeArgs {
  command: 'probe'
  endpoint: string
  cert: string
  key: string
  /** CA certificates the server certificate must chain to (a private CA). */
  serverCa?: string
  timeoutMs: number
  format: 'text' | 'json'
}

export type CliArgs =
  MigrateArgs | SecretArgs | AuditArgs | FnArgs | CertArgs | ProbeArgs | { command: 'help' | 'version'; text: string }

const EPILOG = `Examples:
  Print the migrated manifest:
    delegate-mtls -e https://acme.harness.io:8443 harness-delegate.yaml
  Migrate a download on the fly:
    curl -sL "$URL" | delegate-mtls -e https://acme.harness.io:8443 | kubectl apply -f -
  Pre-commit or CI: which manifests still need mTLS (exit 1 if any):
    delegate-mtls -e https://acme.harness.io:8443 --check k8s/
  Migrate a whole fleet in place (nothing is written unless every file can be migrated):
    delegate-mtls -e https://acme.harness.io:8443 --write 'clusters/**/delegate*.yaml'
  Review the change, one Secret per delegate:
    delegate-mtls -e https://acme.harness.io:8443 --diff --secret-name '{delegate}-client-certificate' d.yaml
  Make the CA (send ca.crt to Harness Support) and the client certificate, without OpenSSL (see cert --help):
    delegate-mtls cert init --dir mtls
  Add the Secret, after checking the certificate and key:
    delegate-mtls -e https://acme.harness.io:8443 --cert client.crt --key client.key d.yaml
  Before the account goes STRICT: is every delegate ready? (a table; exit 1 if any is not):
    delegate-mtls audit k8s/ helm/values.yaml docker-compose.yml
  And does the endpoint accept the client certificate? (one real mTLS request; exit 1 if refused):
    delegate-mtls probe -e https://acme.harness.io:8443 --cert client.crt --key client.key
  Go back: restore the original endpoint, remove what the migration added:
    delegate-mtls --revert -e https://app.harness.io --write k8s/
  As a Helm 3 post-renderer (Helm 4: the package's plugin.yaml, see the README):
    helm upgrade -i d harness/harness-delegate-ng -f values.yaml --post-renderer delegate-mtls \\
      --post-renderer-args --endpoint --post-renderer-args https://acme.harness.io:8443
  As a KRM function (kpt; kustomize runs delegate-mtls-fn, which is delegate-mtls fn):
    kpt fn eval k8s/ --exec "delegate-mtls fn" -- endpoint=https://acme.harness.io:8443

Exit codes: 0 done or nothing to do; 1 --check/--list-different found files to migrate;
2 usage error, unreadable or invalid input, conflict, legacy delegate, internal error (nothing is written).

The endpoint is https://<vanity>.harness.io:8443 for new setups, https://<sub>.agent.harness.io for older ones.
Nothing outside the mTLS fields changes: comments, quoting, indentation and key order stay byte for byte.`

/**
 * Parses with yargs as the tool's command lines want it: help text captured instead of printed, no exit,
 * and every complaint a UsageError (exit 2). `help` is the help text when --help (or a help-worthy
 * mistake) asked for it.
 */
async function parseCapturing<T>(
  parser: Argv<T>,
  options: string[],
): Promise<{ parsed: Record<string, unknown>; help?: string }> {
  let captured = ''
  const parsed = await parser
    .wrap(null)
    .exitProcess(false)
    .fail((msg, err) => {
      throw new UsageError(err ? err.message : msg)
    })
    .parseAsync(options, {}, (_err: unknown, _argv: unknown, output: string) => {
      captured = output
    })
  const a = parsed as Record<string, unknown>
  return a.help || captured ? { parsed: a, help: captured } : { parsed: a }
}
/** Parses argv with yargs (loaded on demand). Usage problems throw UsageError. */
export async function parseArgs(argv: string[], env: Record<string, string | undefined>): Promise<CliArgs> {
  // cert has options of its own and none of the migration's: its own parser, so its --help shows only those.
  if (argv[0] === 'cert') return parseCertArgs(argv.slice(1))
  if (argv[0] === 'probe') return parseProbeArgs(argv.slice(1))
  const { options, operands } = normalizeArgv(argv)
  const { default: yargs } = await import('yargs')
  const parser = yargs(options)
    .scriptName('delegate-mtls')
    .usage(
      'Usage: $0 [options] [path|glob ...]\n       $0 secret --cert FILE --key FILE [--ca FILE] ' +
        '[--name S] [-n NS]\n       $0 secret --cert-manager-issuer NAME [--issuer-kind ' +
        'Issuer|ClusterIssuer] [--name S] [-n NS]\n       $0 cert init [--dir D] [--cn NAME] [--org ' +
        'O]   (a CA and a client certificate, no OpenSSL)\n       $0 audit [path|glob ...] ' +
        '[--endpoint URL] [--format json]\n       $0 probe --endpoint URL --cert FILE --key FILE ' +
        '[--server-ca FILE]   (a real mTLS request)\n       $0 fn [--endpoint URL] [--secret-name S] ' +
        '[--mount-path P]   (a KRM function for kpt, kustomize)\n\nMove Harness delegate manifests ' +
        'to mTLS: mount the client certificate Secret, set the\ncertificate env vars, and point the ' +
        'delegate and its upgrader at the mTLS endpoint.\nWith no path, or "-", reads stdin and ' +
        'writes stdout. Directories are searched for *.yaml/*.yml.',
    )
    // Paths as strings: yargs would read a file named 1e3 or 0x10 as a number (1000, 16).
    .command('$0 [paths..]', false as unknown as string, (y) => y.positional('paths', { type: 'string' }))
    .command('secret', 'print the client certificate Secret manifest (validated first)', (y) =>
      y
        .option('cert', {
          type: 'string',
          describe: 'client certificate PEM (the leaf first); required without --cert-manager-issuer',
        })
        .option('key', { type: 'string', describe: 'its private key PEM, unencrypted; required with --cert' })
        .option('ca', { type: 'string', describe: 'CA certificate to check the client certificate against' })
        .option('name', { type: 'string', default: 'client-certificate', describe: 'Secret name' })
        .option('namespace', { alias: 'n', type: 'string', describe: 'Secret namespace' })
        .option('cert-manager-issuer', {
          type: 'string',
          describe: 'print a cert-manager Certificate issued by this issuer instead (cert-manager writes the Secret)',
        })
        .option('issuer-kind', {
          type: 'string',
          choices: ['Issuer', 'ClusterIssuer'],
          describe: 'kind of that issuer [default: Issuer]',
        })
        .option('duration', { type: 'string', describe: 'certificate lifetime, a Go duration [default: 2160h]' })
        .option('renew-before', { type: 'string', describe: 'renew this long before it ends [default: 360h]' }),
    )
    .command(
      'audit [paths..]',
      'one row per delegate (manifests, Helm values, compose files): is it ready for STRICT mTLS? exit 1 if any is not',
      (y) =>
        y
          .positional('paths', { type: 'string' })
          .option('probe', {
            type: 'boolean',
            describe: 'also probe each distinct endpoint with --cert and --key (see probe --help)',
          })
          .option('server-ca', {
            type: 'string',
            describe: "with --probe: CA certificate(s) of the server's certificate",
          })
          .option('timeout', {
            type: 'string',
            describe: 'with --probe: seconds each connection may take [default: 10]',
          }),
    )
    .command(
      'cert [action]',
      'make a CA and a client certificate without OpenSSL (cert init), or a new client certificate ' +
        'from your CA (cert issue); see cert --help',
      // Reached only when options come before `cert` (parseArgs hands the rest to parseCertArgs): refused below.
      (y) => y.positional('action', { type: 'string' }),
    )
    .command(
      'probe',
      'one real mTLS request to the endpoint with the client certificate, and one without; see probe --help',
      // Reached only when options come before `probe` (parseArgs hands the rest to parseProbeArgs): refused below.
      (y) => y,
    )
    .command(
      'fn',
      'a KRM function (kpt, kustomize): a ResourceList on stdin, migrated on stdout; functionConfig: see the README',
      (y) => y,
    )
    .option('endpoint', {
      alias: 'e',
      type: 'string',
      describe:
        'mTLS endpoint https://host[:port] (else env ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT, else DELEGATE_MTLS_ENDPOINT)',
    })
    .option('secret-name', {
      type: 'string',
      describe: 'client certificate Secret; may contain {delegate} [default: client-certificate]',
    })
    .option('mount-path', { type: 'string', describe: 'where the certificate is mounted [default: /etc/mtls]' })
    .option('ti-service', {
      type: 'boolean',
      default: false,
      describe: 'also add TI_SERVICE_URL (CI test intelligence)',
    })
    .option('grpc-authority', {
      type: 'boolean',
      default: true,
      describe: 'set GRPC_AUTHORITY_MODIFICATION_DISABLED="true" (--no-grpc-authority leaves it out)',
    })
    .option('write', { alias: 'w', type: 'boolean', default: false, describe: 'rewrite files in place (atomic)' })
    .option('check', {
      alias: 'c',
      type: 'boolean',
      default: false,
      describe: 'change nothing; exit 1 if any file needs migrating, listing them',
    })
    .option('list-different', {
      alias: 'l',
      type: 'boolean',
      default: false,
      describe: 'print only the paths that would change; exit 1 if any',
    })
    .option('null', {
      alias: 'z',
      type: 'boolean',
      default: false,
      describe: 'with -l: end each path with a NUL byte instead of a newline (as git ls-files -z)',
    })
    .option('diff', { type: 'boolean', default: false, describe: 'print a unified diff of what would change' })
    .option('out-dir', { type: 'string', describe: 'write migrated copies under DIR, mirroring relative paths' })
    .option('format', {
      choices: ['text', 'json'] as const,
      default: 'text' as const,
      describe: 'report format (json: one object on stdout)',
    })
    .option('keep-going', {
      type: 'boolean',
      default: false,
      describe: 'with --write: write the files that could be migrated even if others failed (still exit 2)',
    })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print only errors' })
    .option('max-bytes', { type: 'number', describe: 'refuse inputs larger than this [default: 8 MiB]' })
    .option('cert', {
      type: 'string',
      describe: 'client certificate PEM: validate it and add the Secret to the output',
    })
    .option('key', { type: 'string', describe: 'private key PEM for --cert' })
    .option('ca', { type: 'string', describe: 'CA certificate that must have issued --cert' })
    .option('cert-path', {
      type: 'string',
      describe: 'docker-compose: host path of the client certificate to bind-mount [default: ./client.crt]',
    })
    .option('key-path', {
      type: 'string',
      describe: 'docker-compose: host path of the client key to bind-mount [default: ./client.key]',
    })
    .option('revert', {
      type: 'boolean',
      default: false,
      describe: 'undo the migration: --endpoint is then the original non-mTLS URL (e.g. https://app.harness.io)',
    })
    .epilog(EPILOG)
    .env(false)
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(false)
    .option('version', { type: 'boolean', describe: 'show the version' })
  const { parsed, help } = await parseCapturing(parser, options)
  if (help !== undefined) return { command: 'help', text: help }
  if (parsed.version) return { command: 'version', text: '' }
  const a = parsed
  if ((a._ as unknown[])[0] === 'secret') {
    if (operands.length > 0) throw new UsageError(`secret takes no paths (got ${operands.join(' ')})`)
    return secretArgs(a)
  }
  if ((a._ as unknown[])[0] === 'probe')
    throw new UsageError('probe comes first on the command line: delegate-mtls probe --endpoint URL --cert F --key F')
  if ((a._ as unknown[])[0] === 'cert')
    throw new UsageError('cert comes first on the command line: delegate-mtls cert init [options], or cert issue')
  const paths = [...withStdinDash(options, ((a.paths as unknown[] | undefined) ?? []).map(String)), ...operands]
  if ((a._ as unknown[])[0] === 'audit') return auditArgs(paths, a)
  if ((a._ as unknown[])[0] === 'fn') return fnArgs(a, env, operands)
  if (a.revert === true) checkRevertArgs(a)
  // The environment holds the mTLS endpoint: never the URL a revert goes back to.
  const fromEnv = a.endpoint === undefined && a.revert !== true ? endpointFromEnv(env) : undefined
  const endpoint = (a.endpoint as string | undefined) ?? fromEnv?.endpoint
  const out: MigrateArgs = {
    command: 'migrate',
    paths,
    tiService: a.tiService as boolean,
    grpcAuthority: a.grpcAuthority as boolean,
    write: a.write as boolean,
    check: a.check as boolean,
    listDifferent: a.listDifferent as boolean,
    nullTerminated: a.null as boolean,
    diff: a.diff as boolean,
    format: a.format as 'text' | 'json',
    keepGoing: a.keepGoing as boolean,
    quiet: a.quiet as boolean,
  }
  if (endpoint !== undefined && endpoint !== '') out.endpoint = endpoint
  if (fromEnv) out.endpointFrom = fromEnv.from
  if (a.revert === true) out.revert = true
  for (const k of ['secretName', 'mountPath', 'outDir', 'cert', 'key', 'ca', 'certPath', 'keyPath'] as const)
    if (typeof a[k] === 'string') out[k] = a[k] as string
  if (typeof a.maxBytes === 'number') {
    if (!(a.maxBytes > 0)) throw new UsageError('--max-bytes must be a positive number')
    out.maxBytes = a.maxBytes
  }
  return out
}

/**
 * `--revert` takes only the URL to go back to: the options that shape what the migration adds make no sense with it.
 */
function checkRevertArgs(a: Record<string, unknown>): void {
  if (typeof a.endpoint !== 'string' || a.endpoint === '')
    throw new UsageError(
      '--revert needs --endpoint URL: the non-mTLS endpoint to go back to, e.g. --revert --endpoint ' +
        'https://app.harness.io',
    )
  const flags: [string, boolean][] = [
    ['--secret-name', a.secretName !== undefined],
    ['--mount-path', a.mountPath !== undefined],
    ['--ti-service', a.tiService === true],
    ['--cert', a.cert !== undefined],
    ['--key', a.key !== undefined],
    ['--ca', a.ca !== undefined],
    ['--cert-path', a.certPath !== undefined],
    ['--key-path', a.keyPath !== undefined],
  ]
  const bad = flags.filter(([, on]) => on).map(([f]) => f)
  if (bad.length > 0)
    throw new UsageError(`--revert removes what the migration added: ${bad.join(', ')} cannot be used with it`)
}

/** `secret`: the PEM files, or a cert-manager issuer and what only a cert-manager Certificate takes. */
function secretArgs(a: Record<string, unknown>): SecretArgs {
  const base = { command: 'secret' as const, name: a.name as string, namespace: a.namespace as string | undefined }
  const issuer = a.certManagerIssuer as string | undefined
  const certManagerOnly = [
    ['--issuer-kind', a.issuerKind],
    ['--duration', a.duration],
    ['--renew-before', a.renewBefore],
  ].filter(([, v]) => v !== undefined)
  if (issuer === undefined) {
    if (certManagerOnly.length > 0)
      throw new UsageError(`${certManagerOnly.map(([f]) => f).join(', ')} go with --cert-manager-issuer`)
    const absent = ['cert', 'key'].filter((k) => a[k] === undefined)
    if (absent.length > 0)
      throw new UsageError(`Missing required argument${absent.length > 1 ? 's' : ''}: ${absent.join(', ')}`)
    return { ...base, cert: a.cert as string, key: a.key as string, ca: a.ca as string | undefined }
  }
  const files = ['--cert', '--key', '--ca'].filter((f) => a[f.slice(2)] !== undefined)
  if (files.length > 0)
    throw new UsageError(
      `--cert-manager-issuer prints a Certificate that cert-manager issues and stores: ` +
        `${files.join(', ')} cannot go with it`,
    )
  return {
    ...base,
    certManager: {
      issuer,
      issuerKind: (a.issuerKind as 'Issuer' | 'ClusterIssuer' | undefined) ?? 'Issuer',
      duration: (a.duration as string | undefined) ?? '2160h',
      renewBefore: (a.renewBefore as string | undefined) ?? '360h',
    },
  }
}

/** The audit reads and reports only: the migration's mode and Secret options make no sense with it. */
function auditArgs(paths: string[], a: Record<string, unknown>): AuditArgs {
  const flags: [string, boolean][] = [
    ['--write', a.write === true],
    ['--check', a.check === true],
    ['--list-different', a.listDifferent === true],
    ['--null', a.null === true],
    ['--diff', a.diff === true],
    ['--out-dir', a.outDir !== undefined],
    ['--keep-going', a.keepGoing === true],
    ['--cert', a.cert !== undefined && a.probe !== true],
    ['--key', a.key !== undefined && a.probe !== true],
    ['--ca', a.ca !== undefined],
    ['--ti-service', a.tiService === true],
    ['--cert-path', a.certPath !== undefined],
    ['--key-path', a.keyPath !== undefined],
  ]
  const bad = flags.filter(([, on]) => on).map(([f]) => f)
  if (bad.length > 0)
    throw new UsageError(
      `audit only reads and reports: ${bad.join(', ')} cannot be used with it` +
        (bad.includes('--cert') || bad.includes('--key') ? ' (except with --probe)' : ''),
    )
  const probeOnly = ['--server-ca', '--timeout'].filter(
    (f) => a[f === '--server-ca' ? 'serverCa' : 'timeout'] !== undefined,
  )
  if (a.probe !== true && probeOnly.length > 0)
    throw new UsageError(`${probeOnly.join(', ')} ${probeOnly.length === 1 ? 'goes' : 'go'} with --probe`)
  if (a.probe === true && (typeof a.cert !== 'string' || typeof a.key !== 'string'))
    throw new UsageError(
      'audit --probe needs --cert and --key: the client certificate the endpoints are asked to accept',
    )
  const out: AuditArgs = {
    command: 'audit',
    paths,
    grpcAuthority: a.grpcAuthority as boolean,
    format: a.format as 'text' | 'json',
  }
  for (const k of ['endpoint', 'secretName', 'mountPath'] as const)
    if (typeof a[k] === 'string' && a[k] !== '') out[k] = a[k] as string
  if (typeof a.maxBytes === 'number') {
    if (!(a.maxBytes > 0)) throw new UsageError('--max-bytes must be a positive number')
    out.maxBytes = a.maxBytes
  }
  if (a.probe === true) {
    out.probe = { cert: a.cert as string, key: a.key as string, timeoutMs: parseTimeout(a.timeout ?? '10') }
    if (typeof a.serverCa === 'string') out.probe.serverCa = a.serverCa
  }
  return out
}

/** `--timeout`: seconds, more than 0 and at most 10 minutes. */
function parseTimeout(value: unknown): number {
  const text = String(value)
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || !(Number(text) > 0) || Number(text) > 600)
    throw new UsageError(`--timeout "${text}": expected a number of seconds from more than 0 up to 600`)
  return Math.round(Number(text) * 1000)
}

/** A KRM function reads a ResourceList and writes one: the file, mode and Secret options make no sense with it. */
function fnArgs(a: Record<string, unknown>, env: Record<string, string | undefined>, operands: string[]): FnArgs {
  const flags: [string, boolean][] = [
    [
      'paths',
      ((a.paths as unknown[] | undefined) ?? []).length > 0 || (a._ as unknown[]).length > 1 || operands.length > 0,
    ],
    ['--write', a.write === true],
    ['--check', a.check === true],
    ['--list-different', a.listDifferent === true],
    ['--null', a.null === true],
    ['--diff', a.diff === true],
    ['--out-dir', a.outDir !== undefined],
    ['--format', a.format !== 'text'],
    ['--keep-going', a.keepGoing === true],
    ['--cert', a.cert !== undefined],
    ['--key', a.key !== undefined],
    ['--ca', a.ca !== undefined],
    ['--cert-path', a.certPath !== undefined],
    ['--key-path', a.keyPath !== undefined],
    ['--revert', a.revert === true],
  ]
  const bad = flags.filter(([, on]) => on).map(([f]) => f)
  if (bad.length > 0)
    throw new UsageError(
      `fn reads a ResourceList on stdin and writes one on stdout: ${bad.join(', ')} cannot be used with it`,
    )
  const settings: FnSettings = {}
  for (const k of ['endpoint', 'secretName', 'mountPath'] as const)
    if (typeof a[k] === 'string' && a[k] !== '') settings[k] = a[k] as string
  // The defaults are no setting: only a flag the user gave can disagree with the functionConfig.
  if (a.tiService === true) settings.tiService = true
  if (a.grpcAuthority === false) settings.grpcAuthority = false
  const out: FnArgs = { command: 'fn', settings }
  const fromEnv = endpointFromEnv(env)
  if (fromEnv) {
    out.envEndpoint = fromEnv.endpoint
    out.envEndpointFrom = fromEnv.from
  }
  if (typeof a.maxBytes === 'number') {
    if (!(a.maxBytes > 0)) throw new UsageError('--max-bytes must be a positive number')
    out.maxBytes = a.maxBytes
  }
  return out
}

/**
 * yargs drops a bare `-` from the positionals; put it back (first), so that `-` alone means stdin and
 * `-` mixed with file paths is refused instead of silently ignored. `options`: the arguments before `--`.
 */
function withStdinDash(options: string[], paths: string[]): string[] {
  return options.includes('-') && !paths.includes('-') ? ['-', ...paths] : paths
}

const CERT_EPILOG = `Examples:
  A new CA and its client certificate in ./mtls (send mtls/ca.crt to Harness Support, keep mtls/ca.key offline):
    delegate-mtls cert init --dir mtls --org "Acme Inc"
  Then migrate the delegate with the client certificate:
    delegate-mtls -e https://acme.harness.io:8443 --cert mtls/client.crt --key mtls/client.key --write d.yaml
  A new client certificate from the same CA (rotation, a second delegate group), valid 90 days:
    delegate-mtls cert issue --ca-cert mtls/ca.crt --ca-key mtls/ca.key --dir mtls/group-b --days 90

Keys are RSA (CA 4096, client 2048 bits), PKCS#8 PEM, written with mode 0600; certificates use SHA-256.
No file is ever overwritten: if one of the files exists, nothing is written (exit 2).
A client certificate never outlives its CA: cert issue refuses --days past the CA's end and says how many fit.`

/** Days of validity: a whole number of days, from 1 up to 100 years. */
function parseDays(value: unknown, flag: string): number {
  const text = String(value)
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || Number(text) > 36500)
    throw new UsageError(`${flag} "${text}": expected a whole number of days from 1 to 36500`)
  return Number(text)
}

/** A subject name part: 1 to 64 characters (the X.520 upper bound), no control characters. */
function parseName(value: unknown, flag: string): string {
  const text = String(value)
  // eslint-disable-next-line no-control-regex
  if (text.trim() === '' || [...text].length > 64 || /[\u0000-\u001f\u007f]/.test(text))
    throw new UsageError(`${flag} "${text}": expected 1 to 64 characters, not blank, without control characters`)
  return text
}

/** `delegate-mtls cert …` (argv after `cert`): init or issue, with yargs for the help and the strict checks. */
async function parseCertArgs(argv: string[]): Promise<CliArgs> {
  const { options, operands } = normalizeArgv(argv)
  if (operands.length > 0) throw new UsageError(`cert takes no paths (got ${operands.join(' ')})`)
  const { default: yargs } = await import('yargs')
  const described = {
    dir: { type: 'string', default: '.', describe: 'the directory to make the files in (made if missing)' },
    cn: { type: 'string', default: 'harness-delegate', describe: 'common name of the client certificate' },
    days: { type: 'string', default: '365', describe: 'days the client certificate is valid' },
  } as const
  const parser = yargs(options)
    .scriptName('delegate-mtls cert')
    .usage(
      'Usage: $0 init [--dir D] [--cn NAME] [--org O] [--days N] [--ca-days N]\n       $0 issue ' +
        '--ca-cert FILE --ca-key FILE [--dir D] [--cn NAME] [--days N]\n\nThe certificate Harness ' +
        'mTLS needs, without OpenSSL: a CA whose certificate you send to Harness\nSupport, and a ' +
        'client certificate signed by it that the delegate presents.',
    )
    .command('init', 'make ca.key, ca.crt (the CA) and client.key, client.crt (signed by it) in --dir', (y) =>
      y
        .option('dir', described.dir)
        .option('cn', described.cn)
        .option('org', { type: 'string', describe: 'Organization (O) of both certificates' })
        .option('days', described.days)
        .option('ca-days', { type: 'string', default: '3650', describe: 'days the CA certificate is valid' }),
    )
    .command('issue', 'make client.key, client.crt in --dir, signed by an existing CA', (y) =>
      y
        .option('ca-cert', { type: 'string', demandOption: true, describe: 'the CA certificate (PEM)' })
        .option('ca-key', { type: 'string', demandOption: true, describe: "the CA's private key (PEM, unencrypted)" })
        .option('dir', described.dir)
        .option('cn', described.cn)
        .option('days', described.days),
    )
    .demandCommand(1, 1, 'cert needs init or issue', 'cert takes one of init or issue')
    .epilog(CERT_EPILOG)
    .env(false)
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(false)
  const { parsed, help } = await parseCapturing(parser, options)
  if (help !== undefined) return { command: 'help', text: help }
  const a = parsed
  const action = (a._ as unknown[])[0]
  if (action !== 'init' && action !== 'issue')
    throw new UsageError(`cert ${String(action)}: expected cert init or cert issue`)
  if ((a._ as unknown[]).length > 1) throw new UsageError(`cert ${action} takes no paths`)
  if (a.dir === '') throw new UsageError('--dir "": expected a directory')
  const out: CertArgs = {
    command: 'cert',
    action,
    dir: a.dir as string,
    cn: parseName(a.cn, '--cn'),
    days: parseDays(a.days, '--days'),
  }
  if (action === 'init') {
    if (a.org !== undefined) out.org = parseName(a.org, '--org')
    out.caDays = parseDays(a.caDays, '--ca-days')
    if (out.days > out.caDays)
      throw new UsageError(
        `--days ${out.days} is longer than --ca-days ${out.caDays}: a client certificate cannot outlive its CA`,
      )
  } else {
    out.caCert = a.caCert as string
    out.caKey = a.caKey as string
  }
  return out
}

const PROBE_EPILOG = `Examples:
  Before the account goes STRICT: does the endpoint accept this client certificate?
    delegate-mtls probe -e https://acme.harness.io:8443 --cert client.crt --key client.key
  Behind a corporate proxy (HTTP CONNECT), an endpoint with a private CA:
    HTTPS_PROXY=http://proxy.corp:3128 delegate-mtls probe -e https://harness.corp:8443 \\
      --cert client.crt --key client.key --server-ca corp-root.crt

The certificate and key are checked first, as for the Secret (PKCS#8 RSA, clientAuth, not expired).
It sends GET /api/ with the client certificate (any HTTP response means TLS accepted it), then once without
it, to tell whether the endpoint enforces mTLS. HTTPS_PROXY and NO_PROXY are honoured.
Exit codes: 0 accepted; 1 rejected; 2 usage error, unusable certificate or key, untrusted server certificate,
unreachable or timed out.`

/** `delegate-mtls probe …` (argv after `probe`). */
async function parseProbeArgs(argv: string[]): Promise<CliArgs> {
  const { options, operands } = normalizeArgv(argv)
  if (operands.length > 0) throw new UsageError(`probe takes no paths (got ${operands.join(' ')})`)
  const { default: yargs } = await import('yargs')
  const parser = yargs(options)
    .scriptName('delegate-mtls probe')
    .usage(
      'Usage: $0 --endpoint URL --cert FILE --key FILE [--server-ca FILE] [--timeout SECONDS] ' +
        '[--format json]\n\nConnects to the mTLS endpoint, presents the client certificate and sends ' +
        'one HTTPS request: does the\nendpoint accept the certificate, and does it refuse a connection without one?',
    )
    .option('endpoint', {
      alias: 'e',
      type: 'string',
      demandOption: true,
      describe: 'the mTLS endpoint, https://host[:port]',
    })
    .option('cert', { type: 'string', demandOption: true, describe: 'client certificate PEM (the leaf first)' })
    .option('key', { type: 'string', demandOption: true, describe: 'its private key PEM, unencrypted' })
    .option('server-ca', {
      type: 'string',
      describe: "CA certificate(s) of the server's certificate, for a private CA",
    })
    .option('timeout', { type: 'string', default: '10', describe: 'seconds each connection may take' })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'report format' })
    .epilog(PROBE_EPILOG)
    .env(false)
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(false)
  const { parsed, help } = await parseCapturing(parser, options)
  if (help !== undefined) return { command: 'help', text: help }
  const a = parsed
  if ((a._ as unknown[]).length > 0) throw new UsageError(`probe takes no paths (got ${(a._ as unknown[]).join(' ')})`)
  const out: ProbeArgs = {
    command: 'probe',
    endpoint: String(a.endpoint),
    cert: String(a.cert),
    key: String(a.key),
    timeoutMs: parseTimeout(a.timeout),
    format: a.format as 'text' | 'json',
  }
  if (typeof a.serverCa === 'string') out.serverCa = a.serverCa
  return out
}
