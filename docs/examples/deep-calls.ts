import { type Coroutine, call, getRunningLoop, sleep } from "corio";

interface Folder {
  name: string;
  files: number;
  sub: Folder | null;
}

/** A tree 1000 folders deep, each holding 3 files and the next folder. */
function deepTree(depth: number): Folder {
  let folder: Folder | null = null;
  for (let i = depth; i >= 1; i--) folder = { name: `level-${i}`, files: 3, sub: folder };
  return folder!;
}

function* countFiles(folder: Folder): Coroutine<number> {
  yield* sleep(0); // listing a folder: give the other tasks a turn
  if (folder.sub === null) {
    yield* sleep(1000); // the deepest folder sits on a slow disk
    return folder.files;
  }
  // call(): the subfolder runs as its own frame, so each wake-up above resumes one
  // generator instead of the whole chain of 1000.
  return folder.files + (yield* call(countFiles(folder.sub)));
}

export function* main() {
  const loop = getRunningLoop();
  const files = yield* call(countFiles(deepTree(1000)));
  console.log(`${files} files in 1000 nested folders, ${loop.time()} ms`);
}
