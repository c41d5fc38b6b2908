// W8 (small jobs) on Piscina; the program lives in ../w8-threads.
import { program } from "../harness.js";
import { piscinaThreads } from "../w8-threads/piscina.js";

program(() => piscinaThreads("small"));
