import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
const dir = process.argv[2] ?? ".";
const lock = JSON.parse(readFileSync(`${dir}/package-lock.json`, "utf8"));
const out = JSON.parse(execFileSync("npm", ["outdated", "--json"], { cwd: dir, encoding: "utf8" }) || "{}");
for (const [name, info] of Object.entries(out)) {
  if (info.latest.split(".")[0] !== info.current.split(".")[0]) console.log(`${name} ${info.current} -> ${info.latest}`);
}
console.log(`${Object.keys(lock.packages ?? {}).length} packages in the lock file`);
