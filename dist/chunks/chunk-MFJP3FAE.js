import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-GXJW6PMD.js";

// src/io/io-diagnostic.ts
var FS_ERROR_MESSAGES = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "permission denied (operation not permitted)",
  EROFS: "read-only file system",
  ENOSPC: "disk full (no space left on device)",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EISDIR: "is a directory",
  ENOTDIR: "a component of the path is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error",
  EBUSY: "resource busy",
  ETXTBSY: "text file busy"
};
function errnoCode(err) {
  let code = err?.code;
  return typeof code == "string" ? code : void 0;
}
function describeFsError(err) {
  let code = errnoCode(err);
  return code !== void 0 && code in FS_ERROR_MESSAGES ? FS_ERROR_MESSAGES[code] : err instanceof Error ? err.message : String(err);
}
function ioDiagnostic(file, message, at) {
  return { code: "IO", severity: "error", message, file, ...at };
}

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

// src/io/read-input.ts
import { closeSync, constants, fstatSync, openSync, readSync, statSync as statSync2 } from "node:fs";

// src/io/decode-input.ts
var strict = new TextDecoder("utf-8", { fatal: !0, ignoreBOM: !0 }), lenient = new TextDecoder("utf-8", { ignoreBOM: !0 });
function decodeInput(file, bytes) {
  let wide = wideBomName(bytes);
  if (wide)
    return {
      error: ioDiagnostic(file, `is encoded as ${wide} (it starts with a ${wide} byte order mark); save it as UTF-8`)
    };
  let nul = bytes.indexOf(0);
  if (nul !== -1)
    return {
      error: ioDiagnostic(
        file,
        `contains a NUL byte at byte ${nul}; it looks like a binary file, not YAML`,
        position(bytes, nul)
      )
    };
  try {
    return { text: strict.decode(bytes) };
  } catch {
    let bad = firstInvalidUtf8(bytes), where = bad === -1 ? "" : ` at byte ${bad}`;
    return {
      error: ioDiagnostic(
        file,
        `is not valid UTF-8${where}; save it as UTF-8`,
        bad === -1 ? void 0 : position(bytes, bad)
      )
    };
  }
}
function wideBomName(b) {
  if (b.length >= 4 && b[0] === 255 && b[1] === 254 && b[2] === 0 && b[3] === 0 || b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 254 && b[3] === 255) return "UTF-32";
  if (b.length >= 2 && (b[0] === 255 && b[1] === 254 || b[0] === 254 && b[1] === 255)) return "UTF-16";
}
function firstInvalidUtf8(b) {
  let i = 0;
  for (; i < b.length; ) {
    let c = b[i];
    if (c < 128) {
      i++;
      continue;
    }
    let need, lo = 128, hi = 191;
    if (c >= 194 && c <= 223) need = 1;
    else if (c >= 224 && c <= 239)
      need = 2, c === 224 ? lo = 160 : c === 237 && (hi = 159);
    else if (c >= 240 && c <= 244)
      need = 3, c === 240 ? lo = 144 : c === 244 && (hi = 143);
    else return i;
    for (let k = 1; k <= need; k++) {
      let d = b[i + k];
      if (d === void 0 || d < lo || d > hi) return i;
      lo = 128, hi = 191;
    }
    i += need + 1;
  }
  return -1;
}
function position(b, offset) {
  let line = 1, lineStart = 0;
  for (let i = 0; i < offset; i++)
    b[i] === 10 && (line++, lineStart = i + 1);
  let prefix = lenient.decode(b.subarray(lineStart, offset));
  return lineStart === 0 && prefix.startsWith("\uFEFF") && (prefix = prefix.slice(1)), { line, col: prefix.length + 1 };
}

// src/io/read-input.ts
var DEFAULT_MAX_BYTES = 8 * 1024 * 1024, STDIN_NAME = "<stdin>", CHUNK = 64 * 1024, OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
function readInput(file, opts) {
  let fail = (message) => ({ error: ioDiagnostic(file, message) }), st;
  try {
    st = statSync2(file);
  } catch (err) {
    return fail(describeFsError(err));
  }
  let refusal = refuseStats(st, opts.maxBytes);
  if (refusal) return fail(refusal);
  let fd, bytes;
  try {
    fd = openSync(file, OPEN_FLAGS);
    let now = fstatSync(fd), again = refuseStats(now, opts.maxBytes);
    if (again) return fail(again);
    bytes = readAtMost(fd, opts.maxBytes + 1, now.size);
  } catch (err) {
    return fail(describeFsError(err));
  } finally {
    if (fd !== void 0)
      try {
        closeSync(fd);
      } catch {
      }
  }
  return bytes.length > opts.maxBytes ? fail(tooLarge(void 0, opts.maxBytes)) : decodeInput(file, bytes);
}
async function readStdin(stream, maxBytes = DEFAULT_MAX_BYTES) {
  let chunks = [], total = 0;
  try {
    for await (let chunk of stream) {
      let buf = typeof chunk == "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (total += buf.length, total > maxBytes) return { error: ioDiagnostic(STDIN_NAME, tooLarge(void 0, maxBytes)) };
      chunks.push(buf);
    }
  } catch (err) {
    return { error: ioDiagnostic(STDIN_NAME, describeFsError(err)) };
  }
  return decodeInput(STDIN_NAME, Buffer.concat(chunks, total));
}
function refuseStats(st, maxBytes) {
  if (st.isDirectory()) return "is a directory";
  if (st.isFIFO()) return "is a named pipe (FIFO), not a regular file";
  if (st.isSocket()) return "is a socket, not a regular file";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "is a device, not a regular file";
  if (!st.isFile()) return "is not a regular file";
  if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
}
function tooLarge(size, maxBytes) {
  return `${size === void 0 ? "is larger than" : `is ${size} bytes, over`} the limit of ${maxBytes} bytes; raise it with --max-bytes`;
}
function readAtMost(fd, limit, size) {
  let chunks = [], total = 0, want = size + 1;
  for (; total < limit; ) {
    let buf = Buffer.allocUnsafe(Math.min(want, limit - total)), bytesRead = readSync(fd, buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead)), total += bytesRead, want = CHUNK;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

// src/io/atomic-write.ts
import {
  promises as fsp,
  accessSync,
  closeSync as closeSync2,
  constants as constants2,
  fchmodSync,
  fchownSync,
  fsync,
  lstatSync,
  openSync as openSync2,
  renameSync,
  statSync as statSync3,
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
    fd = openSync2(name, "wx", mode ?? 438), tmp = name, mode !== void 0 && fchmodSync(fd, mode), old && keepOwner(fd, old);
    let hook = writeFaults.beforeWrite?.(tmp, target);
    hook && await hook, writeFileSync(fd, text, "utf8"), await fsyncInPool(fd);
    let closing = fd;
    fd = void 0, closeSync2(closing);
  } catch (err) {
    throw fd !== void 0 && quietly(() => closeSync2(fd)), tmp !== void 0 && quietly(() => unlinkSync(tmp)), new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
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
  ids().uid !== 0 && accessSync(target, constants2.W_OK);
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
    return statSync3(path);
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
  describeFsError,
  ioDiagnostic,
  expandPaths,
  DEFAULT_MAX_BYTES,
  STDIN_NAME,
  readInput,
  readStdin,
  stageFileAtomic,
  syncDirectory,
  cleanStaleTempFiles
};
