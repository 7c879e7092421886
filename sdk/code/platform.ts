import * as fs from "fs";
import type { PackedFile } from "./package";

// issue 23 item 1: AgentCore runs code packages on Linux ARM64 (aarch64) only. A wheel or
// extension module built for another platform imports fine on a laptop and fails in the
// runtime; it is refused before anything deploys.

/** ELF `e_machine` of AArch64 (ELF for the Arm 64-bit Architecture, EM_AARCH64 = 183). */
export const EM_AARCH64 = 0xb7;
const MACHINES: Readonly<Record<number, string>> = { 0x03: "x86 (i386)", 0x28: "32-bit ARM", 0x3e: "x86_64", 0xb7: "aarch64", 0x14: "PowerPC", 0x15: "PowerPC64", 0x16: "s390x" };

/** The commands that install a requirements file as Linux ARM64 wheels into `target` (what `arm64InstallCommand` in install.ts runs). */
export function fixCommand(target: string): string {
    return (
        `uv pip install --python-platform aarch64-manylinux2014 --only-binary=:all: --target ${target} -r requirements.txt ` +
        `(or: pip install --platform manylinux2014_aarch64 --only-binary=:all: --target ${target} -r requirements.txt)`
    );
}

/** Why a wheel platform tag is not Linux ARM64 (undefined when it is, or is pure Python). */
export function foreignPlatformTag(tag: string): string | undefined {
    const platform = tag.split("-").pop() ?? "";
    if (platform === "any") {
        return undefined;
    }
    const platforms = platform.split(".");
    const linuxArm = (p: string) => /^(manylinux[0-9_]*|musllinux_[0-9_]+|linux)_aarch64$/.test(p) || p === "manylinux2014_aarch64";
    return platforms.some(linuxArm) ? undefined : `wheel tag "${tag}" is for ${platform}, not Linux aarch64`;
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
 * Every packed file built for a platform other than Linux ARM64, each with the reason:
 * extension modules and shared libraries (`*.so`, `*.so.*`, `*.pyd`, `*.dylib`, `*.dll`)
 * whose name says another architecture or whose ELF header's `e_machine` is not AArch64
 * (0xB7), and wheels whose `*.dist-info/WHEEL` `Tag:` lines name another platform
 * (`cp312-cp312-manylinux_2_17_x86_64`, `macosx_*`, `win_*`).
 */
export function foreignBinaries(files: readonly PackedFile[]): { file: string; reason: string }[] {
    const found: { file: string; reason: string }[] = [];
    for (const f of files) {
        const base = f.relative.split("/").pop()!;
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
            for (const line of fs.readFileSync(f.absolute, "utf8").split(/\r?\n/)) {
                const m = /^Tag:\s*(\S+)/.exec(line);
                const reason = m && foreignPlatformTag(m[1]);
                if (reason) {
                    found.push({ file: f.relative, reason });
                    break;
                }
            }
        }
    }
    return found;
}
