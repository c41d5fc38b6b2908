import { gather, Lock, sleep } from "corio";

interface Shop {
  stock: number;
}

function* buy(customer: string, shop: Shop) {
  if (shop.stock > 0) {
    yield* sleep(100); // 核对付款：这期间其他任务在运行
    shop.stock -= 1;
    console.log(`${customer} bought one, ${shop.stock} left`);
  } else {
    console.log(`${customer}: sold out`);
  }
}

function* buyWithLock(customer: string, shop: Shop, lock: Lock) {
  // 同一时刻只有一个任务在做检查和更新。
  yield* lock.withLock(() => buy(customer, shop));
}

export function* main() {
  console.log("without a lock:");
  const shop = { stock: 1 };
  yield* gather(buy("ann", shop), buy("bob", shop));

  console.log("with a lock:");
  const lockedShop = { stock: 1 };
  const lock = new Lock();
  yield* gather(buyWithLock("ann", lockedShop, lock), buyWithLock("bob", lockedShop, lock));
}
