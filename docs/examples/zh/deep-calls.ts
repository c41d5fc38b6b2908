import { type Coroutine, call, getRunningLoop, sleep } from "corio";

interface Folder {
  name: string;
  files: number;
  sub: Folder | null;
}

/** 一棵 1000 层深的目录树：每层 3 个文件，外加下一层目录。 */
function deepTree(depth: number): Folder {
  let folder: Folder | null = null;
  for (let i = depth; i >= 1; i--) folder = { name: `level-${i}`, files: 3, sub: folder };
  return folder!;
}

function* countFiles(folder: Folder): Coroutine<number> {
  yield* sleep(0); // 列出一个目录：让其他任务也跑一跑
  if (folder.sub === null) {
    yield* sleep(1000); // 最深的那层目录在一块很慢的磁盘上
    return folder.files;
  }
  // call()：子目录作为独立的一帧运行，之后每次唤醒只恢复一个
  // 生成器，而不是整条 1000 层的链。
  return folder.files + (yield* call(countFiles(folder.sub)));
}

export function* main() {
  const loop = getRunningLoop();
  const files = yield* call(countFiles(deepTree(1000)));
  console.log(`${files} files in 1000 nested folders, ${loop.time()} ms`);
}
