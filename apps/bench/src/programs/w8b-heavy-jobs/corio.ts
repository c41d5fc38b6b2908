// W8 (heavy jobs) on @corio/threads; the program lives in ../w8-threads.
import { program } from "../harness.js";
import { corioThreads } from "../w8-threads/corio.js";

program(() => corioThreads("heavy"));
