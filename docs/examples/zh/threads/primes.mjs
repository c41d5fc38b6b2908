// 供“把 CPU 密集的工作交给线程”那几个示例在 worker 线程上运行：
// 纯 JavaScript，不需要构建。

/** [from, to) 里有多少个素数：朴素的试除法，故意让它吃满 CPU。 */
export function countPrimes(from, to) {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** 拒绝首尾颠倒的区间，用来演示错误怎样从线程里传回来。 */
export function checkedCount(from, to) {
  if (to < from) throw new RangeError(`to must be at least from, got ${from}..${to}`);
  return countPrimes(from, to);
}

/** 一次算一对 `[from, to]`：`ThreadPool.map` 每次正是传入这样一项。 */
export function countRange([from, to]) {
  return countPrimes(from, to);
}
