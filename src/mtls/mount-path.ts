import { UsageError } from '../errors.js'

const FORM = 'an absolute path without "." or ".." segments, "//" or ":", e.g. /etc/mtls'

/**
 * The certificate's mount path, checked: absolute, and in the one form Kubernetes and docker-compose
 * read as the user means it. A trailing `/` is dropped (`/etc/mtls/` is `/etc/mtls`); `..`, `.` and `//`
 * are refused rather than resolved (a mount path that walks up is a mistake to show, not to guess at);
 * `:` is refused because it splits a compose volume (`host:container:ro`); `/` because the Secret would
 * hide the container's whole file system. Throws a UsageError that names `flag`.
 */
export function checkMountPath(input: string, flag = '--mount-path'): string {
  if (!input.startsWith('/')) throw new UsageError(`${flag} ${JSON.stringify(input)} must be an absolute path`)
  const path = input.replace(/\/+$/, '')
  const problem =
    path === ''
      ? 'would mount the certificate over the whole file system'
      : path.includes('//')
        ? 'has an empty segment (//)'
        : path.split('/').some((s) => s === '.' || s === '..')
          ? 'has a "." or ".." segment'
          : path.includes(':')
            ? 'has a ":", which splits a docker-compose volume'
            : /[\u0000-\u001f\u007f]/.test(path)
              ? 'has a control character'
              : undefined
  if (problem) throw new UsageError(`${flag} ${JSON.stringify(input)} ${problem}; expected ${FORM}`)
  return path
}
