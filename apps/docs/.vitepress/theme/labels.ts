// The words the example widgets show, per locale.
export interface Labels {
  output: string;
  yourRun: (scale: string) => string;
  elapsedVirtual: (s: string) => string;
  elapsedReal: (s: string, scale: number, wall: string) => string;
  elapsedUnpaced: (s: string, wall: string) => string;
  unpaced: string;
  openPlayground: string;
  nodeOnly: string;
  running: string;
  run: string;
  runAgain: string;
  stop: string;
  speed: string;
  timeline: string;
  legendRun: string;
  legendSleep: string;
  legendWait: string;
  legendYield: string;
  legendCancel: string;
  legendDone: string;
  seconds: (s: string) => string;
  missing: (name: string) => string;
  error: string;
  timelineTitle: (name: string) => string;
}

export const en: Labels = {
  output: "Output",
  yourRun: (scale) => `Output of your run (${scale} speed)`,
  elapsedVirtual: (s) => `elapsed: ${s} s (virtual time)`,
  elapsedReal: (s, scale, wall) =>
    `elapsed: ${s} s (loop time at ${scale}×, ${wall} s on your clock)`,
  elapsedUnpaced: (s, wall) =>
    `elapsed: ${s} s of loop time in ${wall} s on your clock (virtual clock at full speed)`,
  unpaced: "∞ (virtual)",
  openPlayground: "Open in playground",
  nodeOnly: "Needs Node.js: this is the output of the build's run",
  running: "running…",
  run: "Run",
  runAgain: "Run again",
  stop: "Stop",
  speed: "Speed",
  timeline: "Timeline",
  legendRun: "runs",
  legendSleep: "sleeps",
  legendWait: "waits for a task or future",
  legendYield: "gives up control",
  legendCancel: "cancel requested",
  legendDone: "done",
  seconds: (s) => `${s} s`,
  missing: (name) => `Example "${name}" was not found in docs/examples/.`,
  error: "main ended with an error",
  timelineTitle: (name) => `Timeline of ${name}: one lane per task`,
};

export const zh: Labels = {
  output: "输出",
  yourRun: (scale) => `你的运行结果（${scale} 速度）`,
  elapsedVirtual: (s) => `耗时：${s} 秒（虚拟时间）`,
  elapsedReal: (s, scale, wall) => `耗时：${s} 秒（${scale}× 加速的循环时间，实际用时 ${wall} 秒）`,
  elapsedUnpaced: (s, wall) => `耗时：${s} 秒循环时间，实际只用了 ${wall} 秒（虚拟时钟全速运行）`,
  unpaced: "∞（虚拟）",
  openPlayground: "在演练场中打开",
  nodeOnly: "需要 Node.js：这里是构建时运行的输出",
  running: "运行中…",
  run: "运行",
  runAgain: "再运行一次",
  stop: "停止",
  speed: "速度",
  timeline: "时间线",
  legendRun: "正在执行",
  legendSleep: "休眠",
  legendWait: "等待其他任务或 Future",
  legendYield: "交出控制权",
  legendCancel: "请求取消",
  legendDone: "结束",
  seconds: (s) => `${s} 秒`,
  missing: (name) => `在 docs/examples/ 中找不到示例「${name}」。`,
  error: "main 以异常结束",
  timelineTitle: (name) => `${name} 的时间线：每个任务一条泳道`,
};

export function labelsFor(lang: string): Labels {
  return lang.startsWith("zh") ? zh : en;
}
