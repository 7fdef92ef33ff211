import { basename } from 'node:path'

// `.<basename>.delegate-mtls-<pid>-<random>.tmp`: hidden, ends in .tmp (never matches *.yaml),
// and carries the writer's pid so a later run can tell a live write from a killed one's leftover.
const TEMP_NAME = /^\..*\.delegate-mtls-(\d+)-[0-9a-z]+\.tmp$/
/** Keeps the temp name under the usual 255-byte NAME_MAX even for very long file names. */
const MAX_BASE_CHARS = 100

/** A fresh temp-file name (no directory) for writing `base` atomically from this process. */
export function tempFileName(base: string, pid: number = process.pid): string {
  const short = base.length > MAX_BASE_CHARS ? base.slice(0, MAX_BASE_CHARS) : base
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `.${short}.delegate-mtls-${pid}-${random}.tmp`
}

/** Whether a file name (or the last segment of a path) is one of our atomic-write temp files. */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(basename(name))
}

/** The pid recorded in a temp-file name, or undefined if the name is not one of ours. */
export function tempFilePid(name: string): number | undefined {
  const m = TEMP_NAME.exec(basename(name))
  return m ? Number(m[1]) : undefined
}
