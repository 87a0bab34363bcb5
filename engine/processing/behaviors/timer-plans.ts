/** A timer event's definition, evaluated in its scope, as the due date and repetitions of the timer to create. */
import type { TimerDefinition } from '../../bpmn/model.js';
import { fail, ok, type Result } from '../../result.js';
import type { EngineState } from '../../state/engine-state.js';
import type { Key, Timer } from '../../state/types.js';
import { firstDueDate, nextDueDate, parseTimerText, timerTextFromFeel } from '../../timer/index.js';
import { evaluateInScope } from './expressions.js';

export type TimerPlan = Pick<Timer, 'dueDate' | 'repetitions' | 'cycle'>;

export function scheduleTimer(state: EngineState, scopeKey: Key, definition: TimerDefinition, now: number): Result<TimerPlan> {
  const text = timerText(state, scopeKey, definition);
  if (!text.ok) return text;
  const schedule = parseTimerText(definition.kind, text.value);
  if (!schedule.ok) return schedule;
  return ok({
    dueDate: firstDueDate(schedule.value, now),
    repetitions: definition.kind === 'cycle' ? schedule.value.repetitions : 1,
    ...(definition.kind === 'cycle' && { cycle: text.value }),
  });
}

/** The timer that follows a cycle timer which fired, or undefined when the cycle is over. */
export function followingTimer(timer: Timer): TimerPlan | undefined {
  if (timer.cycle === undefined || timer.repetitions === 1) return undefined;
  const schedule = parseTimerText('cycle', timer.cycle);
  if (!schedule.ok) return undefined;
  return {
    dueDate: nextDueDate(schedule.value, timer.dueDate),
    repetitions: timer.repetitions < 0 ? -1 : timer.repetitions - 1,
    cycle: timer.cycle,
  };
}

function timerText(state: EngineState, scopeKey: Key, definition: TimerDefinition): Result<string> {
  if (definition.value.kind === 'static') return ok(definition.value.value);
  const result = evaluateInScope(state, scopeKey, definition.value.source);
  if (!result.ok) return result;
  const text = timerTextFromFeel(result.value);
  return text.ok ? text : fail(`Expected the timer expression '=${definition.value.source}' to yield a ${definition.kind}: ${text.failure.message}`);
}
