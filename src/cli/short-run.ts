import { statSync } from 'node:fs'

/**
 * Inputs up to this size are planned with V8's optimizing compiler (TurboFan) paused. Measured with
 * the bench's manifest (6 KB) on 2 cores: a `--check` of 1 to 16 files runs 12–25% faster without it,
 * 32 files (190 KB) run the same; the compiler pays off only on more input than that. On a short run
 * it spends its time compiling the YAML lexer for a few thousand characters, on a second core a
 * shared machine may not have free, and the process waits at exit for compilations still running.
 */
export const SHORT_RUN_BYTES = 128 * 1024

/** At most this many files are summed up to see if a run is short (a run of more is not). */
export const SHORT_RUN_FILES = 32

/** Total size of `paths` if it is a short run's (see SHORT_RUN_BYTES), else undefined. */
export function shortRunBytes(paths: string[]): number | undefined {
  if (paths.length > SHORT_RUN_FILES) return undefined
  let total = 0
  for (const path of paths) {
    const st = statSync(path, { throwIfNoEntry: false })
    // Unreadable or missing files are reported when read; a FIFO or device may be endless: not short.
    if (st && !st.isFile()) return undefined
    total += st?.size ?? 0
  }
  return total <= SHORT_RUN_BYTES ? total : undefined
}

/**
 * V8 flags naming its compilers: when the user passes any (in the command line or NODE_OPTIONS), the
 * run keeps what they chose. The `--opt` that ends a pause would otherwise undo their `--no-opt` (or
 * contradict `--jitless`), and leave V8's flag hash other than at start-up.
 */
const USER_COMPILER_FLAG =
  /^--(?:no-?)?(?:jitless|opt|turbofan|always-turbofan|always-opt|maglev|sparkplug|lite-mode|max-opt)\b/

/**
 * Pauses V8's optimizing compiler for a short run and returns what resumes it. The flag is set back
 * exactly as it was, so that V8's flag hash — which a code cache must match (bin/delegate-mtls.js
 * writes one at exit) — is the start-up one again. Does nothing (and resumes nothing) when the user
 * set compiler flags of their own. node:v8 is the only way to set a V8 flag once running that prints
 * nothing (process.binding('v8') warns that it is deprecated; a `#!` line's flags are not portable), and
 * loading it brings Node's stream modules with it; on a short run that still costs far less than the
 * optimizer's compiling, on a quiet machine as on a busy one (npm run bench compares).
 */
export async function pauseOptimizer(): Promise<() => void> {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((f) =>
    f.replaceAll('_', '-'),
  )
  if (flags.some((f) => USER_COMPILER_FLAG.test(f))) return () => {}
  const { setFlagsFromString } = await import('node:v8')
  setFlagsFromString('--no-opt')
  let paused = true
  return () => {
    if (!paused) return
    paused = false
    setFlagsFromString('--opt')
  }
}

/**
 * Whether this process planned a short run. bin/delegate-mtls.js writes its code cache only after one
 * (src/cli/bin.ts passes this on): a cache written at the end of a fleet run holds the many functions
 * that run compiled, is a third larger, and made every later one-file check about 3 ms slower to start.
 */
export const shortRun = { seen: false }

/** Runs `plan` with the optimizer paused when `short` (see pauseOptimizer), and resumes it whatever happens. */
export async function planPaused<T>(short: boolean, plan: () => T): Promise<T> {
  if (short) shortRun.seen = true
  const resume = short ? await pauseOptimizer() : undefined
  try {
    return plan()
  } finally {
    resume?.()
  }
}
