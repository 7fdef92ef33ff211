import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  migrate,
  normalizeRevertEndpoint,
  resolveOptions,
  revert
} from "./chunk-BMT6IAIZ.js";
import {
  modeOf
} from "./chunk-ZPNJAKPH.js";
import "./chunk-K6MJBNNS.js";
import {
  loadCertificate
} from "./chunk-3KALE76Y.js";
import "./chunk-DAZMBJHM.js";
import {
  DEFAULT_MAX_BYTES,
  STDIN_NAME,
  cleanStaleTempFiles,
  describeFsError,
  expandPaths,
  ioDiagnostic,
  readInput,
  readStdin,
  stageFileAtomic,
  syncDirectory
} from "./chunk-UZVUQH5J.js";
import "./chunk-NCU4CKRH.js";
import "./chunk-E6IQKNV6.js";
import {
  redactSecretData
} from "./chunk-2OG4SOFQ.js";
import {
  UsageError,
  formatDiagnostic
} from "./chunk-GXJW6PMD.js";
import "./chunk-V2O42A2J.js";

// src/cli/run-migrate.ts
import { dirname as dirname2, isAbsolute, join as join2, relative, resolve } from "node:path";
import { mkdir, readFile, rmdir } from "node:fs/promises";

// src/cli/report.ts
var statusOf = (s) => s === "migrated" ? "migrated" : s === "already" ? "already-mtls" : s === "none" ? "no-delegate" : "error", LABEL = {
  migrated: ["migrated", "needs migrating"],
  "already-mtls": ["already mTLS", "already mTLS"],
  "no-delegate": ["nothing to do", "nothing to do"],
  error: ["error", "error"]
}, REVERT_LABEL = {
  migrated: ["reverted", "needs reverting"],
  "already-mtls": ["nothing to revert", "nothing to revert"],
  "no-delegate": ["nothing to do", "nothing to do"],
  error: ["error", "error"]
}, COLOR = { migrated: "green", "already-mtls": "dim", "no-delegate": "dim", error: "red" }, plain = { green: String, yellow: String, red: String, dim: String, cyan: String, bold: String };
function fileLine(r, planned, paint = plain, verb = "migrate") {
  let label = (verb === "revert" ? REVERT_LABEL : LABEL)[r.status][planned ? 1 : 0], color = r.status === "migrated" && planned ? "yellow" : COLOR[r.status], detail = r.status === "migrated" ? ` (${r.changes.length} change${r.changes.length === 1 ? "" : "s"})` : r.status === "error" ? `: ${r.errors[0]?.message ?? "failed"}` : "", unresolved = r.unresolved ? " \u2014 a value outside this file must be changed too" : "";
  return `${r.path}: ${paint[color](label)}${detail}${unresolved}`;
}
function summaryLine(results, planned, verb = "migrate") {
  let count = (s) => results.filter((r) => r.status === s).length, revert2 = verb === "revert", parts = [
    [count("migrated"), revert2 ? planned ? "to revert" : "reverted" : planned ? "to migrate" : "migrated"],
    [count("already-mtls"), revert2 ? "without mTLS changes" : "already mTLS"],
    [count("no-delegate"), "without a delegate"],
    [count("error"), count("error") === 1 ? "error" : "errors"]
  ].filter(([n2]) => n2 > 0), n = results.length;
  return `${n} file${n === 1 ? "" : "s"}: ${parts.length ? parts.map(([c, l]) => `${c} ${l}`).join(", ") : "nothing to do"}`;
}
var diagnosticsText = (r, quiet, paint = plain) => [...r.errors, ...quiet ? [] : r.warnings].map((d) => {
  let line = formatDiagnostic(d), tail = `: ${d.severity}: ${d.message}`;
  return line.endsWith(tail) ? `${line.slice(0, -tail.length)}: ${paint[d.severity === "error" ? "red" : "yellow"](d.severity)}: ${d.message}` : line;
});
function jsonReport(results, mode) {
  let count = (s) => results.filter((r) => r.status === s).length, report = {
    version: 1,
    mode,
    files: results.map((r) => ({ path: r.path, status: r.status, unresolved: r.unresolved, written: r.written, changes: r.changes, warnings: r.warnings, errors: r.errors })),
    summary: {
      files: results.length,
      migrated: count("migrated"),
      alreadyMtls: count("already-mtls"),
      noDelegate: count("no-delegate"),
      errors: count("error"),
      written: results.filter((r) => r.written).length
    }
  };
  return JSON.stringify(report, null, 2) + `
`;
}

// src/cli/style.ts
var CODES = { green: [32, 39], yellow: [33, 39], red: [31, 39], dim: [2, 22], cyan: [36, 39], bold: [1, 22] };
function stderrPaint(io) {
  let on = io.stderr.isTTY === !0 && !io.env.NO_COLOR && io.env.TERM !== "dumb", paint = {};
  for (let [name, [open, close]] of Object.entries(CODES))
    paint[name] = on ? (s) => `\x1B[${open}m${s}\x1B[${close}m` : String;
  return paint;
}
var PROGRESS_MIN_FILES = 50, Progress = class _Progress {
  constructor(io, paint, label, total, now) {
    this.io = io;
    this.paint = paint;
    this.label = label;
    this.total = total;
    this.now = now;
  }
  io;
  paint;
  label;
  total;
  now;
  drawn = "";
  lastCells = -1;
  lastAt = 0;
  count = 0;
  static create(io, opts) {
    if (io.stderr.isTTY !== !0 || opts.quiet || opts.total <= PROGRESS_MIN_FILES) return;
    let bar = new _Progress(io, stderrPaint(io), opts.label, opts.total, opts.now ?? Date.now);
    return bar.draw(), bar;
  }
  /** One more item done. Redraws when the bar grows, every 100 ms, and at the end. */
  tick() {
    this.count++;
    let cells = this.cells(), t = this.now();
    (cells !== this.lastCells || t - this.lastAt >= 100 || this.count === this.total) && this.draw();
  }
  /** Erases the bar, so that what follows starts on a clean line. */
  clear() {
    this.drawn !== "" && (this.io.stderr.write("\r" + " ".repeat(this.drawn.length) + "\r"), this.drawn = "");
  }
  cells() {
    return this.total === 0 ? BAR : Math.floor(this.count * BAR / this.total);
  }
  draw() {
    let cells = this.cells();
    this.lastCells = cells, this.lastAt = this.now();
    let text = `delegate-mtls: ${this.label} [${"#".repeat(cells)}${"-".repeat(BAR - cells)}] ${this.count}/${this.total} files`, pad = this.drawn.length > text.length ? " ".repeat(this.drawn.length - text.length) : "";
    this.drawn = text;
    let [head, rest] = [text.slice(0, text.indexOf("[")), text.slice(text.indexOf("["))];
    this.io.stderr.write("\r" + head + this.paint.cyan(rest) + pad);
  }
}, BAR = 30;

// src/cli/unified-diff.ts
var splitLines = (s) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
function commonLines(a, b) {
  let head = 0;
  for (; head < a.length && head < b.length && a[head] === b[head]; ) head++;
  let tail = 0;
  for (; tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]; ) tail++;
  let n = a.length - head - tail, m = b.length - head - tail, dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[head + i] === b[head + j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  let pairs = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  for (let i = 0, j = 0; i < n && j < m; )
    a[head + i] === b[head + j] ? pairs.push([head + i++, head + j++]) : dp[i + 1][j] >= dp[i][j + 1] ? i++ : j++;
  for (let t = tail; t > 0; t--) pairs.push([a.length - t, b.length - t]);
  return pairs;
}
function unifiedDiff(before, after, nameA, nameB, context = 3) {
  if (before === after) return "";
  let a = splitLines(before), b = splitLines(after), ops = [], ai = 0, bi = 0;
  for (let [x, y] of [...commonLines(a, b), [a.length, b.length]]) {
    for (; ai < x; ) ops.push({ t: "-", line: a[ai], ai: ai++, bi });
    for (; bi < y; ) ops.push({ t: "+", line: b[bi], ai, bi: bi++ });
    x < a.length && ops.push({ t: " ", line: a[ai], ai: ai++, bi: bi++ });
  }
  let out = [`--- ${nameA}
`, `+++ ${nameB}
`];
  for (let i = 0; i < ops.length; ) {
    if (ops[i].t === " ") {
      i++;
      continue;
    }
    let start = Math.max(0, i - context), end = i;
    for (; end < ops.length; ) {
      if (ops[end].t !== " ") {
        end++;
        continue;
      }
      let run = end;
      for (; run < ops.length && ops[run].t === " "; ) run++;
      if (run === ops.length || run - end > 2 * context) {
        end = Math.min(run, end + context);
        break;
      }
      end = run;
    }
    let hunk = ops.slice(start, end), aCount = hunk.filter((o) => o.t !== "+").length, bCount = hunk.filter((o) => o.t !== "-").length, aStart = aCount ? hunk.find((o) => o.t !== "+").ai + 1 : hunk[0].ai, bStart = bCount ? hunk.find((o) => o.t !== "-").bi + 1 : hunk[0].bi;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@
`);
    for (let o of hunk) out.push(o.t + o.line + (o.line.endsWith(`
`) ? "" : `
\\ No newline at end of file
`));
    i = end, start = end;
  }
  return out.join("");
}

// src/cli/plan-files.ts
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
function planText(name, text, settings) {
  let r = settings.revertTo === void 0 ? migrate(text, { ...settings.options, file: name }, { verify: settings.verify }) : revert(text, { endpoint: settings.revertTo, file: name }), errors = r.diagnostics.filter((d) => d.severity === "error"), warnings = r.diagnostics.filter((d) => d.severity === "warning"), keep = settings.keepText;
  return {
    input: keep ? text : "",
    output: keep ? r.output : "",
    result: { path: name, status: statusOf(r.status), unresolved: r.unresolved, written: !1, changes: r.changes, warnings, errors }
  };
}
var readError = (path, error) => ({
  input: "",
  output: "",
  result: { path, status: "error", unresolved: !1, written: !1, changes: [], warnings: [], errors: [error] }
});
function planRead(file, abs, read, settings) {
  return { ..."error" in read ? readError(file, { ...read.error, file }) : planText(file, read.text, settings), abs };
}
async function planFile(file, abs, settings) {
  return planRead(file, abs, await readInput(abs, { maxBytes: settings.maxBytes }), settings);
}
var WORKER_TAG = "delegateMtlsPlanWorker", PARALLEL_THRESHOLD = 200;
async function planInWorkers(jobs, settings, onDone) {
  let { Worker } = await import("node:worker_threads"), fromSource = import.meta.url.endsWith(".ts"), url = new URL(import.meta.url), count = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(jobs.length / 100))), results = new Array(jobs.length);
  return await Promise.all(
    Array.from({ length: count }, (_, w) => {
      let share = jobs.map((job, i) => ({ ...job, i })).filter((job) => job.i % count === w);
      return new Promise((resolve2, reject) => {
        let worker = new Worker(url, { workerData: { [WORKER_TAG]: !0, jobs: share, settings }, execArgv: fromSource ? ["--import", "tsx"] : [] });
        worker.on("message", (msg) => {
          results[msg.i] = msg.planned, onDone();
        }), worker.on("error", reject), worker.on("exit", (code) => code === 0 ? resolve2() : reject(new Error(`a planning worker exited with code ${code}`)));
      });
    })
  ), results;
}
if (!isMainThread && workerData?.[WORKER_TAG]) {
  let { jobs, settings } = workerData;
  (async () => {
    for (let job of jobs) parentPort.postMessage({ i: job.i, planned: await planFile(job.file, job.abs, settings) });
  })();
}

// src/cli/key-files.ts
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
var holdsKey = (r, output) => r.changes.some((c) => c.resource.kind === "Secret" && (c.op === "insert" || /^data\./.test(c.path))) || output !== void 0 && textHoldsKey(output), textHoldsKey = (text) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text) || redactSecretData(text) !== text;
async function warnIfInGitTree(abs, shown, io) {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if (await stat(join(dir, ".git")).then(() => !0, () => !1)) {
      io.stderr.write(`${shown}: warning: this file now holds a private key and is inside a git work tree (${dir}); do not commit it \u2014 in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret
`);
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

// src/cli/run-migrate.ts
async function runMigrate(args, io) {
  if (!args.endpoint) throw new UsageError("--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443");
  let opts = { endpoint: args.endpoint, tiService: args.tiService, grpcAuthority: args.grpcAuthority };
  args.secretName !== void 0 && (opts.secretName = args.secretName), args.mountPath !== void 0 && (opts.mountPath = args.mountPath), args.certPath !== void 0 && (opts.certPath = args.certPath), args.keyPath !== void 0 && (opts.keyPath = args.keyPath);
  let revertTo = args.revert ? normalizeRevertEndpoint(args.endpoint) : void 0, options = resolveOptions(revertTo === void 0 ? opts : { endpoint: "https://revert.invalid" }), pems = await loadCertificate(args, io, args.quiet);
  if (pems === !1) return 2;
  pems && (options.secret = pems);
  let maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES, planSettings = (mode2) => {
    let reporting = mode2 === "check" || mode2 === "list";
    return { options, maxBytes, verify: !reporting, keepText: !reporting, ...revertTo === void 0 ? {} : { revertTo } };
  }, stdin = args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  let planned = [], mode;
  if (stdin) {
    mode = modeOf(args, 1, !0);
    let read = await readStdin(io.stdin, maxBytes), settings = planSettings(mode);
    planned.push("error" in read ? readError(STDIN_NAME, read.error) : planText(STDIN_NAME, read.text, settings));
  } else {
    let { files, errors } = await expandPaths(args.paths, io.cwd);
    mode = modeOf(args, files.length + errors.length, !1);
    for (let e of errors) planned.push(readError(e.file ?? args.paths.join(" "), e));
    let progress = Progress.create(io, { quiet: args.quiet, total: files.length, label: mode === "check" || mode === "list" ? "checking" : "planning" }), settings = planSettings(mode);
    try {
      if (files.length >= PARALLEL_THRESHOLD) {
        let jobs = files.map((file) => ({ file, abs: resolve(io.cwd, file) }));
        planned.push(...await planInWorkers(jobs, settings, () => progress?.tick()));
      } else {
        let reads = readAhead(files, (file) => readInput(resolve(io.cwd, file), { maxBytes }));
        for (let file of files)
          planned.push(planRead(file, resolve(io.cwd, file), await reads.next(), settings)), progress?.tick();
      }
    } finally {
      progress?.clear();
    }
  }
  return finish(args, io, mode, planned);
}
var READ_AHEAD = 16;
function readAhead(items, read) {
  let pending = [], started = 0, fill = () => {
    for (; started < items.length && pending.length < READ_AHEAD; ) pending.push(read(items[started++]));
  };
  return {
    next() {
      fill();
      let p = pending.shift();
      if (!p) throw new Error("readAhead: no more items");
      return fill(), p;
    }
  };
}
async function finish(args, io, mode, planned) {
  let results = planned.map((p) => p.result), checking = mode === "check" || mode === "list", verb = args.revert ? "revert" : "migrate", paint = stderrPaint(io), say = (line) => io.stderr.write(line + `
`), planFailed = results.some((r) => r.status === "error");
  for (let r of results) for (let line of diagnosticsText(r, args.quiet, paint)) say(line);
  let refused = !1, writeFailed = !1;
  if (mode === "stdout")
    planFailed || io.stdout.write(planned[0].output);
  else if (mode === "diff")
    for (let p of planned) {
      if (p.result.status === "error" || p.input === p.output) continue;
      let name = p.result.path.replace(/^\/+/, "");
      io.stdout.write(redactSecretData(unifiedDiff(p.input, p.output, `a/${name}`, `b/${name}`)));
    }
  else if (mode === "write" || mode === "out-dir")
    if (planFailed && !args.keepGoing) refused = !0;
    else {
      let writeErrors = await writeAll(args, io, mode, planned);
      for (let d of writeErrors) for (let line of diagnosticsText({ ...EMPTY, errors: [d] }, args.quiet, paint)) say(line);
      writeFailed = writeErrors.length > 0, writeFailed && !results.some((r) => r.written) && (refused = !0);
    }
  let failed = results.some((r) => r.status === "error"), needs = results.filter((r) => r.status === "migrated" || r.unresolved);
  if (args.format === "json")
    io.stdout.write(jsonReport(results, REPORT_MODE[mode] ?? "check"));
  else if (mode === "list" || mode === "write" && args.listDifferent)
    for (let r of mode === "list" ? needs : results.filter((x) => x.written)) io.stdout.write(r.path + `
`);
  else if (mode === "check") {
    for (let r of needs) io.stdout.write(fileLine(r, !0, void 0, verb) + `
`);
    args.quiet || (say(summaryLine(results, !0, verb)), needs.length > 0 && !failed && say("run with --write to migrate them"));
  } else if ((mode === "write" || mode === "out-dir") && !args.quiet) {
    for (let r of results) say(fileLine(r, refused || r.status === "migrated" && !r.written && mode === "write", paint, verb));
    say(summaryLine(results, refused, verb));
  }
  return refused && say(writeFailed ? "nothing was written: a file could not be written, so every file was left as it was" : "nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)"), failed ? 2 : checking && needs.length > 0 ? 1 : 0;
}
var EMPTY = { path: "", status: "error", unresolved: !1, written: !1, changes: [], warnings: [], errors: [] }, REPORT_MODE = { write: "write", check: "check", list: "list-different", "out-dir": "out-dir" };
async function writeAll(args, io, mode, planned) {
  let jobs = [], outDir = mode === "out-dir" ? resolve(io.cwd, args.outDir) : void 0;
  for (let p of planned) {
    if (p.result.status === "error" || !p.abs) continue;
    if (outDir === void 0) {
      p.input !== p.output && jobs.push({ p, dest: p.abs });
      continue;
    }
    let rel = relative(io.cwd, p.abs);
    if (rel.startsWith("..") || isAbsolute(rel)) throw new UsageError(`--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`);
    let dest = join2(outDir, rel);
    await readFile(dest, "utf8").catch(() => {
    }) !== p.output && jobs.push({ p, dest });
  }
  let progress = Progress.create(io, { quiet: args.quiet, total: jobs.length, label: "writing" }), madeDirs = [], failures = [], fail = (job, err) => {
    let why = describeFsError(err instanceof Error && err.cause !== void 0 ? err.cause : err), d = ioDiagnostic(job.p.result.path, `cannot write${job.dest === job.p.abs ? "" : ` ${relative(io.cwd, job.dest)}`}: ${why}`);
    job.p.result.status = "error", job.p.result.errors.push(d), failures.push(d);
  }, next = 0, worker = async () => {
    for (; next < jobs.length && (failures.length === 0 || args.keepGoing); ) {
      let job = jobs[next++];
      try {
        if (outDir !== void 0) {
          let made = await mkdir(dirname2(job.dest), { recursive: !0 });
          made !== void 0 && madeDirs.push(...createdChain(made, dirname2(job.dest)));
        }
        job.staged = await stageFileAtomic(job.dest, job.p.output, holdsKey(job.p.result, job.p.output) ? { mode: 384 } : {});
      } catch (err) {
        fail(job, err);
      }
      progress?.tick();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, jobs.length) }, worker));
  } finally {
    progress?.clear();
  }
  if (failures.length > 0 && !args.keepGoing) {
    for (let job of jobs) await job.staged?.abort();
    for (let dir of madeDirs.sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => {
    });
    return failures;
  }
  let dirs = /* @__PURE__ */ new Set();
  for (let job of jobs)
    if (job.staged)
      try {
        await job.staged.commit({ syncDir: !1 }), job.p.result.written = !0, dirs.add(dirname2(job.staged.target));
      } catch (err) {
        fail(job, err);
      }
  for (let dir of dirs) await syncDirectory(dir);
  if (mode === "write") {
    for (let p of planned) p.abs && dirs.add(dirname2(p.abs));
    for (let dir of dirs) await cleanStaleTempFiles(dir).catch(() => 0);
  }
  for (let job of jobs)
    job.p.result.written && holdsKey(job.p.result, job.p.output) && await warnIfInGitTree(job.dest, outDir === void 0 ? job.p.result.path : job.dest, io);
  return failures;
}
var WRITE_CONCURRENCY = 8;
function createdChain(top, leaf) {
  let chain = [];
  for (let dir = leaf; dir.length >= top.length && (chain.unshift(dir), !(dir === top || dirname2(dir) === dir)); dir = dirname2(dir))
    ;
  return chain;
}
export {
  runMigrate
};
