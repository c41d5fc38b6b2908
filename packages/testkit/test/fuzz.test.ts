import { afterEach, describe, expect, it, vi } from "vitest";
import { fuzzSettings, unhandledRejectionsDuring } from "../src/index.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("fuzz helpers", () => {
  it("unhandledRejectionsDuring returns a rejection nobody handled, and nothing for handled ones", async () => {
    const boom = new Error("nobody catches me");
    const unhandled = await unhandledRejectionsDuring(async () => {
      void Promise.reject(boom);
      await Promise.reject(new Error("handled")).catch(() => {});
    });
    expect(unhandled).toEqual([boom]);
    expect(await unhandledRejectionsDuring(async () => {})).toEqual([]);
  });

  it("fuzzSettings takes FUZZ_SEED and FUZZ_RUNS from the environment, prints them, and checks them", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    vi.stubEnv("FUZZ_SEED", "");
    vi.stubEnv("FUZZ_RUNS", "");
    expect(fuzzSettings("queue", 300)).toEqual({ seed: 15015, runs: 300 });
    vi.stubEnv("FUZZ_SEED", "42");
    vi.stubEnv("FUZZ_RUNS", "7");
    expect(fuzzSettings("queue", 300)).toEqual({ seed: 42, runs: 7 });
    expect(log).toHaveBeenLastCalledWith("queue fuzz: seed=42 runs=7 (replay: FUZZ_SEED=42)");
    vi.stubEnv("FUZZ_RUNS", "many");
    expect(() => fuzzSettings("queue", 300)).toThrow(/FUZZ_RUNS must be an integer, got "many"/);
  });
});
