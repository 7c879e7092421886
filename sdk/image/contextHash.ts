import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * A content hash of a Docker build: every file of the context that
 * `.dockerignore` does not exclude (path, bytes and whether it is executable, the
 * part of its mode git keeps), every symbolic link (path and target), the
 * Dockerfile, the build arguments and the platform. Unchanged code gives the same hash, hence the same
 * image tag, hence no rebuild and no new runtime version.
 */
export function buildHash(contextDir: string, dockerfile: string, extra: Record<string, unknown>): string {
    const hash = createHash("sha256");
    const ignore = readDockerignore(contextDir);
    for (const file of listFiles(contextDir, ignore)) {
        const full = path.join(contextDir, file);
        const stat = fs.lstatSync(full);
        if (stat.isSymbolicLink()) {
            hash.update(`link:${file}\u0000${fs.readlinkSync(full)}\u0000`);
            continue;
        }
        hash.update(`file:${file}${stat.mode & 0o100 ? ":x" : ""}\u0000`);
        hash.update(fs.readFileSync(full));
        hash.update("\u0000");
    }
    hash.update(`dockerfile\u0000`);
    hash.update(fs.readFileSync(dockerfile));
    hash.update(`\u0000extra:${stableJson(extra)}`);
    return hash.digest("hex");
}

/**
 * JSON with object keys sorted at every depth. (A key list given to `JSON.stringify`
 * filters nested objects too: it dropped every build argument from the hash, so a
 * changed build argument rebuilt the image under the tag of the previous build.)
 */
export function stableJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(stableJson).join(",")}]`;
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
        return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

/**
 * Files of the context as sorted POSIX paths relative to it. An ignored directory is
 * skipped unless `.dockerignore` has `!exceptions`, which can bring files below it
 * back (as Docker does): then its files are tested one by one.
 */
function listFiles(root: string, ignored: Dockerignore): string[] {
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
            const relative = dir ? `${dir}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!ignored(relative) || ignored.hasExceptions) {
                    walk(relative);
                }
                continue;
            }
            if (ignored(relative)) {
                continue;
            }
            if (entry.isFile() || entry.isSymbolicLink()) {
                files.push(relative);
            }
        }
    };
    walk("");
    return files.sort();
}

/**
 * A matcher for the common `.dockerignore` forms: `name`, `dir/`, `*.ext`,
 * `**\/x`, and `!exception`; the last matching line wins, as in Docker.
 */
/** Whether a context path is ignored; `hasExceptions` when some `!pattern` can re-include paths. */
type Dockerignore = ((relative: string) => boolean) & { hasExceptions: boolean };

function readDockerignore(root: string): Dockerignore {
    const file = path.join(root, ".dockerignore");
    if (!fs.existsSync(file)) {
        return Object.assign(() => false, { hasExceptions: false });
    }
    const rules = fs
        .readFileSync(file, "utf8")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => {
            const negate = line.startsWith("!");
            const pattern = (negate ? line.slice(1) : line).replace(/^\.?\//, "").replace(/\/$/, "");
            return { negate, regex: globToRegex(pattern) };
        });
    const matcher = (relative: string) => {
        let ignored = false;
        for (const rule of rules) {
            if (rule.regex.test(relative)) {
                ignored = !rule.negate;
            }
        }
        return ignored;
    };
    return Object.assign(matcher, { hasExceptions: rules.some((r) => r.negate) });
}

function globToRegex(glob: string): RegExp {
    let out = "";
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === "*" && glob[i + 1] === "*") {
            out += ".*";
            i += glob[i + 2] === "/" ? 2 : 1;
        } else if (c === "*") {
            out += "[^/]*";
        } else if (c === "?") {
            out += "[^/]";
        } else {
            out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
        }
    }
    // A pattern also matches everything below a matched directory.
    return new RegExp(`^${out}(/.*)?$`);
}
