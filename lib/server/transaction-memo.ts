import "server-only";
import { db, type Tx } from "@/lib/db";

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * The answer of `load` once per transaction, for configuration a transaction reads and never
 * writes itself (SLA targets, email templates): a caller can read it early — before it takes a
 * lock other transactions wait on, such as REC-1's number counter — and the rules that follow read
 * the same answer without another round trip. Outside a transaction (the shared client) nothing
 * is kept, so no answer outlives the transaction that read it.
 */
export function oncePerTransaction<T>(tx: Tx, key: string, load: () => Promise<T>): Promise<T> {
  if (tx === db()) return load();
  let memo = memos.get(tx);
  if (!memo) memos.set(tx, (memo = new Map<string, Promise<unknown>>()));
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) memo.set(key, (answer = load()));
  return answer;
}
