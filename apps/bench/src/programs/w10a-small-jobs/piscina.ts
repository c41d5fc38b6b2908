// W10 (small jobs) on Piscina; the program lives in ../w10-threads.
import { program } from "../harness.js";
import { piscinaThreads } from "../w10-threads/piscina.js";

program(() => piscinaThreads("small"));
