import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const PROBE = join(dirname(fileURLToPath(import.meta.url)), 'probe.ts')
const ROOT = join(dirname(PROBE), '../../..')
/** The conventional `nobody` ids. */
const NOBODY = 65534

export const isRoot = process.getuid?.() === 0

/**
 * Runs probe.ts with `args` as an unprivileged user: ourselves when we are not root, uid/gid
 * 65534 when we are (unless `asSelf`). `shellPrefix` runs first in /bin/sh, e.g. `ulimit -f 8`.
 * Returns its parsed JSON output; throws if the child did not produce any.
 */
export function runProbe(args: string[], opts: { shellPrefix?: string; asSelf?: boolean } = {}): any {
  // No tsx cache: the child may be another user, or under a file-size limit.
  const env = { ...process.env, TSX_DISABLE_CACHE: '1' }
  const ids = isRoot && !opts.asSelf ? { uid: NOBODY, gid: NOBODY } : {}
  const node = [process.execPath, '--import', 'tsx', PROBE, ...args]
  const r = opts.shellPrefix
    ? spawnSync('/bin/sh', ['-c', `${opts.shellPrefix}; exec "$@"`, 'sh', ...node], {
        cwd: ROOT,
        env,
        ...ids,
        encoding: 'utf8',
      })
    : spawnSync(node[0]!, node.slice(1), { cwd: ROOT, env, ...ids, encoding: 'utf8' })
  if (r.error) throw r.error
  try {
    return JSON.parse(r.stdout)
  } catch {
    throw new Error(`probe ${args.join(' ')} exited ${r.status} with no JSON; stderr: ${r.stderr}`)
  }
}

let canDrop: boolean | undefined
/**
 * Whether permission tests can run here: always when not root; as root only if we can start
 * the probe as uid 65534 (needs CAP_SETUID and the project readable by `nobody`).
 */
export function canTestPermissions(): boolean {
  if (!isRoot) return true
  if (canDrop === undefined) {
    try {
      canDrop = runProbe(['ping']).uid === NOBODY
    } catch {
      canDrop = false
    }
  }
  return canDrop
}

/** A suffix for test names saying how a permission test runs. */
export const AS_WHOM = isRoot ? ' (as uid 65534: we are root, and root ignores permissions)' : ''
export const CANNOT_AS_ROOT = ' [SKIPPED: running as root and cannot drop to uid 65534, so permissions cannot fail]'
