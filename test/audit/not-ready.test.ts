/**
 * `audit` never calls a delegate ready whose pod the API server or kubelet would refuse, whose mounts hide the
 * certificate, whose Secret (when in the input) lacks the keys the delegate reads, whose volume items map them
 * away, or whose upgrader disagrees — for the classic delegate and Delegate 3.x alike. And `--check` agrees: each
 * case is either refused by the migration (exit 2, located, nothing written), repaired by it (exit 1, and the
 * repaired output is then ready and checks clean), or, for a pod the API server refuses for reasons that are not
 * mTLS's (SPEC §6), left as it is with a located warning: nothing to change, and still not ready.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import type { AuditReport } from '../../src/audit/audit.js'
import { cli } from './cli.js'

const ROOT = join(import.meta.dirname, '..', '..')
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8')
const CLASSIC = read('samples', 'harness-delegate.mtls.yaml')
const DELEGATE3 = read('test', 'fixtures', 'shapes', 'delegate3-migrated.yaml')
const ENDPOINT = 'https://acme.harness.io:8443'
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(
  JSON.parse(read('schemas', 'audit.schema.json')),
)

/** The delegate container's certificate mount and the pod's volume, as both inputs write them. */
const MOUNT =
  '        volumeMounts:\n        - name: client-certificate\n' +
  '          mountPath: /etc/mtls\n          readOnly: true\n'
const VOLUME =
  '      volumes:\n      - name: client-certificate\n        secret:\n          secretName: client-certificate\n' +
  '          defaultMode: 256 # 0400\n'

interface Base {
  name: string
  text: string
  namespace: string
}
const BASES: Base[] = [
  { name: 'classic', text: CLASSIC, namespace: 'harness-delegate-ng' },
  { name: 'Delegate 3.x', text: DELEGATE3, namespace: 'harness-delegate' },
]

function once(text: string, find: string, replace: string): string {
  const at = text.indexOf(find)
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`the input no longer has exactly one ${find}`)
  return text.slice(0, at) + replace + text.slice(at + find.length)
}
const mountAlso = (b: Base, extra: string) => once(b.text, MOUNT, MOUNT + extra)
const mountFirst = (b: Base, extra: string) => once(b.text, MOUNT, MOUNT.replace(/\n/, `\n${extra}`))
const volumeAlso = (b: Base, extra: string) => once(b.text, VOLUME, VOLUME + extra)
const withSecret = (b: Base, text: string, type: string, data: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-certificate\n  namespace: ${b.namespace}\n` +
  `type: ${type}\ndata:\n${data}---\n${text}`
const items = (...pairs: [key: string, path: string][]) =>
  '          items:\n' + pairs.map(([key, path]) => `          - key: ${key}\n            path: ${path}\n`).join('')
const CACHE = '      - name: cache\n        emptyDir: {}\n'

interface Case {
  name: string
  input: (b: Base) => string
  /** What `missing` (or, for the upgrader, its problems) must say. */
  says: RegExp
  /**
   * `refuse`: migrate exits 2 naming it; `fix`: migrate repairs it, and its output is ready; `warn`: migrate changes
   * nothing and warns, located.
   */
  migrate: 'refuse' | 'fix' | 'warn'
  classicOnly?: boolean
  /** What the migration's error says, when audit (which plans with the Secret it finds) words it otherwise. */
  checkSays?: RegExp
}

const CASES: Case[] = [
  {
    name: 'a mount whose volume the pod does not define',
    input: (b) => mountAlso(b, '        - name: scratch\n          mountPath: /scratch\n'),
    says: /volume "scratch" is mounted but not defined in the pod/,
    migrate: 'warn',
  },
  {
    name: 'two mounts at one path (/data and /data/)',
    input: (b) =>
      volumeAlso(
        {
          ...b,
          text: mountAlso(
            b,
            '        - name: cache\n          mountPath: /data\n        - name: cache\n          mountPath: /data/\n',
          ),
        },
        CACHE,
      ),
    says: /"cache" and "cache" are both mounted at \/data/,
    migrate: 'warn',
  },
  {
    name: 'the Secret mounted by subPath at the mount directory itself',
    input: (b) =>
      once(b.text, MOUNT, MOUNT.replace('readOnly: true\n', 'readOnly: true\n          subPath: client.crt\n')),
    says: /mounts subPath client\.crt at \/etc\/mtls itself/,
    migrate: 'refuse',
  },
  {
    name: 'two volumes of one name',
    input: (b) => volumeAlso(b, '      - name: client-certificate\n        emptyDir: {}\n'),
    says: /volume "client-certificate" is defined twice in the pod/,
    migrate: 'warn',
  },
  {
    name: 'another volume mounted at M (written /etc/mtls/)',
    input: (b) =>
      volumeAlso({ ...b, text: mountFirst(b, '        - name: cache\n          mountPath: /etc/mtls/\n') }, CACHE),
    says: /volume "cache" is already mounted at \/etc\/mtls/,
    migrate: 'refuse',
  },
  {
    name: 'another volume mounted at M/client.crt',
    input: (b) =>
      volumeAlso(
        { ...b, text: mountAlso(b, '        - name: cache\n          mountPath: /etc/mtls/client.crt\n') },
        CACHE,
      ),
    says: /volume "cache" is mounted at \/etc\/mtls\/client\.crt, which would hide the client certificate/,
    migrate: 'refuse',
  },
  {
    name: 'another volume mounted at M/client.key',
    input: (b) =>
      volumeAlso(
        { ...b, text: mountAlso(b, '        - name: cache\n          mountPath: /etc/mtls/client.key\n') },
        CACHE,
      ),
    says: /volume "cache" is mounted at \/etc\/mtls\/client\.key, which would hide the client key/,
    migrate: 'refuse',
  },
  {
    name: 'its Secret, in the input, without client.key',
    input: (b) => withSecret(b, b.text, 'Opaque', '  client.crt: e0NFUlR9\n'),
    says: /^Secret [a-z-]+ \(in the input\) has no client\.key, which the delegate reads as \/etc\/mtls\/client\.key;/,
    migrate: 'refuse',
  },
  {
    name: 'a kubernetes.io/tls Secret mounted with items, without the tls.key they map',
    input: (b) =>
      withSecret(
        b,
        volumeAlso(b, items(['tls.crt', 'client.crt'], ['tls.key', 'client.key'])),
        'kubernetes.io/tls',
        '  tls.crt: e0NFUlR9\n',
      ),
    says: /Secret client-certificate \(in the input\) has no tls\.key/,
    migrate: 'refuse',
  },
  {
    name: 'volume items that map client.crt to a key the Secret does not hold',
    input: (b) =>
      withSecret(
        b,
        volumeAlso(b, items(['cert.pem', 'client.crt'], ['client.key', 'client.key'])),
        'Opaque',
        '  client.crt: e0NFUlR9\n  client.key: e0tFWX0=\n',
      ),
    says: /has no cert\.pem, which the delegate reads as \/etc\/mtls\/client\.crt/,
    migrate: 'refuse',
  },
  {
    name: 'volume items that list only client.crt',
    input: (b) => volumeAlso(b, '          items:\n          - key: client.crt\n            path: client.crt\n'),
    says: /^volume item client\.key → client\.key \(volume client-certificate\)$/,
    migrate: 'fix',
  },
  {
    name: 'volume items that map the files to other paths',
    input: (b) => volumeAlso(b, items(['client.crt', 'tls/cert.pem'], ['client.key', 'tls/key.pem'])),
    says: /^volume item client\.crt → client\.crt \(volume client-certificate\)$/,
    migrate: 'fix',
  },
  {
    name: 'an upgrader still on the old host',
    input: (b) => once(b.text, `      managerHost: ${ENDPOINT}`, '      managerHost: https://app.harness.io'),
    says: /config\.yaml delegateConfig\.managerHost → https:\/\/acme\.harness\.io:8443/,
    migrate: 'fix',
    classicOnly: true,
  },
  {
    name: 'an upgrader CronJob that mounts another Secret than its delegate',
    input: (b) =>
      once(
        b.text,
        '                secretName: client-certificate\n',
        '                secretName: upgrader-certificate\n',
      ),
    // audit plans with the delegate's Secret as if given: the CronJob's volume must change to it.
    says: /^CronJob prod-us-east-delegate-upgrader-job: volumes client-certificate\.secret\.secretName → client-cert/,
    checkSays:
      /error: the upgrader mounts Secret upgrader-certificate, its delegate prod-us-east-delegate mounts client-cert/,
    migrate: 'refuse',
    classicOnly: true,
  },
]

async function auditOf(text: string): Promise<{ code: number; report: AuditReport; text: string }> {
  const json = await cli(['audit', '--format', 'json', '-'], ROOT, text)
  const report = JSON.parse(json.stdout) as AuditReport
  assert.ok(validateReport(report), JSON.stringify(validateReport.errors, null, 2))
  const plain = await cli(['audit', '-'], ROOT, text)
  assert.is(plain.code, json.code, 'text and JSON give the same exit code')
  return { code: json.code, report, text: plain.stdout }
}

const test = suite('audit: never ready wrongly')

test('the unaltered inputs are ready, and a trailing slash on the mount path changes nothing', async () => {
  for (const b of BASES) {
    for (const text of [b.text, once(b.text, MOUNT, MOUNT.replace('/etc/mtls\n', '/etc/mtls/\n'))]) {
      const audited = await auditOf(text)
      assert.is(audited.code, 0, `${b.name}: ${JSON.stringify(audited.report.delegates[0]?.missing)}`)
      assert.is((await cli(['--endpoint', ENDPOINT, '--check', '-'], ROOT, text)).code, 0)
    }
  }
})

for (const b of BASES) {
  for (const c of CASES) {
    if (c.classicOnly && b !== BASES[0]) continue
    const how = { refuse: 'refused by', fix: 'repaired by', warn: 'a warning of' }[c.migrate]
    test(`${b.name}: ${c.name} (${how} the migration)`, async () => {
      const input = c.input(b)
      const audited = await auditOf(input)
      assert.is(audited.code, 1)
      assert.is(audited.report.ready, false)
      const row = audited.report.delegates.find((d) => d.kind === 'Deployment')!
      assert.is(row.ready, false)
      const reasons = [...row.missing, ...row.upgrader.problems]
      const reason = reasons.find((m) => c.says.test(m))
      assert.ok(reason, `no reason matches ${c.says}: ${JSON.stringify(reasons)}`)
      assert.ok(audited.text.includes(reason!), audited.text)

      const check = await cli(['--endpoint', ENDPOINT, '--check', '-'], ROOT, input)
      const write = await cli(['--endpoint', ENDPOINT, '-'], ROOT, input)
      if (c.migrate === 'refuse') {
        assert.is(check.code, 2, check.stderr)
        assert.match(check.stderr, /^<stdin>:\d+:\d+: error: /m)
        if (c.checkSays) assert.match(check.stderr, c.checkSays)
        else assert.ok(check.stderr.includes(`error: ${reason}`), check.stderr)
        assert.is(write.code, 2)
        assert.is(write.stdout, '')
      } else if (c.migrate === 'warn') {
        assert.is(check.code, 0, check.stderr)
        assert.is(write.code, 0, write.stderr)
        assert.is(write.stdout, input)
        assert.match(write.stderr, /^<stdin>:\d+:\d+: warning: /m)
        assert.ok(write.stderr.includes(`warning: ${reason}`), write.stderr)
      } else {
        assert.is(check.code, 1, check.stderr)
        assert.is(write.code, 0, write.stderr)
        const after = await auditOf(write.stdout)
        assert.is(after.code, 0, JSON.stringify(after.report.delegates.map((d) => d.missing)))
        assert.is((await cli(['--endpoint', ENDPOINT, '--check', '-'], ROOT, write.stdout)).code, 0)
      }
    })
  }
}

test.run()
