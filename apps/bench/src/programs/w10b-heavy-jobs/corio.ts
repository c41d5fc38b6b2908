// W10 (heavy jobs) on @corio/threads; the program lives in ../w10-threads.
import { program } from "../harness.js";
import { corioThreads } from "../w10-threads/corio.js";

program(() => corioThreads("heavy"));
