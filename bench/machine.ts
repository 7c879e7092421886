import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The machine a benchmark ran on. */
export interface Machine {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    /** Installed version of each dependency of the package (`package.json` dependencies and devDependencies). */
    packages: Record<string, string>;
}

/** Describes this machine and the versions installed in the package at `root`. */
export function describeMachine(root: string): Machine {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).sort();
    const packages: Record<string, string> = {};
    for (const name of names) {
        const file = path.join(root, "node_modules", name, "package.json");
        packages[name] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : "not installed";
    }
    return {
        cpu: os.cpus()[0]?.model ?? "unknown",
        cores: os.cpus().length,
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        packages,
    };
}

/** The 1, 5 and 15 minute load averages, rounded to two decimals. */
export function loadAverage(): number[] {
    return os.loadavg().map((l) => Math.round(l * 100) / 100);
}
