// Assembles the pack. Starting a PolicyPack serves gRPC: tests import ./rules, never this file.
import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./rules";

new PolicyPack("agentcore", {
    policies: allPolicies,
    enforcementLevel: "advisory",
});
