import { readlinkSync, realpathSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { errnoCode } from './io-diagnostic.js'

const MAX_LINK_HOPS = 40

/**
 * The real path a write to `file` should replace: symlinks resolved, so the link's target is
 * rewritten and the link stays a link. Works for a file that does not exist yet, and for a
 * dangling symlink (its target is created). Throws ENOENT if the directory does not exist.
 * Synchronous, like the rest of staging a write (src/io/atomic-write.ts).
 */
export function resolveWriteTarget(file: string): string {
  let path = resolve(file)
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    try {
      return realpathSync.native(path)
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err
    }
    let link: string
    try {
      link = readlinkSync(path)
    } catch (err) {
      const code = errnoCode(err)
      // EINVAL: exists but is no symlink (cannot happen after ENOENT, but harmless); ENOENT: new file.
      if (code === 'ENOENT' || code === 'EINVAL') return join(realpathSync.native(dirname(path)), basename(path))
      throw err
    }
    path = resolve(dirname(path), link) // a dangling symlink: follow it and try again
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${file}`), { code: 'ELOOP' })
}
