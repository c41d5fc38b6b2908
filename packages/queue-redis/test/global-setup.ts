// One redis-server for the whole test run (vitest globalSetup): tests read its URL with
// `inject("redisUrl")` and use keys of their own, so they never see each other's queues.
import type { TestProject } from "vitest/node";
import { type RedisServer, startRedis } from "./redis-server.js";

let server: RedisServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  server = await startRedis();
  project.provide("redisUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
