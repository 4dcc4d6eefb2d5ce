import { writeFileSync } from "node:fs";
import { startServer, login } from "./bench/http.mts";
import { BENCH_AGENT, BENCH_PASSWORD } from "./bench/dataset.mts";
const port = 3399;
const server = await startServer("postgresql://postgres@127.0.0.1:5432/caseflow_bench_0_1", port);
try {
  const base = `http://localhost:${port}`;
  const cookie = await login(base, BENCH_AGENT, BENCH_PASSWORD);
  for (const [name, p] of [["case", "/cases/CS5000000"], ["list", "/cases"]]) {
    const html = await (await fetch(base + p, { headers: { cookie } })).text();
    writeFileSync(`/tmp/exp/${name}.html`, html);
    console.log(name, html.length);
  }
} finally { server.kill(); }
