// The floor of the plan benchmark: loads the modules listed in the given JSON file
// (absolute paths, in load order: the packages the plan loads, none of ours) and exits.
import { readFileSync } from "fs";

for (const id of JSON.parse(readFileSync(process.argv[2], "utf8")) as string[]) {
    require(id);
}
