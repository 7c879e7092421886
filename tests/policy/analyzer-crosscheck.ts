// Opt-in cross-check (not part of the mocha suite, it starts a server):
//   npx tsx tests/policy/analyzer-crosscheck.ts
// Serves the real pack (policy/index.ts) in a child process, sends the same resources through
// @pulumi/policy's gRPC analyze / analyzeStack, and compares the violations with runPolicies.
import * as grpc from "@grpc/grpc-js";
import { spawn } from "child_process";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { toWire } from "../../policy/analyzer";
import { runPolicies } from "../../policy/evaluate";
import { allPolicies } from "../../policy/rules";
import { change, compliantStack, record } from "./fixtures";

/* eslint-disable @typescript-eslint/no-var-requires */
const proto = require("@pulumi/pulumi/proto/analyzer_pb");
const rpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

function broken() {
    let specs = change(compliantStack(), "agent-runtime", "networkConfiguration.networkMode", "PUBLIC");
    specs = change(specs, "agent-runtime", "environmentVariables.DB_PASSWORD", "x");
    specs = change(specs, "search-key", "apiKey", { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "sk" });
    specs = change(specs, "agent-gateway", "authorizerType", "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    specs = change(specs, "agent-prod", "agentRuntimeVersion", undefined);
    specs = change(specs, "agent-browser", "executionRoleArn", "arn:aws:iam::123456789012:role/agent-runtime-role");
    specs = change(specs, "agent-runtime-policy", "policy", JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["bedrock-agentcore:*", "s3:GetObjekt"], Resource: "*" }] }));
    return specs.map(record);
}

function message(d: any): string {
    // reportViolation(message) reaches the engine as "<description>\n<message>".
    return d.getMessage().split("\n").slice(1).join("\n");
}

async function main(): Promise<void> {
    const child = spawn(process.execPath, ["-r", "tsx/cjs", "policy/index.ts"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
        const port = await new Promise<string>((resolve) => child.stdout!.once("data", (d) => resolve(String(d).trim())));
        const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const call = (method: string, req: unknown) => new Promise<any>((resolve, reject) => client[method](req, (e: any, r: any) => (e ? reject(e) : resolve(r))));
        const rs = broken();
        const real: string[] = [];
        const options = () => {
            const o = new proto.AnalyzerResourceOptions();
            o.setProtect(false);
            return o;
        };
        for (const r of rs) {
            const req = new proto.AnalyzeRequest();
            req.setType(r.type);
            req.setName(r.name);
            req.setUrn(r.urn);
            req.setProperties(Struct.fromJavaScript(toWire(r.inputs)));
            req.setOptions(options());
            for (const d of (await call("analyze", req)).getDiagnosticsList()) {
                real.push(`${d.getPolicyname()} ${r.urn}: ${message(d)}`);
            }
        }
        const stackReq = new proto.AnalyzeStackRequest();
        for (const r of rs) {
            const ar = new proto.AnalyzerResource();
            ar.setType(r.type);
            ar.setName(r.name);
            ar.setUrn(r.urn);
            ar.setProperties(Struct.fromJavaScript(toWire(r.outputs)));
            ar.setOptions(options());
            stackReq.addResources(ar);
        }
        for (const d of (await call("analyzeStack", stackReq)).getDiagnosticsList()) {
            real.push(`${d.getPolicyname()} ${d.getUrn()}: ${message(d)}`);
        }
        const ours = (await runPolicies(rs, {}, allPolicies)).map((v) => `${v.policy} ${v.urn}: ${v.message}`);
        const same = JSON.stringify(real) === JSON.stringify(ours);
        console.log(`analyzer ${real.length} violations, runPolicies ${ours.length}: ${same ? "identical" : "DIFFERENT"}`);
        if (!same) {
            console.log({ real, ours });
            process.exitCode = 1;
        }
    } finally {
        child.kill();
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
