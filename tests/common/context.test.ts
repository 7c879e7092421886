import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/aws/provider";
import { awsContext } from "../../sdk/common/context";
import { installMocks, settle } from "../../plan/mocks";
import { valueOf } from "../harness";

class Probe extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Probe", name, {}, opts);
    }
}

describe("awsContext", () => {
    it("shares one set of lookups per provider inside a stack", async () => {
        await installMocks("context-test", "dev");
        const seen = await pulumi.runtime.runInPulumiStack(async () => {
            const first = new Probe("first");
            const second = new Probe("second");
            const child = new Probe("child", { parent: second });
            const west = new Probe("west", { providers: { aws: new Provider("west", { region: "us-west-2" }) } });
            const ctx = awsContext(first);
            return {
                sameForSibling: awsContext(second) === ctx,
                sameForNested: awsContext(child) === ctx,
                sameForOtherProvider: awsContext(west) === ctx,
                accountId: await valueOf(ctx.accountId),
            };
        });
        await settle();
        assert.deepEqual(seen, { sameForSibling: true, sameForNested: true, sameForOtherProvider: false, accountId: "123456789012" });
    });

    it("looks up afresh for each component outside a stack", async () => {
        await installMocks("context-test", "dev");
        const a = new Probe("a");
        const b = new Probe("b");
        assert.notEqual(awsContext(a), awsContext(b));
        await settle();
    });
});
