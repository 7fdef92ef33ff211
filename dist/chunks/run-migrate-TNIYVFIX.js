import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  modeOf,
  normalizeRevertEndpoint,
  revert
} from "./chunk-Q2MFQKIC.js";
import "./chunk-XPH2U3WR.js";
import {
  loadCertificate
} from "./chunk-LRWCZOWT.js";
import {
  migrate,
  resolveOptions
} from "./chunk-XBQVLMEO.js";
import "./chunk-JM7CKGRD.js";
import {
  cleanStaleTempFiles,
  expandPaths,
  stageFileAtomic,
  syncDirectory
} from "./chunk-7AAY7477.js";
import {
  DEFAULT_MAX_BYTES,
  STDIN_NAME,
  describeFsError,
  ioDiagnostic,
  readInput,
  readStdin
} from "./chunk-FHII5GVZ.js";
import "./chunk-7OH2NTX4.js";
import {
  redactSecretData
} from "./chunk-HNFRJ7ON.js";
import {
  UsageError,
  formatDiagnostic
} from "./chunk-GXJW6PMD.js";
import "./chunk-V2O42A2J.js";

// src/cli/run-migrate.ts
import { dirname as dirname2, isAbsolute, join as join2, relative, resolve } from "node:path";
import { promises as fsp2 } from "node:fs";

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
}, COLOR = {
  migrated: "green",
  "already-mtls": "dim",
  "no-delegate": "dim",
  error: "red"
}, plain = { green: String, yellow: String, red: String, dim: String, cyan: String, bold: String };
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
    files: results.map((r) => ({
      path: r.path,
      status: r.status,
      unresolved: r.unresolved,
      written: r.written,
      changes: r.changes,
      warnings: r.warnings,
      errors: r.errors
    })),
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
var CODES = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  dim: [2, 22],
  cyan: [36, 39],
  bold: [1, 22]
};
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
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = a[head + i] === b[head + j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
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

// src/cli/key-files.ts
import { promises as fsp } from "node:fs";
import { dirname, join } from "node:path";
var holdsKey = (r, output) => r.changes.some((c) => c.resource.kind === "Secret" && (c.op === "insert" || /^data\./.test(c.path))) || output !== void 0 && textHoldsKey(output), textHoldsKey = (text) => PEM_KEY.test(text) || mayHoldSecretData(text) && redactSecretData(text) !== text, PEM_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
function mayHoldSecretData(text) {
  for (let name of SECRET_KEY_NAMES)
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      let i = at + name.length;
      for ((text[i] === '"' || text[i] === "'") && i++; text[i] === " " || text[i] === "	"; ) i++;
      if (text[i] === ":") return !0;
    }
  for (let start = 0; start + BASE64_RUN <= text.length; ) {
    let i = start + BASE64_RUN - 1;
    for (; i >= start && isBase64(text.charCodeAt(i)); ) i--;
    if (i < start) return !0;
    start = i + 1;
  }
  return !1;
}
var isBase64 = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 43 || c === 47, SECRET_KEY_NAMES = ["client.key", "client.crt", "tls.key"], BASE64_RUN = 40;
async function warnIfInGitTree(abs, shown, io) {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if (await fsp.stat(join(dir, ".git")).then(
      () => !0,
      () => !1
    )) {
      io.stderr.write(
        `${shown}: warning: this file now holds a private key and is inside a git work tree (${dir}); do not commit it \u2014 in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret
`
      );
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

// src/cli/plan-worker-arg.ts
var PLAN_WORKER_ARG = "--delegate-mtls-plan-worker";

// src/cli/plan-files.ts
function planText(name, text, settings) {
  let r = settings.revertTo === void 0 ? migrate(text, { ...settings.options, file: name }, { verify: settings.verify }) : revert(text, { endpoint: settings.revertTo, file: name }), errors = r.diagnostics.filter((d) => d.severity === "error"), warnings = r.diagnostics.filter((d) => d.severity === "warning"), keep = settings.keepText, changed = r.output !== text, result = {
    path: name,
    status: statusOf(r.status),
    unresolved: r.unresolved,
    written: !1,
    changes: r.changes,
    warnings,
    errors
  }, decide = result.status !== "error" && (settings.keyFiles === "all" || settings.keyFiles === "changed" && changed);
  return {
    input: keep && settings.keepInput !== !1 ? text : "",
    output: keep ? r.output : "",
    changed,
    keyFile: decide && holdsKey(result, r.output),
    result
  };
}
var readError = (path, error) => ({
  input: "",
  output: "",
  changed: !1,
  keyFile: !1,
  result: { path, status: "error", unresolved: !1, written: !1, changes: [], warnings: [], errors: [error] }
});
function planRead(file, abs, read, settings) {
  return { ..."error" in read ? readError(file, { ...read.error, file }) : planText(file, read.text, settings), abs };
}
function planFileSync(file, abs, settings) {
  return planRead(file, abs, readInput(abs, { maxBytes: settings.maxBytes }), settings);
}
var WORKER_TAG = "delegateMtlsPlanWorker", PARALLEL_THRESHOLD = 200, MAX_THREADS = 4, FILES_PER_THREAD = 100;
async function planInWorkers(jobs, settings, onPlanned) {
  let [{ Worker }, { availableParallelism }] = await Promise.all([import("node:worker_threads"), import("node:os")]), fromSource = import.meta.url.endsWith(".ts"), url = new URL(import.meta.url), threads = Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.ceil(jobs.length / FILES_PER_THREAD))), next = new SharedArrayBuffer(4), counter = new Int32Array(next), results = new Array(jobs.length), done = (i, planned) => {
    results[i] = planned, onPlanned(i, planned);
  }, input = { jobs, settings, next }, started = [], workers = Array.from({ length: threads - 1 }, () => new Promise((resolve2, reject) => {
    let worker = new Worker(url, {
      argv: [PLAN_WORKER_ARG],
      workerData: { [WORKER_TAG]: !0, ...input },
      execArgv: fromSource ? ["--import", "tsx"] : []
    });
    started.push(worker), worker.on("message", (msg) => done(msg.i, msg.planned)), worker.on("error", reject), worker.on(
      "exit",
      (code) => code === 0 ? resolve2() : reject(new Error(`a planning worker exited with code ${code}`))
    );
  })), here = (async () => {
    for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1))
      done(i, planFileSync(jobs[i].file, jobs[i].abs, settings)), await new Promise((turn) => setImmediate(turn));
  })();
  try {
    await Promise.all([here, ...workers]);
  } catch (err) {
    throw Atomics.store(counter, 0, jobs.length), await Promise.allSettled([here, ...started.map((w) => w.terminate())]), err;
  }
  for (let i = 0; i < jobs.length; i++)
    if (results[i] === void 0) throw new Error(`no plan came back for ${jobs[i].file}`);
  return results;
}
process.argv.includes(PLAN_WORKER_ARG) && import("node:worker_threads").then(({ isMainThread, parentPort, workerData }) => {
  if (isMainThread || !workerData?.[WORKER_TAG]) return;
  let { jobs, settings, next } = workerData, counter = new Int32Array(next);
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1))
    parentPort.postMessage({ i, planned: planFileSync(jobs[i].file, jobs[i].abs, settings) });
});

// src/cli/short-run.ts
import { statSync } from "node:fs";
var SHORT_RUN_BYTES = 128 * 1024, SHORT_RUN_FILES = 32;
function shortRunBytes(paths) {
  if (paths.length > SHORT_RUN_FILES) return;
  let total = 0;
  for (let path of paths) {
    let st = statSync(path, { throwIfNoEntry: !1 });
    if (st && !st.isFile()) return;
    total += st?.size ?? 0;
  }
  return total <= SHORT_RUN_BYTES ? total : void 0;
}
var USER_COMPILER_FLAG = /^--(?:no-?)?(?:jitless|opt|turbofan|always-turbofan|always-opt|maglev|sparkplug|lite-mode|max-opt)\b/;
async function pauseOptimizer() {
  if ([...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].map(
    (f) => f.replaceAll("_", "-")
  ).some((f) => USER_COMPILER_FLAG.test(f))) return () => {
  };
  let { setFlagsFromString } = await import("node:v8");
  setFlagsFromString("--no-opt");
  let paused = !0;
  return () => {
    paused && (paused = !1, setFlagsFromString("--opt"));
  };
}
var shortRun = { seen: !1 };
async function planPaused(short, plan) {
  short && (shortRun.seen = !0);
  let resume = short ? await pauseOptimizer() : void 0;
  try {
    return plan();
  } finally {
    resume?.();
  }
}

// src/cli/run-migrate.ts
async function runMigrate(args, io) {
  if (!args.endpoint)
    throw new UsageError(
      "--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443"
    );
  let opts = {
    endpoint: args.endpoint,
    tiService: args.tiService,
    grpcAuthority: args.grpcAuthority
  };
  args.secretName !== void 0 && (opts.secretName = args.secretName), args.mountPath !== void 0 && (opts.mountPath = args.mountPath), args.certPath !== void 0 && (opts.certPath = args.certPath), args.keyPath !== void 0 && (opts.keyPath = args.keyPath);
  let revertTo = args.revert ? normalizeRevertEndpoint(args.endpoint) : void 0, options = resolveOptions(revertTo === void 0 ? opts : { endpoint: "https://revert.invalid" }), pems = await loadCertificate(args, io, args.quiet);
  if (pems === !1) return 2;
  pems && (options.secret = pems);
  let maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES, planSettings = (mode2) => {
    let reporting = mode2 === "check" || mode2 === "list", keyFiles = mode2 === "write" ? "changed" : mode2 === "out-dir" ? "all" : void 0;
    return {
      options,
      maxBytes,
      verify: !reporting,
      keepText: !reporting,
      keepInput: mode2 === "diff",
      ...keyFiles === void 0 ? {} : { keyFiles },
      ...revertTo === void 0 ? {} : { revertTo }
    };
  }, stdin = args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  let planned = [], mode, staging;
  if (stdin) {
    mode = modeOf(args, 1, !0);
    let read = await readStdin(io.stdin, maxBytes), settings = planSettings(mode), short = "text" in read && read.text.length <= SHORT_RUN_BYTES;
    planned.push(
      await planPaused(
        short,
        () => "error" in read ? readError(STDIN_NAME, read.error) : planText(STDIN_NAME, read.text, settings)
      )
    );
  } else {
    let { files, errors } = await expandPaths(args.paths, io.cwd);
    mode = modeOf(args, files.length + errors.length, !1);
    for (let e of errors) planned.push(readError(e.file ?? args.paths.join(" "), e));
    let progress = Progress.create(io, {
      quiet: args.quiet,
      total: files.length,
      label: mode === "check" || mode === "list" ? "checking" : "planning"
    }), settings = planSettings(mode);
    mode === "write" && (staging = new Staging(args.keepGoing, !1), errors.length > 0 && staging.planFailed());
    let first = planned.length, onPlanned = (i, p) => {
      staging?.offer(first + i, p), progress?.tick();
    };
    try {
      if (files.length >= PARALLEL_THRESHOLD) {
        let jobs = files.map((file) => ({ file, abs: resolve(io.cwd, file) }));
        planned.push(...await planInWorkers(jobs, settings, onPlanned));
      } else {
        let abs = files.map((file) => resolve(io.cwd, file));
        await planPaused(shortRunBytes(abs) !== void 0, () => {
          for (let i = 0; i < files.length; i++) {
            let p = planFileSync(files[i], abs[i], settings);
            planned.push(p), onPlanned(i, p);
          }
        });
      }
    } catch (err) {
      throw await staging?.discard(), err;
    } finally {
      progress?.clear();
    }
  }
  try {
    return await finish(args, io, mode, planned, staging);
  } finally {
    await staging?.discard();
  }
}
async function finish(args, io, mode, planned, staging) {
  let results = planned.map((p) => p.result), checking = mode === "check" || mode === "list", verb = args.revert ? "revert" : "migrate", paint = stderrPaint(io), say = (line) => io.stderr.write(line + `
`), sayAll = (lines, to = io.stderr) => {
    lines.length > 0 && to.write(lines.join(`
`) + `
`);
  }, planFailed = results.some((r) => r.status === "error");
  sayAll(results.flatMap((r) => diagnosticsText(r, args.quiet, paint)));
  let refused = !1, writeFailed = !1;
  if (mode === "stdout")
    planFailed || io.stdout.write(planned[0].output);
  else if (mode === "diff")
    for (let p of planned) {
      if (p.result.status === "error" || !p.changed) continue;
      let name = p.result.path.replace(/^\/+/, "");
      io.stdout.write(redactSecretData(unifiedDiff(p.input, p.output, `a/${name}`, `b/${name}`)));
    }
  else if (mode === "write" || mode === "out-dir")
    if (planFailed && !args.keepGoing)
      refused = !0, await staging?.discard();
    else {
      let writeErrors = await writeAll(args, io, mode, planned, staging);
      sayAll(writeErrors.flatMap((d) => diagnosticsText({ ...EMPTY, errors: [d] }, args.quiet, paint))), writeFailed = writeErrors.length > 0, writeFailed && !results.some((r) => r.written) && (refused = !0);
    }
  let failed = results.some((r) => r.status === "error"), needs = results.filter((r) => r.status === "migrated" || r.unresolved);
  return args.format === "json" ? io.stdout.write(jsonReport(results, REPORT_MODE[mode] ?? "check")) : mode === "list" || mode === "write" && args.listDifferent ? sayAll(
    (mode === "list" ? needs : results.filter((x) => x.written)).map((r) => r.path),
    io.stdout
  ) : mode === "check" ? (sayAll(
    needs.map((r) => fileLine(r, !0, void 0, verb)),
    io.stdout
  ), args.quiet || (say(summaryLine(results, !0, verb)), needs.length > 0 && !failed && say("run with --write to migrate them"))) : (mode === "write" || mode === "out-dir") && !args.quiet && (sayAll(
    results.map(
      (r) => fileLine(r, refused || r.status === "migrated" && !r.written && mode === "write", paint, verb)
    )
  ), say(summaryLine(results, refused, verb))), refused && say(
    writeFailed ? "nothing was written: a file could not be written, so every file was left as it was" : "nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)"
  ), failed ? 2 : checking && needs.length > 0 ? 1 : 0;
}
var EMPTY = {
  path: "",
  status: "error",
  unresolved: !1,
  written: !1,
  changes: [],
  warnings: [],
  errors: []
}, REPORT_MODE = {
  write: "write",
  check: "check",
  list: "list-different",
  "out-dir": "out-dir"
}, Staging = class {
  constructor(keepGoing, mkdirs) {
    this.keepGoing = keepGoing;
    this.mkdirs = mkdirs;
  }
  keepGoing;
  mkdirs;
  /** Every job, in the order they came. */
  jobs = [];
  /** The folders --out-dir created for its temp files, removed again if the write is called off. */
  madeDirs = [];
  /** Jobs that are staged or failed. */
  settled = 0;
  onSettled;
  queue = [];
  active = 0;
  stopped = !1;
  failed = !1;
  waiters = [];
  /** A file planned during --write: staged when it changes; a failed plan stops the staging unless --keep-going. */
  offer(index, p) {
    p.result.status === "error" ? this.planFailed() : p.abs !== void 0 && p.changed && this.add({ index, p, dest: p.abs });
  }
  /** A plan failed: without --keep-going nothing will be written, so no new temp file is started. */
  planFailed() {
    this.keepGoing || (this.stopped = !0);
  }
  add(job) {
    this.jobs.push(job), this.queue.push(job), this.pump();
  }
  /** Resolves once no stage is running and none is waiting to start (all done, or stopped). */
  async idle() {
    for (; this.active > 0 || this.queue.length > 0 && this.open(); )
      await new Promise((resolve2) => this.waiters.push(resolve2));
  }
  /** Stops staging, waits for the stages running, and removes every temp file not renamed into place. */
  async discard() {
    this.stopped = !0, await this.idle();
    for (let job of this.jobs) await job.staged?.abort();
  }
  open() {
    return !this.stopped && (!this.failed || this.keepGoing);
  }
  pump() {
    for (; this.active < WRITE_CONCURRENCY && this.queue.length > 0 && this.open(); ) {
      let job = this.queue.shift();
      this.active++, this.stage(job).then(() => {
        if (this.active--, this.settled++, this.onSettled?.(), this.pump(), this.active === 0) for (let wake of this.waiters.splice(0)) wake();
      });
    }
  }
  async stage(job) {
    try {
      if (this.mkdirs) {
        let made = await fsp2.mkdir(dirname2(job.dest), { recursive: !0 });
        made !== void 0 && this.madeDirs.push(...createdChain(made, dirname2(job.dest)));
      }
      job.staged = await stageFileAtomic(job.dest, job.p.output, job.p.keyFile ? { mode: 384 } : {});
    } catch (err) {
      job.error = err, this.failed = !0;
    }
  }
};
async function writeAll(args, io, mode, planned, early) {
  let outDir = mode === "out-dir" ? resolve(io.cwd, args.outDir) : void 0, staging = early;
  if (staging === void 0) {
    let jobs2 = [];
    for (let [index, p] of planned.entries()) {
      if (p.result.status === "error" || !p.abs) continue;
      if (outDir === void 0) {
        p.changed && jobs2.push({ index, p, dest: p.abs });
        continue;
      }
      let rel = relative(io.cwd, p.abs);
      if (rel.startsWith("..") || isAbsolute(rel))
        throw new UsageError(
          `--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`
        );
      let dest = join2(outDir, rel);
      await fsp2.readFile(dest, "utf8").catch(() => {
      }) !== p.output && jobs2.push({ index, p, dest });
    }
    staging = new Staging(args.keepGoing, outDir !== void 0);
    for (let job of jobs2) staging.add(job);
  }
  let progress = Progress.create(io, { quiet: args.quiet, total: staging.jobs.length, label: "writing" });
  for (let i = 0; i < staging.settled; i++) progress?.tick();
  staging.onSettled = () => progress?.tick();
  try {
    await staging.idle();
  } finally {
    staging.onSettled = void 0, progress?.clear();
  }
  let jobs = [...staging.jobs].sort((a, b) => a.index - b.index), failures = [], fail = (job, err) => {
    let why = describeFsError(err instanceof Error && err.cause !== void 0 ? err.cause : err), d = ioDiagnostic(
      job.p.result.path,
      `cannot write${job.dest === job.p.abs ? "" : ` ${relative(io.cwd, job.dest)}`}: ${why}`
    );
    job.p.result.status = "error", job.p.result.errors.push(d), failures.push(d);
  };
  for (let job of jobs) job.error !== void 0 && fail(job, job.error);
  if (failures.length > 0 && !args.keepGoing) {
    for (let job of jobs) await job.staged?.abort();
    for (let dir of staging.madeDirs.sort((a, b) => b.length - a.length)) await fsp2.rmdir(dir).catch(() => {
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
    job.p.result.written && job.p.keyFile && await warnIfInGitTree(job.dest, outDir === void 0 ? job.p.result.path : job.dest, io);
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
