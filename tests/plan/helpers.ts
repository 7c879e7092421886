import * as path from "path";

/** Directory of a fixture program under tests/fixtures/programs. */
export function fixture(name: string): string {
    return path.resolve(__dirname, "..", "fixtures", "programs", name);
}
