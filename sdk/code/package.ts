import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { deflateRawSync } from "zlib";

// Packing a source folder for direct code deployment (issue 23 item 1): the file list,
// a deterministic zip of exactly those files, and its content hash. Pure functions of
// the folder; no resource, no output.

/**
 * Folders never packed: caches, virtual environments, version control, editor settings and
 * credentials (`.aws`, `.ssh`). Other hidden folders are packed: older auditwheel-repaired
 * wheels keep their bundled shared libraries in `<package>/.libs`.
 */
export const SKIPPED_DIRECTORIES: readonly string[] = ["__pycache__", ".venv", ".git", ".hg", ".svn", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".idea", ".vscode", ".aws", ".ssh", "node_modules"];
/**
 * Files never packed: compiled bytecode (the runtime compiles its own), OS litter, version
 * control files (`.git*`), environment files with secrets (`.env`, `.env.*`, red-team item 6)
 * and the ignore file itself.
 */
export const SKIPPED_FILE = /(\.pyc|\.pyo|~)$|^\.DS_Store$|^\.git|^\.env(\..*)?$|^\.agentcoreignore$/;
/** The ignore file read at the folder's root: gitignore-like patterns of what else not to pack. */
export const IGNORE_FILE = ".agentcoreignore";

/**
 * The patterns of `<root>/.agentcoreignore` as one matcher of a POSIX path (and whether it is
 * a folder): one pattern a line, `#` comments and blank lines ignored; `*` matches within a
 * path segment, `**` across segments, `?` one character; a pattern with a `/` (other than a
 * trailing one) is anchored at the root, otherwise it matches a name at any depth; a trailing
 * `/` matches folders only. `!` (re-include) is not supported and is refused.
 */
export function ignoreMatcher(root: string): (relative: string, isDirectory: boolean) => boolean {
    const file = path.join(root, IGNORE_FILE);
    if (!fs.existsSync(file)) {
        return () => false;
    }
    const rules = fs
        .readFileSync(file, "utf8")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== "" && !l.startsWith("#"))
        .map((line) => {
            if (line.startsWith("!")) {
                throw new Error(`${IGNORE_FILE}: "${line}": re-including with ! is not supported; list only what to leave out`);
            }
            const directoryOnly = line.endsWith("/");
            const body = line.replace(/\/+$/, "");
            const anchored = body.includes("/");
            const glob = body.replace(/^\//, "");
            const source = glob
                .split("**")
                .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"))
                .join(".*");
            return { directoryOnly, anchored, re: new RegExp(`^${source}$`) };
        });
    return (relative, isDirectory) =>
        rules.some((r) => (!r.directoryOnly || isDirectory) && r.re.test(r.anchored ? relative : relative.split("/").pop()!));
}

/**
 * Largest zip AgentCore accepts for direct code deployment: "Maximum size for a direct
 * code deployment package (compressed): 250 MB", not adjustable (Quotas for Amazon
 * Bedrock AgentCore, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/bedrock-agentcore-limits.html).
 */
export const MAX_ZIPPED_BYTES = 250 * 1024 * 1024;
/** "Maximum size for a direct code deployment package (uncompressed): 750 MB", not adjustable (same page). */
export const MAX_UNZIPPED_BYTES = 750 * 1024 * 1024;
/**
 * Most entries the zip holds: this package writes a classic zip (no ZIP64), whose end record
 * counts entries in 16 bits (PKWARE APPNOTE.TXT 4.4.21-22, "total number of entries in the
 * central dir", 2 bytes).
 */
export const MAX_ZIP_ENTRIES = 0xffff;
export const QUOTAS_PAGE = "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/bedrock-agentcore-limits.html";

/** One file to pack: its POSIX path inside the zip, its path on disk, size and whether it is executable. */
export interface PackedFile {
    relative: string;
    absolute: string;
    size: number;
    executable: boolean;
}

/**
 * The files of `root` that are packed, sorted by their POSIX path: every regular file
 * except those under {@link SKIPPED_DIRECTORIES}, those matching {@link SKIPPED_FILE} and
 * those the folder's `.agentcoreignore` names ({@link ignoreMatcher}).
 * Symbolic links are followed to files inside the folder and refused otherwise (the zip
 * holds contents, never links).
 */
export function listPackedFiles(root: string): PackedFile[] {
    const files: PackedFile[] = [];
    const realRoot = fs.realpathSync(root);
    const ignored = ignoreMatcher(root);
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
            const relative = dir ? `${dir}/${entry.name}` : entry.name;
            const absolute = path.join(root, relative);
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.includes(entry.name) && !ignored(relative, true)) {
                    walk(relative);
                }
                continue;
            }
            if (SKIPPED_FILE.test(entry.name) || ignored(relative, false)) {
                continue;
            }
            if (entry.isSymbolicLink()) {
                const target = fs.realpathSync(absolute);
                if (!target.startsWith(realRoot + path.sep) || !fs.statSync(target).isFile()) {
                    throw new Error(`${relative} is a symbolic link to ${target}, outside the folder or not a file: a code package holds files only`);
                }
            } else if (!entry.isFile()) {
                continue;
            }
            const stat = fs.statSync(absolute);
            files.push({ relative, absolute, size: stat.size, executable: (stat.mode & 0o100) !== 0 });
        }
    };
    walk("");
    return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/** Sum of the files' sizes: the package's uncompressed size. */
export function unzippedSize(files: readonly PackedFile[]): number {
    return files.reduce((sum, f) => sum + f.size, 0);
}

const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        table[n] = c >>> 0;
    }
    return table;
})();

function crc32(data: Buffer): number {
    let c = 0xffffffff;
    for (let i = 0; i < data.length; i++) {
        c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
}

/** DOS date and time of 1980-01-01 00:00:00, the earliest a zip can hold: every entry gets it, so the zip depends on contents only. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip of `files` that depends only on their paths, contents and executable bit: sorted
 * entries, fixed timestamps, deflate at a fixed level, Unix permissions 0644 or 0755 in
 * the external attributes (AgentCore Runtime uses POSIX file permissions, per "Get started
 * with direct code deployment"). The same folder gives the same bytes, hence the same hash.
 */
export function zipFiles(files: readonly PackedFile[]): Buffer {
    if (files.length > MAX_ZIP_ENTRIES) {
        throw new Error(`${files.length} files are more than a zip without ZIP64 holds (${MAX_ZIP_ENTRIES})`);
    }
    const locals: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const f of files) {
        const data = fs.readFileSync(f.absolute);
        const deflated = deflateRawSync(data, { level: 9 });
        const stored = deflated.length >= data.length;
        const body = stored ? data : deflated;
        const name = Buffer.from(f.relative, "utf8");
        const crc = crc32(data);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(stored ? 0 : 8, 8);
        local.writeUInt16LE(DOS_TIME, 10);
        local.writeUInt16LE(DOS_DATE, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(body.length, 18);
        local.writeUInt32LE(data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        locals.push(local, name, body);
        const entry = Buffer.alloc(46);
        entry.writeUInt32LE(0x02014b50, 0);
        entry.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, spec 2.0
        entry.writeUInt16LE(20, 6);
        entry.writeUInt16LE(0x0800, 8);
        entry.writeUInt16LE(stored ? 0 : 8, 10);
        entry.writeUInt16LE(DOS_TIME, 12);
        entry.writeUInt16LE(DOS_DATE, 14);
        entry.writeUInt32LE(crc, 16);
        entry.writeUInt32LE(body.length, 20);
        entry.writeUInt32LE(data.length, 24);
        entry.writeUInt16LE(name.length, 28);
        entry.writeUInt32LE((((f.executable ? 0o100755 : 0o100644) << 16) >>> 0), 38);
        entry.writeUInt32LE(offset, 42);
        central.push(entry, name);
        offset += local.length + name.length + body.length;
    }
    const centralSize = central.reduce((s, b) => s + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(files.length, 8);
    end.writeUInt16LE(files.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, ...central, end]);
}

/** The entries of a zip made by {@link zipFiles}: name, Unix mode and contents (for tests and checks). */
export function readZip(zip: Buffer): { name: string; mode: number; data: Buffer }[] {
    const { inflateRawSync } = require("zlib") as typeof import("zlib");
    const endAt = zip.length - 22;
    const count = zip.readUInt16LE(endAt + 10);
    let at = zip.readUInt32LE(endAt + 16);
    const out: { name: string; mode: number; data: Buffer }[] = [];
    for (let i = 0; i < count; i++) {
        const method = zip.readUInt16LE(at + 10);
        const compressed = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        const mode = zip.readUInt32LE(at + 38) >>> 16;
        const localAt = zip.readUInt32LE(at + 42);
        const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
        const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
        const body = zip.subarray(dataAt, dataAt + compressed);
        out.push({ name, mode, data: method === 8 ? inflateRawSync(body) : Buffer.from(body) });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return out;
}

/** SHA-256 (hex) of the zip: the hash covers exactly the bytes uploaded. */
export function contentHash(zip: Buffer): string {
    return createHash("sha256").update(zip).digest("hex");
}
