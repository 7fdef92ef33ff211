// The Helm 4 post-renderer plugin (plugin.yaml at the package root). Helm cannot be installed here, so
// the suite runs the plugin as Helm 4 does (helm/helm internal/plugin: runtime_subprocess.go and
// PrepareCommands): the platform command's first word, expanded from an environment that holds
// HELM_PLUGIN_DIR and HELM_PLUGIN_NAME, its args expanded the same way, the --post-renderer-args
// appended, the rendered manifests on stdin; empty output is an error to Helm.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { ENDPOINT, REPO_ROOT, fixture, makeTmp } from '../cli/helpers/cli.js'
import { runCmd } from './helpers.js'

interface PlatformCommand {
  os?: string
  arch?: string
  command: string
  args?: string[]
}
const PLUGIN = parse(readFileSync(join(REPO_ROOT, 'plugin.yaml'), 'utf8')) as {
  apiVersion: string
  type: string
  name: string
  version: string
  runtime: string
  runtimeConfig: { platformCommand: PlatformCommand[] }
}

/** Go's os.Expand: `$NAME` and `${NAME}`, unknown names empty. */
const expand = (s: string, env: Record<string, string>) =>
  s.replace(/\$\{([^}]*)\}|\$([A-Za-z0-9_]+)/g, (_, a: string | undefined, b: string | undefined) => env[a ?? b!] ?? '')

/** Helm 4's PrepareCommands for this platform: [main, ...args, ...extraArgs]. */
function prepareCommand(extraArgs: string[], env: Record<string, string>): [string, string[]] {
  const cmds = PLUGIN.runtimeConfig.platformCommand
  const c =
    cmds.find((x) => x.os === process.platform && x.arch === process.arch) ??
    cmds.find((x) => x.os === process.platform && !x.arch) ??
    cmds.find((x) => !x.os && !x.arch)
  if (!c) throw new Error('no plugin command is applicable')
  const parts = c.command.split(' ')
  const args = [...parts.slice(1), ...(c.args ?? [])].map((a) => expand(a, env))
  return [expand(parts[0]!, env), [...args, ...extraArgs]]
}

let tmp: ReturnType<typeof makeTmp>
let pluginDir: string
let shipped: string[]

const postRender = (stdin: string, extraArgs: string[], extraEnv: Record<string, string> = {}) => {
  const env = {
    PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(':'),
    ...extraEnv,
    HELM_PLUGIN_NAME: PLUGIN.name,
    HELM_PLUGIN_DIR: pluginDir,
  }
  const [main, args] = prepareCommand(extraArgs, env)
  return runCmd(main, args, { cwd: tmp.dir, path: env.PATH, stdin, env })
}

const test = suite('helm 4: the postrenderer/v1 plugin')
test.before(() => {
  tmp = makeTmp('dmtls-helm4-')
  // `helm plugin install <dir>` on the installed npm package: exactly the files `npm pack` ships.
  pluginDir = join(tmp.dir, 'plugins', 'delegate-mtls')
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' }),
  ) as { files: { path: string }[] }[]
  shipped = packed[0]!.files.map((f) => f.path)
  for (const path of shipped) {
    mkdirSync(dirname(join(pluginDir, path)), { recursive: true })
    cpSync(join(REPO_ROOT, path), join(pluginDir, path))
  }
})
test.after(() => tmp.remove())

test('plugin.yaml: apiVersion v1, postrenderer/v1, subprocess, the package version, shipped in the package', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] }
  assert.is(PLUGIN.apiVersion, 'v1')
  assert.is(PLUGIN.type, 'postrenderer/v1')
  assert.is(PLUGIN.runtime, 'subprocess')
  assert.is(PLUGIN.name, 'delegate-mtls')
  assert.is(PLUGIN.version, pkg.version)
  assert.ok(pkg.files.includes('plugin.yaml'))
  for (const f of ['plugin.yaml', 'bin/delegate-mtls.js', 'bin/package.json', 'dist/cli.cjs', 'dist/cli-lazy.cjs'])
    assert.ok(shipped.includes(f), f)
  assert.equal(prepareCommand(['--endpoint', ENDPOINT], { HELM_PLUGIN_DIR: '/p' }), [
    'node',
    ['/p/bin/delegate-mtls.js', '--endpoint', ENDPOINT],
  ])
})

test('the rendered chart through the plugin: the migrated stream, byte for byte', async () => {
  const r = await postRender(fixture('helm-rendered.yaml'), ['--endpoint', ENDPOINT])
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stderr, '')
  assert.is(r.stdout, fixture('helm-rendered.mtls.yaml'))
})

test('the endpoint from the environment Helm passes on, with no --post-renderer-args', async () => {
  const r = await postRender(fixture('helm-rendered.yaml'), [], { DELEGATE_MTLS_ENDPOINT: ENDPOINT })
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stdout, fixture('helm-rendered.mtls.yaml'))
})

test('any error: non-zero exit, nothing on stdout (Helm: "produced empty output"), the reason on stderr', async () => {
  const input = fixture('helm-rendered.yaml')
  const legacy = input.replace(/image: \S+harness\/delegate:25\.08\.86602\.minimal/, 'image: harness/delegate:latest')
  assert.is.not(legacy, input)
  for (const [stdin, args, message] of [
    [legacy, ['--endpoint', ENDPOINT], /upgrade to an immutable delegate first/],
    [input, [], /--endpoint is required/],
    [input, ['--endpoint', 'http://plain.example.com'], /https/],
    [input.replace('  replicas: 1\n', '  replicas: [1\n'), ['--endpoint', ENDPOINT], /invalid YAML/],
  ] as [string, string[], RegExp][]) {
    const r = await postRender(stdin, args)
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    assert.match(r.stderr, message)
  }
})

test.run()
