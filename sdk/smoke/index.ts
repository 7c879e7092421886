export { SmokeTest, SmokeTestArgs, SmokeExpectation, SMOKE_SCRIPT } from "./smokeTest";
