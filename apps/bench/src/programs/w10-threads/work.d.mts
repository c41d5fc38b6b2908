// Types of work.mjs for the TypeScript programs that import it.
export declare function small(i: number): number;
export declare function heavy(rounds: number): number;
export default function dispatch(job: { fn: "small" | "heavy"; arg: number }): number;
