import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

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

// src/io/read-input.ts
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";

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
    st = statSync(file);
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

export {
  errnoCode,
  describeFsError,
  ioDiagnostic,
  DEFAULT_MAX_BYTES,
  STDIN_NAME,
  readInput,
  readStdin
};
