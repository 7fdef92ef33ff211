import type { Diagnostic } from '../errors.js'

/** Human wording for the errno codes a user can act on; anything else keeps Node's message. */
const FS_ERROR_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied (operation not permitted)',
  EROFS: 'read-only file system',
  ENOSPC: 'disk full (no space left on device)',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EISDIR: 'is a directory',
  ENOTDIR: 'a component of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'resource busy',
  ETXTBSY: 'text file busy',
}

/** The `code` of a Node system error (`'ENOENT'`, ...), if it has one. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** A short, path-free description of a file-system error: `permission denied`, `disk full`, ... */
export function describeFsError(err: unknown): string {
  const code = errnoCode(err)
  if (code !== undefined && code in FS_ERROR_MESSAGES) return FS_ERROR_MESSAGES[code]!
  return err instanceof Error ? err.message : String(err)
}

/** An error-severity diagnostic with code `IO` about one input. */
export function ioDiagnostic(file: string, message: string, at?: { line: number; col: number }): Diagnostic {
  return { code: 'IO', severity: 'error', message, file, ...at }
}
