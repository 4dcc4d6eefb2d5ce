// FSM-3: a task's appointment window — both ends or neither, the start strictly before the end.
import { invalid } from "../errors";

export type Window = { windowStart: Date | null; windowEnd: Date | null };

/** The window after an edit (undefined = unchanged), checked; throws a field error naming the end at fault. */
export function checkWindow(current: Window, input: Partial<Window>): Window {
  const start = input.windowStart === undefined ? current.windowStart : input.windowStart;
  const end = input.windowEnd === undefined ? current.windowEnd : input.windowEnd;
  if (start && !end) throw invalid("windowEnd", "Give the appointment window an end as well as a start.");
  if (!start && end) throw invalid("windowStart", "Give the appointment window a start as well as an end.");
  if (start && end && start.getTime() >= end.getTime())
    throw invalid("windowEnd", "The appointment window must end after it starts.");
  return { windowStart: start, windowEnd: end };
}
