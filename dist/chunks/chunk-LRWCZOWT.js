import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError,
  formatDiagnostic
} from "./chunk-GXJW6PMD.js";

// src/cli/load-certificate.ts
import { promises as fsp } from "node:fs";
import { resolve } from "node:path";
async function readPem(io, file, what) {
  try {
    return await fsp.readFile(resolve(io.cwd, file));
  } catch (e) {
    throw new UsageError(
      `cannot read the ${what} ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`
    );
  }
}
async function loadCertificate(files, io, quiet = !1) {
  if (files.cert === void 0 && files.key === void 0) {
    if (files.ca !== void 0) throw new UsageError("--ca checks the client certificate: give --cert and --key too");
    return;
  }
  if (files.cert === void 0 || files.key === void 0)
    throw new UsageError("--cert and --key go together: the Secret needs both the certificate and its key");
  let [certBytes, keyBytes, caBytes] = await Promise.all([
    readPem(io, files.cert, "certificate"),
    readPem(io, files.key, "key"),
    files.ca === void 0 ? void 0 : readPem(io, files.ca, "CA certificate")
  ]), certPem = certBytes.toString("utf8"), keyPem = keyBytes.toString("utf8"), caPem = caBytes?.toString("utf8"), { checkClientCertificate } = await import("./check-certificate-HXDKQZSF.js"), check = checkClientCertificate({
    certPem,
    keyPem,
    certFile: files.cert,
    keyFile: files.key,
    ...caPem === void 0 ? {} : { caPem, caFile: files.ca }
  });
  if (check.errors.length === 0)
    for (let [file, bytes, text] of [
      [files.cert, certBytes, certPem],
      [files.key, keyBytes, keyPem]
    ])
      Buffer.from(text, "utf8").equals(bytes) || check.errors.push({
        code: "CERT",
        severity: "error",
        file,
        message: `${file} holds bytes that are not UTF-8 text outside its PEM blocks; the Secret holds the file as given, so remove that text (the PEM blocks alone are enough)`
      });
  let print = (d) => io.stderr.write(formatDiagnostic(d) + `
`);
  return check.errors.forEach(print), quiet || check.warnings.forEach(print), check.errors.length > 0 ? !1 : { certPem, keyPem };
}

export {
  loadCertificate
};
