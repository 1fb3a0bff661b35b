// `tsx scripts/bench/profile.ts <file.cpuprofile> [top]`: where a benchmark's server spent its CPU, by self time,
// grouped by package (node_modules/<name>), by our own source file, or by V8/Node internals.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx scripts/bench/profile.ts <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

function group(node: ProfileNode) {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : `(native) ${functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return url;
  // Built chunks bundle our code and some packages under hashed names: the function name says more.
  return `${functionName || "(anonymous)"} in ${url.replace(/^file:\/\/.*?\/\.next\//, ".next/")}`;
}

const selfMs = new Map<string, number>();
let totalMs = 0;
for (const [i, id] of profile.samples.entries()) {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const key = group(byId.get(id)!);
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  totalMs += ms;
}
const idle = selfMs.get("(idle)") ?? 0;
console.log(
  `\nCPU profile ${file}: ${(totalMs / 1000).toFixed(1)} s sampled, ${((idle / totalMs) * 100).toFixed(0)}% idle\n`,
);
console.log("| self time | share of busy | where |");
console.log("|---|---|---|");
for (const [key, ms] of [...selfMs]
  .filter(([key]) => key !== "(idle)")
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(topArg ?? 20)))
  console.log(`| ${ms.toFixed(0)} ms | ${((ms / (totalMs - idle)) * 100).toFixed(1)}% | ${key} |`);
