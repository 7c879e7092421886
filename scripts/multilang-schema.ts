/**
 * Writes provider/schema.json: the Pulumi package schema that `pulumi package add`
 * infers from the multi-language components (provider/index.ts → sdk/multilang).
 * Every language's SDK is generated from this schema, so it is committed and
 * reviewed; tests/multilang/schema.test.ts fails when it is stale.
 *
 * Run: `npx tsx scripts/multilang-schema.ts`
 */
import * as fs from "fs";
import * as path from "path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { AgentEnvironment, PROVIDER_NAME } from "../provider";

export const PROVIDER_DIR = path.join(__dirname, "..", "provider");
export const SCHEMA_SNAPSHOT = path.join(PROVIDER_DIR, "schema.json");
/** Every component the multi-language package exports. */
export const MULTILANG_COMPONENTS = [AgentEnvironment];

/** The provider exactly as `componentProviderHost` builds it. */
export function multilangProvider(): ComponentProvider {
    return new ComponentProvider({ components: MULTILANG_COMPONENTS, dirname: PROVIDER_DIR, name: PROVIDER_NAME });
}

/** The inferred schema, pretty-printed as committed. */
export async function generateSchema(provider = multilangProvider()): Promise<string> {
    return JSON.stringify(JSON.parse(await provider.getSchema()), null, 2) + "\n";
}

if (require.main === module) {
    generateSchema().then((schema) => {
        fs.writeFileSync(SCHEMA_SNAPSHOT, schema);
        console.log(`wrote ${path.relative(process.cwd(), SCHEMA_SNAPSHOT)}`);
    });
}
