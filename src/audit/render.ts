import type { AuditReport, AuditRow } from './audit.js'

const cell = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v)

function nameOf(r: AuditRow): string {
  if (r.service === null || r.service === r.name) return cell(r.name)
  return `${cell(r.name)} (service ${r.service})`
}

/** One table row per delegate, then what each unfinished one lacks, then the verdict. */
export function renderAuditText(report: AuditReport): string {
  const header = [
    'FILE',
    'KIND',
    'NAME',
    'NAMESPACE',
    'IMAGE TAG',
    'IMMUTABLE',
    'MTLS',
    'ENDPOINT HOST',
    'SECRET',
    'UPGRADER',
    'STRICT',
  ]
  const rows = report.delegates.map((r) => [
    r.file,
    r.kind,
    nameOf(r),
    cell(r.namespace),
    cell(r.imageTag),
    // Delegate 3.x has no immutable/legacy split: the column names it instead.
    r.delegateKind === 'delegate3' ? '3.x' : r.immutable === null ? '?' : r.immutable ? 'yes' : 'no',
    r.state,
    cell(r.endpointHost),
    cell(r.secret),
    r.upgrader.state,
    r.ready ? 'ok' : 'refused',
  ])
  const lines: string[] = []
  if (rows.length > 0) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
    const fmt = (row: string[]) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
    lines.push(fmt(header), ...rows.map(fmt))
  }
  const details = report.delegates.filter(
    (r) =>
      r.missing.length > 0 ||
      r.hardening.length > 0 ||
      r.upgrader.problems.length > 0 ||
      r.certificate !== null ||
      r.warnings.length > 0,
  )
  if (details.length > 0) lines.push('')
  for (const r of details) {
    lines.push(`${r.file}: ${r.kind} ${nameOf(r)} (${r.state}):`)
    for (const m of r.missing) lines.push(`  ${r.state === 'legacy' ? 'refused' : 'missing'}: ${m}`)
    for (const p of r.upgrader.problems) lines.push(`  upgrader: ${p}`)
    for (const h of r.hardening) lines.push(`  hardening (not needed for STRICT): ${h}`)
    for (const w of r.warnings) lines.push(`  warning: ${w}`)
    if (r.certificate) lines.push(`  certificate: valid until ${r.certificate.notAfter} (${r.certificate.from})`)
  }
  if (report.probes) lines.push('')
  if (report.probes?.length === 0)
    lines.push('probe: no mTLS endpoint to probe (none among the delegates, and no --endpoint)')
  for (const p of report.probes ?? []) {
    const who = `${p.delegates} delegate${p.delegates === 1 ? '' : 's'}`
    const said =
      p.verdict === 'accepted'
        ? `accepted the client certificate${
            p.enforcesMtls === false
              ? '; warning: it does not enforce mTLS (it accepted a connection without a client certificate)'
              : ''
          }`
        : p.verdict === 'rejected'
          ? `refused the client certificate: ${p.reason}`
          : `could not be probed: ${p.reason}`
    lines.push(`probe ${p.endpoint} (${who}): ${said}`)
  }
  lines.push(verdict(report))
  return lines.join('\n') + '\n'
}

/** The last line: is the fleet ready for STRICT? */
export function verdict(report: AuditReport): string {
  const s = report.summary
  if (report.errors.length > 0) {
    const n = new Set(report.errors.map((e) => e.file)).size
    return (
      `audit incomplete: ${n} file${n === 1 ? '' : 's'} could not be read or parsed (see the ` +
      `errors above); not ready for STRICT`
    )
  }
  if (s.delegates === 0)
    return `no delegates found in ${s.files} file${s.files === 1 ? '' : 's'}: nothing would be refused under STRICT`
  // A delegate is refused for what it lacks; one whose only fault is its upgrader still connects, but stops being
  // upgraded.
  const refused = report.delegates.filter((r) => r.missing.length > 0)
  const count = (st: string) => refused.filter((r) => r.state === st).length
  const parts = [
    [count('legacy'), 'legacy'],
    [count('none'), 'without mTLS'],
    [count('partial'), 'partial'],
    // Complete but refused: only an expired client certificate does that.
    [count('complete'), 'with an expired client certificate'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, l]) => `${n} ${l}`)
  if (report.ready) {
    const note = report.delegates.some((r) => r.hardening.length > 0)
      ? " (some only lack the key's file mode: run delegate-mtls to set it)"
      : ''
    return `ready for STRICT: all ${s.delegates} delegate${s.delegates === 1 ? '' : 's'} speak mTLS${note}`
  }
  const n = s.upgradersDisagreeing
  const reasons = [
    refused.length > 0
      ? `${refused.length} of ${s.delegates} delegate${s.delegates === 1 ? '' : 's'} would be ` +
        `refused (${parts.join(', ')})`
      : '',
    n > 0
      ? `${n} upgrader${n === 1 ? ' does' : 's do'} not match ${n === 1 ? 'its' : 'their'} delegate ` +
        `and would be refused`
      : '',
    probeReason(report),
  ]
  return `NOT ready for STRICT: ${reasons.filter(Boolean).join('; ')}`
}

/** The endpoints `--probe` did not see accept the client certificate, for the verdict; '' when none. */
function probeReason(report: AuditReport): string {
  const refused = (report.probes ?? []).filter((p) => p.verdict === 'rejected').length
  const unknown = (report.probes ?? []).filter((p) => p.verdict === 'error').length
  const endpoints = (k: number) => `${k} endpoint${k === 1 ? '' : 's'}`
  return [
    refused > 0 ? `${endpoints(refused)} refused the client certificate` : '',
    unknown > 0 ? `${endpoints(unknown)} could not be probed` : '',
  ]
    .filter(Boolean)
    .join('; ')
}

export const renderAuditJson = (report: AuditReport): string => JSON.stringify(report, null, 2) + '\n'
