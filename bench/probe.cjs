// Loaded with `node --require` (through NODE_OPTIONS) into a benchmarked process: at exit
// it writes the modules the process loaded, its peak memory and the CPU time it used to
// BENCH_PROBE_DIR/<pid>.json.
// The `tsx` command starts a second node process; only the one running the script records.
"use strict";
const fs = require("fs");
const path = require("path");

const dir = process.env.BENCH_PROBE_DIR;
const script = process.argv[1] ? fs.realpathSync(process.argv[1]) : "";
if (dir && !/[\\/]tsx[\\/]dist[\\/]cli\.[cm]?js$/.test(script)) {
    process.on("exit", () => {
        const usage = process.resourceUsage();
        const record = { script, modules: Object.keys(require.cache), maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
        fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(record));
    });
}
