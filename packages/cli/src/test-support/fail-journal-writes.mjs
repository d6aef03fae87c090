// Loaded with `node --import` before the CLI: after CK_JOURNAL_WRITES_OK successful writes to a
// file whose name ends in `.journal`, every write to it fails with ENOSPC, like a full disk.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const allowed = Number(process.env.CK_JOURNAL_WRITES_OK ?? "0");
const journals = new Set();
let writes = 0;

const { openSync, write } = fs;
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(this, path, ...rest);
  if (String(path).endsWith(".journal")) journals.add(fd);
  return fd;
};
fs.write = function (fd, ...rest) {
  if (journals.has(fd) && ++writes > allowed) {
    const callback = rest.at(-1);
    const error = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      errno: -28,
      syscall: "write",
    });
    process.nextTick(callback, error);
    return;
  }
  return write.call(this, fd, ...rest);
};
syncBuiltinESMExports();
