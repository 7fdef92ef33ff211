import { realpathSync, statSync, type Stats } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { UsageError, type Diagnostic } from '../errors.js'
import { describeFsError, errnoCode, ioDiagnostic } from './io-diagnostic.js'
import { isTempFileName } from './temp-file-name.js'

type FastGlob = typeof import('fast-glob')

const IGNORE = ['**/.git/**', '**/node_modules/**']
const YAML_IN_DIR = '**/*.{yaml,yml}'

export interface ExpandedPaths {
  /** Files to process, as the user would recognise them: the argument as given, or joined onto it. */
  files: string[]
  /** One `IO` diagnostic per argument that named nothing usable. */
  errors: Diagnostic[]
}

/**
 * Turns command-line arguments into files, the way Prettier does. Each argument is first a
 * literal path: a file is itself, a directory is every `*.yaml`/`*.yml` below it (dot
 * directories included; `.git`, `node_modules` and our temp files skipped). Only if it does
 * not exist is it a glob pattern (`dot: false`). Symlinks met inside a directory or by a
 * pattern are neither followed nor listed (a later write would land outside the tree); a
 * symlink named literally is used.
 * A directory without such files, like a pattern that matches nothing, is an `IO` diagnostic.
 * Order: literal files in argument order, then each directory's and pattern's files, sorted.
 * A file reached twice (also through a symlink) is listed once, at its first place.
 * Throws `UsageError` for an empty argument.
 */
export async function expandPaths(args: string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandedPaths> {
  const out = options.outDir === undefined ? undefined : outDirOf(options.outDir, cwd)
  const literal: Listed[] = []
  const expanded: Listed[] = []
  const errors: Diagnostic[] = []
  for (const arg of args) {
    if (arg === '') throw new UsageError('an empty string is not a file, directory or pattern')
    let st: Stats | undefined
    try {
      // Synchronous, like the reads after it: one stat of a named file costs less than a thread-pool round trip.
      st = statSync(resolve(cwd, arg))
    } catch (err) {
      const code = errnoCode(err)
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        errors.push(ioDiagnostic(arg, describeFsError(err)))
        continue
      }
    }
    if (st && out?.holds(realPathOf(resolve(cwd, arg))))
      throw new UsageError(
        `${JSON.stringify(arg)} is inside --out-dir ${JSON.stringify(out.name)}, where this run writes its copies: ` +
          'give the files to migrate from outside it, or choose another --out-dir',
      )
    try {
      if (st && !st.isDirectory())
        literal.push({ file: arg }) // FIFOs and such too: readInput explains why not
      else if (st) {
        const found = await yamlFilesIn(arg, cwd, out)
        // Like a pattern that matches nothing: a folder named to be migrated that holds no manifest is a mistake
        // to report, not a run that silently did nothing.
        if (found.length === 0) errors.push(ioDiagnostic(arg, `no *.yaml or *.yml files in the directory "${arg}"`))
        expanded.push(...found)
      } else {
        const fg = await loadFastGlob()
        if (!fg.isDynamicPattern(arg)) errors.push(ioDiagnostic(arg, 'no such file or directory'))
        else {
          const matched = await globFiles(fg, arg, cwd)
          const found = out ? matched.filter((f) => !out.holds(realPathOf(resolve(cwd, f)))) : matched
          if (found.length === 0)
            errors.push(
              ioDiagnostic(
                arg,
                matched.length === 0
                  ? `no files match the pattern "${arg}"`
                  : `no files outside --out-dir "${out!.name}" match the pattern "${arg}"`,
              ),
            )
          expanded.push(...found.map((file) => ({ file })))
        }
      }
    } catch (err) {
      errors.push(ioDiagnostic(arg, describeFsError(err))) // e.g. an unreadable subdirectory
    }
  }
  return { files: dedupe([...literal, ...expanded], cwd), errors }
}

/** A file to list, and its real path when already known. */
interface Listed {
  file: string
  real?: string
}

async function yamlFilesIn(dir: string, cwd: string, out: OutDir | undefined): Promise<Listed[]> {
  const fg = await loadFastGlob()
  const root = resolve(cwd, dir)
  // Nothing found below the folder is a symlink or inside one (neither is followed nor listed), so
  // each file's real path is the folder's real path joined with the rest: one realpath per folder
  // instead of one per file.
  let real: string | undefined
  try {
    real = realpathSync.native(root)
  } catch {}
  // The output folder below this one is not walked at all (it may hold a whole fleet's copies).
  const outBelow = out && real !== undefined ? relative(real, out.real) : undefined
  const ignore =
    outBelow !== undefined && outBelow !== '' && !outBelow.startsWith('..') && !outBelow.startsWith(sep)
      ? [...IGNORE, `${fg.escapePath(outBelow.split(sep).join('/'))}/**`]
      : IGNORE
  const found = await fg(YAML_IN_DIR, {
    cwd: root,
    dot: true,
    ignore,
    followSymbolicLinks: false,
    onlyFiles: true,
  })
  return sorted(found.filter((f) => !isTempFileName(f))).map((f) => ({
    file: join(dir, f),
    ...(real === undefined ? {} : { real: join(real, f) }),
  }))
}

async function globFiles(fg: FastGlob, pattern: string, cwd: string): Promise<string[]> {
  const found = await fg(pattern, { cwd, dot: false, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true })
  return sorted(found.filter((f) => !isTempFileName(f)))
}

/** What `expandPaths` must leave out. */
export interface ExpandOptions {
  /** `--out-dir`: this run's output folder. Never an input: a walk or pattern skips it, a path inside it is refused. */
  outDir?: string
}

/** The output folder: as the user named it, and its real path (also when it does not exist yet). */
interface OutDir {
  name: string
  real: string
  holds(real: string): boolean
}

function outDirOf(name: string, cwd: string): OutDir {
  const real = realPathOf(resolve(cwd, name))
  return { name, real, holds: (path) => path === real || path.startsWith(real.endsWith(sep) ? real : real + sep) }
}

/** The real path of `abs`: symlinks resolved in the part that exists, the rest (not created yet) joined on. */
function realPathOf(abs: string): string {
  try {
    return realpathSync.native(abs)
  } catch {
    const parent = dirname(abs)
    return parent === abs ? abs : join(realPathOf(parent), basename(abs))
  }
}

/** Keeps the first of several names for one real file (`a.yaml`, `./a.yaml`, a symlink to it). */
function dedupe(listed: Listed[], cwd: string): string[] {
  const keys = listed.map(({ file, real }) => {
    if (real !== undefined) return real
    const abs = resolve(cwd, file)
    try {
      return realpathSync.native(abs)
    } catch {
      return abs // a dangling symlink: readInput reports it
    }
  })
  const seen = new Set<string>()
  return listed.filter((_, i) => !seen.has(keys[i]!) && seen.add(keys[i]!)).map((l) => l.file)
}

/** Plain code-unit order: stable across locales and platforms. */
function sorted(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

let fastGlob: FastGlob | undefined
/** fast-glob costs startup time; load it only when a directory or a pattern needs it. */
async function loadFastGlob(): Promise<FastGlob> {
  fastGlob ??= (await import('fast-glob')).default
  return fastGlob
}
