import * as fs from "fs";
import * as path from "path";
import type { PackedFile } from "./package";

// issue 23 item 1: AgentCore runs code packages on Linux ARM64 (aarch64) only. A wheel or
// extension module built for another platform imports fine on a laptop and fails in the
// runtime; it is refused before anything deploys.

/** ELF `e_machine` of AArch64 (ELF for the Arm 64-bit Architecture, EM_AARCH64 = 183). */
export const EM_AARCH64 = 0xb7;
const MACHINES: Readonly<Record<number, string>> = { 0x03: "x86 (i386)", 0x28: "32-bit ARM", 0x3e: "x86_64", 0xb7: "aarch64", 0x14: "PowerPC", 0x15: "PowerPC64", 0x16: "s390x" };

/** "3.12" for PYTHON_3_12 (undefined for a runtime this package does not know). */
export function pythonVersionOf(runtime: unknown): string | undefined {
    const m = typeof runtime === "string" ? /^PYTHON_3_([0-9]+)$/.exec(runtime) : null;
    return m ? `3.${m[1]}` : undefined;
}

/**
 * The commands that install `<source>/requirements.txt` as Linux ARM64 wheels for the
 * runtime's Python into `source` (what `arm64InstallCommand` in install.ts runs), with
 * absolute paths so they work from any folder.
 */
export function fixCommand(source: string, pythonVersion = "3.12"): string {
    const target = path.resolve(source);
    const requirements = path.join(target, "requirements.txt");
    const abi = `cp${pythonVersion.replace(".", "")}`;
    return (
        `uv pip install --python-platform aarch64-manylinux2014 --python-version ${pythonVersion} --only-binary=:all: --target ${target} -r ${requirements} ` +
        `(or: pip install --platform manylinux2014_aarch64 --python-version ${pythonVersion} --implementation cp --abi ${abi} --only-binary=:all: --target ${target} -r ${requirements})`
    );
}

/** Whether one platform tag is glibc Linux on aarch64 (manylinux or plain linux). */
const linuxArm = (p: string) => /^(manylinux[0-9]*(_[0-9]+_[0-9]+)?|linux)_aarch64$/.test(p);

/** Why one wheel tag `python-abi-platform` does not load in AgentCore's CPython `pythonVersion` on Linux ARM64 (undefined when it does). */
function tagMismatch(tag: string, pythonVersion: string | undefined): string | undefined {
    const parts = tag.split("-");
    if (parts.length !== 3) {
        return `wheel tag "${tag}" is not python-abi-platform`;
    }
    const [pythons, abis, platforms] = parts.map((p) => p.split("."));
    if (!platforms.includes("any") && !platforms.some(linuxArm)) {
        const musl = platforms.some((p) => /^musllinux_[0-9]+_[0-9]+_aarch64$/.test(p));
        return musl
            ? `wheel tag "${tag}" is for ${parts[2]}, musl libc: AgentCore's runtime takes manylinux (glibc) wheels, not musllinux`
            : `wheel tag "${tag}" is for ${parts[2]}, not Linux aarch64`;
    }
    if (pythonVersion === undefined) {
        return undefined;
    }
    const minor = Number(pythonVersion.split(".")[1]);
    const cp = `cp3${minor}`;
    const loads = (py: string, abi: string) => {
        if (abi === "none") {
            const pure = /^py3([0-9]*)$/.exec(py);
            return py === cp || (pure !== null && (pure[1] === "" || Number(pure[1]) <= minor));
        }
        if (abi === "abi3") {
            const m = /^cp3([0-9]+)$/.exec(py);
            return m !== null && Number(m[1]) <= minor;
        }
        return py === cp && (abi === cp || abi === `${cp}m`);
    };
    if (pythons.some((py) => abis.some((abi) => loads(py, abi)))) {
        return undefined;
    }
    return `wheel tag "${tag}" is for ${parts[0]}-${parts[1]}, not CPython ${pythonVersion} (the runtime's Python)`;
}

/**
 * Why a wheel's `Tag:` lines do not load in the runtime (undefined when one of them does, as
 * pip installs a wheel when any of its tags is supported): the platform must be `any` or
 * glibc Linux aarch64 (musllinux is refused), and with `pythonVersion` ("3.12") the Python
 * and ABI tags must be that CPython (`cp312-cp312`), the stable ABI from an older or equal
 * version (`cp39-abi3`) or pure Python (`py3-none`).
 */
export function foreignWheelTags(tags: readonly string[], pythonVersion?: string): string | undefined {
    const reasons = tags.map((t) => tagMismatch(t, pythonVersion));
    return reasons.some((r) => r === undefined) ? undefined : reasons[0];
}

/** Why an extension module's name says another Python or libc than the runtime's (`*.cpython-313-...so` under 3.12, `*-linux-musl.so`). */
function foreignExtensionName(base: string, pythonVersion: string | undefined): string | undefined {
    if (/-linux-musl[^.]*\.so/.test(base)) {
        return "is built for musl libc (musllinux), not the runtime's glibc";
    }
    if (/\.pypy[0-9]*-/.test(base)) {
        return "is built for PyPy, not CPython";
    }
    const m = /\.cpython-3([0-9]+)([a-z]*)-/.exec(base);
    if (m && pythonVersion !== undefined) {
        const minor = Number(pythonVersion.split(".")[1]);
        if (Number(m[1]) !== minor || m[2].includes("t") || m[2].includes("d")) {
            return `is built for CPython 3.${m[1]}${m[2]}, not ${pythonVersion} (the runtime's Python)`;
        }
    }
    return undefined;
}

/**
 * Files installed by pure-Python wheels (`Root-Is-Purelib: true` and every tag `*-any` in
 * `*.dist-info/WHEEL`), from their `*.dist-info/RECORD`: the Windows launchers such wheels
 * ship (setuptools' `cli-32.exe`, `gui.exe`) are data Linux never loads (red-team item 3).
 */
function pureWheelFiles(files: readonly PackedFile[]): Set<string> {
    const byPath = new Map(files.map((f) => [f.relative, f]));
    const out = new Set<string>();
    for (const f of files) {
        const m = /^(.*?)([^/]+\.dist-info)\/WHEEL$/.exec(f.relative);
        if (!m) {
            continue;
        }
        const lines = fs.readFileSync(f.absolute, "utf8").split(/\r?\n/);
        const purelib = lines.some((l) => /^Root-Is-Purelib:\s*true\s*$/i.test(l));
        const tags = lines.map((l) => /^Tag:\s*(\S+)/.exec(l)?.[1]).filter((t): t is string => t !== undefined);
        const record = byPath.get(`${m[1]}${m[2]}/RECORD`);
        if (!purelib || tags.length === 0 || !tags.every((t) => t.endsWith("-any")) || !record) {
            continue;
        }
        for (const line of fs.readFileSync(record.absolute, "utf8").split(/\r?\n/)) {
            const name = line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(",")[0];
            if (name) {
                out.add(path.posix.normalize(`${m[1]}${name}`));
            }
        }
    }
    return out;
}

/** Why an ELF file's header is not AArch64 (undefined when it is). */
export function foreignElf(header: Buffer): string | undefined {
    if (header.length < 20) {
        return "is too short to be a shared library";
    }
    const isElf = header[0] === 0x7f && header[1] === 0x45 && header[2] === 0x4c && header[3] === 0x46;
    if (!isElf) {
        const magic = header.readUInt32BE(0);
        const macho = [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic);
        return macho ? "is a macOS (Mach-O) binary" : header[0] === 0x4d && header[1] === 0x5a ? "is a Windows (PE) binary" : "is not an ELF binary";
    }
    const machine = header[5] === 2 ? header.readUInt16BE(18) : header.readUInt16LE(18);
    return machine === EM_AARCH64 ? undefined : `is an ELF binary for ${MACHINES[machine] ?? `machine 0x${machine.toString(16)}`} (e_machine ${machine}), not aarch64 (e_machine 183)`;
}

/**
 * Every packed file built for a platform other than the runtime's (Linux ARM64, glibc,
 * CPython `pythonVersion` when given), each with the reason: extension modules and shared
 * libraries (`*.so`, `*.so.*`, `*.pyd`, `*.dylib`, `*.dll`, `*.exe`) whose name says another
 * architecture, libc or Python (`*.cpython-313-*.so` under 3.12), or whose ELF header's
 * `e_machine` is not AArch64 (0xB7); and wheels whose `*.dist-info/WHEEL` `Tag:` lines name
 * another platform (`manylinux_2_17_x86_64`, `musllinux_*`, `macosx_*`, `win_*`) or Python
 * (`cp313-cp313` under 3.12). `*.exe`/`*.dll` that a pure-Python wheel's RECORD lists are
 * data (setuptools' launchers) and pass; `*.pyd` never does.
 */
export function foreignBinaries(files: readonly PackedFile[], pythonVersion?: string): { file: string; reason: string }[] {
    const found: { file: string; reason: string }[] = [];
    const pure = pureWheelFiles(files);
    for (const f of files) {
        const base = f.relative.split("/").pop()!;
        if (/\.(dll|exe)$/i.test(base) && pure.has(f.relative)) {
            continue;
        }
        if (/\.(pyd|dll|exe)$/i.test(base)) {
            found.push({ file: f.relative, reason: "is a Windows binary" });
        } else if (/\.dylib$/i.test(base)) {
            found.push({ file: f.relative, reason: "is a macOS library" });
        } else if (/\.so(\.[0-9]+)*$/.test(base)) {
            const named = /(x86_64|amd64|i[3-6]86|darwin|win32|win_amd64)/.exec(base);
            if (named) {
                found.push({ file: f.relative, reason: `is named for ${named[1]}, not aarch64` });
                continue;
            }
            const nameReason = foreignExtensionName(base, pythonVersion);
            if (nameReason) {
                found.push({ file: f.relative, reason: nameReason });
                continue;
            }
            const fd = fs.openSync(f.absolute, "r");
            const header = Buffer.alloc(20);
            try {
                fs.readSync(fd, header, 0, 20, 0);
            } finally {
                fs.closeSync(fd);
            }
            const reason = foreignElf(f.size < 20 ? header.subarray(0, f.size) : header);
            if (reason) {
                found.push({ file: f.relative, reason });
            }
        } else if (/\.dist-info\/WHEEL$/.test(f.relative)) {
            const tags = fs
                .readFileSync(f.absolute, "utf8")
                .split(/\r?\n/)
                .map((l) => /^Tag:\s*(\S+)/.exec(l)?.[1])
                .filter((t): t is string => t !== undefined);
            const reason = tags.length ? foreignWheelTags(tags, pythonVersion) : undefined;
            if (reason) {
                found.push({ file: f.relative, reason });
            }
        }
    }
    return found;
}
