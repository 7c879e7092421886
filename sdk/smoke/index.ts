export { SmokeTest, SmokeTestArgs, SmokeExpectation, SMOKE_SCRIPT, checkSmokeTestArgs } from "./smokeTest";
