import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  main
} from "./chunks/chunk-HQ4D67MQ.js";
import "./chunks/chunk-ZPNJAKPH.js";
import "./chunks/chunk-E6IQKNV6.js";
import "./chunks/chunk-GXJW6PMD.js";
import "./chunks/chunk-V2O42A2J.js";

// src/cli/io.ts
var nodeIo = () => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

// src/cli/bin.ts
for (let stream of [process.stdout, process.stderr])
  stream.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
  });
process.exitCode = await main(process.argv.slice(2), nodeIo());
