#!/usr/bin/env node
// Runs the committed CLI bundle (dist/cli.cjs, from npm run build: no build step at install time).
// CommonJS (bin/package.json), so Node never boots its ESM loader; and through a V8 code cache, since
// most of a short run (one pre-commit check) would otherwise be V8 compiling the bundle.
//
// The code cache: one file per bundle, Node version and architecture, in a directory only the user
// can write (a planted cache is code run as the user): $DELEGATE_MTLS_CACHE_DIR, else
// $XDG_CACHE_HOME/delegate-mtls, else $HOME/.cache/delegate-mtls (no HOME: no cache); the directory
// is created 0700, the files 0600. It is read only when the directory and the file belong to the
// user and no one else can write them. It is written when there was none or V8 rejected it, at the
// exit of a short run (a pre-commit check's size: src/cli/short-run.ts) that loaded the migrate
// pipeline and did not fail (so the functions a check compiles lazily are in it, a first `--help`
// cannot leave a cache without them, and a first fleet run cannot leave one a third larger, full of
// code a check never runs, that every later start loads), through a temporary file renamed into
// place: concurrent runs (pre-commit splits files over processes) never see half a file. Any
// failure around the cache is ignored: the run then compiles the bundle as it would without one,
// and its output is the same either way. DELEGATE_MTLS_CACHE=0 turns the cache off.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs')
// ASCII (scripts/build.mjs checks it), so latin1 is the same text, read without decoding UTF-8.
const source = fs.readFileSync(bundle, 'latin1')
const cache = cacheFile()
let cachedData
if (cache) {
  try {
    cachedData = readPrivate(cache.file)
  } catch {}
}

// A CommonJS module wrapper, on the bundle's first line so that its line numbers stay right.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
})
const mod = { exports: {}, id: bundle, filename: bundle, loaded: false }
if (cache && (cachedData === undefined || script.cachedDataRejected)) {
  process.once('exit', (code) => {
    // src/cli/bin.ts says whether the run loaded the migrate pipeline, and whether it was short.
    if ((code !== 0 && code !== 1) || mod.exports.loaded?.migrate !== true || mod.exports.loaded?.short !== true) return
    try {
      writePrivate(cache, script.createCachedData())
    } catch {}
  })
}
// module.constructor is node:module's Module, without loading node:module (which brings ESM loader parts).
const requireFromBundle = module.constructor.createRequire(bundle)
script.runInThisContext()(mod.exports, requireFromBundle, mod, bundle, path.dirname(bundle))

/** Where this bundle's code cache is for this Node, or undefined when it is off or there is no place for it. */
function cacheFile() {
  const env = process.env
  if (env.DELEGATE_MTLS_CACHE === '0') return undefined
  // The build's last line names the bundle's content (V8 only checks that a cache was made from a
  // source of the same length); the file's size and mtime catch a bundle edited by hand.
  const id = /\/\/# delegate-mtls-bundle sha256=([0-9a-f]{64})\n$/.exec(source.slice(-100))
  if (!id) return undefined
  let dir = env.DELEGATE_MTLS_CACHE_DIR
  if (!dir) {
    // No HOME (and no XDG_CACHE_HOME): no cache, rather than a guess at where it could go.
    const xdg = env.XDG_CACHE_HOME
    const home = env.HOME
    const base =
      xdg && path.isAbsolute(xdg) ? xdg : home && path.isAbsolute(home) ? path.join(home, '.cache') : undefined
    if (!base) return undefined
    dir = path.join(base, 'delegate-mtls')
  }
  const st = fs.statSync(bundle, { throwIfNoEntry: false })
  if (!st) return undefined
  // V8 also rejects a cache made under other V8 flags: give those runs their own file rather than
  // rewriting one cache back and forth.
  const flags = process.execArgv.join(' ') + (env.NODE_OPTIONS ? ` ${env.NODE_OPTIONS}` : '')
  const key = [
    process.versions.node,
    process.arch,
    id[1].slice(0, 32),
    st.size,
    Math.trunc(st.mtimeMs),
    flags && hash(flags),
  ]
  dir = path.resolve(dir)
  return { dir, file: path.join(dir, `cli-${key.filter(Boolean).join('-')}.v8cache`) }
}

/** A short hash of a short string (FNV-1a), for file names. */
function hash(s) {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}

/** Whether `st` belongs to this user and no one else can write it (no uids, as on Windows: yes). */
function ownedPrivately(st) {
  if (typeof process.getuid !== 'function') return true
  return st.uid === process.getuid() && (st.mode & 0o022) === 0
}

/** The file's bytes, if it and its directory belong to the user and only they can write them. */
function readPrivate(file) {
  if (!ownedPrivately(fs.statSync(path.dirname(file)))) return undefined
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0))
  try {
    const st = fs.fstatSync(fd)
    return st.isFile() && ownedPrivately(st) && st.size > 0 ? fs.readFileSync(fd) : undefined
  } finally {
    fs.closeSync(fd)
  }
}

/** Writes `data` to `cache.file` (0600) in `cache.dir` (created 0700) through a temporary file and a rename. */
function writePrivate(cache, data) {
  fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 })
  if (!ownedPrivately(fs.statSync(cache.dir))) return
  const tmp = `${cache.file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`
  const fd = fs.openSync(tmp, 'wx', 0o600)
  try {
    try {
      fs.writeFileSync(fd, data)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, cache.file)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
  removeStale(cache)
}

/** Removes the caches of other bundles or Node versions, and temporary files, left for a week. */
function removeStale(cache) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000
  for (const name of fs.readdirSync(cache.dir)) {
    const file = path.join(cache.dir, name)
    if (file === cache.file || !/^cli-.*\.v8cache(\..*\.tmp)?$/.test(name)) continue
    try {
      const st = fs.lstatSync(file)
      if (st.isFile() && st.mtimeMs < weekAgo) fs.rmSync(file, { force: true })
    } catch {}
  }
}
