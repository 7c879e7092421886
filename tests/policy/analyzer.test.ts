import { strict as assert } from "assert";
import { serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { analyzerProps, analyzerPropsViaStruct, toWire, UNKNOWN_STRING } from "../../policy/analyzer";
import { compliantStack } from "./fixtures";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize");

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "sk-live" };

describe("analyzer-equivalent args", () => {
    const samples: Record<string, any>[] = [
        ...compliantStack().map((s) => s.inputs),
        { apiKey: SECRET, nested: { list: [1, undefined, "x", { deep: SECRET }], gone: undefined }, flag: false, n: 0, nil: null },
    ];

    it("serialises plain data exactly like @pulumi/pulumi's serializeProperties", async () => {
        for (const s of samples) {
            const viaSdk = deserializeProperties(Struct.fromJavaScript((await serializeProperties("test", s)) as any), false);
            const viaPack = deserializeProperties(Struct.fromJavaScript(toWire(s)), false);
            assert.deepEqual(viaPack, viaSdk);
            assert.equal(JSON.stringify(viaPack), JSON.stringify(viaSdk)); // same key order too
        }
    });

    it("builds the same props with and without the protobuf Struct round trip", () => {
        for (const s of samples) {
            assert.equal(JSON.stringify(analyzerProps(s)), JSON.stringify(analyzerPropsViaStruct(s)));
        }
    });

    it("unwraps secrets like the analyzer", () => {
        const props = analyzerProps({ apiKey: SECRET, list: [SECRET] });
        assert.equal(props.apiKey, "sk-live");
        assert.equal(props.list[0], "sk-live");
    });

    it("throws the analyzer's UnknownValueError on reading an unknown", () => {
        const props = analyzerProps({ a: { b: UNKNOWN_STRING } });
        assert.throws(() => props.a.b, { message: "string value at .a.b can't be known during preview" });
    });
});
