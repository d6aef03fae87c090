// Loaded with `node --import` into a measured process: at its exit, writes its peak RSS in kB
// (getrusage's maxRSS, exact, unlike sampling /proc) to the file CK_MAX_RSS_FILE names.
import { writeFileSync } from "node:fs";

const file = process.env.CK_MAX_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
