import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  describeFsError,
  errnoCode,
  ioDiagnostic
} from "./chunk-FHII5GVZ.js";
import {
  UsageError
} from "./chunk-GXJW6PMD.js";

// src/io/expand-paths.ts
import { realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

// src/io/temp-file-name.ts
import { basename } from "node:path";
var TEMP_NAME = /^\..*\.delegate-mtls-(\d+)-[0-9a-z]+\.tmp$/, MAX_BASE_CHARS = 100;
function tempFileName(base, pid = process.pid) {
  let short = base.length > MAX_BASE_CHARS ? base.slice(0, MAX_BASE_CHARS) : base, random = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
  return `.${short}.delegate-mtls-${pid}-${random}.tmp`;
}
function isTempFileName(name) {
  return TEMP_NAME.test(basename(name));
}
function tempFilePid(name) {
  let m = TEMP_NAME.exec(basename(name));
  return m ? Number(m[1]) : void 0;
}

// src/io/expand-paths.ts
var IGNORE = ["**/.git/**", "**/node_modules/**"], YAML_IN_DIR = "**/*.{yaml,yml}";
async function expandPaths(args, cwd) {
  let literal = [], expanded = [], errors = [];
  for (let arg of args) {
    if (arg === "") throw new UsageError("an empty string is not a file, directory or pattern");
    let st;
    try {
      st = statSync(resolve(cwd, arg));
    } catch (err) {
      let code = errnoCode(err);
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        errors.push(ioDiagnostic(arg, describeFsError(err)));
        continue;
      }
    }
    try {
      if (st && !st.isDirectory())
        literal.push({ file: arg });
      else if (st) expanded.push(...await yamlFilesIn(arg, cwd));
      else {
        let fg = await loadFastGlob();
        if (!fg.isDynamicPattern(arg)) errors.push(ioDiagnostic(arg, "no such file or directory"));
        else {
          let found = await globFiles(fg, arg, cwd);
          found.length === 0 && errors.push(ioDiagnostic(arg, `no files match the pattern "${arg}"`)), expanded.push(...found.map((file) => ({ file })));
        }
      }
    } catch (err) {
      errors.push(ioDiagnostic(arg, describeFsError(err)));
    }
  }
  return { files: dedupe([...literal, ...expanded], cwd), errors };
}
async function yamlFilesIn(dir, cwd) {
  let fg = await loadFastGlob(), root = resolve(cwd, dir), found = await fg(YAML_IN_DIR, {
    cwd: root,
    dot: !0,
    ignore: IGNORE,
    followSymbolicLinks: !1,
    onlyFiles: !0
  }), real;
  try {
    real = realpathSync.native(root);
  } catch {
  }
  return sorted(found.filter((f) => !isTempFileName(f))).map((f) => ({
    file: join(dir, f),
    ...real === void 0 ? {} : { real: join(real, f) }
  }));
}
async function globFiles(fg, pattern, cwd) {
  let found = await fg(pattern, { cwd, dot: !1, ignore: IGNORE, followSymbolicLinks: !1, onlyFiles: !0 });
  return sorted(found.filter((f) => !isTempFileName(f)));
}
function dedupe(listed, cwd) {
  let keys = listed.map(({ file, real }) => {
    if (real !== void 0) return real;
    let abs = resolve(cwd, file);
    try {
      return realpathSync.native(abs);
    } catch {
      return abs;
    }
  }), seen = /* @__PURE__ */ new Set();
  return listed.filter((_, i) => !seen.has(keys[i]) && seen.add(keys[i])).map((l) => l.file);
}
function sorted(paths) {
  return paths.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
var fastGlob;
async function loadFastGlob() {
  return fastGlob ??= (await import("./out-I2UL36UV.js")).default, fastGlob;
}

// src/io/atomic-write.ts
import {
  promises as fsp,
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsync,
  lstatSync,
  openSync,
  renameSync,
  statSync as statSync2,
  unlinkSync,
  writeFileSync
} from "node:fs";
import { basename as basename3, dirname as dirname2, join as join3, resolve as resolve3 } from "node:path";

// src/io/resolve-write-target.ts
import { readlinkSync, realpathSync as realpathSync2 } from "node:fs";
import { basename as basename2, dirname, join as join2, resolve as resolve2 } from "node:path";
var MAX_LINK_HOPS = 40;
function resolveWriteTarget(file) {
  let path = resolve2(file);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    try {
      return realpathSync2.native(path);
    } catch (err) {
      if (errnoCode(err) !== "ENOENT") throw err;
    }
    let link;
    try {
      link = readlinkSync(path);
    } catch (err) {
      let code = errnoCode(err);
      if (code === "ENOENT" || code === "EINVAL") return join2(realpathSync2.native(dirname(path)), basename2(path));
      throw err;
    }
    path = resolve2(dirname(path), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${file}`), { code: "ELOOP" });
}

// src/io/atomic-write.ts
var DIR_SYNC_IGNORED = /* @__PURE__ */ new Set(["EINVAL", "EISDIR", "EPERM", "EACCES", "ENOTSUP", "EBADF"]);
var writeFaults = {};
async function stageFileAtomic(file, text, opts = {}) {
  let tmp, fd, target;
  try {
    let where = writeTarget(file);
    target = where.target;
    let old = where.old;
    if (old?.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (old && !old.isFile()) throw new Error("is not a regular file");
    old && assertWritable(target, old);
    let mode = opts.mode ?? (old ? old.mode & 4095 : void 0), name = join3(dirname2(target), tempFileName(basename3(target)));
    fd = openSync(name, "wx", mode ?? 438), tmp = name, mode !== void 0 && fchmodSync(fd, mode), old && keepOwner(fd, old);
    let hook = writeFaults.beforeWrite?.(tmp, target);
    hook && await hook, writeFileSync(fd, text, "utf8"), await fsyncInPool(fd);
    let closing = fd;
    fd = void 0, closeSync(closing);
  } catch (err) {
    throw fd !== void 0 && quietly(() => closeSync(fd)), tmp !== void 0 && quietly(() => unlinkSync(tmp)), new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
  }
  let temp = tmp, dest = target, done = !1;
  return {
    file,
    target: dest,
    async commit({ syncDir: sync = !0 } = {}) {
      if (done) throw new Error(`cannot write ${file}: already committed or aborted`);
      done = !0;
      try {
        let hook = writeFaults.beforeRename?.(temp, dest);
        hook && await hook, renameSync(temp, dest);
      } catch (err) {
        throw quietly(() => unlinkSync(temp)), new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
      }
      if (sync)
        try {
          await syncDir(dirname2(dest));
        } catch (err) {
          throw new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
        }
    },
    async abort() {
      done || (done = !0, quietly(() => unlinkSync(temp)));
    }
  };
}
var fsyncInPool = (fd) => new Promise((done, fail) => fsync(fd, (err) => err ? fail(err) : done()));
function quietly(call) {
  try {
    call();
  } catch {
  }
}
async function syncDirectory(dir) {
  await syncDir(dir);
}
async function cleanStaleTempFiles(dir) {
  let names;
  try {
    names = (await fsp.readdir(dir, { withFileTypes: !0 })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return 0;
    throw err;
  }
  let removed = 0;
  for (let name of names) {
    if (!isTempFileName(name)) continue;
    let pid = tempFilePid(name);
    if (!(pid === void 0 || isRunning(pid)))
      try {
        await fsp.unlink(join3(dir, name)), removed++;
      } catch (err) {
        if (errnoCode(err) !== "ENOENT") throw err;
      }
  }
  return removed;
}
function isRunning(pid) {
  if (pid === process.pid) return !0;
  try {
    return process.kill(pid, 0), !0;
  } catch (err) {
    return errnoCode(err) !== "ESRCH";
  }
}
function assertWritable(target, old) {
  if ((old.mode & 146) === 0)
    throw Object.assign(
      new Error(`is read-only (mode 0${(old.mode & 511).toString(8)}); make it writable (chmod u+w) to migrate it`),
      { code: "EREADONLY" }
    );
  ids().uid !== 0 && accessSync(target, constants.W_OK);
}
function writeTarget(file) {
  let abs = resolve3(file), st;
  try {
    st = lstatSync(abs);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return { target: abs, old: void 0 };
    throw err;
  }
  if (!st.isSymbolicLink()) return { target: abs, old: st };
  let target = resolveWriteTarget(abs);
  return { target, old: statIfExistsSync(target) };
}
function statIfExistsSync(path) {
  try {
    return statSync2(path);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return;
    throw err;
  }
}
var processIds, ids = () => processIds ??= { uid: process.getuid?.(), gid: process.getgid?.() };
function keepOwner(fd, old) {
  let { uid, gid } = ids();
  uid === old.uid && gid === old.gid || quietly(() => fchownSync(fd, old.uid, old.gid));
}
async function syncDir(dir) {
  let fh;
  try {
    fh = await fsp.open(dir, "r"), await fh.sync();
  } catch (err) {
    if (!DIR_SYNC_IGNORED.has(errnoCode(err) ?? "")) throw err;
  } finally {
    await fh?.close().catch(() => {
    });
  }
}

export {
  expandPaths,
  stageFileAtomic,
  syncDirectory,
  cleanStaleTempFiles
};
