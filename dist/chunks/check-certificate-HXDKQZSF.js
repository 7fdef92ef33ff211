import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import "./chunk-V2O42A2J.js";

// src/secret/check-certificate.ts
import { X509Certificate, createPrivateKey } from "node:crypto";

// src/secret/pem.ts
var BOUNDARY = /-----(BEGIN|END) ([A-Z0-9][A-Z0-9 ]*?)?-----/g;
function scanPem(text) {
  let blocks = [], problems = [], open;
  for (let m of text.matchAll(BOUNDARY)) {
    let kind = m[1], label = m[2] ?? "", at = m.index ?? 0;
    if (kind === "BEGIN") {
      open && problems.push(`the "BEGIN ${open.label}" block has no END line before the next BEGIN line`), open = { label, start: at };
      continue;
    }
    if (!open) {
      problems.push(`an "END ${label}" line has no matching BEGIN line`);
      continue;
    }
    if (label !== open.label) {
      problems.push(`the "BEGIN ${open.label}" block is closed by "END ${label}"`), open = void 0;
      continue;
    }
    let inner = text.slice(open.start, at);
    blocks.push({
      label,
      text: text.slice(open.start, at + m[0].length),
      procTypeEncrypted: /^[ \t]*Proc-Type:[ \t]*4[ \t]*,[ \t]*ENCRYPTED/im.test(inner)
    }), open = void 0;
  }
  return open && problems.push(`the "BEGIN ${open.label}" block has no END line (is the file truncated?)`), { blocks, problems };
}
var SUPPORTED_KEY_LABELS = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];
function isPrivateKeyLabel(label) {
  return label === "PRIVATE KEY" || label.endsWith(" PRIVATE KEY");
}
function isCertificateLabel(label) {
  return label === "CERTIFICATE";
}

// src/secret/check-certificate.ts
var EXPIRY_WARNING_DAYS = 30, MIN_RSA_BITS = 2048, OID_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2", EKU_NAMES = {
  "1.3.6.1.5.5.7.3.1": "serverAuth",
  "1.3.6.1.5.5.7.3.2": "clientAuth",
  "1.3.6.1.5.5.7.3.3": "codeSigning",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "1.3.6.1.5.5.7.3.8": "timeStamping",
  "1.3.6.1.5.5.7.3.9": "OCSPSigning",
  "2.5.29.37.0": "anyExtendedKeyUsage"
}, DAY_MS = 1440 * 60 * 1e3;
function checkClientCertificate(input) {
  let { certFile, keyFile } = input, caFile = input.caFile ?? "the CA file", now = input.now ?? /* @__PURE__ */ new Date(), errors = [], warnings = [], error = (file, message) => {
    errors.push({ code: "CERT", severity: "error", message, file });
  }, warn = (file, message) => {
    warnings.push({ code: "CERT", severity: "warning", message, file });
  }, certScan = scanPem(input.certPem), keyScan = scanPem(input.keyPem);
  for (let p of certScan.problems) error(certFile, `${certFile} is not well-formed PEM: ${p}`);
  for (let p of keyScan.problems) error(keyFile, `${keyFile} is not well-formed PEM: ${p}`);
  let certBlocks = certScan.blocks.filter((b) => isCertificateLabel(b.label)), keysInCertFile = certScan.blocks.filter((b) => isPrivateKeyLabel(b.label)), keyBlocks = keyScan.blocks.filter((b) => isPrivateKeyLabel(b.label)), certsInKeyFile = keyScan.blocks.filter((b) => isCertificateLabel(b.label));
  if (certBlocks.length === 0 && keysInCertFile.length > 0 && keyBlocks.length === 0 && certsInKeyFile.length > 0)
    error(
      certFile,
      `${certFile} holds a private key and ${keyFile} holds a certificate: the certificate and key files look swapped (the certificate file must hold the CERTIFICATE, the key file the PRIVATE KEY)`
    );
  else {
    certScan.blocks.length === 0 ? error(certFile, notPemMessage(certFile, input.certPem, 'a "-----BEGIN CERTIFICATE-----" block', "x509")) : certBlocks.length === 0 ? error(
      certFile,
      keysInCertFile.length > 0 ? `${certFile} holds a private key (${labels(keysInCertFile)}) and no certificate; the certificate file must hold the client CERTIFICATE` : `${certFile} holds no CERTIFICATE block (found ${labels(certScan.blocks)})` + (certScan.blocks.some((b) => b.label.includes("CERTIFICATE REQUEST")) ? "; a certificate signing request must first be signed by your CA" : "")
    ) : keysInCertFile.length > 0 && error(
      certFile,
      `${certFile} holds a private key (${labels(keysInCertFile)}) as well as the certificate; the certificate file is not secret and must hold only certificates \u2014 keep the key in ${keyFile} alone`
    );
    let otherInCertFile = certScan.blocks.filter((b) => !isCertificateLabel(b.label) && !isPrivateKeyLabel(b.label));
    certBlocks.length > 0 && otherInCertFile.length > 0 && warn(certFile, `${certFile} also holds ${labels(otherInCertFile)}, which is ignored`), keyScan.blocks.length === 0 ? error(keyFile, notPemMessage(keyFile, input.keyPem, 'a "-----BEGIN PRIVATE KEY-----" block', "pkey")) : certsInKeyFile.length > 0 ? error(
      keyFile,
      keyBlocks.length === 0 ? `${keyFile} holds a certificate and no private key; the key file must hold the PRIVATE KEY that belongs to the certificate in ${certFile}` : `${keyFile} holds a certificate as well as the private key; the key file must hold only the PRIVATE KEY (the certificate goes in ${certFile})`
    ) : keyBlocks.length === 0 && error(keyFile, `${keyFile} holds no private key (found ${labels(keyScan.blocks)})`);
  }
  keyBlocks.length > 1 && error(keyFile, `${keyFile} holds ${keyBlocks.length} private keys; it must hold exactly one`);
  let ecParams = keyScan.blocks.filter((b) => b.label === "EC PARAMETERS");
  keyBlocks.length > 0 && ecParams.length > 0 && warn(
    keyFile,
    `${keyFile} also holds an EC PARAMETERS block; some PEM readers take the first block only \u2014 keep just the key with: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, "client.key")}`
  );
  let privateKey;
  if (keyBlocks.length === 1) {
    let block = keyBlocks[0];
    if (block.label === "ENCRYPTED PRIVATE KEY" || block.procTypeEncrypted)
      error(
        keyFile,
        `${keyFile} holds an encrypted private key; the delegate cannot read an encrypted key (it has no passphrase). Decrypt it first: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, "client.key", "decrypted")}`
      );
    else if (!SUPPORTED_KEY_LABELS.includes(block.label))
      error(
        keyFile,
        `${keyFile} holds a "${block.label}" block, a format the delegate cannot read; convert it to PKCS#8 with: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, "client.key")}`
      );
    else
      try {
        privateKey = createPrivateKey({ key: block.text, format: "pem" });
      } catch (e) {
        error(keyFile, `${keyFile}: the private key cannot be read${safeReason(e)}`);
      }
  }
  let chain = [], leafParsed = !1;
  certBlocks.forEach((block, i) => {
    try {
      chain.push(new X509Certificate(block.text)), i === 0 && (leafParsed = !0);
    } catch (e) {
      error(
        certFile,
        i === 0 ? `${certFile}: the first certificate cannot be parsed${safeReason(e)}` : `${certFile}: certificate #${i + 1} of the chain cannot be parsed${safeReason(e)}`
      );
    }
  });
  let leaf = leafParsed ? chain[0] : void 0, result = { errors, warnings };
  if (!leaf)
    return privateKey && checkRsaSize(privateKey, keyFile, warn), result;
  result.subject = leaf.subject;
  let notBefore = new Date(leaf.validFrom), notAfter = new Date(leaf.validTo);
  Number.isNaN(notAfter.getTime()) || (result.notAfter = notAfter);
  let who = describe(leaf);
  if (notBefore.getTime() > now.getTime() && error(
    certFile,
    `the certificate in ${certFile} (${who}) is not valid yet: it becomes valid on ${isoDate(notBefore)}`
  ), notAfter.getTime() < now.getTime())
    error(certFile, `the certificate in ${certFile} (${who}) expired on ${isoDate(notAfter)}`);
  else if (notAfter.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
    let days = Math.ceil((notAfter.getTime() - now.getTime()) / DAY_MS);
    warn(
      certFile,
      `the certificate in ${certFile} (${who}) expires on ${isoDate(notAfter)}, in ${days} day${days === 1 ? "" : "s"}; renew it before then`
    );
  }
  let eku = leaf.keyUsage;
  if (eku !== void 0 && !eku.includes(OID_CLIENT_AUTH)) {
    let has = eku.length > 0 ? eku.map((oid) => EKU_NAMES[oid] ?? oid).join(", ") : "nothing";
    error(
      certFile,
      `the certificate in ${certFile} (${who}) is not allowed for TLS client authentication: its extended key usage lists ${has} but not clientAuth (${OID_CLIENT_AUTH})`
    );
  }
  if (checkRsaSize(privateKey ?? leaf.publicKey, privateKey ? keyFile : certFile, warn), privateKey && !leaf.checkPrivateKey(privateKey)) {
    let other = chain.findIndex((c, i) => i > 0 && c.checkPrivateKey(privateKey));
    error(
      keyFile,
      other > 0 ? `the private key in ${keyFile} does not belong to the first certificate in ${certFile} (${who}) but to certificate #${other + 1} of the chain; the client certificate must come first` : `the private key in ${keyFile} does not belong to the certificate in ${certFile} (${who}): their public keys differ`
    );
  }
  return input.caPem !== void 0 && checkCa(input.caPem, caFile, certFile, chain, error), result;
}
function checkCa(caPem, caFile, certFile, chain, error) {
  let scan = scanPem(caPem);
  for (let p of scan.problems) error(caFile, `${caFile} is not well-formed PEM: ${p}`);
  let blocks = scan.blocks.filter((b) => isCertificateLabel(b.label));
  if (scan.blocks.some((b) => isPrivateKeyLabel(b.label)) && error(caFile, `${caFile} holds a private key; the CA file must hold only CA certificates`), blocks.length === 0) {
    error(
      caFile,
      scan.blocks.length === 0 ? notPemMessage(caFile, caPem, 'a "-----BEGIN CERTIFICATE-----" block', "x509") : `${caFile} holds no CERTIFICATE block (found ${labels(scan.blocks)})`
    );
    return;
  }
  let cas = [];
  for (let [i, block] of blocks.entries())
    try {
      cas.push(new X509Certificate(block.text));
    } catch (e) {
      error(caFile, `${caFile}: certificate #${i + 1} cannot be parsed${safeReason(e)}`);
    }
  if (cas.length === 0) return;
  let leaf = chain[0], current = leaf, issuer, seen = /* @__PURE__ */ new Set([leaf]);
  for (; issuer = cas.find((ca) => current.checkIssued(ca)), !issuer; ) {
    let next = chain.find((c) => !seen.has(c) && current.checkIssued(c));
    if (!next) break;
    if (!current.verify(next.publicKey)) {
      error(
        certFile,
        `${certFile}: certificate ${describe(current)} is not signed by the next certificate of the chain (${describe(next)}), although the names match`
      );
      return;
    }
    seen.add(next), current = next;
  }
  let what = current === leaf ? `the certificate in ${certFile}` : `the chain in ${certFile} (top: ${describe(current)})`;
  if (issuer)
    current.verify(issuer.publicKey) || error(
      certFile,
      `${what} is not signed by the CA in ${caFile} (${describe(issuer)}): the issuer name matches but the signature does not verify with that CA's key`
    );
  else {
    let caNames = cas.map((c) => describe(c)).join("; "), sameName = cas.some((c) => c.subject === current.issuer);
    error(
      certFile,
      `${what} was not issued by the CA in ${caFile}: it names issuer "${oneLine(current.issuer)}", ${caFile} holds ${caNames}` + (sameName ? " (the same name, but a different CA: the authority key identifiers differ)" : "")
    );
  }
  for (let ca of issuer ? [issuer] : cas)
    ca.ca || error(
      caFile,
      `the certificate in ${caFile} (${describe(ca)}) is not a CA certificate (basicConstraints CA:TRUE is missing)`
    );
}
function checkRsaSize(key, file, warn) {
  let type = key.asymmetricKeyType, bits = key.asymmetricKeyDetails?.modulusLength;
  (type === "rsa" || type === "rsa-pss") && bits !== void 0 && bits < MIN_RSA_BITS && warn(file, `the RSA key in ${file} has ${bits} bits; use at least ${MIN_RSA_BITS} bits`);
}
function notPemMessage(file, content, expected, tool) {
  return content.trim() === "" ? `${file} is empty; expected ${expected}` : `${file} is not PEM: expected ${expected}. If it is DER (binary), convert it with: openssl ${tool} -inform der -in ${shellQuote(file)} -out ${outName(file, tool === "x509" ? "client.crt" : "client.key")}`;
}
function labels(blocks) {
  let counts = /* @__PURE__ */ new Map();
  for (let b of blocks) counts.set(b.label, (counts.get(b.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => n > 1 ? `${n} \xD7 ${label}` : label).join(", ");
}
function oneLine(dn) {
  return dn.split(`
`).join(", ");
}
function describe(cert) {
  return `subject "${oneLine(cert.subject)}"`;
}
function isoDate(d) {
  return Number.isNaN(d.getTime()) ? "an unreadable date" : d.toISOString().replace(/\.000Z$/, "Z");
}
function safeReason(e) {
  let reason = (e instanceof Error ? e.message : "").replace(/^error:[0-9A-Fa-f]+:/, "").trim();
  return reason === "" || /[A-Za-z0-9+/=]{24,}/.test(reason) || reason.length > 200 ? "" : ` (${reason})`;
}
function outName(input, preferred, tag = "converted") {
  return input.split(/[\\/]/).pop() === preferred ? preferred.replace(/\.(\w+)$/, `-${tag}.$1`) : preferred;
}
function shellQuote(s) {
  return /^[A-Za-z0-9_.,/:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
export {
  EXPIRY_WARNING_DAYS,
  MIN_RSA_BITS,
  checkClientCertificate
};
