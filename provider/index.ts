/**
 * The multi-language component provider: `pulumi package add <this directory>`
 * generates an SDK for Python, Go, .NET, Java or YAML from the schema Pulumi
 * infers from the components exported here (sdk/multilang). The package's own
 * dependencies come from the repository root (`npm ci` there first).
 */
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { AgentEnvironment } from "../sdk/multilang";

export { AgentEnvironment };

/** The provider's name: the package name in `pulumi package add` and the first part of every type token. */
export const PROVIDER_NAME = "agentcore";

if (require.main === module) {
    componentProviderHost({ components: [AgentEnvironment], dirname: __dirname, name: PROVIDER_NAME }).catch((err) => {
        console.error(err);
        process.exit(1);
    });
}
