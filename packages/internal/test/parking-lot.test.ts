import { EventLoop } from "@corio/loop";
import { describe, expect, it } from "vitest";
import { ParkingLot } from "../src/index.js";

function setup(n: number) {
  const loop = new EventLoop({ clock: "manual" });
  const lot = new ParkingLot<string>();
  const waiters = Array.from({ length: n }, (_, i) => lot.park(loop, `w${i}`));
  const states = () =>
    waiters.map((w) =>
      w.cancelled() ? "cancelled" : w.done() ? `woken ${w.result()}` : "waiting",
    );
  return { loop, lot, waiters, states };
}

describe("ParkingLot", () => {
  it("parks labelled futures on the given loop, first come first", () => {
    const { loop, lot, waiters } = setup(2);
    expect(lot.size).toBe(2);
    expect(waiters.map((w) => w.label)).toEqual(["w0", "w1"]);
    expect(waiters[0]!.getLoop()).toBe(loop);
  });

  it("wake() wakes waiters still waiting in order, skipping cancelled ones, and keeps them", () => {
    const { lot, waiters, states } = setup(4);
    waiters[0]!.cancel();
    expect(lot.wake("a", 2)).toBe(2);
    expect(states()).toEqual(["cancelled", "woken a", "woken a", "waiting"]);
    expect(lot.size).toBe(4);
    expect(lot.countWaiting()).toBe(1);
    expect(lot.wake("b", Number.POSITIVE_INFINITY)).toBe(1);
    expect(lot.wake("c")).toBe(0);
  });

  it("wakeFirst() wakes the head only while it still waits", () => {
    const { lot, waiters, states } = setup(2);
    waiters[0]!.cancel();
    expect(lot.wakeFirst("x")).toBe(false);
    expect(states()).toEqual(["cancelled", "waiting"]);
    lot.leave(waiters[0]!);
    expect(lot.wakeFirst("x")).toBe(true);
    expect(lot.wakeFirst("y")).toBe(false);
    expect(states()).toEqual(["cancelled", "woken x"]);
  });

  it("pop() removes the woken waiter and the done ones ahead of it", () => {
    const { lot, waiters, states } = setup(3);
    waiters[0]!.cancel();
    expect(lot.pop("a")).toBe(1);
    expect(states()).toEqual(["cancelled", "woken a", "waiting"]);
    expect(lot.size).toBe(1);
    expect(lot.pop("b", Number.POSITIVE_INFINITY)).toBe(1);
    expect(lot.size).toBe(0);
  });

  it("leave() removes a waiter and says whether it had been woken", () => {
    const { lot, waiters } = setup(3);
    lot.wake("a");
    waiters[1]!.cancel();
    expect(lot.leave(waiters[0]!)).toBe(true);
    expect(lot.leave(waiters[1]!)).toBe(false);
    expect(lot.leave(waiters[2]!)).toBe(false);
    expect(lot.size).toBe(0);
    expect(lot.leave(waiters[0]!)).toBe(true); // leaving twice is harmless
  });

  it("allCancelled() is true only while every waiter in the list was cancelled", () => {
    const { lot, waiters } = setup(2);
    expect(new ParkingLot().allCancelled()).toBe(true);
    expect(lot.allCancelled()).toBe(false);
    waiters[0]!.cancel();
    expect(lot.allCancelled()).toBe(false);
    waiters[1]!.cancel();
    expect(lot.allCancelled()).toBe(true);
  });

  it("keeps first-come-first order across thousands of waiters taken from the front", () => {
    const loop = new EventLoop({ clock: "manual" });
    const lot = new ParkingLot<number>();
    const all = Array.from({ length: 3000 }, (_, i) => lot.park(loop, `w${i}`));
    expect(lot.pop(1, 2500)).toBe(2500);
    lot.leave(all[2700]!);
    const more = Array.from({ length: 10 }, (_, i) => lot.park(loop, `m${i}`));
    expect(lot.size).toBe(509);
    expect(lot.wake(2, 600)).toBe(509);
    expect(
      all
        .slice(2500)
        .filter((w) => !w.done())
        .map((w) => w.label),
    ).toEqual(["w2700"]);
    expect(more.every((w) => w.done())).toBe(true);
    expect(lot.pop(3, Number.POSITIVE_INFINITY)).toBe(0);
    expect(lot.size).toBe(0);
  });
});
